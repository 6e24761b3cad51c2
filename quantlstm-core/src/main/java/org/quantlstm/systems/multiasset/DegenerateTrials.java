package org.quantlstm.systems.multiasset;

import org.quantlstm.tuning.Direction;
import org.quantlstm.tuning.Objectives;
import org.quantlstm.tuning.Trial;

/**
 * Recognises tuning trials whose strategy never changes position on the validation segment (always flat, always
 * long or always short): their profit − λ·drawdown or Sharpe is the same for every setting that leaves the
 * strategy there (e.g. −0.6254587576558467 for many settings in the multi-asset study), so the sampler learns
 * nothing from them. Such a trial is marked ({@code degenerate} user attribute: trial log, {@code study show},
 * trials.csv) and its value gets {@link Objectives#degenerate}'s tie-break, with the gap measured in signal
 * standard deviations: for an always-flat strategy, how far the highest forecast stayed below the long threshold
 * (or the lowest above the short one, if shorts are allowed); for an always-long one, how far the lowest forecast
 * stayed above the long threshold; likewise for always short (thresholds centred, as in the strategy, on the mean
 * of the model's predicted returns over its training windows). The RMSE goal judges forecasts, not trades, and is
 * left alone.
 */
final class DegenerateTrials {
    private DegenerateTrials() {
    }

    /** Why {@code e} is degenerate, or null when its position changes at least once. */
    static String reason(AssetTuner.Evaluation e) {
        double[] pos = e.target();
        if (pos.length == 0) {
            return "no validation bars";
        }
        for (double p : pos) {
            if (p != pos[0]) {
                return null;
            }
        }
        return pos[0] == 0 ? "never trades (always flat)" : pos[0] > 0 ? "never changes position (always long)"
                : "never changes position (always short)";
    }

    /** How far (signal standard deviations) {@code e} stayed from changing position; see the class comment. */
    static double gap(AssetTuner.Evaluation e, boolean allowShort) {
        double[] r = e.predictedReturn();
        double sd = e.predictionStd();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : r) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        if (n == 0 || !(sd > 0)) {
            return Double.NaN;
        }
        double centre = e.predictionCentre();
        double tl = e.params().longThreshold();
        double ts = e.params().shortThreshold();
        double p = e.target()[0];
        double gap;
        if (p == 0) {
            gap = tl - (max - centre) / sd;
            if (allowShort) {
                gap = Math.min(gap, ts - (centre - min) / sd);
            }
        } else if (p > 0) {
            gap = (min - centre) / sd - tl;
        } else {
            gap = -(max - centre) / sd - ts;
        }
        return Math.max(0, gap);
    }

    /** Marks {@code trial} and returns the tie-broken value when {@code e} is degenerate, else {@code value}. */
    static double apply(Trial trial, AssetTuner.Evaluation e, double value, AssetTuner.Goal goal, boolean allowShort) {
        String why = goal == AssetTuner.Goal.RMSE ? null : reason(e);
        if (why == null) {
            return value;
        }
        trial.setUserAttr("degenerate", why);
        Direction d = goal.direction();
        return Objectives.degenerate(value, d, gap(e, allowShort));
    }
}
