package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/** The one way commands and systems get prices: which source wins, resampling, naming, and errors. */
class DataResolverTest {
    private static final Symbol SPY = Symbol.of("SPY");

    private static StoreAccess store(Path dir) {
        return new StoreAccess(dir, Duration.ofSeconds(5), line -> { });
    }

    private static DataResolver resolver(String spec, Path dir) {
        return DataResolver.of(spec, store(dir), null, () -> {
            throw new AssertionError("no network expected");
        });
    }

    /** Five daily bars of a made-up series, Monday 2024-01-01 to Friday; close = base + day index. */
    private static BarSeries tiny(String symbol, double base) {
        BarSeries.Builder b = BarSeries.builder(Symbol.of(symbol), Interval.D1);
        for (int i = 0; i < 5; i++) {
            long t = java.time.LocalDate.of(2024, 1, 1 + i).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            b.add(t, base + i, base + i + 1, base + i - 1, base + i, base + i, 1000);
        }
        return b.build();
    }

    @Test
    void autoPrefersTheLocalStoreAndSaysSo(@TempDir Path dir) {
        store(dir).write(s -> s.upsert(tiny("SPY", 100), "csv:mine.csv", DateRange.all()));
        DataResolver.Loaded l = resolver("auto", dir).load(SPY, Interval.D1);
        assertThat(l.source()).isEqualTo("store");
        assertThat(l.describe()).contains("market.duckdb").contains("csv:mine.csv");
        assertThat(l.series().size()).isEqualTo(5);
        // the bundled SPY is still there for 'bundled', and for 'auto' in an empty data directory
        assertThat(resolver("bundled", dir).load(SPY, Interval.D1).series().size()).isGreaterThan(8000);
        assertThat(resolver("auto", dir.resolve("empty")).load(SPY, Interval.D1).source()).isEqualTo("bundled");
    }

    @Test
    void aDailySeriesInTheStoreServesWeeklyBarsByResampling(@TempDir Path dir) {
        store(dir).write(s -> s.upsert(tiny("MYCO", 10), "csv:mine.csv", DateRange.all()));
        DataResolver.Loaded l = resolver("store", dir).load(Symbol.of("MYCO"), Interval.W1);
        assertThat(l.series().interval()).isEqualTo(Interval.W1);
        assertThat(l.series().size()).isEqualTo(1);
        assertThat(l.series().close(0)).isEqualTo(14);      // Friday's close
        assertThat(l.series().high(0)).isEqualTo(15);       // the week's highest high (Friday: 14 + 1)
        assertThat(l.series().low(0)).isEqualTo(9);         // the week's lowest low (Monday: 10 - 1)
        assertThat(l.describe()).contains("resampled from 1d");
        assertThatThrownBy(() -> resolver("store", dir).load(Symbol.of("MYCO"), Interval.H4))
                .isInstanceOf(UserInputException.class).hasMessageContaining("MYCO");
    }

