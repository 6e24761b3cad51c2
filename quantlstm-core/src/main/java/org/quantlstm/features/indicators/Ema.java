package org.quantlstm.features.indicators;

/**
 * Exponential moving average with {@code alpha = 2 / (period + 1)}.
 *
 * <p>Seed convention: the recursion starts from the first value, {@code ema[0] = x[0]},
 * {@code ema[t] = ema[t-1] + alpha (x[t] - ema[t-1])} — the convention of ta4j's {@code EMAIndicator} and of
 * pandas {@code ewm(span=period, adjust=False)}, which the reference Python systems use. (The other common seed,
 * an SMA of the first {@code period} values as in TA-Lib, gives different values that converge
 * geometrically.) Because the first values are dominated by the seed, outputs before index
 * {@code period - 1} are reported as NaN (warm-up {@code period - 1}); from there on the values equal ta4j's
 * exactly up to rounding.
 */
public final class Ema {
    private final int period;

    public Ema(int period) {
        Columns.requirePeriod("EMA", period, 1);
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
        int start = Columns.firstFinite(x);
        raw(x, start, 2.0 / (period + 1), out);
        mask(out, start, period - 1);
        return out;
    }

    /** The unmasked recursion from {@code start} (seed {@code x[start]}); indices before stay untouched. */
    static void raw(double[] x, int start, double alpha, double[] out) {
        if (start >= x.length) {
            return;
        }
        double e = x[start];
        out[start] = e;
        for (int i = start + 1; i < x.length; i++) {
            e += alpha * (x[i] - e);
            out[i] = e;
        }
    }

    /** Sets {@code out[start .. start+warm-1]} to NaN. */
    static void mask(double[] out, int start, int warm) {
        for (int i = start, end = Math.min(out.length, start + warm); i < end; i++) {
            out[i] = Double.NaN;
        }
    }
}
