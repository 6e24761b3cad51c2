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
        int n = 20;
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
            return MarketStoreTest.bars(symbol.value(), 0, n, base).between(range);
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

    /** A clock the test moves. */
    static final class TestClock extends java.time.Clock {
        java.time.Instant now;

        TestClock(java.time.Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void openEndedFetchOfAStaleSeriesExtendsItAndRefetchesTheLastBars() {
        CountingSource fake = new CountingSource();
        TestClock clock = new TestClock(Instant.ofEpochMilli(MarketStoreTest.T0 + 25 * MarketStoreTest.DAY));
        Symbol aaa = Symbol.of("AAA");
        try (MarketStore store = MarketStore.open(dir, clock, n -> { })) {
            CachingSource cache = new CachingSource(fake, store, false, clock);
            assertThat(cache.fetch(aaa, Interval.D1, DateRange.all()).kind()).isEqualTo(CachingSource.Kind.DOWNLOADED);
            // within FRESH_FOR: a hit
            clock.now = clock.now.plus(java.time.Duration.ofMinutes(10));
            assertThat(cache.fetch(aaa, Interval.D1, DateRange.all()).kind()).isEqualTo(CachingSource.Kind.HIT);
            assertThat(fake.calls).hasSize(1);

            // a day later the provider has three more bars, and revised its prices
            clock.now = clock.now.plus(java.time.Duration.ofDays(1));
            fake.n = 23;
            fake.base = 200;
            CachingSource.Outcome o = cache.fetch(aaa, Interval.D1, DateRange.all());
            assertThat(o.kind()).isEqualTo(CachingSource.Kind.EXTENDED);
            assertThat(o.added()).isEqualTo(3);
            assertThat(o.previousLast()).isEqualTo(Instant.ofEpochMilli(MarketStoreTest.T0 + 19 * MarketStoreTest.DAY));
            // asked from the 5th-last stored bar (day 15), open-ended
            assertThat(fake.calls.get(1)).isEqualTo(new DateRange(
                    Instant.ofEpochMilli(MarketStoreTest.T0 + 15 * MarketStoreTest.DAY), null));
            BarSeries all = o.bars();
            assertThat(all.size()).isEqualTo(23);
            assertThat(all.close(14)).isEqualTo(114); // older bars kept as stored
            assertThat(all.close(15)).isEqualTo(215); // the re-fetched tail carries the revision
            assertThat(all.close(22)).isEqualTo(222);
            assertThat(store.info(aaa, Interval.D1).orElseThrow().coverage()).isEqualTo(DateRange.all());
        }
    }

    @Test
    void aBoundedEndAfterTheLastDownloadIsNotACacheHit() {
        CountingSource fake = new CountingSource();
        TestClock clock = new TestClock(Instant.ofEpochMilli(MarketStoreTest.T0 + 25 * MarketStoreTest.DAY));
        Symbol aaa = Symbol.of("AAA");
        try (MarketStore store = MarketStore.open(dir, clock, n -> { })) {
            CachingSource cache = new CachingSource(fake, store, false, clock);
            cache.fetch(aaa, Interval.D1, DateRange.all());
            // --to before the download: covered
            assertThat(cache.fetch(aaa, Interval.D1, days(0, 19)).kind()).isEqualTo(CachingSource.Kind.HIT);
            // --to 2030-01-01: after the download, so the store cannot know those bars yet
            DateRange future = new DateRange(null, Instant.parse("2030-01-01T23:59:59Z"));
            assertThat(cache.fetch(aaa, Interval.D1, future).kind()).isEqualTo(CachingSource.Kind.EXTENDED);
            assertThat(fake.calls).hasSize(2);
        }
    }

    @Test
    void providerBarsPassTheSameValidatorAsImports() {
        MarketDataSource bad = new MarketDataSource() {
            @Override
            public String name() {
                return "bad";
            }

            @Override
            public BarSeries load(Symbol symbol, Interval interval, DateRange range) {
                return BarSeries.of(symbol, Interval.D1, new long[] {MarketStoreTest.T0, MarketStoreTest.T0 + MarketStoreTest.DAY},
                        new double[] {1, 1}, new double[] {2, 2}, new double[] {0.5, 3}, new double[] {1, 1}, null,
                        new double[] {0, 0});
            }
        };
        try (MarketStore store = MarketStore.open(dir)) {
            assertThatThrownBy(() -> new CachingSource(bad, store, false).load(Symbol.of("B"), Interval.D1, DateRange.all()))
                    .isInstanceOf(UserInputException.class).hasMessage("bad row 2: high 2 < low 3");
            assertThat(store.list()).isEmpty();
        }
    }
}
