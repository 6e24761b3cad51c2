package org.quantlstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.Interval;
import org.quantlstm.common.UserInputException;

class ExperimentConfigTest {
    @Test
    void bundledSpyAnalyserHasTheSeedDefaults() {
        ExperimentConfig c = ExperimentConfig.load("spy-analyser", Map.of());
        assertThat(c.system()).isEqualTo("spy-analyser");
        assertThat(c.data().ticker().value()).isEqualTo("SPY");
        assertThat(c.data().periodDays()).isEqualTo(730);
        assertThat(c.data().interval()).isEqualTo(Interval.D1);
        assertThat(c.model().lookback()).isEqualTo(60);
        assertThat(c.split().train()).isEqualTo(0.7);
        assertThat(c.backtest().costBps()).isEqualTo(10);
        assertThat(c.backtest().fill()).isEqualTo("next-open");
        assertThat(c.signal().allowShort()).isTrue();
    }

    @Test
    void overridesAreValidatedLikeFileEntries() {
        ExperimentConfig c = ExperimentConfig.load("spy-analyser",
                Map.of("data.ticker", "aapl", "backtest.cost_bps", "5", "data.period_days", "365"));
        assertThat(c.data().ticker().value()).isEqualTo("AAPL");
        assertThat(c.backtest().costBps()).isEqualTo(5);
        assertThat(c.yaml()).contains("cost_bps: 5");
        assertThatThrownBy(() -> ExperimentConfig.load("spy-analyser", Map.of("backtest.fill", "same-bar")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("backtest.fill");
        assertThatThrownBy(() -> ExperimentConfig.load("spy-analyser", Map.of("backtest.cost_bps", "ten")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("backtest.cost_bps").hasMessageContaining("ten");
    }

    @Test
    void misspeltKeyIsRejectedWithASuggestion(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my.yaml");
        Files.writeString(f, "name: my\nsystem: spy-analyser\nbacktest:\n  cost_bp: 5\n");
        assertThatThrownBy(() -> ExperimentConfig.load(f.toString(), Map.of()))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("my.yaml").hasMessageContaining("backtest.cost_bp")
                .hasMessageContaining("did you mean 'cost_bps'");
    }

    @Test
    void badYamlAndUnknownExperimentsAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: [unclosed\n");
        assertThatThrownBy(() -> ExperimentConfig.load(f.toString(), Map.of())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ExperimentConfig.load("nope", Map.of())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown experiment 'nope'");
        assertThatThrownBy(() -> ExperimentConfig.load(dir.resolve("missing.yaml").toString(), Map.of()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no such experiment file");
    }

    @Test
    void pipelineSectionsAreReadStrictlyByTheirPipeline(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, "name: w\nsystem: spy-analyser\nportfolio:\n  max_weight: 0.33\n  capitl: 1\n");
        ExperimentConfig c = ExperimentConfig.load(f.toString(), Map.of());
        ConfigSection p = c.section("portfolio");
        assertThat(p.number("max_weight", 1.0)).isEqualTo(0.33);
        assertThat(p.number("capital", 1e7)).isEqualTo(1e7);
        assertThatThrownBy(p::rejectUnknownKeys).isInstanceOf(UserInputException.class)
                .hasMessageContaining("portfolio.capitl").hasMessageContaining("did you mean 'capital'");
        assertThat(c.section("tuning").integer("trials", 5, 1, 100)).isEqualTo(5);
        Files.writeString(f, "name: w\nsystem: spy-analyser\nportfolo:\n  max_weight: 0.33\n");
        assertThatThrownBy(() -> ExperimentConfig.load(f.toString(), Map.of())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("portfolo").hasMessageContaining("did you mean 'portfolio'");
    }
}
