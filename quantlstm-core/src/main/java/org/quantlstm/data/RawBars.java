package org.quantlstm.data;

import java.util.Arrays;

/**
 * Rows of one series as parsed, before validation: growing primitive columns in file order together with
 * the 1-based file line of each row, so that {@link BarValidator} can name the line of a problem.
 * Package-private accumulator owned by one reader.
 */
final class RawBars {
    long[] t = new long[64];
    /** Wall-clock time of the row in its own offset (equals t when the file gave no offset); daily dates use it. */
    long[] local = new long[64];
    double[] o = new double[64], h = new double[64], l = new double[64], c = new double[64], a = new double[64],
            v = new double[64];
    int[] line = new int[64];
    int n;

    void add(long time, double open, double high, double low, double close, double adj, double vol, int lineNo) {
        add(time, time, open, high, low, close, adj, vol, lineNo);
    }

    void add(long time, long localTime, double open, double high, double low, double close, double adj, double vol,
             int lineNo) {
        if (n == t.length) {
            int cap = n * 2;
            t = Arrays.copyOf(t, cap);
            local = Arrays.copyOf(local, cap);
            o = Arrays.copyOf(o, cap);
            h = Arrays.copyOf(h, cap);
            l = Arrays.copyOf(l, cap);
            c = Arrays.copyOf(c, cap);
            a = Arrays.copyOf(a, cap);
            v = Arrays.copyOf(v, cap);
            line = Arrays.copyOf(line, cap);
        }
        t[n] = time;
        local[n] = localTime;
        o[n] = open;
        h[n] = high;
        l[n] = low;
        c[n] = close;
        a[n] = adj;
        v[n] = vol;
        line[n] = lineNo;
        n++;
    }

    /** Wraps the rows of an existing series; line numbers become 1-based row positions. */
    static RawBars of(BarSeries s) {
        RawBars r = new RawBars();
        for (int i = 0; i < s.size(); i++) {
            r.add(s.epochMillis(i), s.open(i), s.high(i), s.low(i), s.close(i), s.adjClose(i), s.volume(i), i + 1);
        }
        return r;
    }
}
