package org.quantlstm.analytics;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The Diebold–Mariano (1995) test of equal predictive accuracy, with the Harvey, Leybourne and Newbold (1997)
 * small-sample correction.
 *
 * <p>With loss differentials {@code d_t = L(e1_t) − L(e2_t)} (t = 1..n) and mean {@code d̄}, the long-run variance
 * is the Newey–West (Bartlett) estimate {@code Ω = γ₀ + 2 Σ_{j=1..L} (1 − j/(L+1)) γ_j}, with autocovariances
 * {@code γ_j = (1/n) Σ_{t=j+1..n} (d_t − d̄)(d_{t−j} − d̄)}, and {@code DM = d̄ / √(Ω/n)}. The HLN statistic is
 * {@code DM · √((n + 1 − 2h + h(h − 1)/n)/n)}, referred to Student's t with n − 1 degrees of freedom; the p-value is
 * two-sided. The lag is h − 1 for h-step forecasts (the MA(h − 1) structure of optimal h-step errors), or the
 * automatic Newey–West (1994) rule of thumb {@code ⌊4 (n/100)^{2/9}⌋} if larger. For h = 1 the figures equal R's
 * {@code forecast::dm.test} (which weights the h − 1 autocovariances uniformly; the two agree when there are none).
 *
 * <p>A negative statistic means the first forecast has the smaller loss. Identical losses give statistic 0 and
 * p = 1; a constant non-zero differential gives an infinite statistic and p = 0.
 */
public final class DieboldMariano {
    private DieboldMariano() {
    }

    /** The loss applied to each forecast error. */
    public enum Loss {
        SQUARED, ABSOLUTE;

        double of(double error) {
            return this == SQUARED ? error * error : Math.abs(error);
        }
    }

    /**
     * One test.
     *
     * @param statistic      the HLN-corrected DM statistic (negative: the first forecast is more accurate)
     * @param pValue         two-sided, Student t with n − 1 degrees of freedom
     * @param meanDifference d̄, the mean of L(e1) − L(e2)
     * @param n              number of loss differentials
     * @param horizon        h
     * @param lag            Newey–West lag L used
     * @param longRunVariance Ω (of d, not of d̄)
     */
    public record Result(double statistic, double pValue, double meanDifference, int n, int horizon, int lag,
                         double longRunVariance) {
        /** Whether the two forecasts differ in accuracy at the given two-sided level (e.g. 0.05). */
        public boolean significant(double level) {
            return pValue < level;
        }
    }

    /** The test of forecasts {@code f1} and {@code f2} of {@code actual}, h-step, lag h − 1. */
    public static Result test(double[] actual, double[] f1, double[] f2, Loss loss, int horizon) {
        return test(actual, f1, f2, loss, horizon, false);
    }

    /**
     * The test of forecasts {@code f1} and {@code f2} of {@code actual}; with {@code automaticLag} the lag is the larger
     * of h − 1 and {@link #automaticLag(int)}.
     */
    public static Result test(double[] actual, double[] f1, double[] f2, Loss loss, int horizon, boolean automaticLag) {
        int n = actual.length;
        if (f1.length != n || f2.length != n) {
            throw new IllegalArgumentException("actual, f1 and f2 must have the same length: " + n + ", " + f1.length
                    + ", " + f2.length);
        }
        double[] l1 = new double[n];
        double[] l2 = new double[n];
        for (int t = 0; t < n; t++) {
            l1[t] = loss.of(actual[t] - f1[t]);
            l2[t] = loss.of(actual[t] - f2[t]);
        }
        int lag = horizon - 1;
        if (automaticLag) {
            lag = Math.max(lag, automaticLag(n));
        }
        lag = Math.min(lag, n - 1);
        return ofLosses(l1, l2, horizon, lag);
    }

    /** The test on two loss series, h-step, lag h − 1. */
    public static Result ofLosses(double[] loss1, double[] loss2, int horizon) {
        return ofLosses(loss1, loss2, horizon, horizon - 1);
    }

    /** The test on two loss series with an explicit Newey–West lag (0 ≤ lag &lt; n). */
    public static Result ofLosses(double[] loss1, double[] loss2, int horizon, int lag) {
        int n = loss1.length;
        if (loss2.length != n) {
            throw new IllegalArgumentException("loss series differ in length: " + n + " and " + loss2.length);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1: " + horizon);
        }
        if (n < 3) {
            throw new IllegalArgumentException("the DM test needs at least 3 loss differentials, got " + n);
        }
        if (lag < 0 || lag >= n) {
            throw new IllegalArgumentException("lag must be in [0, n): " + lag + " with n = " + n);
        }
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            d[t] = loss1[t] - loss2[t];
            if (!Double.isFinite(d[t])) {
                throw new IllegalArgumentException("loss differential " + t + " is not finite: " + d[t]);
            }
            mean += d[t];
        }
        mean /= n;
        double omega = longRunVariance(d, mean, lag);
        double statistic;
        if (omega > 0) {
            double dm = mean / Math.sqrt(omega / n);
            double k = Math.sqrt((n + 1 - 2.0 * horizon + (double) horizon * (horizon - 1) / n) / n);
            statistic = dm * k;
        } else {
            statistic = mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        }
        double p;
        if (Double.isInfinite(statistic)) {
            p = 0;
        } else {
            p = 2 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(statistic));
            p = Math.min(1, p);
        }
        return new Result(statistic, p, mean, n, horizon, lag, omega);
    }

    /** Ω = γ₀ + 2 Σ_{j=1..L} (1 − j/(L+1)) γ_j, autocovariances with divisor n (never negative). */
    static double longRunVariance(double[] d, double mean, int lag) {
        int n = d.length;
        double omega = 0;
        for (int j = 0; j <= lag; j++) {
            double g = 0;
            for (int t = j; t < n; t++) {
                g += (d[t] - mean) * (d[t - j] - mean);
            }
            g /= n;
            omega += j == 0 ? g : 2 * (1 - j / (lag + 1.0)) * g;
        }
        return Math.max(0, omega);
    }

    /** Newey–West (1994) rule-of-thumb lag ⌊4 (n/100)^{2/9}⌋. */
    public static int automaticLag(int n) {
        return (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
    }
}
