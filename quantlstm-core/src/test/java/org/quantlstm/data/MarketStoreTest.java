package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;

class MarketStoreTest {
    static final long DAY = 86_400_000L;
    static final long T0 = Instant.parse("2024-01-02T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    /** n daily bars starting at T0 + offset days, close = base + i. */
    static BarSeries bars(String sym, int offset, int n, double base) {
        BarSeries.Builder b = BarSeries.builder(Symbol.of(sym), Interval.D1);
        for (int i = 0; i < n; i++) {
            double c = base + i;
            b.add(T0 + (offset + i) * DAY, c - 0.5, c + 1, c - 1, c, c * 0.9, 1000 + i);
        }
        return b.build();
    }

    @Test
    void roundTripKeepsEveryColumnAndTimestamp() {
        BarSeries spy = new BundledSource().load(Symbol.of("SPY"));
        try (MarketStore store = MarketStore.open(dir)) {
            MarketStore.SeriesInfo info = store.upsert(spy, "bundled", DateRange.all());
            assertThat(info.rows()).isEqualTo(spy.size());
            BarSeries back = store.load(Symbol.of("SPY"), Interval.D1, DateRange.all()).orElseThrow();
            assertThat(back.epochMillis()).containsExactly(spy.epochMillis());
            assertThat(back.closes()).containsExactly(spy.closes());
            assertThat(back.adjCloses()).containsExactly(spy.adjCloses());
            assertThat(back.opens()).containsExactly(spy.opens());
            assertThat(back.volumes()).containsExactly(spy.volumes());
            assertThat(info.contentHash()).isEqualTo(MarketStore.contentHash(spy)).hasSize(64);
            assertThat(info.first()).isEqualTo(spy.time(0));
        }
    }

    @Test
    void pre1970AndIntradayTimestampsSurvive() {
        BarSeries.Builder b = BarSeries.builder(Symbol.of("OLD"), Interval.H1);
        long t = Instant.parse("1950-01-04T13:00:00Z").toEpochMilli();
        b.add(t, 1, 2, 0.5, 1.5, 1.5, 0).add(t + 3_600_000L, 1.5, 2, 1, 1.8, 1.8, 7);
        try (MarketStore store = MarketStore.open(dir)) {
            store.upsert(b.build(), "test", DateRange.all());
            BarSeries back = store.load(Symbol.of("OLD"), Interval.H1, DateRange.all()).orElseThrow();
            assertThat(back.epochMillis()).containsExactly(t, t + 3_600_000L);
        }
    }

    @Test
    void upsertIsIdempotentAndReplacesOverlappingBars() {
        try (MarketStore store = MarketStore.open(dir)) {
            store.upsert(bars("AAA", 0, 10, 100), "a", DateRange.all());
            String h1 = store.info(Symbol.of("AAA"), Interval.D1).orElseThrow().contentHash();
            store.upsert(bars("AAA", 0, 10, 100), "a", DateRange.all());
            MarketStore.SeriesInfo again = store.info(Symbol.of("AAA"), Interval.D1).orElseThrow();
            assertThat(again.rows()).isEqualTo(10);
            assertThat(again.contentHash()).isEqualTo(h1);
            // overlapping write: days 5..14 with new closes replace 5..9 and add 10..14
            store.upsert(bars("AAA", 5, 10, 500), "b", DateRange.all());
            BarSeries back = store.load(Symbol.of("AAA"), Interval.D1, DateRange.all()).orElseThrow();
            assertThat(back.size()).isEqualTo(15);
            assertThat(back.close(4)).isEqualTo(104);
            assertThat(back.close(5)).isEqualTo(500);
            assertThat(back.close(14)).isEqualTo(509);
            MarketStore.SeriesInfo info = store.info(Symbol.of("AAA"), Interval.D1).orElseThrow();
            assertThat(info.rows()).isEqualTo(15);
            assertThat(info.source()).isEqualTo("b");
            assertThat(info.contentHash()).isEqualTo(MarketStore.contentHash(back)).isNotEqualTo(h1);
        }
    }

    @Test
    void aWriteReplacesTheStoredSpanOfTheNewData() {
        try (MarketStore store = MarketStore.open(dir)) {
            store.upsert(bars("AAA", 0, 10, 100), "a", DateRange.all());
            // new data for days 2..6 without day 4: day 4 inside the span is removed, days outside are kept
            BarSeries b = bars("AAA", 2, 5, 200);
            BarSeries gap = BarSeries.of(b.symbol(), b.interval(),
                    new long[] {b.epochMillis(0), b.epochMillis(1), b.epochMillis(3), b.epochMillis(4)},
                    new double[] {1, 1, 1, 1}, new double[] {2, 2, 2, 2}, new double[] {0.5, 0.5, 0.5, 0.5},
                    new double[] {200, 201, 203, 204}, null, new double[] {0, 0, 0, 0});
            store.upsert(gap, "b", DateRange.all());
            BarSeries back = store.load(Symbol.of("AAA"), Interval.D1, DateRange.all()).orElseThrow();
            assertThat(back.closes()).containsExactly(100, 101, 200, 201, 203, 204, 107, 108, 109);
            assertThat(store.rowCount()).isEqualTo(9);
        }
    }

    @Test
    void failurePartWayThroughABatchLeavesEarlierDataIntact() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (MarketStore store = MarketStore.open(dir, clock, n -> {
            if (n == 15) {
                throw new IllegalStateException("injected failure at row 15");
            }
        })) {
            // first write: 10 rows, below the failure point
            store.upsert(bars("AAA", 0, 10, 100), "first", DateRange.all());
        }
        try (MarketStore store = MarketStore.open(dir, Clock.systemUTC(), n -> {
            if (n == 15) {
                throw new IllegalStateException("injected failure at row 15");
            }
        })) {
            // a batch of two series (10 new bars of BBB, then 10 overlapping bars of AAA) fails at its 15th row
            assertThatThrownBy(() -> store.upsertAll(List.of(bars("BBB", 0, 10, 50), bars("AAA", 0, 10, 900)),
                    "second", s -> DateRange.all())).hasMessageContaining("injected failure");
            assertThat(store.info(Symbol.of("BBB"), Interval.D1)).isEmpty();
            assertThat(store.rowCount()).isEqualTo(10); // none of BBB's appended rows survived the rollback
            MarketStore.SeriesInfo info = store.info(Symbol.of("AAA"), Interval.D1).orElseThrow();
            assertThat(info.source()).isEqualTo("first");
            assertThat(info.fetchedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
            BarSeries aaa = store.load(Symbol.of("AAA"), Interval.D1, DateRange.all()).orElseThrow();
            assertThat(aaa.closes()).containsExactly(bars("AAA", 0, 10, 100).closes());
            assertThat(store.list()).hasSize(1);
            // the store is still usable afterwards
            store.upsert(bars("CCC", 0, 3, 1), "third", DateRange.all());
            assertThat(store.list()).extracting(i -> i.symbol().value()).containsExactly("AAA", "CCC");
        }
    }

    @Test
    void dataPersistsAcrossReopenAndRangesFilter() {
        try (MarketStore store = MarketStore.open(dir)) {
            store.upsertAll(List.of(bars("AAA", 0, 10, 100), bars("BBB", 0, 4, 1)), "x",
                    s -> new DateRange(s.time(0), s.time(s.size() - 1)));
        }
        try (MarketStore store = MarketStore.openIfExists(dir).orElseThrow()) {
            assertThat(store.list()).extracting(i -> i.symbol().value()).containsExactly("AAA", "BBB");
            BarSeries mid = store.load(Symbol.of("AAA"), Interval.D1,
                    new DateRange(Instant.ofEpochMilli(T0 + 2 * DAY), Instant.ofEpochMilli(T0 + 4 * DAY))).orElseThrow();
            assertThat(mid.closes()).containsExactly(102, 103, 104);
            assertThat(store.info(Symbol.of("BBB"), Interval.D1).orElseThrow().coverage())
                    .isEqualTo(new DateRange(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 3 * DAY)));
            assertThat(store.load(Symbol.of("AAA"), Interval.W1, DateRange.all())).isEmpty();
        }
    }

    @Test
    void openIfExistsDoesNotCreateAFile() {
        assertThat(MarketStore.openIfExists(dir.resolve("nothing"))).isEmpty();
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    @Test
    void hostileSymbolsNeverReachSql() {
        assertThatThrownBy(() -> Symbol.of("A'; DROP TABLE bars; --"))
                .isInstanceOf(org.quantlstm.common.UserInputException.class);
    }
}
