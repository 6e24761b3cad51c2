package org.quantlstm.data;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * Stooq's CSV download: {@code GET /q/d/l/?s=aapl.us&i=d[&d1=yyyyMMdd&d2=yyyyMMdd]}, answering
 * {@code Date,Open,High,Low,Close,Volume} rows (the volume column is absent for some instruments, e.g.
 * currencies, and then counts as 0).
 *
 * <p>Intervals: {@code 1d} ({@code i=d}), {@code 1wk} ({@code i=w}), {@code 1mo} ({@code i=m}); intraday
 * intervals are rejected. Stooq's prices are already split- and dividend-adjusted, so adjusted close equals
 * close and no corporate actions are reported. Daily bars are dated midnight UTC of their date; weekly bars
 * the Friday of their week and monthly bars the last weekday of their month (see {@link ProviderBars}).
 * A bar labelled on or after the injected clock's "today" (UTC) is dropped as possibly unfinished (Stooq
 * serves the running session and the running week or month); the next fetch brings it complete.
 *
 * <p>Symbols are mapped to Stooq's names by {@link #stooqSymbol}: US tickers get {@code .us}
 * ({@code AAPL → aapl.us}, {@code BRK.B → brk-b.us}), indices keep their caret ({@code ^SPX → ^spx}, with
 * Yahoo's {@code ^GSPC}, {@code ^DJI}, {@code ^IXIC} mapped to {@code ^spx}, {@code ^dji}, {@code ^ndq}),
 * Yahoo-style futures {@code GC=F} become {@code gc.f}, symbols with a Stooq market suffix
 * ({@code VOD.UK}, {@code 7203.JP}) and six-letter currency or metal pairs ({@code EURUSD}, {@code XAUUSD})
 * are only lower-cased.
 *
 * <p>Stooq answers HTTP 200 with the text {@code No data} for an unknown symbol and with
 * {@code Exceeded the daily hits limit} when rate limited; both become one-line errors.
 */
public final class StooqSource implements MarketDataSource {
    /** The public host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://stooq.com");
    /** Intervals this source accepts. */
    public static final Set<Interval> SUPPORTED = EnumSet.of(Interval.D1, Interval.W1, Interval.MO1);

    private static final Set<String> MARKETS = Set.of("us", "uk", "de", "jp", "hk", "pl", "hu", "f");
    private static final Map<String, String> INDEX_ALIASES = Map.of("^GSPC", "^spx", "^DJI", "^dji",
            "^IXIC", "^ndq", "^NDX", "^ndx", "^SPX", "^spx");
    private static final Pattern PAIR = Pattern.compile("[A-Z]{6}");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private final URI baseUrl;
    private final HttpFetcher fetcher;
    private final Clock clock;

    /**
     * @param baseUrl scheme, host and port, e.g. {@link #DEFAULT_BASE_URL} or a local test server
     * @param fetcher the HTTP client with its timeouts and retry policy
     * @param clock   "today", to drop unfinished bars and to close a half-open range
     */
    public StooqSource(URI baseUrl, HttpFetcher fetcher, Clock clock) {
        this.baseUrl = YahooSource.stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** As above with the system clock. */
    public StooqSource(URI baseUrl, HttpFetcher fetcher) {
        this(baseUrl, fetcher, Clock.systemUTC());
    }

    /** The real Stooq host with {@link HttpFetcher#standard()}. */
    public static StooqSource standard() {
        return new StooqSource(DEFAULT_BASE_URL, HttpFetcher.standard());
    }

    @Override
    public String name() {
        return "stooq";
    }

    /** Stooq's name for a symbol (see class doc). */
    public static String stooqSymbol(Symbol symbol) {
        String v = symbol.value();
        if (v.startsWith("^")) {
            return INDEX_ALIASES.getOrDefault(v, v.toLowerCase(Locale.ROOT));
        }
        if (v.endsWith("=F")) {
            return v.substring(0, v.length() - 2).toLowerCase(Locale.ROOT) + ".f";
        }
        int dot = v.lastIndexOf('.');
        if (dot > 0 && MARKETS.contains(v.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return v.toLowerCase(Locale.ROOT);
        }
        if (PAIR.matcher(v).matches()) {
            return v.toLowerCase(Locale.ROOT);
        }
        return v.replace('.', '-').toLowerCase(Locale.ROOT) + ".us";
    }

    @Override
    public BarSeries load(Symbol symbol, Interval interval, DateRange range) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(range, "range");
        if (!SUPPORTED.contains(interval)) {
            throw new UserInputException("stooq serves daily, weekly and monthly bars only, not " + interval
                    + " (asked for " + symbol + ")");
        }
        String code = stooqSymbol(symbol);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        StringBuilder url = new StringBuilder(baseUrl.toString()).append("/q/d/l/?s=")
                .append(URLEncoder.encode(code, StandardCharsets.UTF_8))
                .append("&i=").append(switch (interval) {
                    case W1 -> "w";
                    case MO1 -> "m";
                    default -> "d";
                });
        if (range.from() != null || range.to() != null) {
            int pad = interval == Interval.MO1 ? 31 : interval == Interval.W1 ? 7 : 0;
            LocalDate d1 = range.from() == null ? LocalDate.of(1800, 1, 1)
                    : LocalDate.ofInstant(range.from(), ZoneOffset.UTC).minusDays(pad);
            LocalDate d2 = range.to() == null ? today : LocalDate.ofInstant(range.to(), ZoneOffset.UTC).plusDays(pad);
            url.append("&d1=").append(COMPACT.format(d1)).append("&d2=").append(COMPACT.format(d2));
        }
        String body = fetcher.get(URI.create(url.toString()), symbol + " (" + code + ")");
        return parse(symbol, code, interval, body, today).between(range);
    }

    /** Parses a Stooq CSV body; package-private for tests of the format itself. */
    BarSeries parse(Symbol symbol, String code, Interval interval, String body, LocalDate today) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new UserInputException("stooq returned an empty answer for " + symbol + " (" + code + ")");
        }
        if (text.equalsIgnoreCase("No data")) {
            throw new UserInputException("stooq has no data for " + symbol + " (looked up as " + code
                    + "; check the symbol)");
        }
        if (text.toLowerCase(Locale.ROOT).contains("exceeded the daily hits limit")) {
            throw new UserInputException("stooq refused " + symbol + ": exceeded the daily hits limit"
                    + " (try again tomorrow or use another source)");
        }
        String[] lines = text.split("\r?\n");
        String[] header = lines[0].strip().split(",");
        if (header.length < 5 || !header[0].equalsIgnoreCase("Date") || !header[1].equalsIgnoreCase("Open")
                || !header[2].equalsIgnoreCase("High") || !header[3].equalsIgnoreCase("Low")
                || !header[4].equalsIgnoreCase("Close")) {
            throw new UserInputException("stooq returned an unexpected answer for " + symbol + " (" + code
                    + "): " + HttpFetcher.oneLine(lines[0], 80));
        }
        int volumeColumn = header.length > 5 && header[5].equalsIgnoreCase("Volume") ? 5 : -1;
        ProviderBars bars = new ProviderBars(name(), symbol, interval);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.length) {
                throw badRow(symbol, code, i + 1, line, "has " + f.length + " fields, header has " + header.length
                        + " (cut off?)");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[0]);
            } catch (DateTimeParseException e) {
                throw badRow(symbol, code, i + 1, line, "date '" + f[0] + "' is not yyyy-MM-dd");
            }
            LocalDate label = ProviderBars.labelDate(date, interval);
            if (!label.isBefore(today)) {
                continue;
            }
            double o = parse(symbol, code, i + 1, line, f[1]);
            double h = parse(symbol, code, i + 1, line, f[2]);
            double l = parse(symbol, code, i + 1, line, f[3]);
            double c = parse(symbol, code, i + 1, line, f[4]);
            double v = volumeColumn < 0 || f[volumeColumn].isEmpty() ? 0
                    : parse(symbol, code, i + 1, line, f[volumeColumn]);
            bars.add(ProviderBars.midnightUtc(label), o, h, l, c, c, v);
        }
        if (bars.size() == 0) {
            throw new UserInputException("stooq returned no " + interval + " bars for " + symbol + " (" + code
                    + ") in the requested range");
        }
        return bars.build();
    }

    private static double parse(Symbol symbol, String code, int lineNo, String line, String field) {
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw badRow(symbol, code, lineNo, line, "'" + field + "' is not a number");
        }
    }

    private static UserInputException badRow(Symbol symbol, String code, int lineNo, String line, String what) {
        return new UserInputException("stooq returned a malformed row for " + symbol + " (" + code + ") at line "
                + lineNo + ": '" + HttpFetcher.oneLine(line, 80) + "' " + what);
    }
}
