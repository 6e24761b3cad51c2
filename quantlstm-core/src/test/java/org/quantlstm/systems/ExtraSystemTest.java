package org.quantlstm.systems;

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
import org.quantlstm.systems.toy.DriftSystem;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;

/** A fifth system is one package and one registration: it loads, checks its keys, runs and commits a run folder. */
class ExtraSystemTest {
    @Test
    void aNewSystemRunsThroughTheRegistry(@TempDir Path dir) throws Exception {
        Systems systems = Systems.standard().with(new DriftSystem());
        Path yaml = dir.resolve("drift.yaml");
        Files.writeString(yaml, "name: my-drift\nsystem: toy-drift\ndata:\n  ticker: QQQ\n  source: bundled\n"
                + "backtest:\n  cost_bps: 5\n");
        ExperimentConfig cfg = systems.load(yaml.toString(), Map.of());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        RunOutcome r = systems.run(cfg, new RunContext(dir.resolve("runs"), dir, out,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false));
        assertThat(r.folder()).exists();
        assertThat(Files.readString(r.folder().resolve("plan.json"))).contains("\"costBps\" : 5.0");
        assertThat(Files.readString(r.folder().resolve("metrics.json"))).contains("\"source\" : \"bundled\"");
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("toy-drift QQQ from bundled");
        assertThat(systems.all()).hasSize(5);
    }

    @Test
    void theNewSystemRejectsKeysItDoesNotRead(@TempDir Path dir) throws Exception {
        Systems systems = Systems.standard().with(new DriftSystem());
        Path yaml = dir.resolve("drift.yaml");
        Files.writeString(yaml, "name: my-drift\nsystem: toy-drift\nmodel:\n  epochs: 3\n");
        assertThatThrownBy(() -> systems.load(yaml.toString(), Map.of())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("model.epochs").hasMessageContaining("toy-drift");
    }

    @Test
    void anUnknownSystemNamesTheKnownOnes(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("x.yaml");
        Files.writeString(yaml, "name: x\nsystem: toy-drift\n");
        assertThatThrownBy(() -> Systems.standard().load(yaml.toString(), Map.of()))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("toy-drift").hasMessageContaining("spy-analyser, weekly-12");
    }
}
