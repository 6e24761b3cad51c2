package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quantlstm sweep: a small grid end to end, and the one-line errors (exit 2) for bad grids and engines. */
class SweepCommandTest {

    @Test
    void smallSweepWritesARunFolder(@TempDir Path dir) throws Exception {
        MainTest.Result r = MainTest.run("--data-dir", dir.resolve("data").toString(), "sweep", "spy-analyser",
                "--forecast", "drift", "--set", "data.source=bundled", "--grid", "sizing=binary,kelly",
                "--grid", "cost_bps=0,10", "--runs-dir", dir.resolve("runs").toString(), "--top", "3",
                "--master", "local[2]");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("SWEEP spy-analyser: 1 ticker (SPY)").contains("= 4 configurations")
                .contains("local (2 threads)").contains("Top 3 of 4 configurations by Sharpe")
                .contains("DSR over 4 trials").contains("Run folder: ");
        try (var folders = Files.list(dir.resolve("runs"))) {
            Path run = folders.filter(p -> p.getFileName().toString().endsWith("sweep-spy-analyser")).findFirst().orElseThrow();
            assertThat(run.resolve("results.parquet")).isNotEmptyFile();
            assertThat(Files.readAllLines(run.resolve("summary.csv"))).hasSize(4);
        }
    }

    @Test
    void gridErrorsAreOneLineAndExitTwo(@TempDir Path dir) {
        MainTest.Result forecastKey = MainTest.run("--data-dir", dir.toString(), "sweep", "--grid", "model.lookback=30,60",
                "--grid", "cost_bps=5", "--runs-dir", dir.resolve("runs").toString());
        assertThat(forecastKey.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(forecastKey.err().strip()).contains("model.lookback: would change the forecasts").doesNotContain("\n");

        MainTest.Result unknown = MainTest.run("--data-dir", dir.toString(), "sweep", "--grid", "colour=red",
                "--runs-dir", dir.resolve("runs").toString());
        assertThat(unknown.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("unknown key colour");

        MainTest.Result empty = MainTest.run("--data-dir", dir.toString(), "sweep", "--grid", "cost_bps=",
                "--runs-dir", dir.resolve("runs").toString());
        assertThat(empty.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(empty.err()).contains("empty value");

        MainTest.Result big = MainTest.run("--data-dir", dir.toString(), "sweep", "--grid", "threshold=0:0.999:0.001",
                "--grid", "k=0:999:1", "--grid", "cost_bps=0:10:1", "--runs-dir", dir.resolve("runs").toString());
        assertThat(big.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(big.err()).contains("more than 10,000,000 configurations");

        MainTest.Result both = MainTest.run("--data-dir", dir.toString(), "sweep", "--run", "x", "--universe", "y.csv",
                "--runs-dir", dir.resolve("runs").toString());
        assertThat(both.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("--run and --universe");

        MainTest.Result spark = MainTest.run("--data-dir", dir.toString(), "sweep", "--forecast", "drift", "--set",
                "data.source=bundled", "--engine", "spark", "--runs-dir", dir.resolve("runs").toString());
        assertThat(spark.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(spark.err()).contains("--engine spark");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void tuneBatchOptionsAreCheckedBeforeAnyWork(@TempDir Path dir) {
        MainTest.Result both = MainTest.run("--data-dir", dir.toString(), "tune", "--batch", "2", "--jobs", "2");
        assertThat(both.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("--batch and --jobs");
        MainTest.Result negative = MainTest.run("--data-dir", dir.toString(), "tune", "--batch", "-1");
        assertThat(negative.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        MainTest.Result spark = MainTest.run("--data-dir", dir.toString(), "tune", "--batch", "2", "--engine", "spark");
        assertThat(spark.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(spark.err()).contains("--engine spark");
    }
}
