package org.quantlstm.backtest;

import org.quantlstm.common.UserInputException;

/**
 * The columns a backtest trades on: bar times (epoch ms), opens and closes (adjusted consistently; a caller with
 * a {@code BarSeries} uses {@code adjusted()} so that dividends are in the returns). Arrays are copied.
 *
 * @param name  instrument name for logs and trades (e.g. "SPY")
 * @param times strictly increasing bar times, epoch milliseconds
 * @param open  opening prices (&gt; 0)
 * @param close closing prices (&gt; 0)
 */
public record Prices(String name, long[] times, double[] open, double[] close) {
    public Prices {
        if (times == null || open == null || close == null) {
            throw new IllegalArgumentException("price columns must not be null");
        }
        if (open.length != times.length || close.length != times.length) {
            throw new IllegalArgumentException(name + ": price columns differ in length");
        }
        times = times.clone();
        open = open.clone();
        close = close.clone();
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new UserInputException(name + ": bar times not increasing at index " + i);
            }
            if (!(open[i] > 0) || !(close[i] > 0) || Double.isInfinite(open[i]) || Double.isInfinite(close[i])) {
                throw new UserInputException(name + ": price at index " + i + " must be finite and > 0 (open="
                        + open[i] + ", close=" + close[i] + ")");
            }
        }
    }

    /** Prices without real timestamps (bar index used as time), for tests and synthetic series. */
    public static Prices of(String name, double[] open, double[] close) {
        long[] t = new long[close.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return new Prices(name, t, open, close);
    }

    public int size() {
        return times.length;
    }

    /** The first {@code n} bars. */
    public Prices head(int n) {
        return new Prices(name, java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(open, n),
                java.util.Arrays.copyOf(close, n));
    }
}
