package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * Expected bars were computed by hand from {@code zcat spy_daily.csv.gz} and {@code zcat xauusd_h1.csv.gz}
 * (rows copied into the comments).
 */
class ResamplerTest {
    private static final BundledSource BUNDLED = new BundledSource();

    private static int at(BarSeries s, LocalDate d) {
        int i = s.indexAtOrAfter(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        assertThat(s.date(i)).isEqualTo(d);
        return i;
    }

    @Test
    void spyWeeklyBarsAreLabelledFridayWithTheWeeksLastClose() {
        BarSeries w = Resampler.resample(BUNDLED.load(Symbol.of("SPY")), Interval.W1);
        assertThat(w.interval()).isEqualTo(Interval.W1);
        // 2024-03-18..22: O 514.0 (Mon); H max(515.48,516.0,520.62,524.11,522.61); L min(512.44,511.12,...);
        // C 521.21 / adj 508.826721 (Fri); V 88893300+60755300+69594600+60256100+79070800
        int i = at(w, LocalDate.of(2024, 3, 22));
        assertThat(w.open(i)).isEqualTo(514.0);
        assertThat(w.high(i)).isEqualTo(524.11);
        assertThat(w.low(i)).isEqualTo(511.12);
        assertThat(w.close(i)).isEqualTo(521.21);
        assertThat(w.adjClose(i)).isEqualTo(508.826721);
        assertThat(w.volume(i)).isEqualTo(358_570_100);
        // Good Friday 2024-03-29 was a holiday: the week 03-25..28 is labelled Friday 03-29 and closes with
        // Thursday's 523.07 / adj 510.642578; O 519.8, H 524.61 (Thu), L 518.4 (Tue), V 293,270,500
        int g = i + 1;
        assertThat(w.date(g)).isEqualTo(LocalDate.of(2024, 3, 29));
        assertThat(w.open(g)).isEqualTo(519.8);
        assertThat(w.high(g)).isEqualTo(524.61);
        assertThat(w.low(g)).isEqualTo(518.4);
        assertThat(w.close(g)).isEqualTo(523.07);
        assertThat(w.adjClose(g)).isEqualTo(510.642578);
        assertThat(w.volume(g)).isEqualTo(293_270_500);
        // 2024-04-01..05: O 523.83, H 524.38 (Mon), L 512.76 (Thu), C 518.43 / adj 506.112732
        int n = g + 1;
        assertThat(w.date(n)).isEqualTo(LocalDate.of(2024, 4, 5));
        assertThat(w.open(n)).isEqualTo(523.83);
        assertThat(w.high(n)).isEqualTo(524.38);
        assertThat(w.low(n)).isEqualTo(512.76);
        assertThat(w.close(n)).isEqualTo(518.43);
        assertThat(w.adjClose(n)).isEqualTo(506.112732);
    }

    @Test
    void everyWeeklyLabelIsAFridayAndTheUnfinishedLastWeekIsDropped() {
        BarSeries d = BUNDLED.load(Symbol.of("SPY"));
        BarSeries w = Resampler.resample(d, Interval.W1);
        for (int i = 0; i < w.size(); i++) {
            assertThat(w.date(i).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        }
        // SPY ends Tuesday 2026-05-26: the week of 2026-05-29 is not finished
        assertThat(w.date(w.size() - 1)).isEqualTo(LocalDate.of(2026, 5, 22));
    }

    @Test
    void spyMonthlyIsLabelledByTheLastTradingDay() {
        BarSeries m = Resampler.resample(BUNDLED.load(Symbol.of("SPY")), Interval.MO1);
        // March 2024: first open 508.98 (Fri 03-01), last close 523.07 on Thu 03-28 (Good Friday closed)
        int i = at(m, LocalDate.of(2024, 3, 28));
        assertThat(m.open(i)).isEqualTo(508.98);
        assertThat(m.close(i)).isEqualTo(523.07);
        // weekly → monthly gives the same closes (labels differ: Friday vs last trading day)
        BarSeries mw = Resampler.resample(Resampler.resample(BUNDLED.load(Symbol.of("SPY")), Interval.W1), Interval.MO1);
        assertThat(mw.size()).isGreaterThan(390);
    }

    @Test
    void xauusdHourlyToFourHourBucketsOnClockHours() {
        BarSeries h4 = BUNDLED.load(Symbol.of("XAUUSD"), Interval.H4, DateRange.all());
        assertThat(h4.interval()).isEqualTo(Interval.H4);
        // 2024-03-18 01:00..03:00 (the week opens at 01:00 broker time): O 2155.33, H 2157.47, L 2151.9,
        // C 2156.57, V 2833+2269+2974
        int i = h4.indexAtOrAfter(Instant.parse("2024-03-18T00:00:00Z").toEpochMilli());
        assertThat(h4.time(i)).isEqualTo(Instant.parse("2024-03-18T00:00:00Z"));
        assertThat(h4.open(i)).isEqualTo(2155.33);
        assertThat(h4.high(i)).isEqualTo(2157.47);
        assertThat(h4.low(i)).isEqualTo(2151.9);
        assertThat(h4.close(i)).isEqualTo(2156.57);
        assertThat(h4.volume(i)).isEqualTo(8076);
        // 04:00..07:00: O 2156.56, H 2156.57, L 2146.03, C 2147.28, V 5138+4288+3209+2063
        assertThat(h4.time(i + 1)).isEqualTo(Instant.parse("2024-03-18T04:00:00Z"));
        assertThat(h4.open(i + 1)).isEqualTo(2156.56);
        assertThat(h4.high(i + 1)).isEqualTo(2156.57);
        assertThat(h4.low(i + 1)).isEqualTo(2146.03);
        assertThat(h4.close(i + 1)).isEqualTo(2147.28);
        assertThat(h4.volume(i + 1)).isEqualTo(14_698);
        // Friday 2024-03-15 20:00..23:00, the last bucket before the weekend: H 2160.55, L 2155.18, C 2155.76
        assertThat(h4.time(i - 1)).isEqualTo(Instant.parse("2024-03-15T20:00:00Z"));
        assertThat(h4.open(i - 1)).isEqualTo(2158.78);
        assertThat(h4.high(i - 1)).isEqualTo(2160.55);
        assertThat(h4.low(i - 1)).isEqualTo(2155.18);
        assertThat(h4.close(i - 1)).isEqualTo(2155.76);
        assertThat(h4.volume(i - 1)).isEqualTo(16_998);
        for (int k = 0; k < h4.size(); k++) {
            assertThat(h4.epochMillis(k) % (4 * 3_600_000L)).isZero();
        }
    }

    @Test
    void bundledServesCoarserIntervalsAndRejectsFinerOnes() {
        BarSeries aapl = BUNDLED.load(Symbol.of("AAPL"), Interval.W1, DateRange.all());
        assertThat(aapl.interval()).isEqualTo(Interval.W1);
        BarSeries daily = BUNDLED.load(Symbol.of("AAPL"));
        // AAPL ends Wednesday 2025-07-09 (unfinished week dropped); Friday 2025-07-04 was a holiday, so the last
        // weekly bar is labelled 07-04 and closes with Thursday 07-03
        assertThat(aapl.date(aapl.size() - 1)).isEqualTo(LocalDate.of(2025, 7, 4));
        assertThat(aapl.close(aapl.size() - 1)).isCloseTo(daily.close(at(daily, LocalDate.of(2025, 7, 3))), Offset.offset(0.0));
        assertThatThrownBy(() -> BUNDLED.load(Symbol.of("SPY"), Interval.H4, DateRange.all()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("finer");
    }

    @Test
    void resamplingASeriesToItsOwnIntervalIsTheIdentity() {
        BarSeries d = BUNDLED.load(Symbol.of("QQQ"));
        assertThat(Resampler.resample(d, Interval.D1)).isSameAs(d);
    }
}
