package org.quantlstm.data.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;

/** Each check on hand-made series: it fires on the defect and stays quiet on clean bars. */
class DataQualityTest {
    private final DataQuality dq = DataQuality.defaults();

    /** A clean daily series on consecutive weekdays from 2024-01-02: close 100 + 0.5·sin(t), real ranges, volume. */
    private static final class Bars {
        final List<Long> t = new ArrayList<>();
        final List<double[]> ohlcav = new ArrayList<>();

        static Bars weekdays(int n) {
            Bars b = new Bars();
            LocalDate d = LocalDate.of(2024, 1, 2);
            for (int i = 0; i < n; i++) {
                while (d.getDayOfWeek().getValue() > 5) {
                    d = d.plusDays(1);
                }
                double c = 100 + 0.5 * Math.sin(i);
                b.t.add(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
                b.ohlcav.add(new double[] {c - 0.1, c + 0.4, c - 0.4, c, c, 1000 + i});
                d = d.plusDays(1);
            }
            return b;
        }

        Bars set(int i, int col, double v) {
            ohlcav.get(i)[col] = v;
            return this;
        }

        /** Multiplies open, high, low, close from bar {@code from} on (raw prices only, or the adjusted close too). */
        Bars scaleFrom(int from, double k, boolean adjusted) {
            for (int i = from; i < t.size(); i++) {
                double[] r = ohlcav.get(i);
                for (int c = 0; c < 4; c++) {
                    r[c] *= k;
                }
                if (adjusted) {
                    r[4] *= k;
                }
            }
            return this;
        }

        BarSeries series(String sym, Interval iv) {
            int n = t.size();
            long[] tt = new long[n];
            double[][] c = new double[6][n];
            for (int i = 0; i < n; i++) {
                tt[i] = t.get(i);
                for (int k = 0; k < 6; k++) {
                    c[k][i] = ohlcav.get(i)[k];
                }
            }
            return BarSeries.of(new Symbol(sym), iv, tt, c[0], c[1], c[2], c[3], c[4], c[5]);
        }

        BarSeries series() {
            return series("TEST", Interval.D1);
        }
    }

    @Test
    void aCleanSeriesHasNoFindings() {
        QualityReport r = dq.check(Bars.weekdays(60).series("ZW=F", Interval.D1), "hand-made");
        assertThat(r.findings()).isEmpty();
        assertThat(r.table()).contains("ZW=F 1d: 60 bars 2024-01-02").contains("roll gap").contains("0  -");
    }

    @Test
    void aSplitInTheRawCloseOnlyIsAJumpAgainstTheAdjustedClose() {
        QualityReport r = dq.check(Bars.weekdays(30).scaleFrom(10, 0.5, false).series(), "x");
        assertThat(r.of(QualityCheck.SPLIT_IN_CLOSE)).hasSize(1).first()
                .satisfies(f -> assertThat(f.index()).isEqualTo(10))
                .satisfies(f -> assertThat(f.detail()).contains("1:2"));
        assertThat(r.of(QualityCheck.UNRECORDED_SPLIT)).isEmpty();
    }

    @Test
    void aSplitInBothClosesIsUnrecorded() {
        QualityReport r = dq.check(Bars.weekdays(30).scaleFrom(12, 1.0 / 3, true).series(), "x");
        assertThat(r.of(QualityCheck.UNRECORDED_SPLIT)).singleElement()
                .satisfies(f -> assertThat(f.index()).isEqualTo(12))
                .satisfies(f -> assertThat(f.detail()).contains("1:3"));
        assertThat(r.of(QualityCheck.SPLIT_IN_CLOSE)).isEmpty();
    }

    @Test
    void aThreeForTwoMoveInBothClosesIsNotCalledASplit() {
        // a real -35 % day (an earnings drop) moves close and adjusted close alike: no finding
        QualityReport r = dq.check(Bars.weekdays(30).scaleFrom(12, 2.0 / 3, true).series(), "x");
        assertThat(r.findings()).isEmpty();
        // but the same move in the raw close alone is a 2:3 split recorded only in the adjusted close
        assertThat(dq.check(Bars.weekdays(30).scaleFrom(12, 2.0 / 3, false).series(), "x")
                .of(QualityCheck.SPLIT_IN_CLOSE)).singleElement().satisfies(f -> assertThat(f.detail()).contains("2:3"));
    }

    @Test
    void aOneBarSpikeByASplitRatioIsNotASplit() {
        Bars b = Bars.weekdays(30);
        b.scaleFrom(12, 2, true).scaleFrom(13, 0.5, true); // bar 12 doubled, then back
        assertThat(dq.check(b.series(), "x").of(QualityCheck.UNRECORDED_SPLIT)).isEmpty();
    }

    @Test
    void aHundredTimesErrorIsFound() {
        Bars b = Bars.weekdays(30);
        b.set(7, 0, 1.0).set(7, 1, 1.01).set(7, 2, 0.99).set(7, 3, 1.0).set(7, 4, 1.0); // dollars written as 1/100
        QualityReport r = dq.check(b.series(), "x");
        assertThat(r.of(QualityCheck.HUNDRED_X)).extracting(Finding::index).containsExactly(7, 8);
        assertThat(r.of(QualityCheck.SPLIT_IN_CLOSE)).isEmpty();
        Bars inBar = Bars.weekdays(30).set(4, 1, 10_000);
        assertThat(dq.check(inBar.series(), "x").of(QualityCheck.HUNDRED_X)).extracting(Finding::index)
                .containsExactly(4);
    }

