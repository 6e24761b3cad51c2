package org.quantlstm.data;

import java.util.List;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;

/**
 * Where bars come from: bundled real prices, a CSV file, or a network provider (Yahoo, Stooq, Binance).
 * Implementations throw {@link org.quantlstm.common.UserInputException} for problems the user can fix
 * (unknown symbol, unsupported interval, offline, malformed file) with a one-line message naming the input.
 */
public interface MarketDataSource {
    /** Short name used in CLI options and provenance: bundled, csv, yahoo, stooq, binance. */
    String name();

    /** Loads bars of {@code symbol} at {@code interval} within {@code range}, sorted, de-duplicated. */
    BarSeries load(Symbol symbol, Interval interval, DateRange range);

    /** Symbols this source can list without a network call (empty for network sources). */
    default List<Symbol> knownSymbols() {
        return List.of();
    }
}
