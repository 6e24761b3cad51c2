package org.quantlstm.features.indicators;

/**
 * Simple moving average over the last {@code period} values (inclusive of {@code t}); warm-up
 * {@code period - 1}. A running sum, re-summed exactly every {@value #RESYNC} bars so rounding drift stays at
 * the level of one window sum. Matches ta4j's {@code SMAIndicator} after warm-up.
 */
public final class Sma {
    static final int RESYNC = 1024;
    private final int period;

    public Sma(int period) {
        Columns.requirePeriod("SMA", period, 1);
        this.period = period;
    }

    public int period() {
        return period;
    }

    public int warmUp() {
        return period - 1;
    }

    public double[] compute(double[] x) {
        double[] out = Columns.nan(x.length);
        computeInto(x, Columns.firstFinite(x), period, out);
        return out;
    }

    /** Writes the SMA of {@code x} from index {@code start} into {@code out} (indices before stay untouched). */
    static void computeInto(double[] x, int start, int period, double[] out) {
        int n = x.length;
        double sum = 0;
        for (int i = start; i < n; i++) {
            int k = i - start;
            if (k >= period && (k % RESYNC) == 0) {
                sum = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    sum += x[j];
                }
            } else {
                sum += x[i];
                if (k >= period) {
                    sum -= x[i - period];
                }
            }
            if (k >= period - 1) {
                out[i] = sum / period;
            }
        }
    }
}
