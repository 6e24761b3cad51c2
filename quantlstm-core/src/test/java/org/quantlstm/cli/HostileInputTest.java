package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile but fair input, from the corpus in {@code src/test/resources/hostile} and generated here: every case
 * ends as ONE short, escaped error line with exit code 2 and leaves the store as it was.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    static Path corpus(String name) {
        try {
            return Path.of(HostileInputTest.class.getResource("/hostile/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line on stderr, short, printable: no ESC, BEL, NUL or other control characters. */
    static void assertOneSafeLine(MainTest.Result r) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("warning:")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        String line = lines.get(0);
        assertThat(line).startsWith("error: ");
        assertThat(line.length()).isLessThanOrEqualTo(Main.MAX_ERROR_CHARS + 100);
        assertThat(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))).as(line).isTrue();
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("price-1e308.csv", "implausibly large"),
                Arguments.of("year-0001.csv", "1800..2200"),
                Arguments.of("year-9999.csv", "1800..2200"),
                Arguments.of("duplicate-close.csv", "name the same thing"),
                Arguments.of("hex-number.csv", "is not a number"),
                Arguments.of("suffix-number.csv", "is not a number"),
                Arguments.of("nul-in-number.csv", "control character \\u0000"),
                Arguments.of("escape-in-field.csv", "control character \\u001b"),
                Arguments.of("escape-in-header.csv", "control character \\u001b"),
                Arguments.of("escape-in-symbol.csv", "control character \\u001b"),
                Arguments.of("high-below-low.csv", "high 90 < low 99"),
                Arguments.of("binary.bin", "no date/time column"),
                Arguments.of("unterminated-quote.csv", "unterminated quoted field"),
                Arguments.of("negative-year-offset.csv", "invalid date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void corpusFileIsRejectedWithOneEscapedLineAndTheStoreUnchanged(String file, String expected) throws IOException {
        MainTest.Result seed = MainTest.run("--data-dir", dir.toString(), "data", "import",
                corpus("daily-data.csv").toString(), "--symbol", "KEEP");
        assertThat(seed.code()).as(seed.err()).isZero();
        byte[] before = Files.readAllBytes(dir.resolve("market.duckdb"));
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "data", "import", corpus(file).toString(),
                "--symbol", "BAD");
        assertOneSafeLine(r);
        assertThat(r.err()).contains(expected);
        assertThat(Files.readAllBytes(dir.resolve("market.duckdb"))).isEqualTo(before);
        assertThat(MainTest.run("--data-dir", dir.toString(), "data", "list").out()).contains("KEEP").doesNotContain("BAD");
    }

    @Test
    void dailyRowsImportedAsHourlyAreRefused() {
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "data", "import",
                corpus("daily-data.csv").toString(), "--symbol", "X", "--interval", "1h");
        assertOneSafeLine(r);
        assertThat(r.err()).contains("24.0 h apart", "too far apart for 1h");
        assertThat(dir.resolve("market.duckdb")).doesNotExist();
    }

    @Test
    void ambiguousDayMonthDatesWarnAndDateFormatSettlesIt() {
        MainTest.Result mdy = MainTest.run("--data-dir", dir.toString(), "data", "import",
                corpus("ambiguous-dates.csv").toString(), "--symbol", "AMB");
        assertThat(mdy.code()).as(mdy.err()).isZero();
        assertThat(mdy.err()).contains("warning:", "read as MM/dd/yyyy", "--date-format dmy");
        assertThat(mdy.out()).contains("2024-01-02 .. 2024-01-09");
        MainTest.Result dmy = MainTest.run("--data-dir", dir.toString(), "data", "import",
                corpus("ambiguous-dates.csv").toString(), "--symbol", "AMB2", "--date-format", "dd/MM/yyyy",
                "--interval", "1mo");
        assertThat(dmy.code()).as(dmy.err()).isZero();
        assertThat(dmy.err()).doesNotContain("read as");
        assertThat(dmy.out()).contains("2024-02-01 .. 2024-09-01");
    }

    @Test
    void aHugeHeaderLineIsCutOffAtTheLineLimit() throws IOException {
        Path f = dir.resolve("huge-header.csv");
        try (OutputStream o = Files.newOutputStream(f)) {
            byte[] chunk = "Close,".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40; i++) { // 2.4 MB, over the 1,000,000-character default
                o.write(chunk);
            }
            o.write("\n2024-01-02,1\n".getBytes(StandardCharsets.US_ASCII));
        }
        MainTest.Result r = MainTest.run("--data-dir", dir.resolve("store").toString(), "data", "import", f.toString(),
                "--symbol", "X");
        assertOneSafeLine(r);
        assertThat(r.err()).contains("line 1: longer than 1000000 characters");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void aHeaderUnderTheLimitIsQuotedOnlyAsAShortExcerpt() throws IOException {
        Path f = dir.resolve("wide-header.csv");
        Files.writeString(f, "Date," + "x".repeat(500_000) + "\n2024-01-02,1\n");
        MainTest.Result r = MainTest.run("--data-dir", dir.resolve("store").toString(), "data", "import", f.toString(),
                "--symbol", "X");
        assertOneSafeLine(r);
        assertThat(r.err().length()).isLessThan(600);
    }

    @Test
    void devZeroEndsAtTheLineLimitNotInOutOfMemory() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(zero));
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "data", "import", zero.toString(), "--symbol", "Z");
        assertOneSafeLine(r);
        assertThat(r.err()).contains("line 1: longer than 1000000 characters");
    }

    @Test
    void aDirectoryAsTheImportFileIsAUserError() {
        MainTest.Result r = MainTest.run("--data-dir", dir.resolve("store").toString(), "data", "import", dir.toString(),
                "--symbol", "X");
        assertOneSafeLine(r);
        assertThat(r.err()).contains("is a directory");
    }

    @Test
    void anEmptyDataDirIsRefused() {
        MainTest.Result r = MainTest.run("--data-dir", "", "data", "import", corpus("daily-data.csv").toString(),
                "--symbol", "X");
        assertOneSafeLine(r);
        assertThat(r.err()).contains("--data-dir is empty");
        assertThat(Path.of(org.quantlstm.data.MarketStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void aFileUrlAsBaseUrlIsAUserError() {
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--base-url", "file:///etc/passwd");
        assertOneSafeLine(r);
        assertThat(r.err()).contains("must be an http:// or https:// URL");
    }

    @Test
    void aUnicodeLookAlikeSymbolIsRefusedNotFoldedToAscii() {
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "data", "import", corpus("daily-data.csv").toString(),
                "--symbol", "\u017Fpy");
        assertOneSafeLine(r);
        assertThat(r.err()).contains("invalid symbol");
        assertThat(dir.resolve("market.duckdb")).doesNotExist();
    }

    @Test
    void importingUnderABundledNameSaysSoEverywhere() {
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "data", "import", corpus("daily-data.csv").toString(),
                "--symbol", "SPY");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("SPY is also a bundled series");
        assertThat(MainTest.run("--data-dir", dir.toString(), "data", "show", "SPY").out())
                .contains("source=csv:daily-data.csv (store); shadows the bundled SPY");
        assertThat(MainTest.run("--data-dir", dir.toString(), "data", "list").out()).contains("also bundled");
    }

    @Test
    void runsDirThatIsAFileAndABadSetKeyAreUserErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertOneSafeLine(MainTest.run("run", "--runs-dir", file.toString()));
        MainTest.Result set = MainTest.run("run", "--runs-dir", dir.toString(), "--set", ".=1");
        assertOneSafeLine(set);
        assertThat(set.err()).contains("--set key '.'");
    }

    @Test
    void deeplyNestedYamlAndDuplicateKeysAreUserErrors() throws IOException {
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, "name: x\nnested: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        MainTest.Result r = MainTest.run("run", deep.toString(), "--runs-dir", dir.toString());
        assertOneSafeLine(r);
        assertThat(r.err()).contains("deep.yaml");

        Path dup = dir.resolve("dup.yaml");
        Files.writeString(dup, "name: spy-analyser\nseed: 1\nseed: 2\n");
        MainTest.Result d = MainTest.run("run", dup.toString(), "--runs-dir", dir.toString());
        assertOneSafeLine(d);
        assertThat(d.err()).contains("duplicate key", "seed");
    }
}
