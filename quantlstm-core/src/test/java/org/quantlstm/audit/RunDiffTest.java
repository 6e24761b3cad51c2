package org.quantlstm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made run folders: differences after the cut and in label columns are ignored, others are found. */
class RunDiffTest {
    private static final long CUT = Instant.parse("2025-01-03T00:00:00Z").toEpochMilli();

    private static Path folder(Path root, String name, String equity, String forecasts) throws Exception {
        Path f = Files.createDirectories(root.resolve(name));
        Files.writeString(f.resolve("equity.csv"), equity);
        Files.writeString(f.resolve("forecasts.csv"), forecasts);
        Files.writeString(f.resolve("trades.csv"), name); // not compared
        return f;
    }

    private static final String EQ = "time,\"a_equity\",a_position\n2025-01-02T00:00:00Z,100.0,1.0\n"
            + "2025-01-03T00:00:00Z,101.0,1.0\n2025-01-06T00:00:00Z,102.0,0.0\n";
    private static final String FC = "date,predicted,actual_next_close\n2025-01-02,0.5,10\n2025-01-03,0.25,11\n"
            + "2025-01-06,0.125,\n";

    @Test
    void differencesAfterTheCutOrInLabelsPass(@TempDir Path dir) throws Exception {
        Path a = folder(dir, "a", EQ, FC);
        Path b = folder(dir, "b", EQ.replace("102.0,0.0", "55.0,-1.0"),
                FC.replace("2025-01-03,0.25,11", "2025-01-03,0.25,99").replace("0.125", "7"));
        RunDiff.Result r = RunDiff.compare(a, b, CUT);
        assertThat(r.identical()).isTrue();
        assertThat(r.files()).containsExactly("equity.csv", "forecasts.csv");
        assertThat(r.cells()).isEqualTo(2 * 3 + 2 * 2); // two rows each; the label column is skipped
        assertThat(r.maxAbsDiff()).isZero();
    }

    @Test
    void aDifferenceAtTheCutIsFoundWithItsColumn(@TempDir Path dir) throws Exception {
        Path a = folder(dir, "a", EQ, FC);
        Path b = folder(dir, "b", EQ, FC.replace("2025-01-03,0.25", "2025-01-03,0.26"));
        RunDiff.Mismatch m = RunDiff.compare(a, b, CUT).mismatch().orElseThrow();
        assertThat(m).isEqualTo(new RunDiff.Mismatch("forecasts.csv", "2025-01-03", "predicted", "0.25", "0.26"));
    }

    @Test
    void numbersWithinTheToleranceAreEqualAndTheLargestDifferenceIsKept(@TempDir Path dir) throws Exception {
        Path a = folder(dir, "a", EQ, FC);
        Path b = folder(dir, "b", EQ.replace("101.0,1.0", "101.00000000000001,1.0"), FC);
        RunDiff.Result r = RunDiff.compare(a, b, CUT);
        assertThat(r.identical()).isTrue();
        assertThat(r.maxAbsDiff()).isGreaterThan(0).isLessThan(1e-12 * 101);
        Path c = folder(dir, "c", EQ.replace("101.0,1.0", "101.000001,1.0"), FC);
        assertThat(RunDiff.compare(a, c, CUT).mismatch()).get()
                .satisfies(m -> assertThat(m.column()).isEqualTo("a_equity"));
    }

    @Test
    void aMissingFileFails(@TempDir Path dir) throws Exception {
        Path a = folder(dir, "a", EQ, FC);
        Path b = folder(dir, "b", EQ, FC);
        Files.writeString(a.resolve("weights.csv"), "time,X\n2025-01-02T00:00:00Z,0.5\n");
        assertThat(RunDiff.compare(a, b, CUT).mismatch()).get()
                .satisfies(m -> assertThat(m.describe()).contains("weights.csv").contains("missing"));
    }

    @Test
    void timesParseInTheThreeWrittenForms() {
        assertThat(RunDiff.parseTime("2025-01-03")).isEqualTo(CUT);
        assertThat(RunDiff.parseTime("2025-01-03T00:00:00Z")).isEqualTo(CUT);
        assertThat(RunDiff.parseTime("2025-01-03 04:00")).isEqualTo(CUT + 4 * 3_600_000L);
        assertThat(RunDiff.parseTime("validation")).isEqualTo(Long.MIN_VALUE);
    }
}
