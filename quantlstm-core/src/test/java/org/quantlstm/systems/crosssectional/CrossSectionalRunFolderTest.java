package org.quantlstm.systems.crosssectional;

import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;

/**
 * A tiny end-to-end run from a user-supplied long-format universe file: the run folder holds every output the
 * seed and the conventions name, and the summary states the survivorship bias.
 */
class CrossSectionalRunFolderTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSeedsOutputs() throws Exception {
        BundledSource src = new BundledSource();
        StringBuilder csv = new StringBuilder("date,ticker,open,high,low,close,volume\n");
        for (String t : List.of("AAPL", "MSFT", "JPM", "PEP", "NKE")) {
            BarSeries s = src.load(Symbol.of(t)).last(700);
            for (int i = 0; i < s.size(); i++) {
                csv.append(s.date(i)).append(',').append(t).append(',').append(s.open(i)).append(',')
                        .append(s.high(i)).append(',').append(s.low(i)).append(',').append(s.close(i)).append(',')
                        .append((long) s.volume(i)).append('\n');
            }
        }
        Path file = dir.resolve("universe.csv");
        Files.writeString(file, csv);
        ExperimentConfig cfg = ExperimentConfig.load("cross-sectional", Map.ofEntries(
                Map.entry("universe.file", file.toString()), Map.entry("model.lookback", "5"),
                Map.entry("model.hidden", "4"), Map.entry("model.epochs", "1"), Map.entry("model.batch_size", "64"),
                Map.entry("split.train", "0.7"), Map.entry("split.validation", "0.2"),
                Map.entry("strategy.top_k", "2"), Map.entry("strategy.position_weight", "0.5"),
                Map.entry("strategy.null_runs", "2"),
                Map.entry("backtest.risk_free", "0.02")));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        // a non-local engine: cross-sectional ships nothing to it (one pooled model) and says so
        org.quantlstm.workflow.TaskRunner cluster = new org.quantlstm.workflow.TaskRunner() {
            @Override
            public <T extends java.io.Serializable, R extends java.io.Serializable> List<R> map(String stage,
                    List<T> tasks, Work<T, R> work, Progress progress) {
                throw new AssertionError("cross-sectional shipped tasks to the engine: " + stage);
            }

            @Override
            public int parallelism() {
                return 2;
            }

            @Override
            public String describe() {
                return "stub cluster";
            }

            @Override
            public void close() {
            }
        };
        RunOutcome r = org.quantlstm.systems.Systems.standard().run(cfg, new RunContext(dir.resolve("runs"), dir, out,
                clock, false).withRunner(cluster));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("Engine stub cluster: not used by cross-sectional, "
                + "which trains one pooled model");
        Path f = r.folder();
        for (String name : List.of("config.yaml", "data.json", "metrics.json", "backtest_trades.csv", "trades.csv",
                "equity.csv", "forecasts.csv", "ic.csv", "feature_importance.csv", "summary.txt")) {
            assertThat(f.resolve(name)).as(name).isRegularFile();
        }
        try (var charts = Files.list(f.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString().replaceAll("_\\d{8}-\\d{6}\\.png$", "")))
                    .containsExactlyInAnyOrder("equity_vs_spy", "realized_pnl", "trade_returns", "ic",
                            "feature_importance");
        }
        String metrics = Files.readString(f.resolve("metrics.json"));
        assertThat(metrics).contains("\"system\" : \"cross-sectional\"", "\"conventions\"", "\"feature_importance\"",
                "\"rank_ic\"", "\"no_skill_baseline\"", "\"models_trained\" : 1", "\"scheme\" : \"none\"");
        assertThat(Files.readAllLines(f.resolve("backtest_trades.csv")).get(0))
                .startsWith("ticker,decision_date,entry_date,entry_price,entry_score");
        assertThat(Files.readAllLines(f.resolve("feature_importance.csv"))).hasSize(15);
        // repeated permutations: a std per feature, their number, and the no-skill check recorded
        assertThat(Files.readAllLines(f.resolve("feature_importance.csv")).get(0)).isEqualTo("feature,drop_in_ic,std");
        assertThat(metrics).contains("\"permutations\" : 10", "\"no_skill_warning\"");
        assertThat(r.summary()).contains("mean +- std over 10 permutations");
        assertThat(r.summary()).contains("SURVIVORSHIP BIAS", "Mean IC", "PSR", "DSR", "sma100_gap", "rsi14");
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("one forward pass per date");
        // 2 x 50 % of equity, entries sized from the equity at their fill: without the gross limit the book drifts
        // above 100 % when a new entry joins a winner; with it no close is above 100 % (read from equity.csv)
        List<String> eq = Files.readAllLines(f.resolve("equity.csv"));
        int col = java.util.Arrays.asList(eq.get(0).split(",")).indexOf("alpha_top2_position");
        assertThat(col).isPositive();
        double max = 0;
        for (String line : eq.subList(1, eq.size())) {
            max = Math.max(max, Double.parseDouble(line.split(",")[col]));
        }
        assertThat(max).isGreaterThan(0.5).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(r.summary()).contains("Gross exposure (max)", "Time invested");
        assertThat(metrics).contains("\"grossMax\"", "\"max_gross\" : 1.0");
    }
}
