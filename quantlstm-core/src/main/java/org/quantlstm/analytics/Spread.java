package org.quantlstm.analytics;

import java.util.Arrays;

/**
 * How much a figure moves across repeats (seeds, folds): mean ± sample standard deviation (ddof = 1), minimum and
 * maximum of its finite values, as Qlib reports its models over 20 seeds. Non-finite values (a Sharpe that is
 * undefined for a strategy that never traded in one repeat) are left out and counted.
 *
 * @param n         finite values
 * @param undefined non-finite values left out
 * @param mean      mean of the finite values (NaN if none)
 * @param std       sample standard deviation, ddof = 1 (NaN below two values)
 * @param min       smallest finite value (NaN if none)
 * @param max       largest finite value (NaN if none)
 */
public record Spread(int n, int undefined, double mean, double std, double min, double max) {

    /** The spread of {@code values}. */
    public static Spread of(double[] values) {
        double[] f = Arrays.stream(values).filter(Double::isFinite).toArray();
        double min = Arrays.stream(f).min().orElse(Double.NaN);
        double max = Arrays.stream(f).max().orElse(Double.NaN);
        return new Spread(f.length, values.length - f.length, Moments.mean(f), Moments.std(f), min, max);
    }

    /** {@code 1.23 ± 0.45 [0.80, 1.90]} with the given format for each number; "-" when no value is finite. */
    public String format(String number) {
        if (n == 0) {
            return "-";
        }
        String s = String.format(java.util.Locale.ROOT, number, mean) + " \u00b1 "
                + (Double.isNaN(std) ? "-" : String.format(java.util.Locale.ROOT, number, std));
        return s + " [" + String.format(java.util.Locale.ROOT, number, min) + ", "
                + String.format(java.util.Locale.ROOT, number, max) + "]";
    }
}
