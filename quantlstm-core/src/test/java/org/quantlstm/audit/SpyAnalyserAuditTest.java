package org.quantlstm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.data.quality.DataQuality;
import org.quantlstm.systems.Systems;
import org.quantlstm.workflow.RunContext;

/** The real spy-analyser pipeline (1 epoch, one cut) through the audit: trains twice, must pass. */
@Tag("slow")
class SpyAnalyserAuditTest {
    @Test
    void spyAnalyserPassesOneCut(@TempDir Path dir) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"),
                new PrintStream(buf, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false);
        AuditReport r = new LeakageAudit(Systems.standard(), DataQuality.defaults()).run("spy-analyser",
                Map.of("model.epochs", "1", "data.source", "bundled"), new LeakageAudit.Options(1), ctx);
        assertThat(r.cuts()).singleElement().satisfies(c -> {
            assertThat(c.pass()).as(LeakageAudit.verdict(c)).isTrue();
            assertThat(c.diff().files()).contains("equity.csv", "forecasts.csv");
            assertThat(c.diff().cells()).isGreaterThan(100);
        });
        assertThat(r.quality()).singleElement().satisfies(q -> assertThat(q.symbol()).isEqualTo("SPY"));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("verdict: PASS");
    }
}
