package org.quantlstm.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.systems.weekly12.Weekly12Pipeline;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.LocalTaskRunner;
import org.quantlstm.workflow.TaskRunner;

/**
 * Per-task times and speed-ups of the weekly-12 training stage (12 stocks, one model each, bundled data) on one
 * local thread, two local threads, Spark {@code local[2]} and a two-worker standalone cluster on this machine.
 * Not a test: {@code java -cp <test class path> org.quantlstm.spark.ClusterBench [epochs=1] [tickers=12]}
 * (docs/BENCHMARKS.md has the command and the figures).
 */
public final class ClusterBench {
    private ClusterBench() {
    }

    /** A result with the time its task took inside the executor. */
    record Timed<R extends Serializable>(R value, long nanos) implements Serializable {
    }

    /** Wraps a runner: times every task where it runs, and the whole stage on the caller. */
    static final class Timing implements TaskRunner {
        final TaskRunner inner;
        final List<Long> taskNanos = new ArrayList<>();
        long stageNanos;

        Timing(TaskRunner inner) {
            this.inner = inner;
        }

        @Override
        public <T extends Serializable, R extends Serializable> List<R> map(String stage, List<T> tasks,
                Work<T, R> work, Progress progress) {
            long t0 = System.nanoTime();
            List<Timed<R>> out = inner.map(stage, tasks, (T t) -> {
                long a = System.nanoTime();
                R r = work.apply(t);
                return new Timed<>(r, System.nanoTime() - a);
            }, progress);
            stageNanos += System.nanoTime() - t0;
            List<R> values = new ArrayList<>();
            for (Timed<R> x : out) {
                taskNanos.add(x.nanos());
                values.add(x.value());
            }
            return values;
        }

        @Override
        public int parallelism() {
            return inner.parallelism();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int tickers = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        ExperimentConfig cfg = ExperimentConfig.load("weekly-12", Map.of("model.epochs", String.valueOf(epochs),
                "model.patience", "10000", "portfolio.cores", "2"));
        Weekly12Pipeline.Settings all = Weekly12Pipeline.Settings.of(cfg);
        List<Symbol> names = all.tickers().subList(0, Math.min(tickers, all.tickers().size()));
        ExperimentConfig sub = ExperimentConfig.load("weekly-12", Map.of("model.epochs", String.valueOf(epochs),
                "model.patience", "10000", "portfolio.cores", "2", "data.tickers",
                String.join(",", names.stream().map(Symbol::value).toList())));
        Weekly12Pipeline.Settings s = Weekly12Pipeline.Settings.of(sub);
        BundledSource src = new BundledSource();
        Map<Symbol, BarSeries> weekly = new LinkedHashMap<>();
        for (Symbol t : s.tickers()) {
            weekly.put(t, src.load(t, Interval.W1, DateRange.all()).adjusted());
        }
        BarSeries ndx = src.load(s.benchmark(), Interval.W1, DateRange.all()).adjusted();
        System.out.printf(Locale.ROOT, "weekly-12 training stage: %d stocks, %d epoch(s) each (no early stop), "
                + "2 cores in all, 1 PyTorch thread per task; load %s%n", s.tickers().size(), epochs, load());
        System.out.println("| engine | stage wall s | per task s: mean (min–max) | sum of tasks s | speed-up vs 1 thread |");
        System.out.println("|---|---|---|---|---|");
        double[][] reference = null;
        double base = 0;
        Path tmp = Files.createTempDirectory("quantlstm-cluster-bench");
        for (String engine : List.of("local-1", "local-2", "spark-local[2]", "spark-standalone-2x1")) {
            LocalStandaloneCluster cluster = engine.startsWith("spark-standalone")
                    ? LocalStandaloneCluster.start(tmp.resolve("cluster"), 2) : null;
            try {
                TaskRunner inner = switch (engine) {
                    case "local-1" -> new LocalTaskRunner(1);
                    case "local-2" -> new LocalTaskRunner(2);
                    case "spark-local[2]" -> new SparkTaskRunner(
                            new JavaSparkContext(SparkTaskRunnerFactory.configure(new SparkConf(), "local[2]")), true);
                    default -> cluster.runner(2, 240);
                };
                try (Timing t = new Timing(inner)) {
                    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                    Weekly12Pipeline.Result r = new Weekly12Pipeline().compute(s, weekly, ndx, quiet, false, t);
                    boolean same = reference == null || Arrays.deepEquals(reference, r.predicted());
                    if (reference == null) {
                        reference = r.predicted();
                    }
                    double wall = t.stageNanos / 1e9;
                    if (base == 0) {
                        base = wall;
                    }
                    double[] per = t.taskNanos.stream().mapToDouble(x -> x / 1e9).toArray();
                    System.out.printf(Locale.ROOT, "| %s (%s) | %.1f | %.2f (%.2f–%.2f) | %.1f | %.2f× |%s%n", engine,
                            t.describe(), wall, Arrays.stream(per).average().orElse(0),
                            Arrays.stream(per).min().orElse(0), Arrays.stream(per).max().orElse(0),
                            Arrays.stream(per).sum(), base / wall, same ? "" : " FORECASTS DIFFER");
                }
            } finally {
                if (cluster != null) {
                    cluster.close();
                }
            }
        }
        System.out.println("load at the end: " + load());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
