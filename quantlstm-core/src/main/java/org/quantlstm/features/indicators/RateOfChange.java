package org.quantlstm.features.indicators;

/**
 * Rate of change as a fraction: {@code x[t] / x[t−n] − 1} (pandas {@code pct_change(n)}); NaN where
 * {@code x[t−n]} is zero. With {@code n = 1} this is the simple one-bar return. Warm-up {@code n}.
 * ta4j's {@code ROCIndicator} returns the same quantity in percent (×100).
 */
public final class RateOfChange {
    private final int n;

    public RateOfChange(int n) {
        Columns.requirePeriod("rate of change", n, 1);
        this.n = n;
    }

    public int warmUp() {
        return n;
    }

    public double[] compute(double[] x) {
        double[] out = Columns.nan(x.length);
        computeInto(x, n, out);
        return out;
    }

    static void computeInto(double[] x, int n, double[] out) {
        for (int i = n; i < x.length; i++) {
            out[i] = Columns.ratio(x[i], x[i - n]) - 1.0;
        }
    }
}
