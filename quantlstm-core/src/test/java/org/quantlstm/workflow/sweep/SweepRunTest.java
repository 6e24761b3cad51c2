package org.quantlstm.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.UserInputException;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.LocalTaskRunner;
import org.quantlstm.workflow.RunContext;

/** A whole sweep on bundled SPY with a cheap forecast: the run folder is the same for any threads and chunks. */
class SweepRunTest {
    static final List<String> GRID = List.of("sizing=binary,fixed,proportional,kelly,volatility", "threshold=0:0.002:0.001",
            "k=0.5,1,2", "cost_bps=0,10", "stop_loss=0,0.03", "fill=next-open,next-close");

    static ExperimentConfig config() {
        return ExperimentConfig.load("spy-analyser", Map.of("data.source", "bundled", "data.period_days", "400"));
    }

    static Sweep.Outcome sweep(Path runs, Path data, int threads, int chunks, List<String> grid, String forecast) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LocalTaskRunner runner = new LocalTaskRunner(threads)) {
            RunContext ctx = new RunContext(runs, data, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false, null,
                    java.time.Duration.ofSeconds(5), runner);
            return Sweep.run(config(), new Sweep.Options(grid, forecast, null, null, 0, 5, chunks), ctx);
        }
    }

    @Test
    void oneAndFourThreadsWriteByteIdenticalResults(@TempDir Path dir) throws Exception {
        Sweep.Outcome one = sweep(dir.resolve("a"), dir.resolve("data"), 1, 1, GRID, "last-return");
        Sweep.Outcome four = sweep(dir.resolve("b"), dir.resolve("data"), 4, 13, GRID, "last-return");
        assertThat(one.results().sharpe()).hasSize(5 * 3 * 3 * 2 * 2 * 2);
        for (String f : List.of("results.parquet", "summary.csv", "metrics.json", "plan.json", "config.yaml", "data.json")) {
            assertThat(Files.readAllBytes(four.folder().resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(one.folder().resolve(f)));
        }
        assertThat(one.summary()).isEqualTo(four.summary());
        // the Parquet dataset holds every configuration with its rank; the summary's first row is rank 1
        try (var conn = DriverManager.getConnection("jdbc:duckdb:"); var st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), min(rank), max(rank), "
                     + "(SELECT config FROM '" + one.folder().resolve("results.parquet") + "' WHERE rank = 1) FROM '"
                     + one.folder().resolve("results.parquet") + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(360);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(3)).isEqualTo(360);
            assertThat(rs.getLong(4)).isEqualTo(one.ranking()[0]);
        }
        List<String> summary = Files.readAllLines(one.folder().resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("rank,config,sizing,threshold,k,cost_bps,stop_loss,fill,sharpe,"
                + "total_return,max_drawdown,fills,dsr");
        assertThat(summary).hasSize(6);
        assertThat(summary.get(1)).startsWith("1," + one.ranking()[0] + ",");
    }

    @Test
    void driftAndLastReturnForecastsDiffer(@TempDir Path dir) {
        Sweep.Outcome a = sweep(dir.resolve("a"), dir.resolve("data"), 2, 0, List.of("sizing=binary"), "last-return");
        Sweep.Outcome b = sweep(dir.resolve("b"), dir.resolve("data"), 2, 0, List.of("sizing=binary"), "drift");
        assertThat(a.data().series().get(0).predicted()).isNotEqualTo(b.data().series().get(0).predicted());
        assertThat(a.data().series().get(0).times()).isEqualTo(b.data().series().get(0).times());
    }

    @Test
    void unknownTickerInTheUniverseAxisIsAUserError(@TempDir Path dir) {
        assertThatThrownBy(() -> sweep(dir.resolve("a"), dir.resolve("data"), 1, 0, List.of("tickers=SPY,ZZZZ"),
                "drift")).isInstanceOf(UserInputException.class).hasMessageContaining("ZZZZ is not in the sweep's universe");
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void aRunFoldersForecastsAreReusedAsTheyAre(@TempDir Path dir) throws Exception {
        List<String> grid = List.of("sizing=binary,kelly,volatility", "threshold=0,0.001");
        Sweep.Outcome made = sweep(dir.resolve("a"), dir.resolve("data"), 1, 0, grid, "drift");
        SweepData.Column col = made.data().series().get(0);
        // a spy-analyser-like run folder: forecasts.csv (date, predicted_return) and data.json (symbol, interval)
        Path run = Files.createDirectories(dir.resolve("runs-old").resolve("20260101-000000-spy-analyser"));
        StringBuilder csv = new StringBuilder("date,close,predicted_next_close,predicted_return,actual_next_close\n");
        for (int i = 0; i < col.bars(); i++) {
            csv.append(java.time.LocalDate.ofEpochDay(Math.floorDiv(col.times()[i], 86_400_000L))).append(",1,1,")
                    .append(Double.isNaN(col.predicted()[i]) ? "" : Double.toString(col.predicted()[i])).append(",1\n");
        }
        Files.writeString(run.resolve("forecasts.csv"), csv);
        Files.writeString(run.resolve("data.json"), "{\"symbol\": \"SPY\", \"interval\": \"1d\"}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Sweep.Outcome reused;
        try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
            RunContext ctx = new RunContext(dir.resolve("runs-old"), dir.resolve("data"),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.systemUTC(), false, null,
                    java.time.Duration.ofSeconds(5), runner);
            reused = Sweep.run(config(), new Sweep.Options(grid, "model", run.getFileName().toString(), null, 0, 3, 0), ctx);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("forecasts: run 20260101-000000-spy-analyser")
                .doesNotContain("Training");
        assertThat(reused.data().series().get(0).times()).isEqualTo(col.times());
        assertThat(reused.results().sharpe()).containsExactly(made.results().sharpe());
        assertThat(reused.results().fills()).containsExactly(made.results().fills());
        assertThatThrownBy(() -> Sweep.run(config(), new Sweep.Options(grid, "model", dir.resolve("nowhere").toString(),
                null, 0, 3, 0), new RunContext(dir.resolve("r"), dir.resolve("data"), System.out, Clock.systemUTC(), false)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no run folder with forecasts.csv");
    }

    @org.junit.jupiter.api.Tag("slow")
    @Test
    void theExperimentsNetworkIsTrainedOnceBeforeTheGrid(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Sweep.Outcome o;
        try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
            RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.systemUTC(), false, null,
                    java.time.Duration.ofSeconds(5), runner);
            ExperimentConfig cfg = ExperimentConfig.load("spy-analyser", Map.of("data.source", "bundled",
                    "data.period_days", "500", "model.epochs", "1", "model.lookback", "10"));
            o = Sweep.run(cfg, new Sweep.Options(List.of("sizing=binary,kelly", "cost_bps=0,10"), "model", null, null, 0,
                    4, 0), ctx);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).containsOnlyOnce("Training ").contains("once for SPY").contains("= 4 configurations");
        assertThat(java.util.Arrays.stream(o.data().series().get(0).predicted()).filter(Double::isFinite).count()).isGreaterThan(10);
    }

    @Test
    void aNonMarketEntryOrderIsRejectedInOneLine(@TempDir Path dir) {
        ExperimentConfig cfg = ExperimentConfig.load("spy-analyser", Map.of("data.source", "bundled",
                "signal.entry_order", "limit", "signal.entry_offset", "0.002"));
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false, null,
                java.time.Duration.ofSeconds(5), null);
        assertThatThrownBy(() -> Sweep.run(cfg, new Sweep.Options(List.of("k=1"), "last-return", null, null, 0, 5, 1),
                ctx)).isInstanceOf(UserInputException.class).hasMessageContaining("signal.entry_order=limit")
                .hasMessageContaining("market orders only").hasMessageNotContaining("\n");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
