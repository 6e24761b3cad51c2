package org.quantlstm.features.indicators;

/** The value {@code k} bars ago: {@code out[t] = x[t - k]}; warm-up {@code k}. */
public final class Lag {
    private final int k;

    public Lag(int k) {
        Columns.requirePeriod("lag", k, 1);
        this.k = k;
    }

    public int warmUp() {
        return k;
    }

    public double[] compute(double[] x) {
        double[] out = Columns.nan(x.length);
        System.arraycopy(x, 0, out, Math.min(k, x.length), Math.max(0, x.length - k));
        return out;
    }
}
