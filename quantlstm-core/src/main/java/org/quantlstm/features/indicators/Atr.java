package org.quantlstm.features.indicators;

/**
 * Average True Range, Wilder's smoothing. True range
 * {@code TR[t] = max(high−low, |high−close[t−1]|, |low−close[t−1]|)} needs the previous close, so it starts at
 * index 1; the first ATR (index {@code period}) is the simple mean of {@code TR[1..period]}, then
 * {@code ATR = (ATR·(period−1) + TR) / period} (TA-Lib's convention). Warm-up {@code period}.
 *
 * <p>Known difference from ta4j 0.17: ta4j's {@code ATRIndicator} takes {@code TR[0] = high−low} and seeds its
 * Wilder average with it at index 0; the difference decays by {@code (period−1)/period} per bar, asserted in
 * the tests.
 */
public final class Atr {
    private final int period;

    public Atr(int period) {
        Columns.requirePeriod("ATR", period, 1);
        this.period = period;
    }

    public int warmUp() {
        return period;
    }

    public double[] compute(double[] high, double[] low, double[] close) {
        Columns.requireSameLength(high, low);
        Columns.requireSameLength(high, close);
        int n = close.length;
        double[] out = Columns.nan(n);
        int start = Math.max(Columns.firstFinite(close), Columns.firstFinite(high, low));
        double atr = 0;
        for (int i = start + 1; i < n; i++) {
            double pc = close[i - 1];
            double tr = Math.max(high[i] - low[i], Math.max(Math.abs(high[i] - pc), Math.abs(low[i] - pc)));
            int k = i - start;
            if (k <= period) {
                atr += tr;
                if (k < period) {
                    continue;
                }
                atr /= period;
            } else {
                atr = (atr * (period - 1) + tr) / period;
            }
            out[i] = atr;
        }
        return out;
    }
}
