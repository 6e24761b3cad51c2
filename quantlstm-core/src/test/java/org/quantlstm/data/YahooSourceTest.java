package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quantlstm.data.StubHttpServer.fixture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * Yahoo's chart API v8 against a local stub answering in Yahoo's format. Fixtures under
 * {@code src/test/resources/org/quantlstm/data/net/} are real SPY prices of 2024-03-04 .. 2024-03-15 (from
 * {@code shared/data/spy_daily.csv.gz}) written as Yahoo writes them: session-open timestamps (14:30 UTC
 * before the 2024-03-10 DST change, 13:30 UTC after), float32-rounded prices, the 2024-03-15 dividend of
 * 1.595; and AAPL around its 4:1 split of 2020-08-31.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class YahooSourceTest {
    private static final Symbol SPY = Symbol.of("SPY");
    /** Monday 2024-03-18 before the open: the week of 2024-03-11 is complete. */
    private static final Instant MONDAY_MORNING = Instant.parse("2024-03-18T12:00:00Z");
    private static final String CHART = "/v8/finance/chart/SPY";

    private final StubHttpServer stub = StubHttpServer.start();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        stub.close();
    }

    private YahooSource yahoo(Instant now) {
        HttpFetcher.Settings s = new HttpFetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30), "quantlstm-test/1.0");
        HttpFetcher f = new HttpFetcher(s, sleeps::add, Clock.fixed(now, ZoneOffset.UTC), new Random(1), line -> { });
        return new YahooSource(stub.baseUrl(), f, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static long day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static DateRange range(String from, String to) {
        return new DateRange(Instant.parse(from + "T00:00:00Z"), Instant.parse(to + "T00:00:00Z"));
    }

    @Test
    void dailyBarsAreDatedMidnightUtcOfTheTradingDateAcrossTheDstChange() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1d.json")));
        PriceHistory h = yahoo(MONDAY_MORNING).history(SPY, Interval.D1, range("2024-03-04", "2024-03-15"));
        BarSeries b = h.bars();
        assertThat(b.symbol()).isEqualTo(SPY);
        assertThat(b.interval()).isEqualTo(Interval.D1);
        assertThat(b.size()).isEqualTo(10);
        assertThat(b.epochMillis(0)).isEqualTo(day("2024-03-04")); // 14:30 UTC (EST) stamp
        assertThat(b.epochMillis(5)).isEqualTo(day("2024-03-11")); // 13:30 UTC (EDT) stamp
        assertThat(b.epochMillis(9)).isEqualTo(day("2024-03-15"));
        // 2024-03-11 row of spy_daily.csv.gz: 510.48,511.88,508.5,511.28,adj 497.586578,62557200
        assertThat(b.open(5)).isCloseTo(510.48, within(1e-4));
        assertThat(b.high(5)).isCloseTo(511.88, within(1e-4));
        assertThat(b.low(5)).isCloseTo(508.5, within(1e-4));
        assertThat(b.close(5)).isCloseTo(511.28, within(1e-4));
        assertThat(b.adjClose(5)).isCloseTo(497.586578, within(1e-4));
        assertThat(b.volume(5)).isEqualTo(62_557_200);
    }

    @Test
    void theRequestCarriesYahoosParameters() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1d.json")));
        yahoo(MONDAY_MORNING).load(SPY, Interval.D1, range("2024-03-04", "2024-03-15"));
        StubHttpServer.Request r = stub.requests().get(0);
        assertThat(r.params()).containsEntry("interval", "1d").containsEntry("events", "div,splits")
                .containsEntry("includeAdjustedClose", "true");
        assertThat(r.rawQuery()).contains("events=div%2Csplits");
        // padded by a day on both sides so time zones cannot cut the first or last session
        assertThat(r.longParam("period1")).isEqualTo(Instant.parse("2024-03-03T00:00:00Z").getEpochSecond());
        assertThat(r.longParam("period2")).isEqualTo(Instant.parse("2024-03-16T00:00:00Z").getEpochSecond());
    }

    @Test
    void adjustedCloseCarriesTheDividendAndTheDividendIsReported() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1d.json")));
        PriceHistory h = yahoo(MONDAY_MORNING).history(SPY, Interval.D1, range("2024-03-04", "2024-03-15"));
        assertThat(h.actions()).containsExactly(CorporateAction.dividend(LocalDate.of(2024, 3, 15), 1.595));
        assertThat(h.splits()).isEmpty();
        BarSeries b = h.bars();
        // the ex-date's adjustment factor moves by (1 - dividend / previous close), as Yahoo computes it
        double before = b.adjClose(8) / b.close(8);
        double after = b.adjClose(9) / b.close(9);
        assertThat(before / after).isCloseTo(1 - 1.595 / 514.95, within(2e-6));
    }

    @Test
    void splitsAreParsedAndPricesStaySplitAdjusted() {
        stub.on("/v8/finance/chart/AAPL", r -> Reply.json(fixture("yahoo_aapl_split_1d.json")));
        PriceHistory h = yahoo(MONDAY_MORNING).history(Symbol.of("AAPL"), Interval.D1, range("2020-08-26", "2020-09-02"));
        assertThat(h.splits()).containsExactly(CorporateAction.split(LocalDate.of(2020, 8, 31), 4, 1));
        assertThat(h.splits().get(0).value()).isEqualTo(4.0);
        BarSeries b = h.bars();
        assertThat(b.size()).isEqualTo(6);
        assertThat(b.date(2)).isEqualTo(LocalDate.of(2020, 8, 28));
        assertThat(b.close(2)).isCloseTo(124.81, within(1e-4)); // 499.23 before the split, divided by 4
        assertThat(b.close(3)).isCloseTo(129.04, within(1e-4));
    }

    @Test
    void actionsOutsideTheRangeAreLeftOut() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1d.json")));
        PriceHistory h = yahoo(MONDAY_MORNING).history(SPY, Interval.D1, range("2024-03-04", "2024-03-14"));
        assertThat(h.bars().size()).isEqualTo(9);
        assertThat(h.actions()).isEmpty();
    }

    @Test
    void theRunningSessionIsDropped() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1d.json")));
        // Friday 2024-03-15 at 13:00 New York: that day's bar is still moving
        BarSeries b = yahoo(Instant.parse("2024-03-15T17:00:00Z")).load(SPY, Interval.D1, DateRange.all());
        assertThat(b.size()).isEqualTo(9);
        assertThat(b.date(8)).isEqualTo(LocalDate.of(2024, 3, 14));
    }

    @Test
    void weeklyBarsAreDatedFridayOfTheirWeek() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1wk.json")));
        BarSeries b = yahoo(MONDAY_MORNING).load(SPY, Interval.W1, range("2024-03-01", "2024-03-15"));
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.date(0)).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(b.date(1)).isEqualTo(LocalDate.of(2024, 3, 15));
        // week of 2024-03-04: Monday open 512.03, Friday close 511.72, high 518.22 (Friday), low 504.91 (Tuesday)
        assertThat(b.open(0)).isCloseTo(512.03, within(1e-4));
        assertThat(b.high(0)).isCloseTo(518.22, within(1e-4));
        assertThat(b.low(0)).isCloseTo(504.91, within(1e-4));
        assertThat(b.close(0)).isCloseTo(511.72, within(1e-4));
        assertThat(stub.requests().get(0).params()).containsEntry("interval", "1wk");
    }

    @Test
    void theRunningWeekIsDropped() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1wk.json")));
        BarSeries b = yahoo(Instant.parse("2024-03-14T22:00:00Z")).load(SPY, Interval.W1, DateRange.all());
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.date(0)).isEqualTo(LocalDate.of(2024, 3, 8));
    }

    @Test
    void hourlyBarsKeepTheirUtcStartSkipNullsAndHaveNoSeparateAdjustment() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1h.json")));
        BarSeries b = yahoo(MONDAY_MORNING).load(SPY, Interval.H1,
                new DateRange(Instant.parse("2024-03-15T00:00:00Z"), Instant.parse("2024-03-15T23:00:00Z")));
        assertThat(b.size()).isEqualTo(6); // 7 timestamps, one all-null bar
        assertThat(b.time(0)).isEqualTo(Instant.parse("2024-03-15T13:30:00Z"));
        assertThat(b.time(3)).isEqualTo(Instant.parse("2024-03-15T17:30:00Z"));
        assertThat(b.close(5)).isCloseTo(509.83, within(1e-4));
        assertThat(b.adjClose(5)).isEqualTo(b.close(5));
        assertThat(b.volume(0)).isEqualTo(9_840_312);
    }

    @Test
    void hourlyHistoryOlderThan730DaysIsRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.H1, range("2020-01-01", "2024-03-15")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("yahoo serves 1h bars only for the last 730 days")
                .hasMessageContaining("SPY from 2020-01-01");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anUnboundedHourlyStartBecomes729DaysAgo() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_1h.json")));
        yahoo(MONDAY_MORNING).load(SPY, Interval.H1, DateRange.all());
        assertThat(stub.requests().get(0).longParam("period1"))
                .isEqualTo(MONDAY_MORNING.minus(Duration.ofDays(729)).getEpochSecond());
    }

    @Test
    void yahoosOwnIntradayLimitErrorIsExplained() {
        stub.on(CHART, r -> Reply.json(422, fixture("yahoo_intraday_limit.json")));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.H1, range("2023-01-01", "2024-03-15")))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("yahoo serves 1h bars for SPY only for a recent range: ")
                .hasMessageContaining("within the last 730 days");
    }

    @Test
    void anUnknownSymbolNamesTheSymbol() {
        stub.on("/v8/finance/chart/SPYX", r -> Reply.json(404, fixture("yahoo_not_found.json")));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(Symbol.of("SPYX"), Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("yahoo does not know symbol SPYX (No data found, symbol may be delisted)");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anErrorDocumentWithStatus200IsAlsoReadAsAnError() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_not_found.json")));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("yahoo does not know symbol SPY (No data found, symbol may be delisted)");
    }

    @Test
    void aNonJson404IsStillOneLine() {
        stub.on(CHART, r -> Reply.text(404, "<html><body>Not Found</body></html>"));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("127.0.0.1 answered HTTP 404 for SPY 1d: <html><body>Not Found</body></html>");
    }

    @Test
    void emptyResultsAreClearErrors() {
        stub.on(CHART, r -> Reply.json(fixture("yahoo_spy_empty.json")));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, range("2024-03-16", "2024-03-17")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("yahoo has no 1d bars for SPY in the requested range");
        stub.on(CHART, r -> Reply.json("{\"chart\":{\"result\":[],\"error\":null}}"));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("yahoo returned no data for SPY 1d (empty result; check the symbol)");
    }

    @Test
    void aTruncatedBodyIsAClearErrorNotACrash() {
        String full = fixture("yahoo_spy_1d.json");
        stub.on(CHART, r -> Reply.json(full.substring(0, full.length() * 2 / 3)));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("yahoo returned a truncated or malformed answer for SPY (not valid JSON: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void columnsOfTheWrongLengthAreRejected() {
        String broken = fixture("yahoo_spy_1d.json").replaceFirst("\"close\":\\[[0-9.]+,", "\"close\":[");
        stub.on(CHART, r -> Reply.json(broken));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("yahoo returned an unexpected answer for SPY: 'close' has 9 values for 10 timestamps");
    }

    @Test
    void nonPositivePricesAndUnsortedRowsAreRejectedNamingProviderAndSymbol() {
        String json = fixture("yahoo_spy_1d.json");
        String zero = json.replaceFirst("\"low\":\\[[0-9.]+,", "\"low\":[0.0,");
        stub.on(CHART, r -> Reply.json(zero));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("yahoo returned low 0.0 for SPY at 2024-03-04T00:00:00Z (prices must be positive)");
        // swap the first two timestamps: 2024-03-05 then 2024-03-04
        String swapped = json.replace("\"timestamp\":[1709562600,1709649000,", "\"timestamp\":[1709649000,1709562600,");
        assertThat(swapped).isNotEqualTo(json);
        stub.on(CHART, r -> Reply.json(swapped));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("yahoo returned bars out of order for SPY at 2024-03-04T00:00:00Z (after 2024-03-05T00:00:00Z)");
        String duplicated = json.replace("\"timestamp\":[1709562600,1709649000,", "\"timestamp\":[1709562600,1709562600,");
        stub.on(CHART, r -> Reply.json(duplicated));
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("yahoo returned a duplicate bar for SPY at 2024-03-04T00:00:00Z");
    }

    @Test
    void fourHourBarsAreRefusedWithAHint() {
        assertThatThrownBy(() -> yahoo(MONDAY_MORNING).load(SPY, Interval.H4, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("yahoo has no 4h bars for SPY: fetch 1h and resample to 4h (yahoo serves 1h, 1d, 1wk, 1mo)");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void rateLimitThenSuccessIsRetried() {
        stub.sequence(CHART, Reply.text(429, "Too Many Requests").withHeader("Retry-After", "1"),
                Reply.json(fixture("yahoo_spy_1d.json")));
        assertThat(yahoo(MONDAY_MORNING).load(SPY, Interval.D1, DateRange.all()).size()).isEqualTo(10);
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void symbolsAreUrlEncoded() {
        stub.on("/v8/finance/chart/^GSPC", r -> Reply.json(fixture("yahoo_spy_1d.json")));
        yahoo(MONDAY_MORNING).load(Symbol.of("^GSPC"), Interval.D1, DateRange.all());
        assertThat(stub.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/v8/finance/chart/^GSPC"));
        assertThat(new YahooSource(stub.baseUrl(), HttpFetcher.standard()).name()).isEqualTo("yahoo");
    }
}
