package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

class BarValidatorTest {
    @TempDir
    Path dir;

    private static final String HEADER = "date,open,high,low,close,volume\n";

    CsvBarReader.Result read(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, HEADER + body, StandardCharsets.UTF_8);
        return new CsvBarReader().read(p, Symbol.of("X"), Interval.D1, CsvBarReader.Format.AUTO);
    }

    @Test
    void unsortedRowsAreSortedWithAWarning() throws IOException {
        CsvBarReader.Result r = read("u.csv", "2024-01-03,2,3,1,2,1\n2024-01-02,1,2,0.5,1,1\n2024-01-04,3,4,2,3,1\n");
        assertThat(r.series().get(Symbol.of("X")).closes()).containsExactly(1, 2, 3);
        assertThat(r.report().warnings()).containsExactly(
                "u.csv: X rows were not in time order (first out-of-order row at line 3); sorted");
    }

    @Test
    void exactDuplicatesAreDroppedWithAWarning() throws IOException {
        CsvBarReader.Result r = read("d.csv", "2024-01-02,1,2,0.5,1,1\n2024-01-03,2,3,1,2,1\n2024-01-03,2,3,1,2,1\n");
        assertThat(r.series().get(Symbol.of("X")).size()).isEqualTo(2);
        assertThat(r.report().warnings()).containsExactly("d.csv: X 1 exact duplicate row dropped (first at line 4)");
    }

    @Test
    void conflictingDuplicatesAreRejected() {
        assertThatThrownBy(() -> read("c.csv", "2024-01-02,1,2,0.5,1,1\n2024-01-03,2,3,1,2,1\n2024-01-03,2,3,1,2.5,1\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("c.csv line 4: X timestamp 2024-01-03T00:00:00Z already appears at line 3 with different values (close 2 vs 2.5)");
    }

    @Test
    void badPricesAreRejected() {
        assertThatThrownBy(() -> read("nan.csv", "2024-01-02,1,2,0.5,NaN,1\n")).hasMessage("nan.csv line 2: close is NaN");
        assertThatThrownBy(() -> read("neg.csv", "2024-01-02,1,2,0.5,1,1\n2024-01-03,-1,2,0.5,1,1\n"))
                .hasMessage("neg.csv line 3: open -1 is not a positive price");
        assertThatThrownBy(() -> read("zero.csv", "2024-01-02,1,2,0,1,1\n")).hasMessage("zero.csv line 2: low 0 is not a positive price");
        assertThatThrownBy(() -> read("hl.csv", "2024-01-02,10.3,10.2,10.5,10.4,1\n"))
                .hasMessage("hl.csv line 2: high 10.2 < low 10.5");
    }

    @Test
    void openOrCloseOutsideTheRangeIsKeptWithAWarning() throws IOException {
        // a settlement close above the session high, as in Yahoo futures data
        CsvBarReader.Result r = read("o.csv", "2024-01-02,1,2,0.5,2.1,1\n2024-01-03,1,2,0.5,1,1\n2024-01-04,0.4,2,0.5,1,1\n");
        assertThat(r.series().get(Symbol.of("X")).size()).isEqualTo(3);
        assertThat(r.report().warnings()).containsExactly(
                "o.csv: X 2 rows have open or close outside [low, high] (first at line 2); kept, as futures settlement closes can be");
        // within the relative tolerance: no warning
        assertThat(read("t.csv", "2024-01-02,1,2,0.5,2.0000000001,1\n").report().warnings()).isEmpty();
    }

    @Test
    void longGapsAreCountedInAWarning() throws IOException {
        CsvBarReader.Result r = read("g.csv", "2024-01-02,1,2,0.5,1,1\n2024-01-12,1,2,0.5,1,1\n2024-01-15,1,2,0.5,1,1\n"
                + "2024-01-22,1,2,0.5,1,1\n2024-01-23,1,2,0.5,1,1\n2024-01-24,1,2,0.5,1,1\n");
        assertThat(r.report().warnings()).containsExactly(
                "g.csv: X has 2 gaps longer than 4 days (largest 10.0 days, after 2024-01-02)");
    }

    @Test
    void seriesFromOtherSourcesCanBeChecked() {
        BarSeries spy = new BundledSource().load(Symbol.of("SPY"));
        assertThat(new BarValidator().check("bundled", spy).warnings())
                .allMatch(w -> w.contains("gap")); // 9/11 closure and the 2012 hurricane are real gaps
        List<String> w = new ArrayList<>();
        BarSeries bad = BarSeries.of(Symbol.of("B"), Interval.D1, new long[] {0, 86_400_000L}, new double[] {1, 1},
                new double[] {2, 2}, new double[] {0.5, 3}, new double[] {1, 1}, null, new double[] {0, 0});
        assertThatThrownBy(() -> new BarValidator().validate("feed", bad, w)).hasMessage("feed row 2: high 2 < low 3");
    }
}
