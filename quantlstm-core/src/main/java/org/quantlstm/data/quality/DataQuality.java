package org.quantlstm.data.quality;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.quantlstm.common.Interval;
import org.quantlstm.data.BarSeries;

/**
 * Runs every {@link QualityCheck} over one series (raw OHLC, adjusted close and volume as stored) with the given
 * {@link QualityThresholds}. Roll gaps are looked for only in continuous futures (Yahoo-style symbols ending in
 * {@code =F}, or when the caller says so). A series with bars on weekends (5 % or more) is treated as trading every
 * day (crypto) by the calendar check.
 */
public final class DataQuality {
    /** Split ratios looked for (and their inverses). */
    private static final double[] SPLITS = {2, 3, 4, 5, 10, 1.5};

    private final QualityThresholds th;

    public DataQuality(QualityThresholds thresholds) {
        this.th = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** With the documented defaults. */
    public static DataQuality defaults() {
        return new DataQuality(QualityThresholds.DEFAULT);
    }

    /** Whether a symbol names a continuous future (Yahoo's {@code ZW=F}, {@code GC=F}). */
    public static boolean isContinuousFuture(String symbol) {
        return symbol.toUpperCase(Locale.ROOT).endsWith("=F");
    }

    /** Checks {@code s}; {@code source} is printed in the table's title (where the series came from). */
    public QualityReport check(BarSeries s, String source) {
        return check(s, source, isContinuousFuture(s.symbol().value()));
    }

    /** Checks {@code s}, looking for roll gaps when {@code continuousFuture}. */
    public QualityReport check(BarSeries s, String source, boolean continuousFuture) {
        List<Finding> f = new ArrayList<>();
        boolean[] hundred = hundredX(s, f);
        splits(s, hundred, f);
        staleFlat(s, f);
        staleVolume(s, f);
        if (continuousFuture) {
            rollGaps(s, f);
        }
        calendar(s, f);
        duplicates(s, f);
        return new QualityReport(s.symbol().value(), s.interval(), s.size(),
                s.isEmpty() ? "-" : label(s, 0), s.isEmpty() ? "-" : label(s, s.size() - 1), source,
                continuousFuture, f);
    }

    /** The split ratio within tolerance of {@code r}, or NaN. */
    double splitRatio(double r) {
        if (!(r > 0) || !Double.isFinite(r)) {
            return Double.NaN;
        }
        for (double k : SPLITS) {
            if (Math.abs(r / k - 1) <= th.splitTolerance()) {
                return k;
            }
            if (Math.abs(r * k - 1) <= th.splitTolerance()) {
                return 1 / k;
            }
        }
        return Double.NaN;
    }

    private boolean[] hundredX(BarSeries s, List<Finding> f) {
        boolean[] hit = new boolean[s.size()];
        for (int t = 0; t < s.size(); t++) {
            String what = null;
            double inBar = s.high(t) / s.low(t);
            if (t > 0 && isHundred(s.close(t) / s.close(t - 1))) {
                what = String.format(Locale.ROOT, "close %s after %s (x%s)", num(s.close(t)), num(s.close(t - 1)),
                        num(s.close(t) / s.close(t - 1)));
            } else if (isHundred(inBar)) {
                what = String.format(Locale.ROOT, "high %s vs low %s in one bar", num(s.high(t)), num(s.low(t)));
            }
            if (what != null) {
                hit[t] = true;
                f.add(finding(s, QualityCheck.HUNDRED_X, t, what));
            }
        }
        return hit;
    }

    private boolean isHundred(double r) {
        if (!(r > 0) || !Double.isFinite(r)) {
            return false;
        }
        double x = r >= 1 ? r : 1 / r;
        return x >= th.hundredLow() && x <= th.hundredHigh();
    }

    private void splits(BarSeries s, boolean[] hundred, List<Finding> f) {
        int n = s.size();
        for (int t = 1; t < n; t++) {
            if (hundred[t] || hundred[t - 1]) {
                continue;
            }
            double r = s.close(t) / s.close(t - 1);
            double a = s.adjClose(t) / s.adjClose(t - 1);
            double k = splitRatio(r);
            if (Double.isNaN(k)) {
                continue;
            }
            if (Math.abs(Math.log(a)) < th.smoothLog()) {
                f.add(finding(s, QualityCheck.SPLIT_IN_CLOSE, t, String.format(Locale.ROOT,
                        "close x%s (%s) while adjusted close x%s: split only in the adjusted close", num(r), ratio(k),
                        num(a))));
            } else if (!Double.isNaN(splitRatio(a)) && Math.abs(Math.log(splitRatio(a))) >= Math.log(2) - 1e-9) {
                // only whole ratios (2:1 and more): a 3:2 move in both closes is as likely a real -33 %/+50 % bar
                int later = Math.min(n - 1, t + 3);
                int before = Math.max(0, t - 4);
                // a level shift: stable for a few bars before and after (a one-bar spike and its reversal is not)
                if (Math.abs(Math.log(s.adjClose(later) / s.adjClose(t))) < th.smoothLog()
                        && Math.abs(Math.log(s.adjClose(t - 1) / s.adjClose(before))) < th.smoothLog()) {
                    f.add(finding(s, QualityCheck.UNRECORDED_SPLIT, t, String.format(Locale.ROOT,
                            "close and adjusted close x%s (%s) and stay there", num(a), ratio(k))));
                }
            }
        }
    }

    private void staleFlat(BarSeries s, List<Finding> f) {
        runs(s, f, QualityCheck.STALE_FLAT, t -> s.open(t) == s.high(t) && s.high(t) == s.low(t)
                && s.low(t) == s.close(t), "O=H=L=C");
    }

    private void staleVolume(BarSeries s, List<Finding> f) {
        boolean any = false;
        for (int t = 0; t < s.size() && !any; t++) {
            any = s.volume(t) > 0;
        }
        if (any) {
            runs(s, f, QualityCheck.STALE_VOLUME, t -> s.volume(t) == 0, "zero volume");
        }
    }

    private void runs(BarSeries s, List<Finding> f, QualityCheck check, java.util.function.IntPredicate p, String what) {
        int n = s.size();
        int t = 0;
        while (t < n) {
            if (!p.test(t)) {
                t++;
                continue;
            }
            int end = t;
            while (end + 1 < n && p.test(end + 1)) {
                end++;
            }
            int len = end - t + 1;
            if (len >= th.staleBars()) {
                f.add(finding(s, check, t, String.format(Locale.ROOT, "%d bars %s, %s .. %s", len, what, label(s, t),
                        label(s, end))));
            }
            t = end + 1;
        }
    }

    private void rollGaps(BarSeries s, List<Finding> f) {
        for (int t = 1; t < s.size(); t++) {
            double v0 = s.volume(t - 1);
            double v1 = s.volume(t);
            if (!(v0 > 0) || !(v1 > 0)) {
                continue;
            }
            double change = Math.max(v1 / v0, v0 / v1);
            double gap = Math.log(s.open(t) / s.close(t - 1));
            if (change >= th.rollVolumeRatio() && Math.abs(gap) >= th.rollGap()) {
                f.add(finding(s, QualityCheck.ROLL_GAP, t, String.format(Locale.ROOT,
                        "volume %.0f -> %.0f (contract switch), open %s vs previous close %s (%+.2f %%)", v0, v1,
                        num(s.open(t)), num(s.close(t - 1)), 100 * (Math.exp(gap) - 1))));
            }
        }
    }

    private void calendar(BarSeries s, List<Finding> f) {
        int n = s.size();
        if (n < 2) {
            return;
        }
        int weekend = 0;
        for (int t = 0; t < n; t++) {
            DayOfWeek d = s.date(t).getDayOfWeek();
            weekend += d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 1 : 0;
        }
        boolean everyDay = weekend >= 0.05 * n;
        Interval iv = s.interval();
        long step = iv.nominal().toMillis();
        for (int t = 1; t < n; t++) {
            LocalDate a = s.date(t - 1);
            LocalDate b = s.date(t);
            long dt = s.epochMillis(t) - s.epochMillis(t - 1);
            String what = null;
            if (iv == Interval.D1) {
                int missing = 0;
                for (LocalDate d = a.plusDays(1); d.isBefore(b); d = d.plusDays(1)) {
                    boolean we = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                    missing += everyDay || !we ? 1 : 0;
                }
                if (missing > th.missingWeekdays()) {
                    what = String.format(Locale.ROOT, "%d %s missing between %s and %s", missing,
                            everyDay ? "days" : "weekdays", a, b);
                }
            } else if (iv == Interval.W1) {
                long days = b.toEpochDay() - a.toEpochDay();
                if (days >= th.weeklyGapDays()) {
                    what = String.format(Locale.ROOT, "%d days between %s and %s", days, a, b);
                }
            } else if (iv == Interval.MO1) {
                long days = b.toEpochDay() - a.toEpochDay();
                if (days > 62) {
                    what = String.format(Locale.ROOT, "%d days between %s and %s", days, a, b);
                }
            } else if (dt > th.intradayGapBars() * step) {
                boolean spansWeekend = false;
                for (LocalDate d = a; !d.isAfter(b) && !spansWeekend; d = d.plusDays(1)) {
                    spansWeekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                }
                if (everyDay || !spansWeekend) {
                    what = String.format(Locale.ROOT, "%.0f h between %s and %s (%s bars)", dt / 3_600_000.0,
                            label(s, t - 1), label(s, t), iv.code());
                }
            }
            if (what != null) {
                f.add(finding(s, QualityCheck.CALENDAR_GAP, t, what));
            }
        }
    }

    private void duplicates(BarSeries s, List<Finding> f) {
        for (int t = 1; t < s.size(); t++) {
            boolean same = s.open(t) == s.open(t - 1) && s.high(t) == s.high(t - 1) && s.low(t) == s.low(t - 1)
                    && s.close(t) == s.close(t - 1) && s.volume(t) == s.volume(t - 1);
            boolean flat = s.open(t) == s.high(t) && s.high(t) == s.low(t) && s.low(t) == s.close(t);
            if (same && (s.volume(t) > 0 || !flat)) {
                f.add(finding(s, QualityCheck.DUPLICATE, t, String.format(Locale.ROOT,
                        "same open, high, low, close and volume as %s", label(s, t - 1))));
            }
        }
    }

    private static Finding finding(BarSeries s, QualityCheck c, int t, String detail) {
        return new Finding(c, t, s.epochMillis(t), label(s, t), detail);
    }

    /** A bar's date (daily and coarser) or date and time in UTC (intraday). */
    static String label(BarSeries s, int i) {
        return s.interval().isIntraday() ? s.time(i).toString().replace("T", " ").replace(":00Z", "")
                : s.date(i).toString();
    }

    private static String ratio(double k) {
        return k >= 1 ? (k == 1.5 ? "3:2" : String.format(Locale.ROOT, "%.0f:1", k))
                : (k == 1 / 1.5 ? "2:3" : String.format(Locale.ROOT, "1:%.0f", 1 / k));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
