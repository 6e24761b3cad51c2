package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantlstm audit}: registered, documented exit codes in its help, user errors exit 2 with one line. */
class AuditCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpNamesTheExitCodes() {
        assertThat(run("audit", "--help")).isZero();
        assertThat(out.toString()).contains("--cuts").contains("--strict").contains("1 a cut FAILs")
                .contains("3 --strict and data findings");
    }

    @Test
    void badInputExitsTwo(@TempDir Path dir) {
        assertThat(run("audit", "spy-analyser", "--cuts", "0", "--runs-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: --cuts must be within 1..20: 0").doesNotContain("Exception");
        assertThat(run("audit", "no-such-experiment", "--runs-dir", dir.toString())).isEqualTo(2);
    }
}
