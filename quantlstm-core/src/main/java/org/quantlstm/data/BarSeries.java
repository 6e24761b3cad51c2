package org.quantlstm.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;

/**
 * An immutable, columnar price series: strictly increasing timestamps (epoch milliseconds, UTC) and
 * parallel {@code double[]} columns open, high, low, close, adjusted close and volume.
 *
 * <p>Column getters such as {@link #closes()} return copies, so callers may modify them; single values are
 * read with {@link #close(int)} etc. without copying. Daily bars carry midnight UTC of their trading date.
 * Where a provider gives no separate adjusted close (the prices are already adjusted), adjusted close equals
 * close.
 */
public final class BarSeries {
    private final Symbol symbol;
    private final Interval interval;
    private final long[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] adjClose;
    private final double[] volume;

    private BarSeries(Symbol symbol, Interval interval, long[] times, double[] open, double[] high, double[] low,
                      double[] close, double[] adjClose, double[] volume) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.interval = Objects.requireNonNull(interval, "interval");
        int n = times.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n
                || adjClose.length != n || volume.length != n) {
            throw new IllegalArgumentException("columns of " + symbol + " differ in length");
        }
        for (int i = 1; i < n; i++) {
            if (times[i] <= times[i - 1]) {
                throw new IllegalArgumentException(symbol + ": timestamps not strictly increasing at index " + i
                        + " (" + Instant.ofEpochMilli(times[i - 1]) + " then " + Instant.ofEpochMilli(times[i]) + ")");
            }
        }
        this.times = times;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.adjClose = adjClose;
        this.volume = volume;
    }

    /** Builds a series from columns (copied). Timestamps must be strictly increasing. */
    public static BarSeries of(Symbol symbol, Interval interval, long[] epochMillis, double[] open, double[] high,
                               double[] low, double[] close, double[] adjClose, double[] volume) {
        return new BarSeries(symbol, interval, epochMillis.clone(), open.clone(), high.clone(), low.clone(),
                close.clone(), adjClose == null ? close.clone() : adjClose.clone(), volume.clone());
    }

    /** Wraps arrays without copying; for builders in this package that own the arrays. */
    static BarSeries wrap(Symbol symbol, Interval interval, long[] t, double[] o, double[] h, double[] l,
                          double[] c, double[] a, double[] v) {
        return new BarSeries(symbol, interval, t, o, h, l, c, a, v);
    }

    public static Builder builder(Symbol symbol, Interval interval) {
        return new Builder(symbol, interval);
    }

    public Symbol symbol() { return symbol; }

    public Interval interval() { return interval; }

    public int size() { return times.length; }

    public boolean isEmpty() { return times.length == 0; }

    public long epochMillis(int i) { return times[i]; }

    public Instant time(int i) { return Instant.ofEpochMilli(times[i]); }

    /** The UTC calendar date of bar {@code i}. */
    public LocalDate date(int i) { return LocalDate.ofInstant(time(i), ZoneOffset.UTC); }

    public double open(int i) { return open[i]; }

    public double high(int i) { return high[i]; }

    public double low(int i) { return low[i]; }

    public double close(int i) { return close[i]; }

    public double adjClose(int i) { return adjClose[i]; }

    public double volume(int i) { return volume[i]; }

    public Bar bar(int i) {
        return new Bar(time(i), open[i], high[i], low[i], close[i], adjClose[i], volume[i]);
    }

    public long[] epochMillis() { return times.clone(); }

    public double[] opens() { return open.clone(); }

    public double[] highs() { return high.clone(); }

    public double[] lows() { return low.clone(); }

    public double[] closes() { return close.clone(); }

    public double[] adjCloses() { return adjClose.clone(); }

    public double[] volumes() { return volume.clone(); }

    /** Bars with index in [from, to). */
    public BarSeries slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size());
        }
        return wrap(symbol, interval, Arrays.copyOfRange(times, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(adjClose, from, to),
                Arrays.copyOfRange(volume, from, to));
    }

    /** The last {@code n} bars (or all, if fewer). */
    public BarSeries last(int n) {
        return slice(Math.max(0, size() - n), size());
    }

    /** Bars whose time lies in the range. */
    public BarSeries between(DateRange range) {
        int from = range.from() == null ? 0 : indexAtOrAfter(range.from().toEpochMilli());
        int to = range.to() == null ? size() : indexAtOrAfter(range.to().toEpochMilli() + 1);
        return slice(from, Math.max(from, to));
    }

    /** First index whose time is at or after {@code epochMillis}; {@code size()} if none. */
    public int indexAtOrAfter(long epochMillis) {
        int i = Arrays.binarySearch(times, epochMillis);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The same bars with open/high/low/close scaled by adjClose/close, so that every price column is on the
     * adjusted basis (splits and dividends). Volume is left unchanged.
     */
    public BarSeries adjusted() {
        int n = size();
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            double f = close[i] == 0 ? 1.0 : adjClose[i] / close[i];
            o[i] = open[i] * f;
            h[i] = high[i] * f;
            l[i] = low[i] * f;
            c[i] = adjClose[i];
        }
        return wrap(symbol, interval, times.clone(), o, h, l, c, adjClose.clone(), volume.clone());
    }

    /** A copy with another symbol (e.g. after importing a file under a user-chosen name). */
    public BarSeries withSymbol(Symbol newSymbol) {
        return wrap(newSymbol, interval, times, open, high, low, close, adjClose, volume);
    }

    @Override
    public String toString() {
        return "BarSeries[" + symbol + " " + interval + ", " + size() + " bars"
                + (isEmpty() ? "" : ", " + time(0) + " .. " + time(size() - 1)) + "]";
    }

    /** Appends rows in time order into growing primitive arrays. */
    public static final class Builder {
        private final Symbol symbol;
        private final Interval interval;
        private long[] t = new long[256];
        private double[] o = new double[256], h = new double[256], l = new double[256], c = new double[256],
                a = new double[256], v = new double[256];
        private int n;

        private Builder(Symbol symbol, Interval interval) {
            this.symbol = symbol;
            this.interval = interval;
        }

        public Builder add(long epochMillis, double open, double high, double low, double close, double adjClose,
                           double volume) {
            if (n == t.length) {
                int cap = n * 2;
                t = Arrays.copyOf(t, cap);
                o = Arrays.copyOf(o, cap);
                h = Arrays.copyOf(h, cap);
                l = Arrays.copyOf(l, cap);
                c = Arrays.copyOf(c, cap);
                a = Arrays.copyOf(a, cap);
                v = Arrays.copyOf(v, cap);
            }
            t[n] = epochMillis;
            o[n] = open;
            h[n] = high;
            l[n] = low;
            c[n] = close;
            a[n] = adjClose;
            v[n] = volume;
            n++;
            return this;
        }

        public int size() {
            return n;
        }

        /** Builds the series; throws if timestamps are not strictly increasing. */
        public BarSeries build() {
            return wrap(symbol, interval, Arrays.copyOf(t, n), Arrays.copyOf(o, n), Arrays.copyOf(h, n),
                    Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(a, n), Arrays.copyOf(v, n));
        }
    }
}
