package org.quantlstm.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.quantlstm.common.Interval;
import org.quantlstm.common.UserInputException;

/**
 * Aggregates bars to a coarser interval: first open, highest high, lowest low, last close and last adjusted
 * close, summed volume. Only coarser targets are possible (1h → 4h → 1d → 1wk → 1mo); a finer one is a user
 * error.
 *
 * <ul>
 *   <li><b>4h</b>: buckets on clock hours 0, 4, 8, 12, 16, 20 of the timestamps' clock, labelled by the bucket
 *       start (the Binance convention: bar open time). Caveat: the bundled MT5 metal and oil bars are in broker
 *       server time (UTC+2 in winter, UTC+3 in US summer time), so their 4h buckets are aligned to broker
 *       hours, not to UTC; a bucket may hold fewer than four hourly bars (session start/end, holidays).</li>
 *   <li><b>1d</b> from intraday: the calendar date of the timestamps' clock, labelled midnight of that date.</li>
 *   <li><b>1wk</b>: Monday–Sunday weeks labelled by the week's Friday (midnight UTC), closing with the last
 *       trading day of the week — so a week whose Friday is a holiday (Good Friday) closes on Thursday, as in the
 *       weekly-12 system's Friday adjusted closes. A trailing week whose data ends before its Friday is dropped,
 *       since it is not finished. Saturday/Sunday bars (crypto, 1950s NYSE Saturdays) belong to the week of the
 *       preceding Monday, so for 24/7 markets the Friday label is earlier than the week's last bar.</li>
 *   <li><b>1mo</b>: calendar months labelled by the month's last trading day in the data (from weekly input:
 *       the month's last weekly label, a Friday, even when that Friday was a holiday). A trailing unfinished
 *       month is kept, labelled by its last bar.</li>
 * </ul>
 */
public final class Resampler {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private Resampler() {
    }

    /** Whether {@code from} bars can be aggregated into {@code to} bars (same or coarser). */
    public static boolean canResample(Interval from, Interval to) {
        return to.compareTo(from) >= 0;
    }

    /** The series aggregated to {@code target}; the series itself if it is already at that interval. */
    public static BarSeries resample(BarSeries s, Interval target) {
        if (s.interval() == target) {
            return s;
        }
        if (!canResample(s.interval(), target)) {
            throw new UserInputException(s.symbol() + " is available at " + s.interval()
                    + " and cannot be shown at the finer interval " + target + " (only coarser intervals can be derived)");
        }
        int n = s.size();
        BarSeries.Builder b = BarSeries.builder(s.symbol(), target);
        int i = 0;
        while (i < n) {
            long key = key(s.epochMillis(i), target);
            int j = i + 1;
            while (j < n && key(s.epochMillis(j), target) == key) {
                j++;
            }
            double high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY, vol = 0;
            for (int k = i; k < j; k++) {
                high = Math.max(high, s.high(k));
                low = Math.min(low, s.low(k));
                vol += s.volume(k);
            }
            long label;
            if (target == Interval.W1) {
                label = key;
                if (j == n && s.epochMillis(j - 1) < label) {
                    break; // unfinished trailing week
                }
            } else if (target == Interval.MO1) {
                label = Math.floorDiv(s.epochMillis(j - 1), DAY) * DAY;
            } else {
                label = key;
            }
            b.add(label, s.open(i), high, low, s.close(j - 1), s.adjClose(j - 1), vol);
            i = j;
        }
        return b.build();
    }

    /** The bucket of a timestamp: bucket start for 4h/1d, the Friday for 1wk, year*12+month for 1mo. */
    private static long key(long t, Interval target) {
        switch (target) {
            case H4:
                return Math.floorDiv(t, 4 * HOUR) * 4 * HOUR;
            case D1:
                return Math.floorDiv(t, DAY) * DAY;
            case W1: {
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(t, DAY));
                int dow = d.getDayOfWeek().getValue(); // Monday = 1 .. Sunday = 7
                return d.plusDays(DayOfWeek.FRIDAY.getValue() - dow).toEpochDay() * DAY;
            }
            case MO1: {
                LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(t, DAY));
                return d.getYear() * 12L + d.getMonthValue() - 1;
            }
            default:
                throw new IllegalArgumentException("cannot resample to " + target);
        }
    }
}
