package org.quantlstm.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * Checks bars before they enter the platform. Each problem is either repaired with a visible warning or
 * rejected with a one-line {@link UserInputException} naming the source, the line and the problem.
 *
 * <p>Rejected: NaN or infinite prices, zero or negative prices, prices above {@link #MAX_PRICE}, negative,
 * non-finite or implausibly large volume (above {@link #MAX_VOLUME}), high &lt; low, timestamps outside the years
 * 1800..2200, two rows with the same timestamp but different values, a series without rows.
 * Every way bars enter the store passes here: imported files ({@link CsvBarReader}) and every network provider
 * (through {@link ProviderBars} and {@link CachingSource}).
 * Repaired with a warning: rows out of time order (sorted, stable), exact duplicate rows (dropped).
 * Warned only: open or close outside [low, high] by more than a relative tolerance (kept, because real
 * Yahoo futures data uses the settlement price as close while high/low come from the session, see the data
 * README §8), gaps longer than {@link #maxExpectedGap(Interval)}, and bars dated more than two days after now.
 *
 * <p>Note: negative prices are rejected although they can be real (CL=F closed at −37.63 on 2020-04-20);
 * such series cannot be used with log returns anyway and must be handled explicitly by the user.
 */
public final class BarValidator {
    /** Default relative tolerance for open/close outside [low, high]: 1e-6 of the price. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Highest accepted price: far above any quoted instrument (BRK.A trades below 1e6), far below overflow. */
    public static final double MAX_PRICE = 1e9;
    /** Highest accepted volume of one bar. */
    public static final double MAX_VOLUME = 1e15;
    private static final long MIN_TIME = java.time.LocalDate.of(1800, 1, 1).toEpochDay() * 86_400_000L;
    private static final long END_TIME = java.time.LocalDate.of(2201, 1, 1).toEpochDay() * 86_400_000L;

    private final double tolerance;
    private final java.time.Clock clock;

    public BarValidator() {
        this(DEFAULT_TOLERANCE);
    }

    /** With a clock for the "dated in the future" warning (tests). */
    public BarValidator(double relativeTolerance, java.time.Clock clock) {
        if (!(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0: " + relativeTolerance);
        }
        this.tolerance = relativeTolerance;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /** @param relativeTolerance how far (relative to the price) open/close may lie outside [low, high] unwarned */
    public BarValidator(double relativeTolerance) {
        this(relativeTolerance, java.time.Clock.systemUTC());
    }

    /**
     * The longest gap between consecutive bars that is not worth a warning: 4 days for 1h, 4h and 1d bars
     * (a weekend plus a holiday; Easter gives 77 h on MT5 metals), 14 days for weekly and 45 days for monthly
     * bars.
     */
    public static Duration maxExpectedGap(Interval interval) {
        return switch (interval) {
            case H1, H4, D1 -> Duration.ofDays(4);
            case W1 -> Duration.ofDays(14);
            case MO1 -> Duration.ofDays(45);
        };
    }

    /**
     * Validates a series that came from elsewhere (a network source, a store); rows are named by their
     * 1-based position. Returns the repaired series; warnings are appended to {@code warnings}.
     */
    public BarSeries validate(String source, BarSeries series, List<String> warnings) {
        return validate(source, series.symbol(), series.interval(), RawBars.of(series), warnings, "row ");
    }

    BarSeries validate(String source, Symbol symbol, Interval interval, RawBars raw, List<String> warnings) {
        return validate(source, symbol, interval, raw, warnings, "line ");
    }

    private BarSeries validate(String source, Symbol symbol, Interval interval, RawBars raw, List<String> warnings,
                               String unit) {
        int n = raw.n;
        if (n == 0) {
            throw new UserInputException(source + ": no data rows for " + symbol);
        }
        for (int i = 0; i < n; i++) {
            String at = source + " " + unit + raw.line[i] + ": ";
            checkPrice(at, "open", raw.o[i]);
            checkPrice(at, "high", raw.h[i]);
            checkPrice(at, "low", raw.l[i]);
            checkPrice(at, "close", raw.c[i]);
            checkPrice(at, "adj close", raw.a[i]);
            if (!Double.isFinite(raw.v[i]) || raw.v[i] < 0) {
                throw new UserInputException(at + "invalid volume " + raw.v[i]);
            }
            if (raw.v[i] > MAX_VOLUME) {
                throw new UserInputException(at + "volume " + raw.v[i] + " is implausibly large (above " + MAX_VOLUME + ")");
            }
            if (raw.t[i] < MIN_TIME || raw.t[i] >= END_TIME) {
                throw new UserInputException(at + "time " + Instant.ofEpochMilli(raw.t[i])
                        + " is outside the years 1800..2200");
            }
            if (raw.h[i] < raw.l[i]) {
                throw new UserInputException(at + "high " + num(raw.h[i]) + " < low " + num(raw.l[i]));
            }
        }
        int[] order = null;
        int firstUnsorted = -1;
        for (int i = 1; i < n; i++) {
            if (raw.t[i] < raw.t[i - 1]) {
                firstUnsorted = i;
                break;
            }
        }
        if (firstUnsorted >= 0) {
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            final long[] t = raw.t;
            Arrays.sort(idx, (x, y) -> Long.compare(t[x], t[y]));
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = idx[i];
            }
            warnings.add(source + ": " + symbol + " rows were not in time order (first out-of-order row at "
                    + unit + raw.line[firstUnsorted] + "); sorted");
        }
        BarSeries.Builder b = BarSeries.builder(symbol, interval);
        int dropped = 0;
        int firstDropLine = -1;
        int prev = -1;
        int outside = 0;
        int firstOutsideLine = -1;
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            if (prev >= 0 && raw.t[i] == raw.t[prev]) {
                if (sameValues(raw, i, prev)) {
                    dropped++;
                    if (firstDropLine < 0) {
                        firstDropLine = raw.line[i];
                    }
                    continue;
                }
                int l1 = Math.min(raw.line[prev], raw.line[i]);
                int l2 = Math.max(raw.line[prev], raw.line[i]);
                throw new UserInputException(source + " " + unit + l2 + ": " + symbol + " timestamp "
                        + Instant.ofEpochMilli(raw.t[i]) + " already appears at " + unit + l1
                        + " with different values (close " + num(raw.c[prev]) + " vs " + num(raw.c[i]) + ")");
            }
            double lo = raw.l[i], hi = raw.h[i];
            double slack = tolerance * hi;
            if (raw.o[i] < lo - slack || raw.o[i] > hi + slack || raw.c[i] < lo - slack || raw.c[i] > hi + slack) {
                outside++;
                if (firstOutsideLine < 0) {
                    firstOutsideLine = raw.line[i];
                }
            }
            b.add(raw.t[i], raw.o[i], raw.h[i], raw.l[i], raw.c[i], raw.a[i], raw.v[i]);
            prev = i;
        }
        if (dropped > 0) {
            warnings.add(source + ": " + symbol + " " + dropped + " exact duplicate row" + (dropped == 1 ? "" : "s")
                    + " dropped (first at " + unit + firstDropLine + ")");
        }
        if (outside > 0) {
            warnings.add(source + ": " + symbol + " " + outside + " row" + (outside == 1 ? " has" : "s have")
                    + " open or close outside [low, high] (first at " + unit + firstOutsideLine
                    + "); kept, as futures settlement closes can be");
        }
        BarSeries series = b.build();
        gapWarning(source, series).ifPresent(warnings::add);
        long soon = clock.millis() + 2 * 86_400_000L;
        if (series.size() > 0 && series.epochMillis(series.size() - 1) > soon) {
            int future = 0;
            for (int i = series.size() - 1; i >= 0 && series.epochMillis(i) > soon; i--) {
                future++;
            }
            warnings.add(source + ": " + symbol + " " + future + " bar" + (future == 1 ? " is" : "s are")
                    + " dated in the future (last " + series.time(series.size() - 1) + "); check the dates");
        }
        return series;
    }

    /** A warning line if the series has gaps longer than expected for its interval. */
    static java.util.Optional<String> gapWarning(String source, BarSeries s) {
        long max = maxExpectedGap(s.interval()).toMillis();
        int count = 0;
        long largest = 0;
        int largestAt = -1;
        for (int i = 1; i < s.size(); i++) {
            long d = s.epochMillis(i) - s.epochMillis(i - 1);
            if (d > max) {
                count++;
                if (d > largest) {
                    largest = d;
                    largestAt = i - 1;
                }
            }
        }
        if (count == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT,
                "%s: %s has %d gap%s longer than %d days (largest %.1f days, after %s)", source, s.symbol(), count,
                count == 1 ? "" : "s", maxExpectedGap(s.interval()).toDays(), largest / 86_400_000.0,
                s.interval().isIntraday() ? s.time(largestAt).toString() : s.date(largestAt).toString()));
    }

    private static boolean sameValues(RawBars r, int i, int j) {
        return r.o[i] == r.o[j] && r.h[i] == r.h[j] && r.l[i] == r.l[j] && r.c[i] == r.c[j] && r.a[i] == r.a[j]
                && r.v[i] == r.v[j];
    }

    private static void checkPrice(String at, String name, double p) {
        if (Double.isNaN(p)) {
            throw new UserInputException(at + name + " is NaN");
        }
        if (Double.isInfinite(p)) {
            throw new UserInputException(at + name + " is infinite");
        }
        if (p <= 0) {
            throw new UserInputException(at + name + " " + num(p) + " is not a positive price");
        }
        if (p > MAX_PRICE) {
            throw new UserInputException(at + name + " " + num(p) + " is implausibly large (above 1e9; a unit or "
                    + "parsing error?)");
        }
    }

    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /** Convenience for callers that only want the warnings. */
    public ImportReport check(String source, BarSeries series) {
        List<String> w = new ArrayList<>();
        validate(source, series, w);
        return new ImportReport(source, w);
    }
}
