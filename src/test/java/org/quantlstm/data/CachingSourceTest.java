package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

class CachingSourceTest {
    @TempDir
    Path dir;

    /** A fake provider that records every call and serves 20 daily bars with closes base + i. */
    static final class CountingSource implements MarketDataSource {
        final List<DateRange> calls = new ArrayList<>();
        double base = 100;
        boolean fail;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public BarSeries load(Symbol symbol, Interval interval, DateRange range) {
            calls.add(range);
            if (fail) {
                throw new UserInputException("fake: offline");
            }
            return MarketStoreTest.bars(symbol.value(), 0, 20, base).between(range);
        }
    }

    static DateRange days(int from, int to) {
        return new DateRange(Instant.ofEpochMilli(MarketStoreTest.T0 + from * MarketStoreTest.DAY),
                Instant.ofEpochMilli(MarketStoreTest.T0 + to * MarketStoreTest.DAY));
    }

    @Test
    void secondRequestIsACacheHitWithZeroDelegateCalls() {
        CountingSource fake = new CountingSource();
        try (MarketStore store = MarketStore.open(dir)) {
            CachingSource cache = new CachingSource(fake, store, false);
            BarSeries first = cache.load(Symbol.of("AAA"), Interval.D1, DateRange.all());
            assertThat(fake.calls).hasSize(1);
            BarSeries second = cache.load(Symbol.of("AAA"), Interval.D1, DateRange.all());
            BarSeries inner = cache.load(Symbol.of("AAA"), Interval.D1, days(3, 5));
            assertThat(fake.calls).hasSize(1);
            assertThat(second.closes()).containsExactly(first.closes());
            assertThat(inner.closes()).containsExactly(103, 104, 105);
            assertThat(store.info(Symbol.of("AAA"), Interval.D1).orElseThrow().source()).isEqualTo("fake");
        }
    }

    @Test
    void refreshForcesOneDelegateCallAndStoresNewValues() {
        CountingSource fake = new CountingSource();
        try (MarketStore store = MarketStore.open(dir)) {
            new CachingSource(fake, store, false).load(Symbol.of("AAA"), Interval.D1, DateRange.all());
            fake.base = 200;
            BarSeries refreshed = new CachingSource(fake, store, true).load(Symbol.of("AAA"), Interval.D1, DateRange.all());
            assertThat(fake.calls).hasSize(2);
            assertThat(refreshed.close(0)).isEqualTo(200);
            assertThat(new CachingSource(fake, store, false).load(Symbol.of("AAA"), Interval.D1, DateRange.all()).close(0))
                    .isEqualTo(200);
            assertThat(fake.calls).hasSize(2);
        }
    }

    @Test
    void delegateFailureLeavesCachedDataUntouched() {
        CountingSource fake = new CountingSource();
        try (MarketStore store = MarketStore.open(dir)) {
            new CachingSource(fake, store, false).load(Symbol.of("AAA"), Interval.D1, days(0, 9));
            String hash = store.info(Symbol.of("AAA"), Interval.D1).orElseThrow().contentHash();
            fake.fail = true;
            assertThatThrownBy(() -> new CachingSource(fake, store, true).load(Symbol.of("AAA"), Interval.D1, days(0, 9)))
                    .hasMessageContaining("offline");
            assertThat(store.info(Symbol.of("AAA"), Interval.D1).orElseThrow().contentHash()).isEqualTo(hash);
            assertThat(store.load(Symbol.of("AAA"), Interval.D1, DateRange.all()).orElseThrow().size()).isEqualTo(10);
        }
    }

    @Test
    void requestOutsideCoverageFetchesTheHull() {
        CountingSource fake = new CountingSource();
        try (MarketStore store = MarketStore.open(dir)) {
            CachingSource cache = new CachingSource(fake, store, false);
            cache.load(Symbol.of("AAA"), Interval.D1, days(5, 9));
            cache.load(Symbol.of("AAA"), Interval.D1, days(6, 8));
            assertThat(fake.calls).hasSize(1);
            BarSeries wider = cache.load(Symbol.of("AAA"), Interval.D1, days(2, 7));
            assertThat(fake.calls).hasSize(2);
            assertThat(fake.calls.get(1)).isEqualTo(days(2, 9));
            assertThat(wider.closes()).containsExactly(102, 103, 104, 105, 106, 107);
            // an open-ended request is not covered by a bounded fetch
            cache.load(Symbol.of("AAA"), Interval.D1, DateRange.all());
            assertThat(fake.calls).hasSize(3);
        }
    }

    @Test
    void coverageRules() {
        assertThat(CachingSource.covers(DateRange.all(), days(1, 2))).isTrue();
        assertThat(CachingSource.covers(days(1, 5), days(1, 5))).isTrue();
        assertThat(CachingSource.covers(days(1, 5), days(0, 5))).isFalse();
        assertThat(CachingSource.covers(days(1, 5), new DateRange(days(2, 2).from(), null))).isFalse();
    }
}
