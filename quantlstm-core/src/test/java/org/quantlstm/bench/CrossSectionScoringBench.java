package org.quantlstm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.scale.StandardScaler;
import org.quantlstm.features.sets.CrossSectional;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.LstmSpec;

/**
 * Daily cross-sectional scoring throughput on a whole universe: every stock's {@code cross-sectional} features
 * (vs SPY), scaled, cut into inference windows over the last D dates, then one batched forward pass per date
 * ({@link Forecaster#scoreCrossSection}) with the default cross-sectional network (lookback 20, LSTM 32 × 1,
 * 14 features; untrained weights — the cost of a forward pass does not depend on their values). Prints windows
 * scored per second, dates per second, and memory (Java heap used, process peak resident set from
 * {@code /proc/self/status}).
 *
 * <pre>
 * mvn -q -B -o test-compile &amp;&amp; mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx4g -Dai.djl.offline=true -cp "target/classes:target/test-classes:$(cat cp.txt)" \
 *   org.quantlstm.bench.CrossSectionScoringBench ../shared/data/sp500_daily_2013_2025.csv.gz 250 3
 * </pre>
 * Arguments: long-format universe file, number of dates D (default 250), repetitions (default 3; the first is
 * reported separately as warm-up).
 */
public final class CrossSectionScoringBench {
    private CrossSectionScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int dates = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int lookback = 20;
        long t0 = System.nanoTime();
        var read = new CsvBarReader().read(file, null, Interval.D1, CsvBarReader.Format.LONG);
        BarSeries spy = new BundledSource().load(Symbol.of("SPY")).adjusted();
        CrossSectional set = new CrossSectional();
        List<FeatureMatrix> mats = new ArrayList<>();
        for (BarSeries s : read.series().values()) {
            mats.add(set.compute(s.adjusted(), spy));
        }
        double loadSecs = (System.nanoTime() - t0) / 1e9;
        // the date grid: the last D dates of the longest series
        long[] grid = mats.stream().max((a, b) -> Integer.compare(a.rows(), b.rows())).orElseThrow().epochMillis();
        grid = Arrays.copyOfRange(grid, grid.length - dates, grid.length);
        List<Windows> infer = new ArrayList<>();
        List<int[]> dateOf = new ArrayList<>();
        FeatureMatrix longest = mats.stream().max((a, b) -> Integer.compare(a.rows(), b.rows())).orElseThrow();
        StandardScaler sc = StandardScaler.fit(longest, 0, longest.rows() - dates); // one scaler, as the pooled model
        for (FeatureMatrix m : mats) {
            double[][] cols = new double[m.width()][];
            for (int c = 0; c < cols.length; c++) {
                double[] z = new double[m.rows()];
                for (int r = 0; r < z.length; r++) {
                    z[r] = sc.transform(c, m.column(c)[r]);
                }
                cols[c] = z;
            }
            FeatureMatrix zm = FeatureMatrix.of(m.names(), m.epochMillis(), cols);
            int from = Math.max(0, m.rows() - dates);
            Windows w = Windowing.forInference(zm, new double[m.rows()], lookback, from, m.rows());
            int[] d = new int[w.samples()];
            for (int i = 0; i < d.length; i++) {
                d[i] = Arrays.binarySearch(grid, m.epochMillis(w.endIndex()[i]));
            }
            infer.add(w);
            dateOf.add(d);
        }
        int f = set.columns().size();
        int per = lookback * f;
        // gather per date once (the pipeline does the same copy inside its loop; timed separately here)
        List<Windows> byDate = new ArrayList<>();
        long total = 0;
        for (int t = 0; t < dates; t++) {
            int k = 0;
            for (int[] d : dateOf) {
                for (int x : d) {
                    k += x == t ? 1 : 0;
                }
            }
            float[] x = new float[k * per];
            int j = 0;
            for (int s = 0; s < infer.size(); s++) {
                int[] d = dateOf.get(s);
                for (int i = 0; i < d.length; i++) {
                    if (d[i] == t) {
                        System.arraycopy(infer.get(s).x(), i * per, x, j * per, per);
                        j++;
                    }
                }
            }
            byDate.add(new Windows(x, new float[k], new int[k], k, lookback, f));
            total += k;
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        double heapData = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        System.out.printf(Locale.ROOT, "universe: %d tickers from %s; load + features %.1f s; %d dates, %d windows "
                + "(%.1f per date), lookback %d, %d features%n", mats.size(), file.getFileName(), loadSecs, dates, total,
                total / (double) dates, lookback, f);
        try (Forecaster model = Forecaster.create(LstmSpec.crossSectional(lookback, f, 32, 1, 0.1), 42)) {
            System.out.println("runtime: " + Forecaster.runtimeDescription() + ", " + rt.availableProcessors() + " cpus");
            for (int rep = 0; rep < reps; rep++) {
                long a = System.nanoTime();
                double checksum = 0;
                for (Windows w : byDate) {
                    double[] p = model.scoreCrossSection(w);
                    checksum += p[0];
                }
                double secs = (System.nanoTime() - a) / 1e9;
                System.out.printf(Locale.ROOT, "%s: %.2f s, %.0f windows/s, %.1f dates/s, %.2f ms per date "
                        + "(checksum %.6f)%n", rep == 0 ? "warm-up" : "rep " + rep, secs, total / secs, dates / secs,
                        secs * 1000 / dates, checksum);
            }
        }
        System.out.printf(Locale.ROOT, "memory: Java heap used after loading and windowing %.0f MiB (max %.0f MiB); "
                + "%s%n", heapData, rt.maxMemory() / 1048576.0, peakRss());
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return "process peak RSS " + line.substring(6).strip();
                }
            }
        } catch (Exception e) {
            return "peak RSS unavailable";
        }
        return "peak RSS unavailable";
    }
}
