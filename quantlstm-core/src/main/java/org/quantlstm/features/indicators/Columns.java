package org.quantlstm.features.indicators;

import java.util.Arrays;

/** Small helpers for {@code double[]} columns shared by the indicators. */
public final class Columns {
    private Columns() {
    }

    /** A new array of length {@code n} filled with NaN. */
    public static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /** Index of the first finite value, or {@code x.length} if there is none. */
    public static int firstFinite(double[] x) {
        int i = 0;
        while (i < x.length && !Double.isFinite(x[i])) {
            i++;
        }
        return i;
    }

    /** Index of the first index at which both columns are finite, or the length if none. */
    public static int firstFinite(double[] x, double[] y) {
        return Math.max(firstFinite(x), firstFinite(y));
    }

    static void requirePeriod(String what, int period, int min) {
        if (period < min) {
            throw new IllegalArgumentException(what + " period must be >= " + min + ", got " + period);
        }
    }

    static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("columns differ in length: " + a.length + " vs " + b.length);
        }
    }

    /** {@code a / b}, or NaN when {@code b} is zero or either is NaN. */
    static double ratio(double a, double b) {
        return b == 0.0 ? Double.NaN : a / b;
    }
}
