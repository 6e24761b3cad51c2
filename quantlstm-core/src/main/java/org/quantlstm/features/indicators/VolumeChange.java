package org.quantlstm.features.indicators;

/**
 * Day-over-day volume change as a fraction: {@code v[t] / v[t−1] − 1} (pandas {@code volume.pct_change()});
 * NaN when the previous volume is zero (stale bars). Warm-up 1.
 */
public final class VolumeChange {
    public int warmUp() {
        return 1;
    }

    public double[] compute(double[] volume) {
        double[] out = Columns.nan(volume.length);
        RateOfChange.computeInto(volume, 1, out);
        return out;
    }
}
