package org.quantlstm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.quality.DataQuality;
import org.quantlstm.systems.Systems;
import org.quantlstm.systems.toy.PeekSystem;
import org.quantlstm.workflow.RunContext;

/** The whole audit on two toy systems: the honest one passes every cut, the one that peeks a bar ahead fails. */
class LeakageAuditTest {
    private final Systems systems = Systems.standard().with(PeekSystem.honest()).with(PeekSystem.peeking());
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

    private AuditReport audit(Path dir, String system, int cuts) throws Exception {
        Path yaml = dir.resolve(system + ".yaml");
        Files.writeString(yaml, "name: " + system + "-x\nsystem: " + system + "\ndata:\n  ticker: QQQ\n  source: bundled\n");
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"), out,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false);
        return new LeakageAudit(systems, DataQuality.defaults()).run(yaml.toString(), Map.of(),
                new LeakageAudit.Options(cuts), ctx);
    }

    private String output() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anHonestSystemPassesEveryCut(@TempDir Path dir) throws Exception {
        AuditReport r = audit(dir, "toy-honest", 3);
        assertThat(r.cuts()).hasSize(3).allMatch(AuditReport.Cut::pass);
        assertThat(r.cuts()).allSatisfy(c -> {
            assertThat(c.barsReplaced()).isPositive();
            assertThat(c.diff().files()).containsExactly("equity.csv", "forecasts.csv");
            assertThat(c.diff().cells()).isPositive();
        });
        // later cuts compare more rows
        assertThat(r.cuts().get(2).diff().cells()).isGreaterThan(r.cuts().get(0).diff().cells());
        assertThat(r.leakFree()).isTrue();
        assertThat(r.exitCode(false)).isZero();
        assertThat(r.quality()).singleElement().satisfies(q -> assertThat(q.symbol()).isEqualTo("QQQ"));
        assertThat(output()).contains("cut 1 of 3 at ").contains("verdict: PASS").contains("DATA QUALITY")
                .contains("QQQ 1d: ").contains("[1/4] baseline run");
        // the perturbed run really saw other prices after the cut
        Path cut = r.cuts().get(0).runFolder();
        assertThat(Files.readString(cut.resolve("forecasts.csv")))
                .isNotEqualTo(Files.readString(r.folder().resolve("baseline").resolve(cut.getFileName())
                        .resolve("forecasts.csv")));
        // the temporary stores are gone, the logs stay
        assertThat(r.folder().resolve("data-cut-1")).doesNotExist();
        assertThat(r.folder().resolve("cut-1.log")).exists();
    }

    @Test
    void aSystemThatPeeksOneBarAheadFailsAtTheCut(@TempDir Path dir) throws Exception {
        AuditReport r = audit(dir, "toy-peek", 2);
        assertThat(r.leakFree()).isFalse();
        assertThat(r.exitCode(false)).isEqualTo(AuditReport.EXIT_LEAK);
        for (AuditReport.Cut c : r.cuts()) {
            assertThat(c.pass()).isFalse();
            RunDiff.Mismatch m = c.diff().mismatch().orElseThrow();
            // the forecast made at the cut bar already depends on the next (perturbed) close
            assertThat(m.file()).isEqualTo("forecasts.csv");
            assertThat(m.column()).isEqualTo("predicted_return");
            assertThat(m.time()).isEqualTo(c.label());
        }
        assertThat(output()).contains("FAIL").contains("verdict: FAIL");
    }

    @Test
    void cutsOutsideOneToTwentyAreAUserError() {
        assertThatThrownBy(() -> new LeakageAudit.Options(0)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--cuts");
        assertThatThrownBy(() -> new LeakageAudit.Options(21)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--cuts");
    }

    @Test
    void aSystemThatCannotBeFedOtherPricesIsAUserError(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("x.yaml");
        Files.writeString(yaml, "name: x\nsystem: toy-drift\ndata:\n  ticker: QQQ\n");
        Systems s = Systems.standard().with(new org.quantlstm.systems.toy.DriftSystem());
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"), new PrintStream(buf, true,
                StandardCharsets.UTF_8), Clock.systemUTC(), false);
        // toy-drift reads data.source but writes no data.json: the audit says what is missing
        assertThatThrownBy(() -> new LeakageAudit(s, DataQuality.defaults()).run(yaml.toString(), Map.of(),
                new LeakageAudit.Options(1), ctx)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("data.json");
    }
}
