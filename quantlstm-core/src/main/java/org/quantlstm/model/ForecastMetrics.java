package org.quantlstm.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Forecast accuracy, always next to the naive baselines. Pure Java, no DJL.
 *
 * <p>Two kinds of target. {@link Target#LEVEL}: the forecast is the next value of a level series (a price, a
 * scaled price); the persistence baseline is "next = last observed value" and the drift baseline is "last +
 * mean one-step change of the training data" (random walk with drift). Directions and the information
 * coefficients are measured on moves relative to the last observed value. {@link Target#CHANGE}: the
 * forecast is itself a change (a return); persistence is "next change = last observed change", drift is "the
 * mean training change", and directions are signs relative to zero.
 *
 * <p>Definitions: RMSE = √(mean (f−a)²); MAE = mean |f−a|; MAPE = 100 · mean |f−a|/|a| over samples with
 * a ≠ 0 (percent; meaningless for returns near zero); directional accuracy = share of samples with a non-zero
 * realised move whose forecast move has the same sign (a zero forecast move counts as wrong; NaN when every
 * forecast move is zero, as for persistence on a level target); IC = Pearson correlation of forecast and
 * realised moves; rank IC = Spearman correlation (average ranks for ties); Theil's U (U2) = RMSE(model) /
 * RMSE(persistence): below 1 the model beats "tomorrow = today".
 */
public final class ForecastMetrics {
    private ForecastMetrics() {
    }

    /** What is forecast: a level (next price) or a change (next return). */
    public enum Target { LEVEL, CHANGE }

    /** Error statistics of one forecast. */
    public record Errors(int n, double rmse, double mae, double mapePercent, double directionalAccuracy, double ic,
                         double rankIc) {
    }

    /** The model next to both baselines, Theil's U and a plain verdict line. */
    public record Report(Target target, Errors model, Errors persistence, Errors drift, double theilU,
                         boolean beatsPersistence, String verdict) {
        /** A fixed-width table, one row per forecaster, then the verdict. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-12s %12s %12s %9s %8s %8s %8s%n", "forecast", "RMSE", "MAE", "MAPE%",
                    "dir.acc", "IC", "rankIC"));
            row(sb, "LSTM", model);
            row(sb, "persistence", persistence);
            row(sb, "drift", drift);
            sb.append(String.format(Locale.ROOT, "Theil's U (RMSE LSTM / RMSE persistence): %.4f  (n=%d)%n", theilU,
                    model.n()));
            sb.append(verdict).append(System.lineSeparator());
            return sb.toString();
        }

        private static void row(StringBuilder sb, String name, Errors e) {
            sb.append(String.format(Locale.ROOT, "%-12s %12.6g %12.6g %9.3f %8.3f %8.3f %8.3f%n", name, e.rmse(), e.mae(),
                    e.mapePercent(), e.directionalAccuracy(), e.ic(), e.rankIc()));
        }
    }

    /**
     * Evaluates {@code forecast} against {@code actual}. {@code lastObserved[i]} is the target series' value known
     * at the decision time of sample i (the last close for a level target, the last return for a change target);
     * {@code driftPerStep} is the mean one-step change (LEVEL) or mean change (CHANGE) estimated on training
     * data only — see {@link #driftPerStep}.
     */
    public static Report evaluate(double[] actual, double[] forecast, double[] lastObserved, double driftPerStep,
                                  Target target) {
        int n = actual.length;
        if (forecast.length != n || lastObserved.length != n) {
            throw new IllegalArgumentException("actual, forecast and lastObserved differ in length: " + n + ", "
                    + forecast.length + ", " + lastObserved.length);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no forecasts to evaluate");
        }
        double[] persistence = lastObserved.clone();
        double[] drift = new double[n];
        double[] reference = new double[n];
        for (int i = 0; i < n; i++) {
            drift[i] = target == Target.LEVEL ? lastObserved[i] + driftPerStep : driftPerStep;
            reference[i] = target == Target.LEVEL ? lastObserved[i] : 0;
        }
        Errors m = errors(actual, forecast, reference);
        Errors p = errors(actual, persistence, reference);
        Errors d = errors(actual, drift, reference);
        double u = m.rmse() / p.rmse();
        boolean beats = u < 1;
        String verdict = beats
                ? String.format(Locale.ROOT, "LSTM beats the persistence baseline (next = last): RMSE %.6g < %.6g,"
                + " Theil's U %.3f < 1%s", m.rmse(), p.rmse(), u, m.rmse() < d.rmse() ? "; it also beats drift"
                : "; but it does NOT beat the drift baseline (RMSE " + fmt(d.rmse()) + ")")
                : String.format(Locale.ROOT, "LSTM does NOT beat the naive persistence forecast (next = last):"
                + " RMSE %.6g vs %.6g, Theil's U %.3f >= 1 - the forecast adds nothing over 'tomorrow = today'",
                m.rmse(), p.rmse(), u);
        return new Report(target, m, p, d, u, beats, verdict);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** All statistics of one forecast; moves are measured relative to {@code reference}. */
    public static Errors errors(double[] actual, double[] forecast, double[] reference) {
        int n = actual.length;
        double[] fMove = new double[n];
        double[] aMove = new double[n];
        for (int i = 0; i < n; i++) {
            fMove[i] = forecast[i] - reference[i];
            aMove[i] = actual[i] - reference[i];
        }
        return new Errors(n, rmse(actual, forecast), mae(actual, forecast), mapePercent(actual, forecast),
                directionalAccuracy(aMove, fMove), pearson(fMove, aMove), spearman(fMove, aMove));
    }

    public static double rmse(double[] a, double[] f) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (f[i] - a[i]) * (f[i] - a[i]);
        }
        return Math.sqrt(s / a.length);
    }

    public static double mae(double[] a, double[] f) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(f[i] - a[i]);
        }
        return s / a.length;
    }

    /** Mean absolute percentage error in percent over samples with a non-zero actual (NaN if none). */
    public static double mapePercent(double[] a, double[] f) {
        double s = 0;
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0) {
                s += Math.abs((f[i] - a[i]) / a[i]);
                k++;
            }
        }
        return k == 0 ? Double.NaN : 100 * s / k;
    }

    /** Share of non-zero realised moves whose forecast move has the same sign; NaN if all forecast moves are 0. */
    public static double directionalAccuracy(double[] actualMove, double[] forecastMove) {
        int hit = 0;
        int k = 0;
        boolean anyForecast = false;
        for (int i = 0; i < actualMove.length; i++) {
            anyForecast |= forecastMove[i] != 0;
            if (actualMove[i] != 0) {
                k++;
                if (Math.signum(actualMove[i]) == Math.signum(forecastMove[i])) {
                    hit++;
                }
            }
        }
        return k == 0 || !anyForecast ? Double.NaN : (double) hit / k;
    }

    /** Pearson correlation; NaN when either side is constant. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman rank correlation: Pearson of average ranks (ties share their mean rank). */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /**
     * Drift estimated on training data only: for a LEVEL series the mean one-step change (last − first)/(n − 1);
     * for a CHANGE series the mean change.
     */
    public static double driftPerStep(double[] trainSeries, Target target) {
        int n = trainSeries.length;
        if (n < 2) {
            throw new IllegalArgumentException("drift needs at least 2 training values");
        }
        if (target == Target.LEVEL) {
            return (trainSeries[n - 1] - trainSeries[0]) / (n - 1);
        }
        double s = 0;
        for (double v : trainSeries) {
            s += v;
        }
        return s / n;
    }
}
