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

    @Test
    void twoJobsWithTheConstantLiarProposeNoDuplicatePointsAndTheStudyCanBeShown(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "tune", "--ticker", "XAUUSD", "--interval", "4h",
                "--period", "45", "--trials", "4", "--jobs", "2", "--study", "liar", "--pruner", "hyperband",
                "--set", "tuning.seq_len=6,10", "--set", "tuning.hidden_size=4,8", "--set", "tuning.num_layers=1,1",
                "--set", "tuning.epochs=1,1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tpe sampler").contains("hyperband pruner").contains("2 jobs");
        MainTest.Result show = MainTest.run("--data-dir", dir.toString(), "study", "show", "liar");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("Study 'liar' (maximize): 4 trials").contains("Best trial: ");
        MainTest.Result csv = MainTest.run("--data-dir", dir.toString(), "study", "export", "liar");
        java.util.List<String> points = csv.out().lines().skip(1)
                .map(l -> l.substring(nthComma(l, 7))).toList();
        assertThat(points).hasSize(4).doesNotHaveDuplicates();
    }

    /** The text after the n-th comma (the parameter columns of a study export row). */
    private static int nthComma(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(',', at + 1);
        }
        return at + 1;
    }

    @Test
    void gridSamplerIsAccepted(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "tune", "--ticker", "XAUUSD", "--interval", "4h",
                "--period", "45", "--trials", "2", "--sampler", "grid", "--study", "g",
                "--set", "tuning.seq_len=6,10", "--set", "tuning.hidden_size=4,8", "--set", "tuning.num_layers=1,1",
                "--set", "tuning.epochs=1,1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("grid sampler").contains("Trial 1 ");
        MainTest.Result bad = MainTest.run("--data-dir", dir.toString(), "tune", "--sampler", "nope");
        assertThat(bad.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("tpe, tpe-multivariate, random, grid, cmaes");
    }
}
