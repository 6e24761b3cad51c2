package org.quantlstm.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * The one way every command and system gets prices: a source chosen by name, and a record of where each series
 * came from.
 *
 * <ul>
 *   <li>{@code auto} (the default): the local store in the data directory first (what the user imported or
 *       fetched), then the bundled data;</li>
 *   <li>{@code store}: the local store only; {@code bundled}: the bundled data only;</li>
 *   <li>{@code csv:PATH}: a CSV file (one series, or a long or wide file with a ticker column);</li>
 *   <li>{@code yahoo}, {@code stooq}, {@code binance}: a provider, through the store as a cache.</li>
 * </ul>
 *
 * <p>A series stored or supplied at a finer interval than the one asked for is resampled (daily → weekly);
 * never the other way round. A symbol found nowhere is an error that names the symbol and every place searched.
 */
public final class DataResolver {
    /** The source names accepted besides {@code csv:PATH}. */
    public static final List<String> NAMES = List.of("auto", "store", "bundled", "yahoo", "stooq", "binance");

    /** A loaded series and where it came from, for run headers and data manifests. */
    public record Loaded(BarSeries series, String source, String location) {
        public Loaded {
            Objects.requireNonNull(series, "series");
        }

        /** {@code store (/home/u/.quantlstm/market.duckdb)}, {@code bundled (SPY.csv.gz)}, … */
        public String describe() {
            return location == null || location.isEmpty() ? source : source + " (" + location + ")";
        }
    }

    private final String spec;
    private final StoreAccess store;
    private final URI baseUrl;
    private final Supplier<HttpFetcher> fetcher;
    private BundledSource bundled;
    private final Map<String, CsvBarReader.Result> csvCache = new LinkedHashMap<>();

    private DataResolver(String spec, StoreAccess store, URI baseUrl, Supplier<HttpFetcher> fetcher) {
        this.spec = spec;
        this.store = store;
        this.baseUrl = baseUrl;
        this.fetcher = fetcher;
    }

    /**
     * A resolver for a source spec ({@code auto}, {@code store}, {@code bundled}, {@code csv:PATH}, {@code yahoo},
     * {@code stooq}, {@code binance}); {@code baseUrl} (may be null) points a provider at a mirror or a test stub.
     */
    public static DataResolver of(String spec, StoreAccess store, URI baseUrl, Supplier<HttpFetcher> fetcher) {
        String s = validate(spec);
        return new DataResolver(s, store, baseUrl, fetcher);
    }

    /** {@link #of(String, StoreAccess, URI, Supplier)} waiting up to 5 minutes for a busy store, notices to stderr. */
    public static DataResolver of(String spec, Path dataDir, URI baseUrl, Supplier<HttpFetcher> fetcher) {
        return of(spec, new StoreAccess(dataDir, java.time.Duration.ofMinutes(5), System.err::println), baseUrl,
                fetcher);
    }

    /** Checks a source spec and returns it normalised; a bad one is a user error naming the accepted forms. */
    public static String validate(String spec) {
        if (spec == null || spec.isBlank()) {
            return "auto";
        }
        String s = spec.strip();
        if (s.regionMatches(true, 0, "csv:", 0, 4)) {
            if (s.length() == 4) {
                throw new UserInputException("source 'csv:' needs a path, e.g. csv:prices.csv");
            }
            return "csv:" + s.substring(4);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(lower)) {
            throw new UserInputException("unknown data source '" + org.quantlstm.common.Excerpt.of(s) + "'; use auto, store, bundled, csv:PATH, "
                    + "yahoo, stooq or binance");
        }
        return lower;
    }

    /** The spec this resolver was made with. */
    public String spec() {
        return spec;
    }

    /** The CSV path of a {@code csv:PATH} source, else empty. */
    public Optional<Path> csvPath() {
        return spec.startsWith("csv:") ? Optional.of(Path.of(spec.substring(4))) : Optional.empty();
    }

    /**
     * Every series of a {@code csv:PATH} file with a ticker column (long or wide format), for universes; a
     * single-series file is an error that says so.
     */
    public Map<Symbol, Loaded> loadAllFromCsv(Interval interval) {
        Path file = csvPath().orElseThrow(() -> new IllegalStateException("not a csv source"));
        CsvBarReader.Result r = new CsvBarReader().read(file, null, null, CsvBarReader.Format.AUTO);
        Map<Symbol, Loaded> out = new LinkedHashMap<>();
        r.series().forEach((sym, s) -> out.put(sym, resampled(file, s, interval, DateRange.all())));
        return out;
    }

    /** Loads a whole series at {@code interval}. */
    public Loaded load(Symbol symbol, Interval interval) {
        return load(symbol, interval, DateRange.all());
    }

