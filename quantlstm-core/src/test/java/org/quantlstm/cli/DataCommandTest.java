package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    private MainTest.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("store").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return MainTest.run(all);
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void importThenShowReadsFromTheStore() throws IOException {
        Path csv = file("x.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2024-01-03,2,3,1,2.5,2.4,200\n2024-01-02,1,2,0.5,1.5,1.4,100\n2024-01-04,3,4,2,3.5,3.4,300\n");
        MainTest.Result imp = run("data", "import", csv.toString(), "--symbol", "myx");
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).startsWith("imported 1 series (MYX), 3 rows, 1d, 2024-01-02 .. 2024-01-04 from x.csv into ")
                .contains("(1 warning)");
        assertThat(imp.err()).contains("warning: x.csv: MYX rows were not in time order");
        assertThat(dir.resolve("store/market.duckdb")).exists();

        MainTest.Result show = run("data", "show", "MYX", "--tail", "2");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("MYX  1d  source=csv:x.csv (store)  rows=3  range=2024-01-02 .. 2024-01-04")
                .contains("2024-01-04").contains("3.4000").doesNotContain("\n2024-01-02");

        MainTest.Result weekly = run("data", "show", "MYX", "--interval", "1wk");
        assertThat(weekly.out()).contains("MYX  1wk  source=csv:x.csv (store, resampled from 1d)  rows=0");

        MainTest.Result finer = run("data", "show", "MYX", "--interval", "1h");
        assertThat(finer.code()).isEqualTo(2);
        assertThat(finer.err().strip()).isEqualTo(
                "error: MYX is stored at 1d and cannot be shown at the finer interval 1h (only coarser intervals are derived, by resampling)");

        MainTest.Result list = run("data", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("SPY", "bundled", "stored in ").containsPattern("MYX\\s+csv:x.csv\\s+1d\\s+3\\s+2024-01-02\\s+2024-01-04");
    }

    @Test
    void longFileImportsEveryTickerWithoutSymbol() throws IOException {
        Path csv = file("long.csv", "date,ticker,close\n2024-01-02,AAA,1\n2024-01-02,BBB,2\n2024-01-03,AAA,1.1\n2024-01-03,BBB,2.2\n");
        MainTest.Result imp = run("data", "import", csv.toString());
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).startsWith("imported 2 series (AAA, BBB), 4 rows, 1d");
        assertThat(run("data", "show", "BBB").out()).contains("BBB  1d  source=csv:long.csv (store)  rows=2");
    }

    @Test
    void dataDirMayAlsoFollowTheSubcommand() throws IOException {
        Path csv = file("w.csv", "date,close\n2024-01-05,1\n2024-01-12,2\n");
        MainTest.Result imp = MainTest.run("data", "import", csv.toString(), "--symbol", "W", "--data-dir",
                dir.resolve("other").toString());
        assertThat(imp.code()).isZero();
        assertThat(dir.resolve("other/market.duckdb")).exists();
        assertThat(imp.out()).contains("1wk");
    }

    @Test
    void badFilesExitTwoWithOneLineNamingFileAndLine() throws IOException {
        Path csv = file("bad.csv", "date,open,high,low,close\n2024-01-02,1,2,0.5,1\n2024-01-03,1,1,2,1\n");
        MainTest.Result r = run("data", "import", csv.toString(), "--symbol", "B");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: bad.csv line 3: high 1 < low 2");
        assertThat(dir.resolve("store/market.duckdb")).doesNotExist();
        MainTest.Result missing = run("data", "import", dir.resolve("nope.csv").toString(), "--symbol", "B");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void bundledSeriesAreResampledOnRequest() {
        MainTest.Result r = run("data", "show", "XAUUSD", "--interval", "4h", "--tail", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("XAUUSD  4h  source=bundled (resampled from 1h)").contains("2026-05-15 20:00");
        MainTest.Result finer = run("data", "show", "SPY", "--interval", "1h");
        assertThat(finer.code()).isEqualTo(2);
        assertThat(finer.err()).contains("finer interval 1h");
    }

    @Test
    void showWithoutAStoreDoesNotCreateOne() {
        assertThat(run("data", "show", "SPY").code()).isZero();
        assertThat(dir.resolve("store")).doesNotExist();
    }
}
