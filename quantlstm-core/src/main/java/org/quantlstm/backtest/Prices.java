package org.quantlstm.backtest;

import java.util.Arrays;
import org.quantlstm.common.UserInputException;

/**
 * The columns a backtest trades on: bar times (epoch ms), opens, highs, lows, closes (adjusted consistently; a
 * caller with a {@code BarSeries} uses {@code adjusted()} so that dividends are in the returns) and volumes.
 * Arrays are copied. Highs and lows decide intrabar touches of stop and limit levels; where a source has none
 * ({@link #Prices(String, long[], double[], double[])}), the bar's range is taken as [min(open, close),
 * max(open, close)], so a level inside the bar's body is still touched and nothing beyond it is. Volume (shares)
 * feeds the fee model's impact and participation cap; NaN = unknown.
 *
 * @param name   instrument name for logs and trades (e.g. "SPY")
 * @param times  strictly increasing bar times, epoch milliseconds
 * @param open   opening prices (&gt; 0)
 * @param high   highs (≥ max(open, close))
 * @param low    lows (&gt; 0, ≤ min(open, close))
 * @param close  closing prices (&gt; 0)
 * @param volume volumes in shares (NaN = unknown)
 */
public record Prices(String name, long[] times, double[] open, double[] high, double[] low, double[] close,
                     double[] volume) {
    public Prices {
        if (times == null || open == null || close == null || high == null || low == null || volume == null) {
            throw new IllegalArgumentException("price columns must not be null");
        }
        int n = times.length;
        if (open.length != n || close.length != n || high.length != n || low.length != n || volume.length != n) {
            throw new IllegalArgumentException(name + ": price columns differ in length");
        }
        times = times.clone();
        open = open.clone();
        close = close.clone();
        high = high.clone();
        low = low.clone();
        volume = volume.clone();
        for (int i = 0; i < n; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new UserInputException(name + ": bar times not increasing at index " + i);
            }
            if (!(open[i] > 0) || !(close[i] > 0) || Double.isInfinite(open[i]) || Double.isInfinite(close[i])) {
                throw new UserInputException(name + ": price at index " + i + " must be finite and > 0 (open="
                        + open[i] + ", close=" + close[i] + ")");
            }
            // a source's high/low that does not contain the open and close (rounding, adjusted columns) is widened
            double top = Math.max(open[i], close[i]), bottom = Math.min(open[i], close[i]);
            high[i] = high[i] >= top && high[i] < Double.POSITIVE_INFINITY ? high[i] : top;
            low[i] = low[i] > 0 && low[i] <= bottom ? low[i] : bottom;
        }
    }

    /** Opens and closes only: highs and lows from the bodies, volume unknown. */
    public Prices(String name, long[] times, double[] open, double[] close) {
        this(name, times, open, body(open, close, true), body(open, close, false), close, nan(times.length));
    }

    /** Prices without real timestamps (bar index used as time), for tests and synthetic series. */
    public static Prices of(String name, double[] open, double[] close) {
        return new Prices(name, indexTimes(close.length), open, close);
    }

    /** Full bars without real timestamps, for tests. */
    public static Prices of(String name, double[] open, double[] high, double[] low, double[] close) {
        return new Prices(name, indexTimes(close.length), open, high, low, close, nan(close.length));
    }

    private static long[] indexTimes(int n) {
        long[] t = new long[n];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return t;
    }

    private static double[] body(double[] open, double[] close, boolean top) {
        if (open == null || close == null || open.length != close.length) {
            return new double[0];
        }
        double[] out = new double[open.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = top ? Math.max(open[i], close[i]) : Math.min(open[i], close[i]);
        }
        return out;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    public int size() {
        return times.length;
    }

    /** The first {@code n} bars. */
    public Prices head(int n) {
        return new Prices(name, Arrays.copyOf(times, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n),
                Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
    }
}