    /**
     * Loads {@code symbol} at {@code interval} within {@code range}; {@code interval} null means the series' own
     * interval (the finest one stored).
     */
    public Loaded load(Symbol symbol, Interval interval, DateRange range) {
        Objects.requireNonNull(symbol, "symbol");
        if (spec.startsWith("csv:")) {
            return fromCsv(Path.of(spec.substring(4)), symbol, interval, range);
        }
        return switch (spec) {
            case "bundled" -> fromBundled(symbol, interval, range)
                    .orElseThrow(() -> notFound(symbol, List.of("the bundled data")));
            case "store" -> fromStore(symbol, interval, range)
                    .orElseThrow(() -> notFound(symbol, List.of(storeLabel())));
            case "auto" -> fromStore(symbol, interval, range)
                    .or(() -> fromBundled(symbol, interval, range))
                    .orElseThrow(() -> notFound(symbol, List.of(storeLabel(), "the bundled data")));
            default -> fromProvider(symbol, interval, range);
        };
    }

    private UserInputException notFound(Symbol symbol, List<String> searched) {
        return new UserInputException("symbol " + symbol + " not found; searched "
                + String.join(" and ", searched) + ". Import it with 'quantlstm data import FILE --symbol " + symbol
                + "', fetch it with 'quantlstm fetch " + symbol + "', or name a file with --source csv:PATH");
    }

    private String storeLabel() {
        return "the local store " + store.file();
    }

    private Optional<Loaded> fromStore(Symbol symbol, Interval interval, DateRange range) {
        return store.read(st -> fromOpenStore(st, symbol, interval, range)).flatMap(o -> o);
    }

    private Optional<Loaded> fromOpenStore(MarketStore store, Symbol symbol, Interval interval, DateRange range) {
        List<MarketStore.SeriesInfo> infos = store.infos(symbol); // finest interval first
        MarketStore.SeriesInfo best = null;
        for (MarketStore.SeriesInfo i : infos) {
            if (interval == null || i.interval() == interval) { // no interval asked: the finest stored
                best = i;
                break;
            }
        }
        if (best == null && interval != null) {
            // the coarsest stored interval that is still finer than the one asked for (fewest bars to aggregate)
            for (MarketStore.SeriesInfo i : infos) {
                if (Resampler.canResample(i.interval(), interval)) {
                    best = i;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        BarSeries s = store.load(symbol, best.interval(), DateRange.all()).orElseThrow();
        BarSeries out = (interval == null ? s : Resampler.resample(s, interval)).between(range);
        String how = interval == null || best.interval() == interval ? "" : ", resampled from " + best.interval();
        return Optional.of(new Loaded(out, "store", store.file() + ", " + best.source() + how));
    }

    private Optional<Loaded> fromBundled(Symbol symbol, Interval interval, DateRange range) {
        if (bundled == null) {
            bundled = new BundledSource();
        }
        if (!bundled.contains(symbol)) {
            return Optional.empty();
        }
        BarSeries s = interval == null ? bundled.load(symbol).between(range) : bundled.load(symbol, interval, range);
        String file = bundled.find(symbol).file();
        return Optional.of(new Loaded(s, "bundled", file));
    }

    private Loaded fromProvider(Symbol symbol, Interval interval, DateRange range) {
        MarketDataSource provider = Sources.network(spec, baseUrl, fetcher.get());
        // the store is opened only around reads and the one write: never while the download runs
        BarSeries s = new CachingSource(provider, store, false, java.time.Clock.systemUTC(),
                w -> store.notices().accept("warning: " + w)).load(symbol, interval, range);
        if (s.isEmpty()) {
            throw new UserInputException(spec + " returned no bars for " + symbol + " at " + interval);
        }
        return new Loaded(s, spec, "cached in " + store.file());
    }

    private Loaded fromCsv(Path file, Symbol symbol, Interval interval, DateRange range) {
        // a single-series file is named after the requested symbol; a long or wide file is filtered to it
        CsvBarReader.Result r = csvCache.computeIfAbsent(file.toAbsolutePath().normalize() + "\u0000" + symbol,
                k -> new CsvBarReader().read(file, symbol, null, CsvBarReader.Format.AUTO));
        BarSeries s = r.series().size() == 1 ? r.series().values().iterator().next().withSymbol(symbol)
                : r.series().get(symbol);
        return resampled(file, s, interval, range);
    }

    private static Loaded resampled(Path file, BarSeries s, Interval interval, DateRange range) {
        if (interval == null) {
            return new Loaded(s.between(range), "csv", file.toString());
        }
        if (!Resampler.canResample(s.interval(), interval)) {
            throw new UserInputException(file + ": " + s.symbol() + " has " + s.interval() + " bars, which cannot serve"
                    + " the finer interval " + interval + " that this experiment needs");
        }
        return new Loaded(Resampler.resample(s, interval).between(range), "csv", file.toString());
    }
}
