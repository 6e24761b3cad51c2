package org.quantlstm.data;

import java.time.Instant;

/** One bar, for display and tests; hot paths use the columns of {@link BarSeries} instead. */
public record Bar(Instant time, double open, double high, double low, double close, double adjClose, double volume) {
}
