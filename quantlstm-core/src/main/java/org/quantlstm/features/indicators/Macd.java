package org.quantlstm.features.indicators;

/**
 * MACD: line = EMA(fast) − EMA(slow) of the input, signal = EMA(signal) of the line, histogram = line − signal.
 * All three EMAs use the first-value seed of {@link Ema} and are run over the unmasked values from the first
 * bar (as ta4j's {@code MACDIndicator} and pandas {@code ewm(adjust=False)} do), so the values equal ta4j's.
 * Warm-up: the line is NaN before {@code slow - 1}, signal and histogram before {@code slow + signal - 2}
 * (25 and 33 for the usual 12/26/9).
 */
public final class Macd {
    /** The three output columns. */
    public record Result(double[] line, double[] signal, double[] histogram) {
    }

    private final int fast;
    private final int slow;
    private final int signal;

    public Macd(int fast, int slow, int signal) {
        Columns.requirePeriod("MACD fast", fast, 1);
        Columns.requirePeriod("MACD signal", signal, 1);
        if (slow <= fast) {
            throw new IllegalArgumentException("MACD slow period " + slow + " must exceed fast period " + fast);
        }
        this.fast = fast;
        this.slow = slow;
        this.signal = signal;
    }

    /** The standard 12/26/9. */
    public static Macd standard() {
        return new Macd(12, 26, 9);
    }

    public int lineWarmUp() {
        return slow - 1;
    }

    public int warmUp() {
        return slow + signal - 2;
    }

    public Result compute(double[] x) {
        int n = x.length;
        int start = Columns.firstFinite(x);
        double[] line = Columns.nan(n);
        double[] sig = Columns.nan(n);
        double[] hist = Columns.nan(n);
        // fast EMA into line, slow EMA into hist (scratch), then line = fast - slow
        Ema.raw(x, start, 2.0 / (fast + 1), line);
        Ema.raw(x, start, 2.0 / (slow + 1), hist);
        for (int i = start; i < n; i++) {
            line[i] -= hist[i];
        }
        Ema.raw(line, start, 2.0 / (signal + 1), sig);
        for (int i = start; i < n; i++) {
            hist[i] = line[i] - sig[i];
        }
        Ema.mask(line, start, lineWarmUp());
        Ema.mask(sig, start, warmUp());
        Ema.mask(hist, start, warmUp());
        return new Result(line, sig, hist);
    }
}
