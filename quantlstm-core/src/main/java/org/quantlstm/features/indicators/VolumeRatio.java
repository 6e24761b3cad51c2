package org.quantlstm.features.indicators;

/**
 * Volume relative to its recent average: {@code v[t] / SMA(v, period)[t]} (the average includes bar
 * {@code t}, as pandas {@code v / v.rolling(period).mean()}); NaN when the average is zero. Warm-up
 * {@code period − 1}.
 */
public final class VolumeRatio {
    private final int period;

    public VolumeRatio(int period) {
        Columns.requirePeriod("volume ratio", period, 1);
        this.period = period;
    }

    public int warmUp() {
        return period - 1;
    }

    public double[] compute(double[] volume) {
        double[] out = Columns.nan(volume.length);
        int start = Columns.firstFinite(volume);
        Sma.computeInto(volume, start, period, out);
        for (int i = start + period - 1; i < volume.length; i++) {
            out[i] = Columns.ratio(volume[i], out[i]);
        }
        return out;
    }
}
