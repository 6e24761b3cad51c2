package org.quantlstm.workflow;

import java.util.SplittableRandom;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;

/** Small synthetic 4-hour series (a noisy cycle) for tuning tests, with an optional poisoned tail. */
public final class TinySeries {
    public static final long START = 1_700_000_000_000L;
    public static final long STEP = 4 * 3_600_000L;

    private TinySeries() {
    }

    /** {@code n} bars; bars at index ≥ {@code poisonFrom} have every price multiplied by {@code factor}. */
    public static BarSeries of(String symbol, int n, long seed, int poisonFrom, double factor) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BarSeries.Builder b = BarSeries.builder(Symbol.of(symbol), Interval.H4);
        double p = 100;
        for (int i = 0; i < n; i++) {
            double open = p;
            p = p * (1 + 0.004 * Math.sin(i / 7.0) + 0.003 * (rnd.nextDouble() - 0.5));
            double close = p;
            double f = i >= poisonFrom ? factor : 1;
            double hi = Math.max(open, close) * 1.001;
            double lo = Math.min(open, close) * 0.999;
            b.add(START + i * STEP, open * f, hi * f, lo * f, close * f, close * f, 1000);
        }
        return b.build();
    }
}
