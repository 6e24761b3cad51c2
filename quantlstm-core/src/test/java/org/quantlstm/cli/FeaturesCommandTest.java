package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @Test
    void listNamesEverySetAndItsColumns() {
        MainTest.Result r = MainTest.run("features", "--list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("spy-analyser-31 (31 columns)", "price-rsi (2 columns)", "close-only (1 column)",
                "cross-sectional (14 columns, benchmark SPY)", "volume_ratio", "sma100_gap");
    }

    @Test
    void previewWithoutOut() {
        MainTest.Result r = MainTest.run("features", "SPY", "--set", "price-rsi");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("set=price-rsi", "rows=8387", "first complete row=14", "date,close,rsi_14",
                "2026-05-26,");
    }

    @Test
    void defaultIntervalIsTheSeriesOwn() {
        MainTest.Result r = MainTest.run("features", "XAUUSD", "--set", "price-rsi");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("XAUUSD 1h", "2026-05-15 23:00:00,");
        assertThat(MainTest.run("features", "XAUUSD", "--set", "price-rsi", "--interval", "1h").code()).isZero();
    }

    @Test
    void writesCsvAtomically(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("aapl.csv");
        MainTest.Result r = MainTest.run("features", "AAPL", "--set", "cross-sectional", "--out", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.get(0)).startsWith("date,excess_ret_1,").endsWith(",macd_hist_norm");
        assertThat(lines.get(1).split(",", -1)).hasSize(15);
        assertThat(lines.get(1)).doesNotContain(",,");
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(f);
        }
        MainTest.Result all = MainTest.run("features", "SPY", "--set", "spy-analyser-31", "--out", f.toString(),
                "--include-warmup");
        assertThat(all.code()).isZero();
        List<String> rows = Files.readAllLines(f);
        assertThat(rows).hasSize(8388);
        assertThat(rows.get(1)).startsWith("1993-01-29,").contains(",,");
    }

    @Test
    void userErrorsExitTwo(@TempDir Path dir) {
        assertThat(MainTest.run("features", "SPY", "--set", "nope").code()).isEqualTo(2);
        assertThat(MainTest.run("features", "SPY").code()).isEqualTo(2);
        assertThat(MainTest.run("features", "NOPE", "--set", "close-only").code()).isEqualTo(2);
        assertThat(MainTest.run("features", "SPY", "--set", "close-only", "--interval", "1h").code()).isEqualTo(2);
        assertThat(MainTest.run("features", "SPY", "--set", "close-only", "--interval", "2d").code()).isEqualTo(2);
        // the benchmark SPY exists only at 1d
        assertThat(MainTest.run("features", "XAUUSD", "--set", "cross-sectional").code()).isEqualTo(2);
        MainTest.Result r = MainTest.run("features", "SPY", "--set", "close-only", "--out",
                dir.resolve("missing/x.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
}
