package org.quantlstm.workflow;

import java.io.Serializable;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;

/**
 * A bar series as plain columns, so that a task can carry it to another JVM (a Spark executor) and rebuild the
 * same {@link BarSeries} there.
 */
public record SeriesData(String symbol, String interval, long[] times, double[] open, double[] high, double[] low,
                         double[] close, double[] adjClose, double[] volume) implements Serializable {
    /** The columns of {@code s}. */
    public static SeriesData of(BarSeries s) {
        return new SeriesData(s.symbol().value(), s.interval().code(), s.epochMillis(), s.opens(), s.highs(),
                s.lows(), s.closes(), s.adjCloses(), s.volumes());
    }

    /** The series again. */
    public BarSeries series() {
        return BarSeries.of(Symbol.of(symbol), Interval.parse(interval), times, open, high, low, close, adjClose,
                volume);
    }
}
