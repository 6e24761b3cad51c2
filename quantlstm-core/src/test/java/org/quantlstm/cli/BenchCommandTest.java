package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code quantlstm bench}: every figure line ends with a number and its unit, so that a script can read it; bad
 * input is one line and exit code 2. No timing is asserted.
 */
class BenchCommandTest {
    private static final String FIGURE = "^[a-z0-9 =.-]+ threads=\\d+ \\d+(\\.\\d+)? [a-z-]+/s$";
    /** CPU-time figures of very short runs can be NaN: process CPU time is counted in clock ticks. */
    private static final String CPU_FIGURE = "^[a-z0-9 =.-]+ threads=\\d+ cpu (\\d+(\\.\\d+)?|NaN) [a-z-]+/cpu-s$";

    private static List<String> figures(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Tag("slow")
    @Test
    void trainingPrintsOneReadableFigureALinePerNetworkAndBatch() {
        MainTest.Result r = MainTest.run("bench", "training", "--networks", "cross-sectional,multi-asset",
                "--steps", "1", "--windows", "64", "--batches", "32,64", "--cpu");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        List<String> lines = figures(r.out());
        assertThat(lines).hasSize(12).allMatch(l -> l.matches(l.contains(" cpu ") ? CPU_FIGURE : FIGURE));
        assertThat(lines.get(0)).startsWith("cross-sectional train batch=32 threads=1 ").endsWith(" samples/s");
        assertThat(lines.get(3)).startsWith("cross-sectional infer batch=32 threads=1 cpu ").endsWith(" windows/cpu-s");
        assertThat(lines.get(6)).startsWith("multi-asset train batch=32 threads=1 ");
        assertThat(r.out()).contains("# PyTorch").contains("load ");
    }

    @Test
    void backtestPrintsBarEvaluationsPerSecond() {
        MainTest.Result r = MainTest.run("bench", "backtest", "--threads", "1", "--repeat", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(figures(r.out())).anyMatch(l -> l.matches("backtest sweep threads=1 \\d+ bar-evaluations/s"));
        assertThat(figures(r.out())).anyMatch(l -> l.matches(CPU_FIGURE)
                && l.startsWith("backtest sweep threads=1 cpu ") && l.endsWith(" bar-evaluations/cpu-s"));
        assertThat(r.out()).contains("10000 configurations");
    }

    @Test
    void featuresPrintsRowsPerSecond() {
        MainTest.Result r = MainTest.run("bench", "features", "--repeat", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(figures(r.out())).anyMatch(l -> l.matches("features spy-analyser-31 threads=1 \\d+ rows/s"));
    }

    @Test
    void unknownNetworkIsOneLineAndExitCodeTwo() {
        MainTest.Result r = MainTest.run("bench", "training", "--networks", "nope\u0007");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: bench training: unknown network 'nope\\u0007'")
                .contains("spy-analyser").doesNotContain("\n");
    }

    @Test
    void benchWithoutSubcommandListsThem() {
        MainTest.Result r = MainTest.run("bench");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("training").contains("features").contains("backtest");
    }
}
