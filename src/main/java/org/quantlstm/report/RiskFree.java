package org.quantlstm.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
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
     * or before bar i's date (known when the period starts — causal), converted per period. Before the first
     * observation the first one is used. DTB3 is quoted on a discount basis; it is used here as an annual rate,
     * a difference of a few basis points a year.
     */
    public static RiskFree treasury(String column, long[] barTimes, int periodsPerYear) {
        long[][] dates = new long[1][];
        double[][] rates = new double[1][];
        readTreasury(column, dates, rates);
        long[] d = dates[0];
        double[] y = rates[0];
        if (d.length == 0) {
            throw new UserInputException("treasury column " + column + " has no values");
        }
        double[] out = new double[Math.max(0, barTimes.length - 1)];
        for (int i = 0; i < out.length; i++) {
            long day = Math.floorDiv(barTimes[i], 86_400_000L);
            int k = Arrays.binarySearch(d, day);
            int idx = k >= 0 ? k : Math.max(0, -k - 2);
            out[i] = perPeriodRate(y[idx], periodsPerYear);
        }
        return new RiskFree(out, "FRED " + column + " (bundled), (1+y)^(1/" + periodsPerYear + ")-1");
    }

    private static void readTreasury(String column, long[][] dates, double[][] rates) {
        InputStream in = RiskFree.class.getResourceAsStream("/bundled/us_treasury_yields_daily.csv.gz");
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing bundled treasury yields"));
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            int col = Arrays.asList(header).indexOf(column);
            if (col < 1) {
                throw new UserInputException("unknown treasury column '" + column + "': use one of "
                        + String.join(", ", Arrays.copyOfRange(header, 1, header.length)));
            }
            long[] d = new long[1 << 15];
            double[] y = new double[1 << 15];
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",", -1);
                if (col >= f.length || f[col].isBlank() || f[col].equals(".")) {
                    continue;
                }
                if (n == d.length) {
                    d = Arrays.copyOf(d, n * 2);
                    y = Arrays.copyOf(y, n * 2);
                }
                d[n] = LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toLocalDate().toEpochDay();
                y[n] = Double.parseDouble(f[col]) / 100.0;
                n++;
            }
            dates[0] = Arrays.copyOf(d, n);
            rates[0] = Arrays.copyOf(y, n);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled treasury yields unreadable", e);
        }
    }
}
