package org.quantlstm.data;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;

/**
 * A {@link MarketDataSource} in front of another one (typically a network source), backed by a
 * {@link MarketStore}.
 *
 * <p>A request is a <b>cache hit</b> when the store holds the (symbol, interval) series and its recorded
 * coverage contains the requested range; then the delegate is not called at all. Coverage is the range the
 * delegate was last asked for: an unbounded end ({@code null}) covers any request on that side, a bounded end
 * covers only requests that are bounded inside it (so an open-ended request after a bounded fetch is a miss).
 *
 * <p>On a <b>miss</b> (or with {@code refresh = true}) the delegate is asked for the hull of the requested
 * range and the stored coverage (so coverage stays one contiguous range), the result is upserted in one
 * transaction, and the requested range is read back from the store. A delegate failure propagates before
 * anything is written, so cached data stays untouched.
 */
public final class CachingSource implements MarketDataSource {
    private final MarketDataSource delegate;
    private final MarketStore store;
    private final boolean refresh;

    public CachingSource(MarketDataSource delegate, MarketStore store, boolean refresh) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.store = Objects.requireNonNull(store, "store");
        this.refresh = refresh;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<Symbol> knownSymbols() {
        return delegate.knownSymbols();
    }

    @Override
    public BarSeries load(Symbol symbol, Interval interval, DateRange range) {
        Optional<MarketStore.SeriesInfo> info = store.info(symbol, interval);
        if (!refresh && info.isPresent() && covers(info.get().coverage(), range)) {
            return store.load(symbol, interval, range).orElseThrow();
        }
        DateRange fetch = info.map(i -> hull(i.coverage(), range)).orElse(range);
        BarSeries fresh = delegate.load(symbol, interval, fetch);
        if (fresh.isEmpty()) {
            return fresh;
        }
        store.upsert(fresh, delegate.name(), fetch);
        return store.load(fresh.symbol(), interval, range).orElseThrow();
    }

    /** Whether a stored coverage contains a requested range (null ends are unbounded). */
    static boolean covers(DateRange stored, DateRange wanted) {
        boolean fromOk = stored.from() == null || (wanted.from() != null && !wanted.from().isBefore(stored.from()));
        boolean toOk = stored.to() == null || (wanted.to() != null && !wanted.to().isAfter(stored.to()));
        return fromOk && toOk;
    }

    static DateRange hull(DateRange a, DateRange b) {
        Instant from = a.from() == null || b.from() == null ? null : min(a.from(), b.from());
        Instant to = a.to() == null || b.to() == null ? null : max(a.to(), b.to());
        return new DateRange(from, to);
    }

    private static Instant min(Instant x, Instant y) {
        return x.isBefore(y) ? x : y;
    }

    private static Instant max(Instant x, Instant y) {
        return x.isAfter(y) ? x : y;
    }
}
