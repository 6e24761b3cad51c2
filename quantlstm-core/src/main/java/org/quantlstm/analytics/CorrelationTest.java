package org.quantlstm.analytics;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The significance of a Pearson correlation, e.g. a forecast's information coefficient (the correlation of predicted
 * and realised moves over n test periods): {@code t = r·√((n − 2)/(1 − r²))}, referred to Student's t with n − 2
 * degrees of freedom, two-sided. This is the exact test of ρ = 0 for bivariate normal pairs; for daily returns,
 * which are heavy-tailed and slightly autocorrelated, read it as a guide. Pairs where either value is not finite
 * are skipped.
 */
public final class CorrelationTest {
    private CorrelationTest() {
    }

    /**
     * One test.
     *
     * @param r      Pearson correlation (NaN with fewer than 3 pairs or no variation)
     * @param t      the t statistic (±∞ for |r| = 1)
     * @param pValue two-sided p-value, Student t with n − 2 degrees of freedom
     * @param n      pairs used
     */
    public record Result(double r, double t, double pValue, int n) {
        /** Whether r differs from 0 at the given two-sided level (e.g. 0.05); false when undefined. */
        public boolean significant(double level) {
            return pValue < level;
        }
    }

    /** The test of the correlation of {@code x} and {@code y} (same length). */
    public static Result of(double[] x, double[] y) {
        int n = finitePairs(x, y);
        double r = pearson(x, y);
        if (n < 3 || Double.isNaN(r)) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, n);
        }
        return ofCorrelation(Math.max(-1, Math.min(1, r)), n);
    }

    /**
     * Pearson correlation of the pairs where both values are finite; NaN with fewer than 3 such pairs or when
     * either side does not vary. The one implementation (the report's information coefficient reads it too).
     */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + y.length);
        }
        int n = 0;
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
                mx += x[i];
                my += y[i];
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double dx = x[i] - mx, dy = y[i] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static int finitePairs(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
            }
        }
        return n;
    }

    /** The test of a correlation {@code r} computed from {@code n} pairs. */
    public static Result ofCorrelation(double r, int n) {
        if (n < 3 || Double.isNaN(r)) {
            return new Result(r, Double.NaN, Double.NaN, n);
        }
        if (Math.abs(r) >= 1) {
            return new Result(r, Math.copySign(Double.POSITIVE_INFINITY, r), 0, n);
        }
        double t = r * Math.sqrt((n - 2) / (1 - r * r));
        double p = 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t));
        return new Result(r, t, Math.min(1, p), n);
    }
}