    @Test
    void everyTickerOfTheBundledLiquid60ListResolvesWithAnEmptyStore(@TempDir Path dir) throws Exception {
        // regression: 'run weekly-12 --set data.tickers=<the liquid-60 list>' failed with "symbol META not found"
        // because the liquid-60 file was read only by the cross-sectional system, not listed in the catalog
        List<String> tickers;
        try (var in = DataResolver.class.getResourceAsStream("/bundled/sp500_liquid60_tickers.csv")) {
            tickers = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split(",")[1]).toList();
        }
        assertThat(tickers).hasSize(60).contains("META", "ABBV", "BRK.B");
        DataResolver r = resolver("auto", dir.resolve("empty"));
        for (String t : tickers) {
            DataResolver.Loaded l = r.load(Symbol.of(t), Interval.W1);
            assertThat(l.source()).as(t).isEqualTo("bundled");
            assertThat(l.series().isEmpty()).as(t).isFalse();
        }
        // first row of META in sp500_liquid60_daily.csv.gz: 2013-01-02,META,27.44,28.18,27.42,28.0,69804812
        BarSeries meta = r.load(Symbol.of("META"), Interval.D1).series();
        assertThat(meta.date(0)).isEqualTo(java.time.LocalDate.of(2013, 1, 2));
        assertThat(meta.close(0)).isEqualTo(28.0);
        assertThat(meta.size()).isEqualTo(3148);
        assertThat(r.load(Symbol.of("META"), Interval.D1).location()).isEqualTo("sp500_liquid60_daily.csv.gz");
        // a ticker in both files keeps the weekly-12 file (Stooq, from 1984-09-07), listed first in the catalog
        DataResolver.Loaded aapl = r.load(Symbol.of("AAPL"), Interval.D1);
        assertThat(aapl.location()).isEqualTo("stocks12_daily.csv.gz");
        assertThat(aapl.series().date(0)).isEqualTo(java.time.LocalDate.of(1984, 9, 7));
    }

    @Test
    void aMissingSymbolNamesEveryPlaceSearched(@TempDir Path dir) {
        assertThatThrownBy(() -> resolver("auto", dir).load(Symbol.of("NOPE"), Interval.D1))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("NOPE").hasMessageContaining("local store").hasMessageContaining("bundled data")
                .hasMessageContaining("data import");
    }

    @Test
    void aOneSeriesCsvTakesTheRequestedNameAndALongOneIsFiltered(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n"
                + "2024-01-03,10.5,12,10,11.5,120\n2024-01-04,11.5,12,11,11.8,90\n");
        DataResolver.Loaded l = resolver("csv:" + one, dir).load(Symbol.of("MINE"), Interval.D1);
        assertThat(l.series().symbol()).isEqualTo(Symbol.of("MINE"));
        assertThat(l.source()).isEqualTo("csv");
        assertThat(l.series().close(2)).isEqualTo(11.8);

        Path longFile = dir.resolve("long.csv");
        Files.writeString(longFile, "date,ticker,open,high,low,close,volume\n2024-01-02,AAA,1,2,0.5,1.5,10\n"
                + "2024-01-02,BBB,5,6,4,5.5,10\n2024-01-03,AAA,1.5,2,1,1.8,10\n2024-01-03,BBB,5.5,6,5,5.2,10\n");
        DataResolver csv = resolver("csv:" + longFile, dir);
        assertThat(csv.load(Symbol.of("BBB"), Interval.D1).series().close(1)).isEqualTo(5.2);
        assertThat(csv.loadAllFromCsv(Interval.D1)).containsOnlyKeys(Symbol.of("AAA"), Symbol.of("BBB"));
        assertThatThrownBy(() -> csv.load(Symbol.of("CCC"), Interval.D1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("CCC").hasMessageContaining("AAA");
    }

    @Test
    void badSourceNamesAreUserErrors() {
        assertThat(DataResolver.validate(null)).isEqualTo("auto");
        assertThat(DataResolver.validate("YAHOO")).isEqualTo("yahoo");
        assertThatThrownBy(() -> DataResolver.validate("ftp")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("auto, store, bundled, csv:PATH");
        assertThatThrownBy(() -> DataResolver.validate("csv:")).isInstanceOf(UserInputException.class);
    }

    @Test
    void aProviderIsReadThroughTheStoreAndTheSecondLoadMakesNoCall(@TempDir Path dir) {
        try (StubHttpServer stub = StubHttpServer.start()) {
            stub.on("/q/d/l/", r -> StubHttpServer.Reply.csv(StubHttpServer.fixture("stooq_spy_us_d.csv")));
            List<String> notices = new ArrayList<>();
            HttpFetcher.Settings s = new HttpFetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
                    Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5), "quantlstm-test/1.0");
            DataResolver r = DataResolver.of("stooq", store(dir), stub.baseUrl(),
                    () -> new HttpFetcher(s, d -> { }, Clock.systemUTC(), new Random(1), notices::add));
            DateRange range = new DateRange(java.time.Instant.parse("2024-03-04T00:00:00Z"),
                    java.time.Instant.parse("2024-03-15T00:00:00Z"));
            DataResolver.Loaded first = r.load(SPY, Interval.D1, range);
            assertThat(first.source()).isEqualTo("stooq");
            assertThat(first.series().size()).isEqualTo(10);
            assertThat(first.describe()).contains("cached in").contains("market.duckdb");
            int calls = stub.requests().size();
            assertThat(r.load(SPY, Interval.D1, range).series().size()).isEqualTo(10);
            assertThat(stub.requests()).hasSize(calls);
            // and the cached bars are what 'store' now serves
            assertThat(resolver("store", dir).load(SPY, Interval.D1).series().size()).isEqualTo(10);
        }
    }
}
