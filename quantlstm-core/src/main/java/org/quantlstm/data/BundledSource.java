package org.quantlstm.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * The default, fully offline source: real prices shipped gzip-compressed in the jar under {@code /bundled}
 * (see {@code bundled/PROVENANCE.md}). The catalog {@code bundled/catalog.csv} maps symbols to files; a row
 * with symbol {@code *} is a long-format file holding many tickers in a {@code ticker} or {@code symbol}
 * column. A ticker held by several long-format files is served from the first of them in catalog order (so the
 * 12 weekly-12 stocks keep their long Stooq histories although the liquid-60 S&P 500 file holds some of them too),
 * and a long-format file is parsed only when a symbol is looked for in it. Parsed files are cached per instance.
 */
public final class BundledSource implements MarketDataSource {
    private static final String ROOT = "/bundled/";

    /** One catalog entry: which file holds a symbol at which native interval. */
    public record Entry(Symbol symbol, String file, Interval interval, String description) {
    }

    /** A catalog row; symbol "*" marks a long-format file. */
    private record Row(String symbol, String file, Interval interval, String description) {
    }

    private final List<Row> catalog = new java.util.ArrayList<>();
    private final Map<Symbol, Entry> direct = new LinkedHashMap<>();
    private final Map<String, Symbol> aliases = new HashMap<>();
    private final Map<String, Map<Symbol, BarSeries>> parsed = new ConcurrentHashMap<>();
    private volatile Map<Symbol, Entry> all;

    /**
     * Reads the catalog. Long-format files are parsed only when their tickers are needed (listing, or a symbol
     * not named in the catalog), so that e.g. {@code data show SPY} starts fast.
     */
    public BundledSource() {
        try (BufferedReader r = reader("catalog.csv", false)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 5);
                Interval interval = Interval.parse(f[2]);
                catalog.add(new Row(f[0], f[1], interval, f[4]));
                if (!f[0].equals("*")) {
                    Symbol s = Symbol.of(f[0]);
                    direct.put(s, new Entry(s, f[1], interval, f[4]));
                    for (String alias : f[3].split(";")) {
                        if (!alias.isBlank()) {
                            aliases.put(alias.strip().toUpperCase(Locale.ROOT), s);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bundled catalog unreadable", e);
        }
    }

    /** Every entry in catalog order, long-format files expanded (parsed once). */
    private Map<Symbol, Entry> all() {
        Map<Symbol, Entry> m = all;
        if (m == null) {
            synchronized (this) {
                m = all;
                if (m == null) {
                    m = new LinkedHashMap<>();
                    for (Row row : catalog) {
                        if (row.symbol().equals("*")) {
                            for (Symbol s : parseFile(row.file(), row.interval(), null).keySet()) {
                                m.putIfAbsent(s, new Entry(s, row.file(), row.interval(), row.description()));
                            }
                        } else {
                            Symbol s = Symbol.of(row.symbol());
                            m.put(s, direct.get(s));
                        }
                    }
                    all = m;
                }
            }
        }
        return m;
    }

    @Override
    public String name() {
        return "bundled";
    }

    /** Catalog entries in catalog order. */
    public List<Entry> entries() {
        return List.copyOf(all().values());
    }

    @Override
    public List<Symbol> knownSymbols() {
        return List.copyOf(all().keySet());
    }

    /** Resolves aliases such as NDX → ^NDX or GOLD → XAUUSD; unknown symbols are returned unchanged. */
    public Symbol resolve(Symbol symbol) {
        return direct.containsKey(symbol) ? symbol : aliases.getOrDefault(symbol.value(), symbol);
    }

    public boolean contains(Symbol symbol) {
        return find(symbol) != null;
    }

    /** The catalog entry serving {@code symbol} (aliases resolved), or null; parses long files only up to it. */
    public Entry find(Symbol symbol) {
        Symbol r = resolve(symbol);
        if (direct.containsKey(r)) {
            return direct.get(r);
        }
        Map<Symbol, Entry> m = all;
        if (m != null) {
            return m.get(r);
        }
        for (Row row : catalog) {
            if (row.symbol().equals("*") && parseFile(row.file(), row.interval(), null).containsKey(r)) {
                return new Entry(r, row.file(), row.interval(), row.description());
            }
        }
        return null;
    }

    /**
     * The bars at the file's native interval. {@link #load(Symbol, Interval, DateRange)} also serves coarser
     * intervals by {@link Resampler resampling} (e.g. XAUUSD 1h → 4h, AAPL 1d → 1wk).
     */
    public BarSeries load(Symbol symbol) {
        Entry e = find(symbol);
        if (e == null) {
            throw new UserInputException("symbol " + symbol + " is not in the bundled data; bundled symbols: "
                    + String.join(" ", all().keySet().stream().map(Symbol::value).toList())
                    + " (use 'quantlstm fetch' or 'quantlstm data import' for others)");
        }
        return parseFile(e.file(), e.interval(), e.symbol()).get(e.symbol());
    }

    @Override
    public BarSeries load(Symbol symbol, Interval interval, DateRange range) {
        BarSeries native_ = load(symbol);
        if (!Resampler.canResample(native_.interval(), interval)) {
            throw new UserInputException("bundled " + native_.symbol() + " is stored at " + native_.interval()
                    + " and cannot be served at the finer interval " + interval
                    + " (only coarser intervals are derived, by resampling)");
        }
        return Resampler.resample(native_, interval).between(range);
    }

    /** Parses (once) a file; {@code single} names the symbol of a single-series file, null for long format. */
    private Map<Symbol, BarSeries> parseFile(String file, Interval interval, Symbol single) {
        return parsed.computeIfAbsent(file, f -> readFile(f, interval, single));
    }

    private static Map<Symbol, BarSeries> readFile(String file, Interval interval, Symbol single) {
        Map<Symbol, BarSeries.Builder> builders = new TreeMap<>();
        try (BufferedReader r = reader(file, true)) {
            String[] header = r.readLine().split(",");
            int time = 0, sym = -1, o = -1, h = -1, l = -1, c = -1, a = -1, v = -1;
            for (int i = 0; i < header.length; i++) {
                switch (header[i]) {
                    case "ticker", "symbol" -> sym = i;
                    case "open" -> o = i;
                    case "high" -> h = i;
                    case "low" -> l = i;
                    case "close" -> c = i;
                    case "adj_close" -> a = i;
                    case "volume", "tick_volume" -> v = i;
                    default -> { }
                }
            }
            if (sym < 0 && single == null) {
                throw new IllegalStateException(file + " has no ticker column and no symbol in the catalog");
            }
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",", -1);
                Symbol s = sym < 0 ? single : Symbol.of(f[sym]);
                double close = Double.parseDouble(f[c]);
                builders.computeIfAbsent(s, k -> BarSeries.builder(k, interval)).add(parseTime(f[time]),
                        Double.parseDouble(f[o]), Double.parseDouble(f[h]), Double.parseDouble(f[l]), close,
                        a < 0 ? close : Double.parseDouble(f[a]), Double.parseDouble(f[v]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bundled file " + file + " unreadable", e);
        }
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        builders.forEach((s, b) -> out.put(s, b.build()));
        return out;
    }

    static long parseTime(String s) {
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static BufferedReader reader(String name, boolean gzip) throws IOException {
        InputStream in = BundledSource.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("missing bundled resource " + ROOT + name);
        }
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in, 1 << 16) : in,
                StandardCharsets.UTF_8), 1 << 16);
    }
}
