package org.quantlstm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.data.DataResolver;
import org.quantlstm.systems.Systems;
import org.quantlstm.systems.multiasset.TuneSession;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.LocalTaskRunner;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.TaskRunner;
import org.quantlstm.workflow.sweep.Sweep;

/**
 * Issue 15's done-when on {@code local[2]}: {@code sweep} writes the same run folder on Spark as on local threads
 * (every file byte for byte), and {@code tune --batch} gets the same trials (parameters and values) when its
 * trials are Spark tasks. In local mode Spark still serialises every task, its work and its result, so a capture
 * that is not plain data fails here as it would on a cluster.
 */
@Timeout(300)
class SparkSameAnswersTest {
    private static SparkTaskRunner spark;

    @BeforeAll
    static void start() {
        spark = new SparkTaskRunner(new JavaSparkContext(SparkTaskRunnerFactory.configure(new SparkConf(),
                "local[2]")), true);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    private static Map<String, byte[]> sweep(TaskRunner runner, Path dir) {
        ExperimentConfig cfg = Systems.standard().load("spy-analyser", Map.of("data.source", "bundled"));
        Sweep.Options options = new Sweep.Options(List.of("sizing=binary,kelly", "threshold=0.001:0.005:0.001"),
                "last-return", null, null, 0, 5, 0);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"), out,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false).withRunner(runner);
        return WeeklyFixture.files(Sweep.run(cfg, options, ctx).folder());
    }

    @Test
    void aSweepOnSparkWritesTheSameFilesAsLocal(@TempDir Path dir) {
        Map<String, byte[]> local;
        try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
            local = sweep(threads, dir.resolve("local"));
        }
        Map<String, byte[]> onSpark = sweep(spark, dir.resolve("spark"));
        assertThat(local).containsKeys("results.parquet", "summary.csv", "metrics.json", "plan.json");
        assertThat(onSpark.keySet()).isEqualTo(local.keySet());
        for (String name : local.keySet()) {
            assertThat(WeeklyFixture.firstDifference(local.get(name), onSpark.get(name))).as(name).isNull();
        }
        // the top 5 of 2 sizings x 5 thresholds; the best is binary at 0.004, as the CLI's local sweep printed it
        String[] rows = new String(local.get("summary.csv"), StandardCharsets.UTF_8).strip().split("\n");
        assertThat(rows).hasSize(6);
        assertThat(rows[1]).startsWith("1,3,binary,0.004,-0.96");
    }

    private static List<FrozenTrial> tune(TaskRunner runner, Path dataDir) {
        TuneSession.Request r = new TuneSession.Request("XAUUSD", "4h", 200, 3, null, null, "random", null, "t", 1, 7L,
                Map.of("tuning.epochs", "1,1", "tuning.hidden_size", "8,8", "tuning.seq_len", "16,16"), 2);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        DataResolver data = DataResolver.of("bundled", dataDir, null, () -> {
            throw new IllegalStateException("no provider in tests");
        });
        return TuneSession.run(r, dataDir, out, data, runner).trials();
    }

