package org.quantlstm.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * Series derived from one equity curve for the tear sheet's charts, with the conventions of {@link Metrics}:
 * period returns {@code r_t = E_t/E_{t−1} − 1} (compounded), drawdown {@code E_t/max(E_0..E_t) − 1} with the
 * starting capital as the first peak (as {@link Drawdown}), rolling Sharpe and volatility over a trailing window of
 * returns with {@link Metrics#sharpe} and {@link Metrics#volatility} (ddof = 1, annualised by √N, excess over the
 * same per-period risk-free series as the run's metrics), and calendar-month and calendar-year returns (UTC)
 * compounded from the returns whose period ends in that month or year.
 */
final class EquitySeries {
    private EquitySeries() {
    }

    /** Simple period returns, length n − 1 (index i is the period ending at bar i + 1). */
    static double[] returns(double[] equity) {
        double[] r = new double[Math.max(0, equity.length - 1)];
        for (int i = 0; i < r.length; i++) {
            r[i] = equity[i + 1] / equity[i] - 1;
        }
        return r;
    }

    /** Drawdown at each bar: E_t / running max − 1 (0 at new highs, negative below). */
    static double[] underwater(double[] equity) {
        double[] out = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < equity.length; t++) {
            peak = Math.max(peak, equity[t]);
            out[t] = equity[t] / peak - 1;
        }
        return out;
    }

    /**
     * Rolling annualised Sharpe (row 0) and volatility (row 1) over the last {@code window} returns, aligned with the
     * returns (index i uses returns i−window+1..i); NaN until the window is full.
     */
    static double[][] rolling(double[] r, double[] rf, int window, int periodsPerYear) {
        double[] sharpe = new double[r.length], vol = new double[r.length];
        Arrays.fill(sharpe, Double.NaN);
        Arrays.fill(vol, Double.NaN);
        for (int i = window - 1; i < r.length; i++) {
            double[] x = Arrays.copyOfRange(r, i - window + 1, i + 1);
            double[] f = Arrays.copyOfRange(rf, i - window + 1, i + 1);
            sharpe[i] = Metrics.sharpe(x, f, periodsPerYear);
            vol[i] = Metrics.volatility(x, periodsPerYear);
        }
        return new double[][] {sharpe, vol};
    }

    /**
     * Half a year of periods (126 daily bars, 26 weeks, 780 four-hour bars), or a third of the {@code returns}
     * when the sample is shorter than 1.5 windows (so a short test segment still shows a rolling line); at least 2.
     */
    static int defaultWindow(int periodsPerYear, int returns) {
        int half = Math.max(2, periodsPerYear / 2);
        return returns >= half * 3 / 2 ? half : Math.max(2, returns / 3);
    }

    /**
     * Monthly returns by year: {@code months.get(year)[m]} for m = 0 (January) .. 11, NaN for months without a
     * return period; {@code years.get(year)} the compounded calendar-year return.
     */
    record Calendar(TreeMap<Integer, double[]> months, TreeMap<Integer, Double> years) {
    }

    /** Compounds the returns of {@code equity} (bars at {@code times}, epoch ms) by the UTC month of each period's end. */
    static Calendar calendar(long[] times, double[] equity) {
        TreeMap<Integer, double[]> months = new TreeMap<>();
        TreeMap<Integer, Double> years = new TreeMap<>();
        for (int t = 1; t < equity.length; t++) {
            double r = equity[t] / equity[t - 1] - 1;
            ZonedDateTime d = Instant.ofEpochMilli(times[t]).atZone(ZoneOffset.UTC);
            double[] row = months.computeIfAbsent(d.getYear(), y -> {
                double[] a = new double[12];
                Arrays.fill(a, Double.NaN);
                return a;
            });
            int m = d.getMonthValue() - 1;
            row[m] = (Double.isNaN(row[m]) ? 1 : 1 + row[m]) * (1 + r) - 1;
            years.merge(d.getYear(), r, (a, b) -> (1 + a) * (1 + b) - 1);
        }
        return new Calendar(months, years);
    }
}
