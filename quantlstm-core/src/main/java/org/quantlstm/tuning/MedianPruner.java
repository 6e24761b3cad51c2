package org.quantlstm.tuning;

import java.util.Arrays;
import java.util.List;

/**
 * Optuna's {@code MedianPruner}: prunes a trial whose best intermediate value so far is worse than the
 * median of the COMPLETE trials' intermediate values at the same step. Nothing is pruned before
 * {@code nStartupTrials} trials are COMPLETE, nor at steps below {@code nWarmupSteps}; only every
 * {@code intervalSteps}-th step (counted from the warm-up) is judged. The median interpolates linearly
 * between the two middle values (numpy's default percentile). A NaN report prunes.
 */
public final class MedianPruner implements Pruner {
    private final int nStartupTrials;
    private final int nWarmupSteps;
    private final int intervalSteps;

    public MedianPruner(int nStartupTrials, int nWarmupSteps) {
        this(nStartupTrials, nWarmupSteps, 1);
    }

    public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps) {
        if (nStartupTrials < 0 || nWarmupSteps < 0 || intervalSteps < 1) {
            throw new IllegalArgumentException("median pruner: nStartupTrials ≥ 0, nWarmupSteps ≥ 0, intervalSteps ≥ 1");
        }
        this.nStartupTrials = nStartupTrials;
        this.nWarmupSteps = nWarmupSteps;
        this.intervalSteps = intervalSteps;
    }

    @Override
    public boolean prune(List<FrozenTrial> trials, FrozenTrial current, Direction direction) {
        int step = current.lastStep();
        if (step < 0) {
            return false;
        }
        List<FrozenTrial> complete = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.number() != current.number()).toList();
        if (complete.size() < nStartupTrials || step < nWarmupSteps) {
            return false;
        }
        if ((step - nWarmupSteps) % intervalSteps != 0) {
            return false;
        }
        double best = Double.NaN;
        for (double v : current.intermediateValues().values()) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.better(v, best))) {
                best = v;
            }
        }
        if (Double.isNaN(best)) {
            return true;
        }
        double[] others = complete.stream().map(t -> t.intermediateValues().get(step))
                .filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
        if (others.length == 0) {
            return false;
        }
        double median = median(others);
        return direction.better(median, best);
    }

    /** Median with linear interpolation between the middle pair. */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