    @Test
    @Tag("slow")
    void tuneBatchesOnSparkGiveTheSameTrialsAsLocal(@TempDir Path dir) {
        List<FrozenTrial> local;
        try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
            local = tune(threads, dir.resolve("local"));
        }
        List<FrozenTrial> onSpark = tune(spark, dir.resolve("spark"));
        assertThat(local).hasSize(3);
        assertThat(onSpark).hasSize(3);
        for (int i = 0; i < 3; i++) {
            FrozenTrial a = local.get(i), b = onSpark.get(i);
            assertThat(b.number()).isEqualTo(a.number());
            assertThat(b.state()).isEqualTo(a.state());
            assertThat(a.value()).as("trial %d value", i).isFinite();
            assertThat(b.value()).as("trial %d value", i).isEqualTo(a.value());
            assertThat(b.params()).as("trial %d params", i).isEqualTo(a.params());
        }
        // the random sampler drew three different configurations (the comparison is not of one trial thrice)
        assertThat(local.stream().map(FrozenTrial::params).distinct()).hasSize(3);
    }

    private static WeeklyFixture.Run seeds(TaskRunner runner, Path dir) {
        Systems systems = Systems.standard();
        ExperimentConfig cfg = systems.load("spy-analyser", Map.of("data.source", "bundled", "model.epochs", "1",
                "model.lookback", "20", "robustness.seeds", "2", "seed", "5"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"), out,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false).withRunner(runner);
        var outcome = systems.run(cfg, ctx);
        return new WeeklyFixture.Run(console.toString(StandardCharsets.UTF_8), outcome.summary(),
                WeeklyFixture.files(outcome.folder()));
    }

    @Test
    @Tag("slow")
    void spyAnalyserSeedRepeatsRunAsSparkTasksWithTheSameTable(@TempDir Path dir) {
        WeeklyFixture.Run local;
        try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
            local = seeds(threads, dir.resolve("local"));
        }
        WeeklyFixture.Run onSpark = seeds(spark, dir.resolve("spark"));
        assertThat(onSpark.console()).contains("Seed variance: 1 more seeds (6..6) on spark local[2,4]",
                "seed 6 finished (1/1)");
        String table = local.summary().substring(local.summary().indexOf("SEED VARIANCE"));
        assertThat(table).contains("\n5 ", "\n6 ");
        assertThat(onSpark.summary()).endsWith(table);
        for (String name : List.of("metrics.json", "summary.txt")) {
            assertThat(WeeklyFixture.firstDifference(local.files().get(name), onSpark.files().get(name))).as(name)
                    .isNull();
        }
    }

    private static WeeklyFixture.Run multiAsset(TaskRunner runner, Path dir) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("data.tickers", "XAUUSD,XAGUSD");
        o.put("data.source", "bundled");
        o.put("data.period_days", "60");
        o.put("tuning.trials", "2");
        o.put("tuning.seq_len", "6,10");
        o.put("tuning.hidden_size", "4,8");
        o.put("tuning.num_layers", "1,1");
        o.put("model.epochs", "1");
        o.put("portfolio.warmup", "3");
        Systems systems = Systems.standard();
        // the bundled experiment without its per-ticker intervals (they name tickers this run does not use)
        String yaml = ExperimentConfig.bundled("multi-asset-4h")
                .replaceAll("(?s)\\n  intervals:.*?\\n  common_end", "\n  common_end");
        ExperimentConfig cfg = ExperimentConfig.parse(yaml, "tiny.yaml", o);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"), out,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), true).withRunner(runner);
        var outcome = systems.run(cfg, ctx);
        return new WeeklyFixture.Run(console.toString(StandardCharsets.UTF_8), outcome.summary(),
                WeeklyFixture.files(outcome.folder()));
    }

    @Test
    @Tag("slow")
    void multiAssetAssetsRunAsSparkTasksWithTheSameRunFolder(@TempDir Path dir) {
        WeeklyFixture.Run local;
        try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
            local = multiAsset(threads, dir.resolve("local"));
        }
        WeeklyFixture.Run onSpark = multiAsset(spark, dir.resolve("spark"));
        assertThat(local.console()).contains("Tuning 2 assets as independent tasks on local (2 threads)");
        assertThat(onSpark.console()).contains("Tuning 2 assets as independent tasks on spark local[2",
                "XAUUSD tuned and tested", "XAGUSD tuned and tested", "Trial 1 finished with value");
        // each asset's block (its trials and test line) is printed in asset order, whatever finished first
        assertThat(onSpark.console().indexOf("--- XAUUSD")).isLessThan(onSpark.console().indexOf("--- XAGUSD"));
        for (String name : List.of("metrics.json", "forecasts.csv", "trades.csv", "summary.txt", "training_log.csv",
                "data.json")) {
            assertThat(local.files()).containsKey(name);
            assertThat(WeeklyFixture.firstDifference(local.files().get(name), onSpark.files().get(name))).as(name)
                    .isNull();
        }
        // trials.csv: the same trials, parameters and values; only the measured durations differ
        assertThat(withoutDurations(onSpark.files().get("trials.csv")))
                .isEqualTo(withoutDurations(local.files().get("trials.csv"))).contains("XAGUSD,1,");
    }

    /** trials.csv with its duration_ms column (the fifth) blanked. */
    private static String withoutDurations(byte[] csv) {
        StringBuilder b = new StringBuilder();
        for (String line : new String(csv, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(",", 6);
            if (f.length == 6) {
                f[4] = "";
            }
            b.append(String.join(",", f)).append('\n');
        }
        return b.toString();
    }
}
