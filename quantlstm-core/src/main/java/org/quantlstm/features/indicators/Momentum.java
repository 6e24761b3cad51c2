package org.quantlstm.features.indicators;

/**
 * Price momentum as a difference: {@code x[t] − x[t−n]} (pandas {@code x.diff(n)}; the seed's "5-day and
 * 10-day price changes"). Warm-up {@code n}. See {@link RateOfChange} for the relative form.
 */
public final class Momentum {
    private final int n;

    public Momentum(int n) {
        Columns.requirePeriod("momentum", n, 1);
        this.n = n;
    }

    public int warmUp() {
        return n;
    }

    public double[] compute(double[] x) {
        double[] out = Columns.nan(x.length);
        for (int i = n; i < x.length; i++) {
            out[i] = x[i] - x[i - n];
        }
        return out;
    }
}
