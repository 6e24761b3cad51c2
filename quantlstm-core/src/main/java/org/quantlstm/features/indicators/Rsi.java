package org.quantlstm.features.indicators;

/**
 * Relative Strength Index, Wilder's definition: gains {@code max(Δx, 0)} and losses {@code max(−Δx, 0)};
 * the first averages are simple means of the first {@code period} changes (TA-Lib's and Wilder's seed), then
 * {@code avg = (avg·(period−1) + value) / period}; {@code RSI = 100 − 100 / (1 + avgGain/avgLoss)}, 100 when
 * there were no losses and 50 when the window had no movement at all. Warm-up {@code period}.
 *
 * <p>Known difference from ta4j 0.17: ta4j seeds its Wilder average ({@code MMAIndicator}) with the gain at
 * index 0 (zero) instead of the mean of the first {@code period} changes, so its first values differ; the
 * difference decays by a factor {@code (period−1)/period} per bar (below 1e-10 relative after ~330 bars for
 * period 14), which the tests assert.
 */
public final class Rsi {
    private final int period;

    public Rsi(int period) {
        Columns.requirePeriod("RSI", period, 1);
        this.period = period;
    }

    public int warmUp() {
        return period;
    }

    public double[] compute(double[] x) {
        int n = x.length;
        double[] out = Columns.nan(n);
        int start = Columns.firstFinite(x);
        double gain = 0;
        double loss = 0;
        for (int i = start + 1; i < n; i++) {
            double d = x[i] - x[i - 1];
            double g = d > 0 ? d : 0.0;
            double l = d < 0 ? -d : 0.0;
            int k = i - start;
            if (k <= period) {
                gain += g;
                loss += l;
                if (k < period) {
                    continue;
                }
                gain /= period;
                loss /= period;
            } else {
                gain = (gain * (period - 1) + g) / period;
                loss = (loss * (period - 1) + l) / period;
            }
            out[i] = value(gain, loss);
        }
        return out;
    }

    static double value(double gain, double loss) {
        if (loss == 0) {
            return gain == 0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gain / loss);
    }
}