    @Test
    void flatBarsInARowAreStaleButTwoAreNot() {
        Bars b = Bars.weekdays(30);
        for (int i = 5; i < 9; i++) {
            b.set(i, 0, 50).set(i, 1, 50).set(i, 2, 50).set(i, 3, 50).set(i, 4, 50);
        }
        for (int i = 15; i < 17; i++) {
            b.set(i, 0, 60).set(i, 1, 60).set(i, 2, 60).set(i, 3, 60).set(i, 4, 60);
        }
        QualityReport r = dq.check(b.series(), "x");
        assertThat(r.of(QualityCheck.STALE_FLAT)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("4 bars O=H=L=C, 2024-01-09 .. 2024-01-12"));
    }

    @Test
    void zeroVolumeRunsCountOnlyWhereVolumeIsRecorded() {
        Bars b = Bars.weekdays(30);
        for (int i = 20; i < 23; i++) {
            b.set(i, 5, 0);
        }
        assertThat(dq.check(b.series(), "x").of(QualityCheck.STALE_VOLUME)).hasSize(1);
        Bars none = Bars.weekdays(30);
        for (int i = 0; i < 30; i++) {
            none.set(i, 5, 0);
        }
        assertThat(dq.check(none.series(), "x").of(QualityCheck.STALE_VOLUME)).isEmpty();
    }

    @Test
    void aContractSwitchWithAGapIsARollGapOnlyInAContinuousFuture() {
        Bars b = Bars.weekdays(30);
        for (int i = 0; i < 30; i++) {
            b.set(i, 5, i < 14 ? 20 : 60_000); // the expiring month trades 20 lots, the next 60,000
        }
        b.scaleFrom(14, 1.03, true); // the next month is 3 % dearer
        QualityReport fut = dq.check(b.series("ZW=F", Interval.D1), "x");
        assertThat(fut.of(QualityCheck.ROLL_GAP)).singleElement()
                .satisfies(f -> assertThat(f.index()).isEqualTo(14))
                .satisfies(f -> assertThat(f.detail()).contains("volume 20 -> 60000"));
        assertThat(dq.check(b.series("ABC", Interval.D1), "x").of(QualityCheck.ROLL_GAP)).isEmpty();
        assertThat(dq.check(b.series("ABC", Interval.D1), "x").table()).contains("not a continuous future");
        Bars noGap = Bars.weekdays(30);
        for (int i = 0; i < 30; i++) {
            noGap.set(i, 5, i < 14 ? 20 : 60_000);
        }
        assertThat(dq.check(noGap.series("ZW=F", Interval.D1), "x").of(QualityCheck.ROLL_GAP)).isEmpty();
    }

    @Test
    void missingWeekdaysBeyondHolidaysAreCalendarGaps() {
        Bars b = Bars.weekdays(40);
        // remove one weekday (a holiday: quiet) and, later, three in a row (a gap)
        b.t.remove(5);
        b.ohlcav.remove(5);
        for (int k = 0; k < 3; k++) {
            b.t.remove(20);
            b.ohlcav.remove(20);
        }
        QualityReport r = dq.check(b.series(), "x");
        assertThat(r.of(QualityCheck.CALENDAR_GAP)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("3 weekdays missing"));
    }

    @Test
    void intradayHolesOutsideWeekendsAreCalendarGaps() {
        long h4 = 4 * 3_600_000L;
        long start = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(); // a Monday
        List<Long> times = new ArrayList<>();
        for (long t = start; t < start + 5 * 86_400_000L; t += h4) { // Monday .. Friday, every 4 h
            times.add(t);
        }
        times.removeIf(t -> t >= start + 2 * 86_400_000L && t < start + 2 * 86_400_000L + 4 * h4); // Wed 00-16h
        long nextMonday = start + 7 * 86_400_000L;
        times.add(nextMonday); // the weekend: quiet
        int n = times.size();
        double[] c = new double[n];
        java.util.Arrays.fill(c, 10);
        double[] h = c.clone();
        java.util.Arrays.fill(h, 11);
        double[] l = c.clone();
        java.util.Arrays.fill(l, 9);
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        BarSeries s = BarSeries.of(new Symbol("XAUUSD"), Interval.H4, times.stream().mapToLong(Long::longValue).toArray(),
                c, h, l, c, c, v);
        QualityReport r = dq.check(s, "x");
        assertThat(r.of(QualityCheck.CALENDAR_GAP)).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("20 h between 2024-01-02 20:00 and 2024-01-03 16:00"));
    }

    @Test
    void aRepeatedBarIsADuplicate() {
        Bars b = Bars.weekdays(20);
        double[] prev = b.ohlcav.get(9);
        b.ohlcav.set(10, prev.clone());
        QualityReport r = dq.check(b.series(), "x");
        assertThat(r.of(QualityCheck.DUPLICATE)).extracting(Finding::index).containsExactly(10);
        assertThat(dq.check(Bars.weekdays(20).series(), "x").of(QualityCheck.DUPLICATE)).isEmpty();
    }
}
