package org.quantlstm.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;

/**
 * A {@link MarketDataSource} in front of another one (typically a network source), backed by a
 * {@link MarketStore}.
 *
 * <p><b>Coverage.</b> Each stored series records the range it is known to cover. A bounded end covers up to
 * that instant; an open end ({@code null}) covers up to the moment of the download ({@code fetched_at}), not
 * forever: bars that appeared after the download are not in the store.
 *
 * <p>A request is a <b>cache hit</b>, with no delegate call at all, when its start is covered and its end is
 * covered: a bounded end no later than the covered end, an open end only within {@link #FRESH_FOR} of the last
 * open-ended download.
 *
 * <p>When only the end is missing (the usual "fetch SPY" a day later), the fetch is <b>incremental</b>: the
 * delegate is asked from the {@value #REFETCH_BARS}-th last stored bar on, so the last few bars are downloaded
 * again and revisions or new adjustments replace them, and the new bars are added. Otherwise (the start is not
 * covered, or {@code refresh}) the delegate is asked for the hull of the request and the stored coverage.
 *
 * <p>What the delegate returns passes the {@link BarValidator} (the same one as imported files) before it is
 * written; warnings go to the given sink. Network I/O never holds the store: the store is opened for the
 * coverage look-up, closed during the download, and opened again for one short write transaction. A delegate
 * failure propagates before anything is written, so cached data stays untouched.
 */
public final class CachingSource implements MarketDataSource {
    /** How many of the last stored bars an incremental fetch downloads again. */
    public static final int REFETCH_BARS = 5;
    /** How long an open-ended download answers open-ended requests without a network call. */
    public static final Duration FRESH_FOR = Duration.ofMinutes(15);

    /** What a request did. */
    public enum Kind {
        /** served from the store, no network call */
        HIT,
        /** downloaded and stored (no stored series, start not covered, or refresh) */
        DOWNLOADED,
        /** the stored series was extended: the last few bars downloaded again, newer bars added */
        EXTENDED
    }

    /**
     * The answer to one request.
     *
     * @param bars         the requested range, read back from the store
     * @param kind         how it was served
     * @param added        bars the store holds now that it did not hold before (0 on a hit)
     * @param previousLast the last stored bar before the request, null if the series was not stored
     * @param warnings     what the validator noticed in the downloaded bars
     */
    public record Outcome(BarSeries bars, Kind kind, long added, Instant previousLast, List<String> warnings) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /** Opens the store for one burst of work (held store or open/close per call). */
    private interface Stores {
        <T> T read(Function<MarketStore, T> f);

        <T> T write(Function<MarketStore, T> f);
    }

    private final MarketDataSource delegate;
    private final Stores stores;
    private final boolean refresh;
    private final Clock clock;
    private final BarValidator validator = new BarValidator();
    private final Consumer<String> warningSink;

    /** Over a store the caller holds open (one process, tests). */
    public CachingSource(MarketDataSource delegate, MarketStore store, boolean refresh) {
        this(delegate, store, refresh, Clock.systemUTC());
    }

    /** As {@link #CachingSource(MarketDataSource, MarketStore, boolean)} with a clock (tests). */
    CachingSource(MarketDataSource delegate, MarketStore store, boolean refresh, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(store, "store");
        this.stores = new Stores() {
            @Override
            public <T> T read(Function<MarketStore, T> f) {
                return f.apply(store);
            }

            @Override
            public <T> T write(Function<MarketStore, T> f) {
                return f.apply(store);
            }
        };
        this.refresh = refresh;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warningSink = w -> { };
    }

    /**
     * Over a store that is opened only for each short burst of work (the CLI), so that other processes can read
     * and write it while this one downloads.
     */
    public CachingSource(MarketDataSource delegate, StoreAccess access, boolean refresh, Clock clock,
                         Consumer<String> warnings) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(access, "access");
        this.stores = new Stores() {
            @Override
            public <T> T read(Function<MarketStore, T> f) {
                return access.read(f).orElse(null);
            }

            @Override
            public <T> T write(Function<MarketStore, T> f) {
                return access.write(f);
            }
        };
        this.refresh = refresh;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warningSink = Objects.requireNonNull(warnings, "warnings");
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
        return fetch(symbol, interval, range).bars();
    }

    /** Serves a request (see the class comment) and says how. */
    public Outcome fetch(Symbol symbol, Interval interval, DateRange range) {
        Instant now = clock.instant();
        Optional<MarketStore.SeriesInfo> info = Optional.ofNullable(stores.read(s -> s.info(symbol, interval)))
                .flatMap(o -> o);
        DateRange fetch;
        Kind kind;
        if (info.isPresent()) {
            MarketStore.SeriesInfo i = info.get();
            DateRange cov = i.coverage();
            Instant coveredTo = cov.to() != null ? cov.to() : i.fetchedAt();
            boolean fromOk = cov.from() == null || (range.from() != null && !range.from().isBefore(cov.from()));
            boolean toOk = range.to() == null
                    ? cov.to() == null && i.fetchedAt().plus(FRESH_FOR).isAfter(now)
                    : !range.to().isAfter(coveredTo);
            if (!refresh && fromOk && toOk) {
                BarSeries stored = stores.read(s -> s.load(symbol, interval, range)).orElseThrow();
                return new Outcome(stored, Kind.HIT, 0, i.last(), List.of());
            }
            if (!refresh && fromOk) {
                Instant start = stores.read(s -> s.kthLastTime(symbol, interval, REFETCH_BARS))
                        .orElse(cov.from());
                fetch = new DateRange(start, range.to());
                kind = Kind.EXTENDED;
            } else {
                Instant from = cov.from() == null || range.from() == null ? null : min(cov.from(), range.from());
                Instant to = range.to() == null || cov.to() == null ? null : max(coveredTo, range.to());
                fetch = new DateRange(from, to);
                kind = Kind.DOWNLOADED;
            }
        } else {
            fetch = range;
            kind = Kind.DOWNLOADED;
        }
        BarSeries fresh = delegate.load(symbol, interval, fetch); // no store is held during the download
        if (fresh.isEmpty()) {
            if (info.isPresent()) {
                BarSeries stored = stores.read(s -> s.load(symbol, interval, range)).orElseThrow();
                return new Outcome(stored, kind, 0, info.get().last(), List.of());
            }
            return new Outcome(fresh, kind, 0, null, List.of());
        }
        List<String> warnings = new ArrayList<>();
        BarSeries valid = validator.validate(delegate.name(), fresh, warnings);
        warnings.forEach(warningSink);
        DateRange coverage = coverageAfter(info, kind, fetch, now);
        long rowsBefore = info.map(MarketStore.SeriesInfo::rows).orElse(0L);
        MarketStore.SeriesInfo written = stores.write(s -> s.upsert(valid, delegate.name(), coverage));
        BarSeries out = stores.read(s -> s.load(valid.symbol(), interval, range)).orElseThrow();
        return new Outcome(out, kind, Math.max(0, written.rows() - rowsBefore),
                info.map(MarketStore.SeriesInfo::last).orElse(null), warnings);
    }

    /** The coverage after a download of {@code fetched}: an end at or after now is stored open (up to the download). */
    private static DateRange coverageAfter(Optional<MarketStore.SeriesInfo> info, Kind kind, DateRange fetched,
                                           Instant now) {
        Instant to = fetched.to() == null || !fetched.to().isBefore(now) ? null : fetched.to();
        Instant from = kind == Kind.EXTENDED ? info.orElseThrow().coverage().from() : fetched.from();
        return new DateRange(from, to);
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
