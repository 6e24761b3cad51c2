package org.quantlstm.report;

import java.util.Arrays;

/**
 * The information coefficient of a cross-sectional forecast: on one date, the correlation across stocks between
 * the score and the return that followed. {@link #pearson} is the IC, {@link #spearman} the rank IC (Pearson on
 * average ranks, so ties share their mean rank). Pairs where either value is not finite are skipped; fewer than
 * three pairs, or no variation, give NaN. {@link #summarize} turns the per-date series into its mean, sample std
 * (ddof = 1) and t-statistic {@code mean / (std / √n)} over the finite dates. With a k-day target horizon the
 * daily ICs overlap and are autocorrelated, which inflates that t-statistic; {@link #everyKth} gives the
 * non-overlapping subsample for an honest one.
 */
public final class InformationCoefficient {
    private InformationCoefficient() {
    }

    /** Mean, std (ddof = 1), t-statistic and count of a per-date IC series (NaN dates skipped). */
    public record Summary(int dates, double mean, double std, double tStat) {
    }

    /** Pearson correlation of the finite pairs ({@link org.quantlstm.analytics.CorrelationTest#pearson}). */
    public static double pearson(double[] x, double[] y) {
        check(x, y);
        return org.quantlstm.analytics.CorrelationTest.pearson(x, y);
    }

    public static double spearman(double[] x, double[] y) {
        check(x, y);
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
            }
        }
        double[] a = new double[n], b = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                a[k] = x[i];
                b[k++] = y[i];
            }
        }
        return pearson(ranks(a), ranks(b));
    }

    /** Average ranks (1-based); ties get the mean of the ranks they span. */
    public static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[idx[t]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    public static Summary summarize(double[] perDate) {
        double[] f = Arrays.stream(perDate).filter(Double::isFinite).toArray();
        int n = f.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(f).average().orElse(Double.NaN);
        double std = Stats.std(f);
        double t = n < 2 || !(std > 0) ? Double.NaN : mean / (std / Math.sqrt(n));
        return new Summary(n, mean, std, t);
    }

    /** Every {@code k}-th value starting at the first (the non-overlapping dates of a k-day horizon). */
    public static double[] everyKth(double[] perDate, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        double[] out = new double[(perDate.length + k - 1) / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = perDate[i * k];
        }
        return out;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + y.length);
        }
    }
}
