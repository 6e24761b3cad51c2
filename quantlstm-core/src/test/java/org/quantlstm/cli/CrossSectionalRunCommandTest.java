package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors of {@code run cross-sectional} end as one line, exit code 2, and leave no run folder behind. */
class CrossSectionalRunCommandTest {
    @TempDir
    Path runs;

    @Test
    void missingUniverseFileIsOneLine() throws Exception {
        MainTest.Result r = MainTest.run("run", "cross-sectional", "--universe", runs.resolve("nope.csv").toString(),
                "--no-progress", "--runs-dir", runs.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("nope.csv: no such file").doesNotContain("\n").doesNotContain("Exception");
        try (var files = Files.list(runs)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void leverageFromTopKAndWeightIsRejected() {
        MainTest.Result r = MainTest.run("run", "cross-sectional", "--top-k", "6", "--set", "strategy.position_weight=0.2",
                "--no-progress", "--runs-dir",
                runs.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("position weight 0.2 × K 6");
    }

    @Test
    void universeWithTooFewStocksIsRejected() throws Exception {
        Path f = runs.resolve("two.csv");
        Files.writeString(f, "date,ticker,open,high,low,close,volume\n2020-01-02,AAA,1,1,1,1,10\n"
                + "2020-01-02,BBB,2,2,2,2,10\n2020-01-03,AAA,1,1,1,1,10\n2020-01-03,BBB,2,2,2,2,10\n");
        MainTest.Result r = MainTest.run("run", "cross-sectional", "--universe", f.toString(), "--no-progress",
                "--runs-dir", runs.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("needs at least 3 stocks, found 2");
    }
}
