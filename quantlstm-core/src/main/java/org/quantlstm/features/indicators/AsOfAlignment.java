package org.quantlstm.features.indicators;

import java.util.Arrays;

/**
 * Aligns a benchmark column to another series' timestamps by an as-of join: for each timestamp {@code t} the
 * benchmark value of the last benchmark bar at or before {@code t} (so never a later one: causal), NaN when
 * the benchmark has no bar yet. With identical trading calendars this is an exact match by timestamp; on a
 * day the benchmark lacks, its previous value is carried forward.
 */
public final class AsOfAlignment {
    private AsOfAlignment() {
    }

    /**
     * @param times       target timestamps (strictly increasing)
     * @param benchTimes  benchmark timestamps (strictly increasing)
     * @param benchValues benchmark values parallel to {@code benchTimes}
     */
    public static double[] align(long[] times, long[] benchTimes, double[] benchValues) {
        if (benchTimes.length != benchValues.length) {
            throw new IllegalArgumentException("benchmark times and values differ in length");
        }
        double[] out = new double[times.length];
        Arrays.fill(out, Double.NaN);
        int j = -1;
        for (int i = 0; i < times.length; i++) {
            while (j + 1 < benchTimes.length && benchTimes[j + 1] <= times[i]) {
                j++;
            }
            if (j >= 0) {
                out[i] = benchValues[j];
            }
        }
        return out;
    }
}
