package org.quantlstm.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.quantlstm.common.UserInputException;

/**
 * US Treasury yields from FRED (bundled {@code us_treasury_yields_daily.csv.gz}): DTB3 (3-month bill,
 * secondary market, discount basis, to 2025-05-02) and the constant-maturity yields DGS1MO, DGS3MO, DGS6MO,
 * DGS1, DGS2, DGS5, DGS10, DGS30 (bond-equivalent basis). Values are percent per year; an empty field is no
 * observation (holiday, or the series did not exist yet) and is skipped, never read as zero.
 *
 * <p>{@link #perPeriod} aligns a yield to bar timestamps <b>causally</b>: each bar gets the latest observation
 * dated at or before the bar's timestamp (forward fill, never a later value), converted to a per-period rate
 * {@code (1 + y/100)^(1/N) − 1} with {@code N} periods per year (DESIGN.md: 1d → 252, 1wk → 52, …). The rates
 * are used as given; the discount basis of DTB3 is not converted. Observations are dated midnight UTC, so a
 * daily bar uses that day's yield (both are end-of-day figures).
 */
public final class RiskFreeRates {
    private static final String RESOURCE = "/bundled/us_treasury_yields_daily.csv.gz";

    /** One yield series: observation times (epoch millis, midnight UTC) and values in percent per year. */
    public static final class YieldSeries {
        private final String name;
        private final long[] times;
        private final double[] percent;

        YieldSeries(String name, long[] times, double[] percent) {
            this.name = name;
            this.times = times;
            this.percent = percent;
        }

        public String name() { return name; }

        public int size() { return times.length; }

        public long epochMillis(int i) { return times[i]; }

        /** The yield in percent per year of observation {@code i}. */
        public double percent(int i) { return percent[i]; }

        public long[] epochMillis() { return times.clone(); }

        public double[] percents() { return percent.clone(); }

        /** Index of the latest observation at or before {@code t}, or -1 if none. */
        public int indexAtOrBefore(long t) {
            int i = Arrays.binarySearch(times, t);
            return i >= 0 ? i : -i - 2;
        }
    }

    private final Map<String, YieldSeries> series;

    private RiskFreeRates(Map<String, YieldSeries> series) {
        this.series = series;
    }

    /** The bundled FRED yields. */
    public static RiskFreeRates bundled() {
        try (InputStream in = RiskFreeRates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + RESOURCE);
            }
            return read("us_treasury_yields_daily.csv.gz", new GZIPInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled yields unreadable", e);
        }
    }

    /** Reads a plain CSV with header {@code date,NAME1,NAME2,…}, ISO dates, percent values, empty = missing. */
    public static RiskFreeRates read(String source, InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            if (header == null) {
                throw new UserInputException(source + ": file is empty");
            }
            String[] names = header.split(",", -1);
            int k = names.length - 1;
            long[][] t = new long[k][1024];
            double[][] v = new double[k][1024];
            int[] n = new int[k];
            int lineNo = 1;
            long prev = Long.MIN_VALUE;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != names.length) {
                    throw new UserInputException(source + " line " + lineNo + ": expected " + names.length
                            + " fields, found " + f.length);
                }
                long time;
                try {
                    time = BundledSource.parseTime(f[0]);
                } catch (RuntimeException e) {
                    throw new UserInputException(source + " line " + lineNo + ": invalid date '" + f[0] + "'");
                }
                if (time <= prev) {
                    throw new UserInputException(source + " line " + lineNo + ": dates not increasing");
                }
                prev = time;
                for (int j = 0; j < k; j++) {
                    String s = f[j + 1];
                    if (s.isBlank() || s.equals(".")) {
                        continue;
                    }
                    double x;
                    try {
                        x = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new UserInputException(source + " line " + lineNo + ": " + names[j + 1] + " '" + s
                                + "' is not a number");
                    }
                    if (n[j] == t[j].length) {
                        t[j] = Arrays.copyOf(t[j], n[j] * 2);
                        v[j] = Arrays.copyOf(v[j], n[j] * 2);
                    }
                    t[j][n[j]] = time;
                    v[j][n[j]] = x;
                    n[j]++;
                }
            }
            Map<String, YieldSeries> out = new LinkedHashMap<>();
            for (int j = 0; j < k; j++) {
                String name = names[j + 1].strip().toUpperCase(Locale.ROOT);
                out.put(name, new YieldSeries(name, Arrays.copyOf(t[j], n[j]), Arrays.copyOf(v[j], n[j])));
            }
            return new RiskFreeRates(out);
        } catch (IOException e) {
            throw new UncheckedIOException(source + " unreadable", e);
        }
    }

    /** Series names in file order, e.g. DTB3, DGS1MO, DGS3MO, …, DGS30. */
    public List<String> names() {
        return List.copyOf(series.keySet());
    }

    /** A series by name (case-insensitive). */
    public YieldSeries series(String name) {
        YieldSeries s = series.get(name.strip().toUpperCase(Locale.ROOT));
        if (s == null) {
            throw new UserInputException("unknown risk-free series '" + name + "': use one of " + String.join(", ", names()));
        }
        return s;
    }

    /** Per-period rates for the bars' timestamps with N = the series' periods per year. */
    public double[] perPeriod(BarSeries bars, String name) {
        return perPeriod(bars.epochMillis(), name, bars.interval().periodsPerYear());
    }

    /**
     * Per-period risk-free rates {@code (1 + y/100)^(1/N) − 1}, where {@code y} is the latest observation of
     * {@code name} at or before each timestamp.
     *
     * @throws UserInputException if a timestamp precedes the series' first observation
     */
    public double[] perPeriod(long[] epochMillis, String name, int periodsPerYear) {
        if (periodsPerYear <= 0) {
            throw new IllegalArgumentException("periods per year must be positive: " + periodsPerYear);
        }
        YieldSeries s = series(name);
        double[] out = new double[epochMillis.length];
        int j = -1;
        long prevT = Long.MIN_VALUE;
        for (int i = 0; i < epochMillis.length; i++) {
            long t = epochMillis[i];
            if (t < prevT || j < 0) {
                j = s.indexAtOrBefore(t);
            } else {
                while (j + 1 < s.size() && s.epochMillis(j + 1) <= t) {
                    j++;
                }
            }
            prevT = t;
            if (j < 0) {
                throw new UserInputException("risk-free series " + s.name() + " has no observation at or before "
                        + java.time.Instant.ofEpochMilli(t) + " (it starts "
                        + (s.size() == 0 ? "never" : java.time.LocalDate.ofEpochDay(Math.floorDiv(s.epochMillis(0), 86_400_000L)))
                        + "); choose another series or a later start");
            }
            out[i] = Math.pow(1 + s.percent(j) / 100.0, 1.0 / periodsPerYear) - 1;
        }
        return out;
    }
}
