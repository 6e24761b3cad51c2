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
 * Stooq's CSV download against a local stub. The fixture {@code stooq_spy_us_d.csv} holds real SPY bars of
 * 2024-03-04 .. 2024-03-15 on Stooq's adjusted basis (raw OHLC of {@code shared/data/spy_daily.csv.gz}
 * scaled by its adj_close/close, rounded to cents, CRLF line ends as Stooq serves them).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StooqSourceTest {
    private static final Symbol SPY = Symbol.of("SPY");
    private static final Instant MONDAY = Instant.parse("2024-03-18T12:00:00Z");
    private static final String PATH = "/q/d/l/";

    private final StubHttpServer stub = StubHttpServer.start();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        stub.close();
    }

    private StooqSource stooq(Instant now) {
        HttpFetcher.Settings s = new HttpFetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30), "quantlstm-test/1.0");
        HttpFetcher f = new HttpFetcher(s, sleeps::add, Clock.fixed(now, ZoneOffset.UTC), new Random(3), line -> { });
        return new StooqSource(stub.baseUrl(), f, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static DateRange range(String from, String to) {
        return new DateRange(Instant.parse(from + "T00:00:00Z"), Instant.parse(to + "T00:00:00Z"));
    }

    private static final String HEADER = "Date,Open,High,Low,Close,Volume\r\n";

    @Test
    void dailyBarsAreAdjustedAndDatedMidnightUtc() {
        stub.on(PATH, r -> Reply.csv(fixture("stooq_spy_us_d.csv")));
        BarSeries b = stooq(MONDAY).load(SPY, Interval.D1, range("2024-03-04", "2024-03-15"));
        assertThat(b.size()).isEqualTo(10);
        assertThat(b.interval()).isEqualTo(Interval.D1);
        assertThat(b.date(0)).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(b.time(5)).isEqualTo(Instant.parse("2024-03-11T00:00:00Z"));
        // spy_daily.csv.gz 2024-03-11: open 510.48, close 511.28, adj_close 497.586578, volume 62557200
        double factor = 497.586578 / 511.28;
        assertThat(b.close(5)).isCloseTo(497.59, within(1e-9));
        assertThat(b.open(5)).isCloseTo(510.48 * factor, within(0.005));
        assertThat(b.adjClose(5)).isEqualTo(b.close(5));
        assertThat(b.volume(5)).isEqualTo(62_557_200);
        StubHttpServer.Request req = stub.requests().get(0);
        assertThat(req.params()).containsEntry("s", "spy.us").containsEntry("i", "d")
                .containsEntry("d1", "20240304").containsEntry("d2", "20240315");
    }

    @Test
    void anUnboundedRangeAsksForEverything() {
        stub.on(PATH, r -> Reply.csv(fixture("stooq_spy_us_d.csv")));
        assertThat(stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()).size()).isEqualTo(10);
        assertThat(stub.requests().get(0).params()).containsOnlyKeys("s", "i");
    }

    @Test
    void todaysRunningBarIsDropped() {
        stub.on(PATH, r -> Reply.csv(fixture("stooq_spy_us_d.csv")));
        BarSeries b = stooq(Instant.parse("2024-03-15T15:00:00Z")).load(SPY, Interval.D1, DateRange.all());
        assertThat(b.size()).isEqualTo(9);
        assertThat(b.date(8)).isEqualTo(LocalDate.of(2024, 3, 14));
    }

    @Test
    void weeklyBarsAreDatedFriday() {
        stub.on(PATH, r -> Reply.csv(fixture("stooq_spy_us_w.csv")));
        BarSeries b = stooq(MONDAY).load(SPY, Interval.W1, range("2024-03-08", "2024-03-15"));
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.date(0)).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(b.date(1)).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(b.close(1)).isEqualTo(497.72);
        assertThat(stub.requests().get(0).params()).containsEntry("i", "w").containsEntry("d1", "20240301")
                .containsEntry("d2", "20240322");
    }

    @Test
    void monthlyBarsAreDatedTheLastWeekdayOfTheMonth() {
        // Stooq dates a month by its last session: 2024-03-28, the day before Good Friday
        stub.on(PATH, r -> Reply.csv(HEADER + "2024-02-29,471.65,496.47,470.84,494.47,1393307200\r\n"
                + "2024-03-28,495.35,512.15,491.39,510.64,1473501100\r\n"));
        BarSeries b = stooq(Instant.parse("2024-04-02T12:00:00Z")).load(SPY, Interval.MO1, DateRange.all());
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.date(0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(b.date(1)).isEqualTo(LocalDate.of(2024, 3, 29));
        assertThat(stub.requests().get(0).params()).containsEntry("i", "m");
    }

    @Test
    void aMissingVolumeColumnMeansZeroVolume() {
        stub.on(PATH, r -> Reply.csv("Date,Open,High,Low,Close\r\n2024-03-14,1.0946,1.0957,1.0882,1.0883\r\n"
                + "2024-03-15,1.0884,1.0907,1.0870,1.0888\r\n"));
        BarSeries b = stooq(MONDAY).load(Symbol.of("EURUSD"), Interval.D1, DateRange.all());
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.volume(1)).isZero();
        assertThat(stub.requests().get(0).params()).containsEntry("s", "eurusd");
    }

    @Test
    void symbolsMapToStooqNames() {
        assertThat(StooqSource.stooqSymbol(Symbol.of("AAPL"))).isEqualTo("aapl.us");
        assertThat(StooqSource.stooqSymbol(Symbol.of("BRK.B"))).isEqualTo("brk-b.us");
        assertThat(StooqSource.stooqSymbol(Symbol.of("BRK-B"))).isEqualTo("brk-b.us");
        assertThat(StooqSource.stooqSymbol(Symbol.of("^SPX"))).isEqualTo("^spx");
        assertThat(StooqSource.stooqSymbol(Symbol.of("^GSPC"))).isEqualTo("^spx");
        assertThat(StooqSource.stooqSymbol(Symbol.of("^NDX"))).isEqualTo("^ndx");
        assertThat(StooqSource.stooqSymbol(Symbol.of("GC=F"))).isEqualTo("gc.f");
        assertThat(StooqSource.stooqSymbol(Symbol.of("VOD.UK"))).isEqualTo("vod.uk");
        assertThat(StooqSource.stooqSymbol(Symbol.of("XAUUSD"))).isEqualTo("xauusd");
        assertThat(StooqSource.stooqSymbol(Symbol.of("spy.us"))).isEqualTo("spy.us");
    }

    @Test
    void indexSymbolsAreUrlEncoded() {
        stub.on(PATH, r -> Reply.csv(fixture("stooq_spy_us_d.csv")));
        stooq(MONDAY).load(Symbol.of("^SPX"), Interval.D1, DateRange.all());
        StubHttpServer.Request req = stub.requests().get(0);
        assertThat(req.rawQuery()).startsWith("s=%5Espx&i=d");
        assertThat(req.params()).containsEntry("s", "^spx");
    }

    @Test
    void noDataMeansAnUnknownSymbol() {
        stub.on(PATH, r -> Reply.csv("No data"));
        assertThatThrownBy(() -> stooq(MONDAY).load(Symbol.of("NOPE"), Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("stooq has no data for NOPE (looked up as nope.us; check the symbol)");
    }

    @Test
    void theDailyHitsLimitIsExplained() {
        stub.on(PATH, r -> Reply.csv("Exceeded the daily hits limit"));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("stooq refused SPY: exceeded the daily hits limit (try again tomorrow or use another source)");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aRowCutOffMidwayIsAClearError() {
        String full = fixture("stooq_spy_us_d.csv");
        String cut = full.substring(0, full.indexOf("2024-03-12") + "2024-03-12,499.7".length());
        stub.on(PATH, r -> Reply.csv(cut));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("stooq returned a malformed row for SPY (spy.us) at line 8: '2024-03-12,499.7' has 2 fields,"
                        + " header has 6 (cut off?)");
    }

    @Test
    void nonNumbersAndBadDatesNameTheLine() {
        stub.on(PATH, r -> Reply.csv(HEADER + "2024-03-14,500.5,502.0,498.0,n/a,1000\r\n"));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("stooq returned a malformed row for SPY (spy.us) at line 2: '2024-03-14,500.5,502.0,498.0,n/a,1000'"
                        + " 'n/a' is not a number");
        stub.on(PATH, r -> Reply.csv(HEADER + "14/03/2024,500.5,502.0,498.0,501,1000\r\n"));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .hasMessageContaining("at line 2").hasMessageContaining("date '14/03/2024' is not yyyy-MM-dd");
    }

    @Test
    void unexpectedAndEmptyAnswersAreClearErrors() {
        stub.on(PATH, r -> Reply.of(200, "text/html", "<!DOCTYPE html><html><head><title>Stooq</title></head></html>"));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("stooq returned an unexpected answer for SPY (spy.us): <!DOCTYPE html>");
        stub.on(PATH, r -> Reply.csv(""));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("stooq returned an empty answer for SPY (spy.us)");
        stub.on(PATH, r -> Reply.csv(HEADER));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("stooq returned no 1d bars for SPY (spy.us) in the requested range");
    }

    @Test
    void unsortedDuplicateOrNonPositiveRowsAreRejected() {
        stub.on(PATH, r -> Reply.csv(HEADER + "2024-03-15,496.81,498.37,494.88,497.72,107646300\r\n"
                + "2024-03-14,503.44,503.60,498.41,501.16,110171800\r\n"));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("stooq returned bars out of order for SPY at 2024-03-14T00:00:00Z (after 2024-03-15T00:00:00Z)");
        stub.on(PATH, r -> Reply.csv(HEADER + "2024-03-14,503.44,503.60,498.41,501.16,110171800\r\n"
                + "2024-03-14,503.44,503.60,498.41,501.16,110171800\r\n"));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("stooq returned a duplicate bar for SPY at 2024-03-14T00:00:00Z");
        stub.on(PATH, r -> Reply.csv(HEADER + "2024-03-14,503.44,503.60,-498.41,501.16,110171800\r\n"));
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()))
                .hasMessage("stooq returned low -498.41 for SPY at 2024-03-14T00:00:00Z (prices must be positive)");
    }

    @Test
    void intradayIntervalsAreRefused() {
        assertThatThrownBy(() -> stooq(MONDAY).load(SPY, Interval.H1, DateRange.all()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("stooq serves daily, weekly and monthly bars only, not 1h (asked for SPY)");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aServerErrorThenSuccessIsRetried() {
        stub.sequence(PATH, Reply.text(502, "Bad Gateway"), Reply.csv(fixture("stooq_spy_us_d.csv")));
        assertThat(stooq(MONDAY).load(SPY, Interval.D1, DateRange.all()).size()).isEqualTo(10);
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeps).hasSize(1);
        assertThat(stooq(MONDAY).name()).isEqualTo("stooq");
    }
}
