package org.quantlstm.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * Yahoo Finance through its chart API v8:
 * {@code GET /v8/finance/chart/{symbol}?period1=..&period2=..&interval=1d&events=div%2Csplits&includeAdjustedClose=true}.
 *
 * <p>Intervals: {@code 1h}, {@code 1d}, {@code 1wk}, {@code 1mo} (Yahoo's own bars). {@code 4h} is rejected
 * with a message that says to fetch {@code 1h} and resample: Yahoo has no 4-hour bars, and silently
 * returning another interval than asked for would corrupt a cache keyed by interval. Yahoo serves hourly
 * bars only for the last 730 days; an earlier start is rejected before any request, and an unbounded
 * start becomes "729 days ago".
 *
 * <p>Conventions. Symbols are Yahoo's ({@code SPY}, {@code ^GSPC}, {@code GC=F}, {@code BTC-USD}). Daily
 * bars carry midnight UTC of the exchange-local trading date (Yahoo stamps them with the session open, e.g.
 * 13:30 UTC in summer and 14:30 UTC in winter for New York); weekly bars are dated the Friday of their week
 * and monthly bars the last weekday of their month (see {@link ProviderBars}); hourly bars keep the UTC
 * instant of their start. Open/high/low/close are Yahoo's split-adjusted prices, adjusted close is split and
 * dividend adjusted (equal to close for hourly bars, where Yahoo sends none). Rows with a missing price are
 * skipped (Yahoo sends nulls for halted or not-yet-filled bars); a missing volume counts as 0. A bar whose
 * period has not ended yet at the injected clock's "now" is dropped, so a cache never stores a partial bar.
 * Splits and dividends come back with {@link #history}.
 */
public final class YahooSource implements MarketDataSource {
    /** The public host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://query1.finance.yahoo.com");
    /** Intervals Yahoo serves natively and this source accepts. */
    public static final Set<Interval> SUPPORTED = EnumSet.of(Interval.H1, Interval.D1, Interval.W1, Interval.MO1);
    /** Yahoo's limit for hourly history. */
    static final Duration INTRADAY_LIMIT = Duration.ofDays(730);
    /** yfinance's start for "max": 1900-01-01 minus a few hours; Yahoo accepts negative period1. */
    private static final long EARLIEST_PERIOD1 = -2208994789L;

    private final URI baseUrl;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param baseUrl scheme, host and port of the API, e.g. {@link #DEFAULT_BASE_URL} or a local test server
     * @param fetcher the HTTP client with its timeouts and retry policy
     * @param clock   "now", for unbounded ranges, the hourly-history limit and dropping unfinished bars
     */
    public YahooSource(URI baseUrl, HttpFetcher fetcher, Clock clock) {
        this.baseUrl = stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** As above with the system clock. */
    public YahooSource(URI baseUrl, HttpFetcher fetcher) {
        this(baseUrl, fetcher, Clock.systemUTC());
    }

    /** The real Yahoo host with {@link HttpFetcher#standard()}. */
    public static YahooSource standard() {
        return new YahooSource(DEFAULT_BASE_URL, HttpFetcher.standard());
    }

    @Override
    public String name() {
        return "yahoo";
    }

    @Override
    public BarSeries load(Symbol symbol, Interval interval, DateRange range) {
        return history(symbol, interval, range).bars();
    }

    /** Bars plus the splits and dividends Yahoo reports in the range. */
    public PriceHistory history(Symbol symbol, Interval interval, DateRange range) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(range, "range");
        if (!SUPPORTED.contains(interval)) {
            throw new UserInputException("yahoo has no " + interval + " bars for " + symbol
                    + (interval == Interval.H4 ? ": fetch 1h and resample to 4h" : "")
                    + " (yahoo serves 1h, 1d, 1wk, 1mo)");
        }
        Instant now = clock.instant();
        Instant from = range.from();
        if (interval == Interval.H1) {
            Instant earliest = now.minus(INTRADAY_LIMIT);
            if (from == null) {
                from = now.minus(INTRADAY_LIMIT.minusDays(1));
            } else if (from.isBefore(earliest)) {
                throw new UserInputException("yahoo serves 1h bars only for the last 730 days: " + symbol
                        + " from " + LocalDate.ofInstant(from, ZoneOffset.UTC) + " starts before "
                        + LocalDate.ofInstant(earliest, ZoneOffset.UTC).plusDays(1) + " (use daily bars for longer history)");
            }
        }
        // Labels move a bar by up to a month (weekly/monthly) or a day (time zones): ask for a wider window
        // and keep the bars whose label lies in the range.
        Duration pad = switch (interval) {
            case W1 -> Duration.ofDays(7);
            case MO1 -> Duration.ofDays(31);
            default -> Duration.ofDays(1);
        };
        long period1 = from == null ? EARLIEST_PERIOD1
                : Math.max(EARLIEST_PERIOD1, from.minus(interval == Interval.H1 ? Duration.ZERO : pad).getEpochSecond());
        Instant to = range.to() == null ? now : range.to().plus(pad);
        long period2 = Math.min(to.getEpochSecond(), now.getEpochSecond() + 86_400);
        URI uri = URI.create(baseUrl + "/v8/finance/chart/" + URLEncoder.encode(symbol.value(), StandardCharsets.UTF_8)
                + "?period1=" + period1 + "&period2=" + period2 + "&interval=" + interval.code()
                + "&events=div%2Csplits&includeAdjustedClose=true");
        String body;
        try {
            body = fetcher.get(uri, symbol.value() + " " + interval);
        } catch (HttpFetcher.HttpStatusException e) {
            throw translateError(symbol, interval, e.body(), e);
        }
        PriceHistory all = parse(symbol, interval, body, now);
        BarSeries bars = all.bars().between(new DateRange(range.from(), range.to()));
        List<CorporateAction> actions = all.actions().stream()
                .filter(a -> range.contains(a.exDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .toList();
        return new PriceHistory(bars, actions);
    }

    /** Parses a chart API answer (a 200 body); package-private for tests of the format itself. */
    PriceHistory parse(Symbol symbol, Interval interval, String body, Instant now) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UserInputException("yahoo returned a truncated or malformed answer for " + symbol
                    + " (not valid JSON: " + HttpFetcher.oneLine(e.getOriginalMessage(), 100) + ")");
        }
        JsonNode chart = root == null ? null : root.get("chart");
        if (chart == null || !chart.isObject()) {
            throw malformed(symbol, "no 'chart' object");
        }
        JsonNode error = chart.get("error");
        if (error != null && error.isObject()) {
            throw translateError(symbol, interval, body, null);
        }
        JsonNode result = chart.get("result");
        if (result == null || !result.isArray() || result.isEmpty() || !result.get(0).isObject()) {
            throw new UserInputException("yahoo returned no data for " + symbol + " " + interval
                    + " (empty result; check the symbol)");
        }
        JsonNode r = result.get(0);
        JsonNode meta = r.path("meta");
        ZoneId zone = zoneOf(meta);
        JsonNode timestamps = r.get("timestamp");
        if (timestamps == null || timestamps.isNull() || timestamps.isEmpty()) {
            throw new UserInputException("yahoo has no " + interval + " bars for " + symbol + " in the requested range");
        }
        if (!timestamps.isArray()) {
            throw malformed(symbol, "'timestamp' is not an array");
        }
        JsonNode quote = r.path("indicators").path("quote").path(0);
        JsonNode open = column(symbol, quote, "open", timestamps.size(), true);
        JsonNode high = column(symbol, quote, "high", timestamps.size(), true);
        JsonNode low = column(symbol, quote, "low", timestamps.size(), true);
        JsonNode close = column(symbol, quote, "close", timestamps.size(), true);
        JsonNode volume = column(symbol, quote, "volume", timestamps.size(), false);
        JsonNode adj = column(symbol, r.path("indicators").path("adjclose").path(0), "adjclose",
                timestamps.size(), false);

        LocalDate today = LocalDate.ofInstant(now, zone);
        long sessionEnd = meta.path("currentTradingPeriod").path("regular").path("end").asLong(Long.MAX_VALUE);
        ProviderBars bars = new ProviderBars(name(), symbol, interval);
        for (int i = 0; i < timestamps.size(); i++) {
            JsonNode ts = timestamps.get(i);
            if (!ts.isIntegralNumber()) {
                throw malformed(symbol, "timestamp " + i + " is not an integer");
            }
            if (isMissing(open.get(i)) || isMissing(high.get(i)) || isMissing(low.get(i)) || isMissing(close.get(i))) {
                continue;
            }
            Instant start = Instant.ofEpochSecond(ts.asLong());
            long label;
            if (interval == Interval.H1) {
                if (start.plus(interval.nominal()).isAfter(now)) {
                    continue;
                }
                label = start.toEpochMilli();
            } else {
                LocalDate labelDate = ProviderBars.labelDate(LocalDate.ofInstant(start, zone), interval);
                if (labelDate.isAfter(today) || labelDate.equals(today) && now.getEpochSecond() < sessionEnd) {
                    continue;
                }
                label = ProviderBars.midnightUtc(labelDate);
            }
            double c = number(symbol, close.get(i), "close", i);
            double a = adj == null || isMissing(adj.get(i)) ? c : number(symbol, adj.get(i), "adjclose", i);
            double v = volume == null || isMissing(volume.get(i)) ? 0 : number(symbol, volume.get(i), "volume", i);
            bars.add(label, number(symbol, open.get(i), "open", i), number(symbol, high.get(i), "high", i),
                    number(symbol, low.get(i), "low", i), c, a, v);
        }
        if (bars.size() == 0) {
            throw new UserInputException("yahoo has no complete " + interval + " bars for " + symbol
                    + " in the requested range");
        }
        return new PriceHistory(bars.build(), actions(symbol, r.path("events"), zone));
    }

    private List<CorporateAction> actions(Symbol symbol, JsonNode events, ZoneId zone) {
        List<CorporateAction> out = new ArrayList<>();
        for (Iterator<JsonNode> it = events.path("dividends").elements(); it.hasNext(); ) {
            JsonNode d = it.next();
            double amount = d.path("amount").asDouble(Double.NaN);
            if (!d.path("date").isIntegralNumber() || !(amount > 0)) {
                throw malformed(symbol, "dividend entry " + HttpFetcher.oneLine(d.toString(), 80));
            }
            out.add(CorporateAction.dividend(LocalDate.ofInstant(Instant.ofEpochSecond(d.get("date").asLong()), zone),
                    amount));
        }
        for (Iterator<JsonNode> it = events.path("splits").elements(); it.hasNext(); ) {
            JsonNode s = it.next();
            double num = s.path("numerator").asDouble(Double.NaN);
            double den = s.path("denominator").asDouble(Double.NaN);
            if (!s.path("date").isIntegralNumber() || !(num > 0) || !(den > 0)) {
                throw malformed(symbol, "split entry " + HttpFetcher.oneLine(s.toString(), 80));
            }
            out.add(CorporateAction.split(LocalDate.ofInstant(Instant.ofEpochSecond(s.get("date").asLong()), zone),
                    num, den));
        }
        out.sort(Comparator.comparing(CorporateAction::exDate).thenComparing(CorporateAction::kind));
        return out;
    }

    /** Turns Yahoo's {@code {"chart":{"result":null,"error":{code,description}}}} into one line. */
    private UserInputException translateError(Symbol symbol, Interval interval, String body, UserInputException cause) {
        JsonNode error = null;
        try {
            JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
            error = root == null ? null : root.path("chart").get("error");
            if (error == null || !error.isObject()) {
                error = root == null ? null : root.get("finance") == null ? null : root.get("finance").get("error");
            }
        } catch (JsonProcessingException notJson) {
            error = null;
        }
        if (error == null || !error.isObject()) {
            return cause != null ? cause : malformed(symbol, "error without details");
        }
        String code = error.path("code").asText("");
        String description = HttpFetcher.oneLine(error.path("description").asText(""), 200);
        String lower = (code + " " + description).toLowerCase(Locale.ROOT);
        if (lower.contains("not found") || lower.contains("delisted")) {
            return new UserInputException("yahoo does not know symbol " + symbol + " (" + description + ")");
        }
        if (lower.contains("730 days") || lower.contains("data not available for starttime")) {
            return new UserInputException("yahoo serves " + interval + " bars for " + symbol
                    + " only for a recent range: " + description);
        }
        return new UserInputException("yahoo rejected the request for " + symbol + " " + interval + ": " + code
                + (description.isEmpty() ? "" : " (" + description + ")"));
    }

    private static ZoneId zoneOf(JsonNode meta) {
        String name = meta.path("exchangeTimezoneName").asText("");
        if (!name.isEmpty()) {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException unknownZone) {
                // fall through to the fixed offset
            }
        }
        JsonNode offset = meta.get("gmtoffset");
        if (offset != null && offset.isIntegralNumber() && Math.abs(offset.asInt()) <= 18 * 3600) {
            return ZoneOffset.ofTotalSeconds(offset.asInt());
        }
        return ZoneOffset.UTC;
    }

    private JsonNode column(Symbol symbol, JsonNode parent, String field, int n, boolean required) {
        JsonNode c = parent.get(field);
        if (c == null || c.isNull()) {
            if (required) {
                throw malformed(symbol, "no '" + field + "' column");
            }
            return null;
        }
        if (!c.isArray() || c.size() != n) {
            throw malformed(symbol, "'" + field + "' has " + (c.isArray() ? c.size() : 0) + " values for " + n
                    + " timestamps");
        }
        return c;
    }

    private static boolean isMissing(JsonNode v) {
        return v == null || v.isNull();
    }

    private double number(Symbol symbol, JsonNode v, String field, int i) {
        if (!v.isNumber()) {
            throw malformed(symbol, field + "[" + i + "] is not a number: " + HttpFetcher.oneLine(v.toString(), 40));
        }
        return v.asDouble();
    }

    private static UserInputException malformed(Symbol symbol, String what) {
        return new UserInputException("yahoo returned an unexpected answer for " + symbol + ": " + what);
    }

    static URI stripSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : base;
    }
}
