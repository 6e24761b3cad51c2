package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void dataShowPrintsRangeRowsAndLastBars() {
        Result r = run("data", "show", "SPY");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("SPY", "rows=8387", "1993-01-29", "2026-05-26");
    }

    @Test
    void badSymbolExitsTwoWithOneLine() {
        Result r = run("data", "show", "../x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("invalid symbol");
    }

    @Test
    void unknownOptionExitsTwo() {
        assertThat(run("data", "show", "SPY", "--bogus").code()).isEqualTo(2);
    }

    @Test
    void verboseAddsStackTrace() {
        Result r = run("--verbose", "data", "show", "NOPE");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at org.quantlstm");
    }
}
