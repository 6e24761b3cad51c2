package org.quantlstm.features;

import java.util.Arrays;

/**
 * Training targets aligned to the decision bar: the target at row {@code t} uses prices at
 * {@code t+1 .. t+k} (and {@code t}), never earlier rows' futures, and is NaN where the future is unknown (the
 * last {@code k} rows). So a model that sees features up to {@code t} learns what happens after {@code t}.
 * Returns are simple ({@code p[t+k]/p[t] − 1}) unless named "log".
 */
public final class Targets {
    private Targets() {
    }

    /** {@code y[t] = close[t+1]}. */
    public static double[] nextClose(double[] close) {
        double[] y = nan(close.length);
        System.arraycopy(close, 1, y, 0, Math.max(0, close.length - 1));
        return y;
    }

    /** {@code y[t] = ln(close[t+1] / close[t])}. */
    public static double[] nextLogReturn(double[] close) {
        double[] y = nan(close.length);
        for (int t = 0; t + 1 < close.length; t++) {
            y[t] = Math.log(close[t + 1] / close[t]);
        }
        return y;
    }

    /** {@code y[t] = close[t+k] / close[t] − 1}. */
    public static double[] kStepReturn(double[] close, int k) {
        requireK(k);
        double[] y = nan(close.length);
        for (int t = 0; t + k < close.length; t++) {
            y[t] = close[t + k] / close[t] - 1.0;
        }
        return y;
    }

    /**
     * Forward excess return over a benchmark aligned to the same rows:
     * {@code (close[t+k]/close[t] − 1) − (bench[t+k]/bench[t] − 1)}; NaN where either is unknown.
     */
    public static double[] excessReturn(double[] close, double[] bench, int k) {
        requireK(k);
        if (bench.length != close.length) {
            throw new IllegalArgumentException("benchmark has " + bench.length + " rows, series " + close.length);
        }
        double[] y = nan(close.length);
        for (int t = 0; t + k < close.length; t++) {
            y[t] = (close[t + k] / close[t]) - (bench[t + k] / bench[t]);
        }
        return y;
    }

    /** Direction over {@code k} bars: 1 if {@code close[t+k] > close[t]}, else 0 (ties count as not up). */
    public static double[] direction(double[] close, int k) {
        requireK(k);
        double[] y = nan(close.length);
        for (int t = 0; t + k < close.length; t++) {
            y[t] = close[t + k] > close[t] ? 1.0 : 0.0;
        }
        return y;
    }

    private static void requireK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("target horizon must be >= 1, got " + k);
        }
    }

    private static double[] nan(int n) {
        double[] y = new double[n];
        Arrays.fill(y, Double.NaN);
        return y;
    }
}
