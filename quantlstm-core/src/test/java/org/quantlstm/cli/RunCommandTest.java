package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantlstm run} end to end on bundled SPY with tiny training settings. */
class RunCommandTest {
    @Test
    @Tag("slow")
    void spyAnalyserRunWritesACompleteRunFolder(@TempDir Path runs) throws Exception {
        MainTest.Result r = MainTest.run("run", "--epochs", "1", "--period", "300", "--set", "model.lookback=10",
                "--runs-dir", runs.toString(), "--no-progress", "--cost-bps", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("STRATEGY COMPARISON SUMMARY", "Buy & Hold (Benchmark)", "*BEST*", "DSR",
                "persistence", "Theil's U", "Run folder:");
        List<Path> folders;
        try (Stream<Path> s = Files.list(runs)) {
            folders = s.toList();
        }
        assertThat(folders).hasSize(1);
        Path run = folders.get(0);
        assertThat(run.getFileName().toString()).matches("\\d{8}-\\d{6}-spy-analyser");
        for (String f : List.of("config.yaml", "data.json", "metrics.json", "trades.csv", "equity.csv", "forecasts.csv",
                "summary.txt")) {
            assertThat(run.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("cost_bps: 5");
        assertThat(Files.readString(run.resolve("data.json"))).contains("\"sha256\"", "SPY");
        assertThat(Files.readString(run.resolve("metrics.json"))).contains("\"system\" : \"spy-analyser\"",
                "\"periods_per_year\" : 252", "dsr");
        String stamp = run.getFileName().toString().substring(0, 15);
        try (Stream<Path> s = Files.list(run.resolve("charts"))) {
            List<String> charts = s.map(p -> p.getFileName().toString()).toList();
            assertThat(charts).hasSize(20).contains("SPY_binary_" + stamp + ".png",
                    "SPY_proportional_hybrid_30_70_" + stamp + ".png");
        }
    }

    @Test
    void badOverridesAreOneLineUserErrors(@TempDir Path runs) {
        MainTest.Result r = MainTest.run("run", "--fill", "same-bar", "--runs-dir", runs.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("backtest.fill");
        assertThat(MainTest.run("run", "weekly-13", "--runs-dir", runs.toString()).err()).contains("unknown experiment");
        assertThat(MainTest.run("run", "--set", "model.lookbak=5", "--runs-dir", runs.toString()).err())
                .contains("did you mean 'lookback'");
        assertThat(runs.toFile().list()).isNullOrEmpty();
    }
}
