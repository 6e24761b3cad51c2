package org.quantlstm.bench;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.sets.SpyAnalyser31;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Throughput of the {@code spy-analyser-31} feature set over the whole S&P 500 file (502 tickers, 1.5 M daily
 * rows), next to the same 31 columns computed through ta4j 0.17 ({@code DoubleNum}, its fastest number type)
 * in the same JVM. Parsing and building the per-ticker inputs (our arrays, ta4j's bar series) are excluded
 * from the timings; every computed value is folded into a checksum so the JIT cannot drop work.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.quantlstm.bench.FeaturesBench \
 *     ../shared/data/sp500_daily_2013_2025.csv.gz [threads=2] [repeats=5]
 * </pre>
 */
public final class FeaturesBench {
    /** One ticker's columns. */
    record Cols(String ticker, long[] t, double[] o, double[] h, double[] l, double[] c, double[] v) {
    }

    public static void main(String[] args) throws Exception {
        String file = args.length > 0 ? args[0] : "../shared/data/sp500_daily_2013_2025.csv.gz";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long p0 = System.nanoTime();
        List<Cols> data = parse(file);
        long rows = data.stream().mapToLong(d -> d.c().length).sum();
        System.out.printf(Locale.ROOT, "parsed %s: %d tickers, %d rows in %.2f s (not timed below)%n", file,
                data.size(), rows, (System.nanoTime() - p0) / 1e9);

        // ours, single thread: warm-up then timed repeats
        for (int i = 0; i < 3; i++) {
            oursSerial(data);
        }
        double[] serial = new double[repeats];
        double check = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            check += oursSerial(data);
            serial[r] = (System.nanoTime() - t0) / 1e9;
        }
        // ours, fixed pool over tickers
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[] parallel = new double[repeats];
        try {
            for (int i = 0; i < 2; i++) {
                oursParallel(data, pool, threads);
            }
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                check += oursParallel(data, pool, threads);
                parallel[r] = (System.nanoTime() - t0) / 1e9;
            }
        } finally {
            pool.shutdown();
        }
        // ta4j: build series (not timed), warm up on 40 tickers, then one timed pass over all tickers
        long b0 = System.nanoTime();
        List<BarSeries> series = new ArrayList<>(data.size());
        for (Cols d : data) {
            series.add(ta4jSeries(d));
        }
        double build = (System.nanoTime() - b0) / 1e9;
        for (int i = 0; i < 40; i++) {
            check += ta4jFeatures(series.get(i));
        }
        long t0 = System.nanoTime();
        for (BarSeries s : series) {
            check += ta4jFeatures(s);
        }
        double ta = (System.nanoTime() - t0) / 1e9;

        double s = median(serial);
        double p = median(parallel);
        System.out.printf(Locale.ROOT, "ours  1 thread : median %.3f s (min %.3f) = %,.0f rows/s%n", s,
                Arrays.stream(serial).min().orElse(0), rows / s);
        System.out.printf(Locale.ROOT, "ours  %d threads: median %.3f s (min %.3f) = %,.0f rows/s%n", threads, p,
                Arrays.stream(parallel).min().orElse(0), rows / p);
        System.out.printf(Locale.ROOT, "ta4j  1 thread : %.3f s = %,.0f rows/s (series build %.2f s not timed)%n", ta,
                rows / ta, build);
        System.out.printf(Locale.ROOT, "speed-up, 1 thread vs ta4j 1 thread: %.1fx; %d threads vs ta4j: %.1fx%n",
                ta / s, threads, ta / p);
        System.out.printf(Locale.ROOT, "checksum %.6e%n", check);
    }

    static double oursSerial(List<Cols> data) {
        double sum = 0;
        for (Cols d : data) {
            sum += ours(d);
        }
        return sum;
    }

    static double oursParallel(List<Cols> data, ExecutorService pool, int threads) throws Exception {
        List<Future<Double>> parts = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            int part = k;
            parts.add(pool.submit(() -> {
                double sum = 0;
                for (int i = part; i < data.size(); i += threads) {
                    sum += ours(data.get(i));
                }
                return sum;
            }));
        }
        double sum = 0;
        for (Future<Double> f : parts) {
            sum += f.get();
        }
        return sum;
    }

    /** The 31 columns from the ticker's arrays, folded to one number (the last row's values). */
    static double ours(Cols d) {
        FeatureMatrix m = new SpyAnalyser31().compute(d.t(), d.o(), d.h(), d.l(), d.c(), d.v());
        double sum = 0;
        int last = m.rows() - 1;
        for (int c = 0; c < m.width(); c++) {
            double x = m.value(last, c);
            sum += Double.isFinite(x) ? x : 0;
        }
        return sum + m.firstCompleteRow();
    }

    /** The same 31 columns through ta4j, every value of every bar requested (in index order). */
    static double ta4jFeatures(BarSeries s) {
        ClosePriceIndicator c = new ClosePriceIndicator(s);
        VolumeIndicator v = new VolumeIndicator(s);
        SMAIndicator sma20 = new SMAIndicator(c, 20);
        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(sma20);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(c, 20);
        BollingerBandsUpperIndicator up = new BollingerBandsUpperIndicator(mid, sd);
        BollingerBandsLowerIndicator lo = new BollingerBandsLowerIndicator(mid, sd);
        MACDIndicator macd = new MACDIndicator(c, 12, 26);
        ROCIndicator ret = new ROCIndicator(c, 1);
        List<Indicator<Num>> cols = List.of(new OpenPriceIndicator(s), new HighPriceIndicator(s),
                new LowPriceIndicator(s), c, v, ret,
                new PreviousValueIndicator(c, 1), new PreviousValueIndicator(c, 2), new PreviousValueIndicator(c, 3),
                new PreviousValueIndicator(c, 4), new PreviousValueIndicator(c, 5),
                new SMAIndicator(c, 7), new SMAIndicator(c, 14), new SMAIndicator(c, 21),
                new EMAIndicator(c, 12), new EMAIndicator(c, 26), macd, new EMAIndicator(macd, 9), macd.getHistogram(9),
                new RSIIndicator(c, 14),
                CombineIndicator.minus(c, new PreviousValueIndicator(c, 5)),
                CombineIndicator.minus(c, new PreviousValueIndicator(c, 10)),
                up, mid, lo, new BollingerBandWidthIndicator(up, mid, lo), new PercentBIndicator(c, 20, 2.0),
                new ATRIndicator(s, 14), new StandardDeviationIndicator(ret, 20), new ROCIndicator(v, 1),
                CombineIndicator.divide(v, new SMAIndicator(v, 20)));
        double sum = 0;
        int n = s.getBarCount();
        for (Indicator<Num> ind : cols) {
            for (int i = 0; i < n; i++) {
                double x = ind.getValue(i).doubleValue();
                if (i == n - 1 && Double.isFinite(x)) {
                    sum += x;
                }
            }
        }
        return sum;
    }

    static BarSeries ta4jSeries(Cols d) {
        BarSeries s = new BaseBarSeriesBuilder().withName(d.ticker()).withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < d.c().length; i++) {
            s.addBar(ZonedDateTime.ofInstant(Instant.ofEpochMilli(d.t()[i]), ZoneOffset.UTC), DoubleNum.valueOf(d.o()[i]),
                    DoubleNum.valueOf(d.h()[i]), DoubleNum.valueOf(d.l()[i]), DoubleNum.valueOf(d.c()[i]),
                    DoubleNum.valueOf(d.v()[i]));
        }
        return s;
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** A simple fast reader of {@code date,ticker,open,high,low,close,volume} (sorted by date, then ticker). */
    static List<Cols> parse(String file) throws IOException {
        final class Grow {
            long[] t = new long[4096];
            double[] o = new double[4096], h = new double[4096], l = new double[4096], c = new double[4096],
                    v = new double[4096];
            int n;

            void add(long time, double[] f) {
                if (n == t.length) {
                    int cap = n * 2;
                    t = Arrays.copyOf(t, cap);
                    o = Arrays.copyOf(o, cap);
                    h = Arrays.copyOf(h, cap);
                    l = Arrays.copyOf(l, cap);
                    c = Arrays.copyOf(c, cap);
                    v = Arrays.copyOf(v, cap);
                }
                t[n] = time;
                o[n] = f[0];
                h[n] = f[1];
                l[n] = f[2];
                c[n] = f[3];
                v[n] = f[4];
                n++;
            }
        }
        Map<String, Grow> by = new LinkedHashMap<>();
        double[] f = new double[5];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new FileInputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            String header = r.readLine();
            if (!header.startsWith("date,ticker,open,high,low,close,volume")) {
                throw new IOException("unexpected header " + header);
            }
            for (String line; (line = r.readLine()) != null; ) {
                long day = epochDay(line);
                int a = line.indexOf(',', 11);
                String ticker = line.substring(11, a);
                for (int k = 0; k < 5; k++) {
                    int b = line.indexOf(',', a + 1);
                    f[k] = Double.parseDouble(line.substring(a + 1, b < 0 ? line.length() : b));
                    a = b;
                }
                by.computeIfAbsent(ticker, x -> new Grow()).add(day * 86_400_000L, f);
            }
        }
        List<Cols> out = new ArrayList<>(by.size());
        by.forEach((k, g) -> out.add(new Cols(k, Arrays.copyOf(g.t, g.n), Arrays.copyOf(g.o, g.n),
                Arrays.copyOf(g.h, g.n), Arrays.copyOf(g.l, g.n), Arrays.copyOf(g.c, g.n), Arrays.copyOf(g.v, g.n))));
        return out;
    }

    private static long epochDay(String s) {
        int y = (s.charAt(0) - '0') * 1000 + (s.charAt(1) - '0') * 100 + (s.charAt(2) - '0') * 10 + (s.charAt(3) - '0');
        int m = (s.charAt(5) - '0') * 10 + (s.charAt(6) - '0');
        int d = (s.charAt(8) - '0') * 10 + (s.charAt(9) - '0');
        return java.time.LocalDate.of(y, m, d).toEpochDay();
    }
}
