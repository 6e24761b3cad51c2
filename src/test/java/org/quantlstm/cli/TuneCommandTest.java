package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quantlstm tune on bundled gold, tiny search space: run with --trials 2, then --trials 4 resumes to 4 in all. */
@Tag("slow")
class TuneCommandTest {

    private static MainTest.Result tune(Path dir, int trials) {
        return MainTest.run("--data-dir", dir.toString(), "tune", "--ticker", "XAUUSD", "--interval", "4h", "--period",
                "45", "--trials", String.valueOf(trials), "--sampler", "random", "--set", "tuning.seq_len=6,10",
                "--set", "tuning.hidden_size=4,8", "--set", "tuning.num_layers=1,1", "--set", "tuning.epochs=1,1");
    }

    @Test
    void secondRunResumesTheStudyToItsTotal(@TempDir Path dir) {
        MainTest.Result first = tune(dir, 2);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("0 trials stored, running until 2").contains("Trial 1 ")
                .doesNotContain("Trial 2 ").contains("Best trial: ").contains("Deflated Sharpe Ratio");

        MainTest.Result second = tune(dir, 4);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("2 trials stored, running until 4").contains("Trial 2 ").contains("Trial 3 ")
                .doesNotContain("Trial 0 finished").doesNotContain("Trial 4 ").contains("over 4 trials");
        assertThat(dir.resolve("studies.duckdb")).exists();
    }

    @Test
    void badObjectiveIsABadInput(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "tune", "--objective", "profit");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("profit-dd, sharpe or rmse");
    }
}
