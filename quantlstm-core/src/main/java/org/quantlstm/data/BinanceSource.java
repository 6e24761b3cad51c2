package org.quantlstm.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * Binance spot klines: {@code GET /api/v3/klines?symbol=BTCUSDT&interval=4h&startTime=..&endTime=..&limit=1000},
 * answering an array of arrays {@code [openTime, "open", "high", "low", "close", "volume", closeTime, ...]}
 * (times in epoch milliseconds, prices and volume as decimal strings).
 *
 * <p>Intervals: {@code 1h}, {@code 4h}, {@code 1d}; weekly and monthly are rejected (resample daily bars:
 * Binance's weeks start on Monday, unlike the Friday-dated weeks used elsewhere). Bars are dated by their
 * UTC open time (a daily bar therefore at midnight UTC, as everywhere else); adjusted close equals close;
 * volume is in the base asset (BTC for BTCUSDT). Pages of at most {@code limit} klines are requested, each
 * starting one millisecond after the previous page's last open time, until a page is short or the range is
 * covered. A kline whose close time lies after the injected clock's "now" is still open and is dropped.
 *
 * <p>Symbols are Binance's ({@code BTCUSDT}); Yahoo-style {@code BTC-USD} is read as {@code BTCUSDT} and
 * {@code ETH-BTC} as {@code ETHBTC}. An unknown symbol (HTTP 400, {@code {"code":-1121,"msg":"Invalid symbol."}})
 * becomes a one-line error; 429 and 418 with {@code Retry-After} are handled by {@link HttpFetcher}.
 */
public final class BinanceSource implements MarketDataSource {
    /** The public host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.binance.com");
    /** Intervals this source accepts. */
    public static final Set<Interval> SUPPORTED = EnumSet.of(Interval.H1, Interval.H4, Interval.D1);
    /** Binance's largest page. */
    public static final int MAX_LIMIT = 1000;
    /** Safety stop: 5000 pages of 1000 hourly bars are 570 years. */
    private static final int MAX_PAGES = 5000;
    private static final Pattern BINANCE_SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    private final URI baseUrl;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final int limit;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param baseUrl scheme, host and port, e.g. {@link #DEFAULT_BASE_URL} or a local test server
     * @param fetcher the HTTP client with its timeouts and retry policy
     * @param clock   "now", for unbounded ranges and to drop the still-open kline
     */
    public BinanceSource(URI baseUrl, HttpFetcher fetcher, Clock clock) {
        this(baseUrl, fetcher, clock, MAX_LIMIT);
    }

    /** As above with the system clock. */
    public BinanceSource(URI baseUrl, HttpFetcher fetcher) {
        this(baseUrl, fetcher, Clock.systemUTC());
    }

    /** As above with a page size in 1..1000 (small pages make pagination testable with few rows). */
    BinanceSource(URI baseUrl, HttpFetcher fetcher, Clock clock, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ": " + limit);
        }
        this.baseUrl = YahooSource.stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
    }

    /** The real Binance host with {@link HttpFetcher#standard()}. */
    public static BinanceSource standard() {
        return new BinanceSource(DEFAULT_BASE_URL, HttpFetcher.standard());
    }

    @Override
    public String name() {
        return "binance";
    }

    /** Binance's name for a symbol: {@code BTC-USD → BTCUSDT}, {@code ETH-BTC → ETHBTC}, else unchanged. */
    public static String binanceSymbol(Symbol symbol) {
        String v = symbol.value();
        int dash = v.indexOf('-');
        if (dash > 0 && dash == v.lastIndexOf('-')) {
            String quote = v.substring(dash + 1);
            v = v.substring(0, dash) + (quote.equals("USD") ? "USDT" : quote);
        }
        if (!BINANCE_SYMBOL.matcher(v).matches()) {
            throw new UserInputException("binance symbols are letters and digits such as BTCUSDT, not " + symbol);
        }
        return v;
    }

    @Override
    public BarSeries load(Symbol symbol, Interval interval, DateRange range) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(range, "range");
        if (!SUPPORTED.contains(interval)) {
            throw new UserInputException("binance source serves 1h, 4h and 1d klines, not " + interval
                    + " (asked for " + symbol + "; resample 1d instead)");
        }
        String code = binanceSymbol(symbol);
        long now = clock.millis();
        long start = range.from() == null ? 0 : Math.max(0, range.from().toEpochMilli());
        long end = range.to() == null ? now : Math.min(range.to().toEpochMilli(), now);
        ProviderBars bars = new ProviderBars(name(), symbol, interval);
        long cursor = start;
        for (int page = 0; cursor <= end; page++) {
            if (page == MAX_PAGES) {
                throw new UserInputException("binance kept sending pages for " + symbol + " " + interval
                        + " beyond " + MAX_PAGES + "; stopping");
            }
            URI uri = URI.create(baseUrl + "/api/v3/klines?symbol=" + code + "&interval=" + interval.code()
                    + "&startTime=" + cursor + "&endTime=" + end + "&limit=" + limit);
            String body;
            try {
                body = fetcher.get(uri, code + " " + interval);
            } catch (HttpFetcher.HttpStatusException e) {
                throw translateError(symbol, code, e);
            }
            JsonNode klines = parsePage(symbol, body);
            long lastOpen = Long.MIN_VALUE;
            for (int i = 0; i < klines.size(); i++) {
                JsonNode k = klines.get(i);
                if (!k.isArray() || k.size() < 7 || !k.get(0).isIntegralNumber() || !k.get(6).isIntegralNumber()) {
                    throw malformed(symbol, "kline " + i + " is not [openTime, open, high, low, close, volume, closeTime, ...]: "
                            + HttpFetcher.oneLine(k.toString(), 80));
                }
                long open = k.get(0).asLong();
                long close = k.get(6).asLong();
                lastOpen = Math.max(lastOpen, open);
                if (close > now || open < start || open > end) {
                    continue;
                }
                double c = decimal(symbol, k, 4);
                bars.add(open, decimal(symbol, k, 1), decimal(symbol, k, 2), decimal(symbol, k, 3), c, c,
                        decimal(symbol, k, 5));
            }
            if (klines.size() < limit || lastOpen == Long.MIN_VALUE) {
                break;
            }
            if (lastOpen < cursor) {
                throw malformed(symbol, "a page starting at " + Instant.ofEpochMilli(cursor) + " ended at "
                        + Instant.ofEpochMilli(lastOpen));
            }
            cursor = lastOpen + 1;
        }
        if (bars.size() == 0) {
            throw new UserInputException("binance has no closed " + interval + " klines for " + symbol + " (" + code
                    + ") in the requested range");
        }
        return bars.build();
    }

    private JsonNode parsePage(Symbol symbol, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UserInputException("binance returned a truncated or malformed answer for " + symbol
                    + " (not valid JSON: " + HttpFetcher.oneLine(e.getOriginalMessage(), 100) + ")");
        }
        if (root == null || !root.isArray()) {
            if (root != null && root.has("msg")) {
                throw new UserInputException("binance rejected the request for " + symbol + ": "
                        + HttpFetcher.oneLine(root.path("msg").asText(), 160) + " (code " + root.path("code").asText() + ")");
            }
            throw malformed(symbol, "expected an array of klines, got " + HttpFetcher.oneLine(String.valueOf(root), 80));
        }
        return root;
    }

    private UserInputException translateError(Symbol symbol, String code, HttpFetcher.HttpStatusException e) {
        JsonNode err;
        try {
            err = e.body() == null || e.body().isBlank() ? null : json.readTree(e.body());
        } catch (JsonProcessingException notJson) {
            return e;
        }
        if (err == null || !err.isObject() || !err.has("msg")) {
            return e;
        }
        int errorCode = err.path("code").asInt(0);
        String msg = HttpFetcher.oneLine(err.path("msg").asText(""), 160);
        if (errorCode == -1121) {
            return new UserInputException("binance does not list symbol " + code + " (" + msg + ")");
        }
        return new UserInputException("binance rejected the request for " + symbol + " (HTTP " + e.status()
                + ", code " + errorCode + "): " + msg);
    }

    private double decimal(Symbol symbol, JsonNode kline, int index) {
        JsonNode v = kline.get(index);
        try {
            return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
        } catch (NumberFormatException ex) {
            throw malformed(symbol, "field " + index + " of kline " + kline.get(0).asLong() + " is not a number: "
                    + HttpFetcher.oneLine(v.toString(), 40));
        }
    }

    private static UserInputException malformed(Symbol symbol, String what) {
        return new UserInputException("binance returned an unexpected answer for " + symbol + ": " + what);
    }
}
