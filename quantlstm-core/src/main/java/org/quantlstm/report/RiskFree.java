package org.quantlstm.report;

import java.util.Arrays;
import org.quantlstm.data.RiskFreeRates;
import org.quantlstm.common.UserInputException;

/**
 * The risk-free return per period, aligned with a strategy's return periods (index i is period i+1, from bar
 * i's close to bar i+1's close). Built from an annual rate with {@code rf_p = (1+rf)^(1/N) − 1}, either constant
 * (a command-line flag) or from a series of annual rates known at each bar.
 *
 * @param perPeriod risk-free return of each period (a fraction: 0.0002 = 2 bp per period)
 * @param source    where it came from, for the record of conventions (e.g. "constant 4.00%/yr", "FRED DTB3")
 */
public record RiskFree(double[] perPeriod, String source) {
    public RiskFree {
        perPeriod = perPeriod.clone();
    }

    /**
     * The risk-free series of an experiment's {@code backtest.risk_free} setting: an annual rate ("0.04") or the
     * name of a bundled Treasury series ("DGS3MO"), over the periods between {@code times}.
     */
    public static RiskFree fromSpec(String spec, long[] times, int periodsPerYear) {
        try {
            double annual = Double.parseDouble(spec);
            return constant(annual, periodsPerYear, times.length - 1);
        } catch (NumberFormatException e) {
            return treasury(spec, times, periodsPerYear);
        }
    }

    /** The same annual rate every period: rf_p = (1+annual)^(1/N) − 1 (0 gives zeros). */
    public static RiskFree constant(double annual, int periodsPerYear, int periods) {
        if (!(annual > -1) || Double.isInfinite(annual)) {
            throw new UserInputException("risk-free rate must be a finite fraction > -1 (0.04 = 4%): " + annual);
        }
        double[] r = new double[periods];
        Arrays.fill(r, perPeriodRate(annual, periodsPerYear));
        return new RiskFree(r, String.format(java.util.Locale.ROOT, "constant %.4f/yr", annual));
    }

    /** Zero risk-free rate. */
    public static RiskFree zero(int periods) {
        return new RiskFree(new double[periods], "zero");
    }

    /** (1+annual)^(1/N) − 1. */
    public static double perPeriodRate(double annual, int periodsPerYear) {
        return Math.pow(1 + annual, 1.0 / periodsPerYear) - 1;
    }

    /**
     * From the bundled FRED Treasury file (percent per year, e.g. column {@code DTB3}, the 3-month bill), for
     * the return periods of bars at {@code barTimes} (epoch ms): period i+1 earns the yield last published on
     * or before bar i's date (known when the period starts — causal), converted per period. A bar before the
     * series' first observation is an error (no rate is invented). DTB3 is quoted on a discount basis; it is used here as an annual rate,
     * a difference of a few basis points a year.
     */
    public static RiskFree treasury(String column, long[] barTimes, int periodsPerYear) {
        long[] starts = Arrays.copyOf(barTimes, Math.max(0, barTimes.length - 1));
        double[] out = RiskFreeRates.bundled().perPeriod(starts, column, periodsPerYear);
        return new RiskFree(out, "FRED " + column.toUpperCase(java.util.Locale.ROOT) + " (bundled), (1+y)^(1/"
                + periodsPerYear + ")-1");
    }

    /**
     * How stale a bundled Treasury series is over bars at {@code barTimes}: its last observation and the number of
     * return periods (starting at bars 0..n−2) that begin more than {@code graceDays} calendar days after it, which
     * therefore repeat its last rate. Null for a constant rate ({@code spec} a number).
     */
    public static Staleness staleness(String spec, long[] barTimes, int graceDays) {
        try {
            Double.parseDouble(spec);
            return null;
        } catch (NumberFormatException e) {
            RiskFreeRates.YieldSeries s = RiskFreeRates.bundled().series(spec);
            long last = s.epochMillis(s.size() - 1);
            long limit = last + graceDays * 86_400_000L;
            int stale = 0;
            for (int i = 0; i + 1 < barTimes.length; i++) {
                if (barTimes[i] > limit) {
                    stale++;
                }
            }
            return new Staleness(s.name(), java.time.LocalDate.ofEpochDay(Math.floorDiv(last, 86_400_000L)), stale,
                    Math.max(0, barTimes.length - 1));
        }
    }

    /**
     * A risk-free series' last observation and how many of {@code periods} return periods start after it (plus the
     * grace), repeating its last rate.
     */
    public record Staleness(String series, java.time.LocalDate lastObservation, int stalePeriods, int periods) {
        /** A one-line warning, or null when nothing is stale. */
        public String warning() {
            return stalePeriods == 0 ? null : String.format(java.util.Locale.ROOT, "the risk-free series %s ends %s: the "
                    + "last %d of %d periods repeat its last rate (stale)", series, lastObservation, stalePeriods, periods);
        }
    }
}
