package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quantlstm.data.StubHttpServer.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.StubHttpServer.Reply;

/**
 * Binance klines against a local stub that behaves like {@code /api/v3/klines}: it serves the fixture's
 * klines whose open time lies in [startTime, endTime], at most {@code limit} of them, in Binance's array
 * format. The fixture holds the twelve real 4-hour BTCUSDT bars of 2025-12-31 and 2026-01-01 from
 * {@code shared/data/btcusdt_4h.csv.gz}, with Binance's close times (open + 4 h − 1 ms).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BinanceSourceTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final String PATH = "/api/v3/klines";
    private static final Instant AFTER = Instant.parse("2026-01-02T06:00:00Z");
    private static final DateRange TWO_DAYS = new DateRange(Instant.parse("2025-12-31T00:00:00Z"),
            Instant.parse("2026-01-01T20:00:00Z"));

    private final StubHttpServer stub = StubHttpServer.start();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ArrayNode klines = read(fixture("binance_btcusdt_4h.json"));

    @AfterEach
    void stop() {
        stub.close();
    }

    private static ArrayNode read(String json) {
        try {
            return (ArrayNode) new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers like Binance: klines with startTime <= open <= endTime, at most limit. */
    private Reply binance(StubHttpServer.Request r) {
        long start = r.longParam("startTime");
        long end = r.longParam("endTime");
        int limit = Integer.parseInt(r.params().get("limit"));
        ArrayNode page = new ObjectMapper().createArrayNode();
        for (JsonNode k : klines) {
            long open = k.get(0).asLong();
            if (open >= start && open <= end && page.size() < limit) {
                page.add(k);
            }
        }
        return Reply.json(page.toString());
    }

    private HttpFetcher fetcher(Instant now) {
        HttpFetcher.Settings s = new HttpFetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30), "quantlstm-test/1.0");
        return new HttpFetcher(s, sleeps::add, Clock.fixed(now, ZoneOffset.UTC), new Random(5), line -> { });
    }

    private BinanceSource binance(Instant now) {
        return new BinanceSource(stub.baseUrl(), fetcher(now), Clock.fixed(now, ZoneOffset.UTC));
    }

    private BinanceSource binance(Instant now, int limit) {
        return new BinanceSource(stub.baseUrl(), fetcher(now), Clock.fixed(now, ZoneOffset.UTC), limit);
    }

    @Test
    void klinesBecomeBarsAtTheirOpenTime() {
        stub.on(PATH, this::binance);
        BarSeries b = binance(AFTER).load(BTC, Interval.H4, TWO_DAYS);
        assertThat(b.size()).isEqualTo(12);
        assertThat(b.interval()).isEqualTo(Interval.H4);
        assertThat(b.time(0)).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
        assertThat(b.time(11)).isEqualTo(Instant.parse("2026-01-01T20:00:00Z"));
        // btcusdt_4h.csv.gz 2025-12-31 00:00: 88485.5, 88819.8, 88172.15, 88453.04, volume 1131.98072
        assertThat(b.open(0)).isEqualTo(88485.5);
        assertThat(b.high(0)).isEqualTo(88819.8);
        assertThat(b.low(0)).isEqualTo(88172.15);
        assertThat(b.close(0)).isEqualTo(88453.04);
        assertThat(b.adjClose(0)).isEqualTo(88453.04);
        assertThat(b.volume(0)).isEqualTo(1131.98072);
        StubHttpServer.Request req = stub.requests().get(0);
        assertThat(req.params()).containsEntry("symbol", "BTCUSDT").containsEntry("interval", "4h")
                .containsEntry("limit", "1000")
                .containsEntry("startTime", String.valueOf(TWO_DAYS.from().toEpochMilli()))
                .containsEntry("endTime", String.valueOf(TWO_DAYS.to().toEpochMilli()));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void pagesAreFollowedUntilTheRangeIsCovered() {
        stub.on(PATH, this::binance);
        BarSeries b = binance(AFTER, 5).load(BTC, Interval.H4, TWO_DAYS);
        assertThat(b.size()).isEqualTo(12);
        assertThat(stub.requests()).hasSize(3); // 5 + 5 + 2
        long fifthOpen = klines.get(4).get(0).asLong();
        assertThat(stub.requests().get(1).longParam("startTime")).isEqualTo(fifthOpen + 1);
        for (int i = 0; i < 12; i++) {
            assertThat(b.epochMillis(i)).isEqualTo(klines.get(i).get(0).asLong());
        }
    }

    @Test
    void aFullLastPageAsksOnceMoreAndStopsOnAnEmptyOne() {
        stub.on(PATH, this::binance);
        BarSeries b = binance(AFTER, 6).load(BTC, Interval.H4, DateRange.all());
        assertThat(b.size()).isEqualTo(12);
        assertThat(stub.requests()).hasSize(3); // 6 + 6 + 0
        assertThat(stub.requests().get(0).longParam("startTime")).isZero();
        assertThat(stub.requests().get(0).longParam("endTime")).isEqualTo(AFTER.toEpochMilli());
    }

    @Test
    void theStillOpenKlineIsDropped() {
        stub.on(PATH, this::binance);
        // 21:00 UTC: the 20:00 kline closes at 23:59:59.999
        BarSeries b = binance(Instant.parse("2026-01-01T21:00:00Z")).load(BTC, Interval.H4, DateRange.all());
        assertThat(b.size()).isEqualTo(11);
        assertThat(b.time(10)).isEqualTo(Instant.parse("2026-01-01T16:00:00Z"));
    }

    @Test
    void anInvalidSymbolIsAUserError() {
        stub.on(PATH, r -> Reply.json(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        assertThatThrownBy(() -> binance(AFTER).load(Symbol.of("BTCUSDX"), Interval.H4, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("binance does not list symbol BTCUSDX (Invalid symbol.)");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void otherBinanceErrorsCarryTheirMessage() {
        stub.on(PATH, r -> Reply.json(451, "{\"code\":0,\"msg\":\"Service unavailable from a restricted location"
                + " according to 'b. Eligibility' in https://www.binance.com/en/terms.\"}"));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.H4, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("binance rejected the request for BTCUSDT (HTTP 451, code 0): Service unavailable");
    }

    @Test
    void rateLimitWithRetryAfterThenSuccess() {
        stub.sequence(PATH, Reply.json(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}").withHeader("Retry-After", "3"),
                Reply.json(klines.toString()));
        assertThat(binance(AFTER).load(BTC, Interval.H4, TWO_DAYS).size()).isEqualTo(12);
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void serverErrorsUntilRetriesAreExhausted() {
        stub.on(PATH, r -> Reply.text(500, "Internal Server Error"));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.H4, TWO_DAYS))
                .isInstanceOf(UserInputException.class)
                .hasMessage("127.0.0.1 answered HTTP 500 on all 3 attempts for BTCUSDT 4h");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aTruncatedPageIsAClearError() {
        String full = klines.toString();
        stub.on(PATH, r -> Reply.json(full.substring(0, full.length() / 2)));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.H4, TWO_DAYS))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("binance returned a truncated or malformed answer for BTCUSDT (not valid JSON: ");
    }

    @Test
    void emptyResultsAndMalformedKlinesAreClearErrors() {
        stub.on(PATH, r -> Reply.json("[]"));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.D1, TWO_DAYS))
                .hasMessage("binance has no closed 1d klines for BTCUSDT (BTCUSDT) in the requested range");
        assertThat(stub.requests().get(0).params()).containsEntry("interval", "1d");
        stub.on(PATH, r -> Reply.json("[[1767139200000,\"88485.5\",\"x\",\"88172.15\",\"88453.04\",\"1131.9\",1767153599999]]"));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.H4, TWO_DAYS))
                .hasMessage("binance returned an unexpected answer for BTCUSDT: field 2 of kline 1767139200000 is not a number: \"x\"");
        stub.on(PATH, r -> Reply.json("[[1767139200000,\"88485.5\"]]"));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.H4, TWO_DAYS))
                .hasMessageStartingWith("binance returned an unexpected answer for BTCUSDT: kline 0 is not [openTime,");
        stub.on(PATH, r -> Reply.json("{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'symbol'\"}"));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.H4, TWO_DAYS))
                .hasMessage("binance rejected the request for BTCUSDT: Illegal characters found in parameter 'symbol' (code -1100)");
    }

    @Test
    void zeroPricesAreRejected() {
        stub.on(PATH, r -> Reply.json("[[1767139200000,\"0.00000000\",\"88819.8\",\"88172.15\",\"88453.04\",\"1131.9\",1767153599999]]"));
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.H4, TWO_DAYS))
                .hasMessage("binance returned open 0.0 for BTCUSDT at 2025-12-31T00:00:00Z (prices must be positive)");
    }

    @Test
    void symbolsAndIntervalsAreChecked() {
        assertThat(BinanceSource.binanceSymbol(Symbol.of("BTC-USD"))).isEqualTo("BTCUSDT");
        assertThat(BinanceSource.binanceSymbol(Symbol.of("ETH-BTC"))).isEqualTo("ETHBTC");
        assertThat(BinanceSource.binanceSymbol(Symbol.of("btcusdt"))).isEqualTo("BTCUSDT");
        assertThatThrownBy(() -> BinanceSource.binanceSymbol(Symbol.of("^SPX"))).isInstanceOf(UserInputException.class)
                .hasMessage("binance symbols are letters and digits such as BTCUSDT, not ^SPX");
        assertThatThrownBy(() -> binance(AFTER).load(BTC, Interval.W1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("binance source serves 1h, 4h and 1d klines, not 1wk (asked for BTCUSDT; resample 1d instead)");
        assertThat(stub.requests()).isEmpty();
        assertThat(binance(AFTER).name()).isEqualTo("binance");
    }

    @Test
    void yahooStyleSymbolsAreTranslatedInTheRequest() {
        stub.on(PATH, this::binance);
        BarSeries b = binance(AFTER).load(Symbol.of("BTC-USD"), Interval.H4, TWO_DAYS);
        assertThat(b.symbol()).isEqualTo(Symbol.of("BTC-USD"));
        assertThat(stub.requests().get(0).params()).containsEntry("symbol", "BTCUSDT");
    }
}
