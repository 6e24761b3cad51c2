package org.quantlstm.features.indicators;

/**
 * Distance from a long simple moving average: {@code x[t] / SMA(x, period)[t] − 1} (seed 003's
 * {@code sma100_gap} with period 100). Warm-up {@code period − 1}.
 */
public final class SmaGap {
    private final int period;

    public SmaGap(int period) {
        Columns.requirePeriod("SMA gap", period, 1);
        this.period = period;
    }

    public int warmUp() {
        return period - 1;
    }

    public double[] compute(double[] x) {
        double[] out = Columns.nan(x.length);
        int start = Columns.firstFinite(x);
        Sma.computeInto(x, start, period, out);
        for (int i = start + period - 1; i < x.length; i++) {
            out[i] = Columns.ratio(x[i], out[i]) - 1.0;
        }
        return out;
    }
}
