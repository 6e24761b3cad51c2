package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.TinySeries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.tuning.FrozenTrial;

class TuneSessionTest {

    static ExperimentConfig tinyConfig(Map<String, String> extra) {
        Map<String, String> o = new java.util.LinkedHashMap<>(Map.of("tuning.seq_len", "6,10", "tuning.hidden_size", "4,8",
                "tuning.num_layers", "1,1", "tuning.epochs", "1,1", "model.batch_size", "32", "seed", "7"));
        o.putAll(extra);
        return ExperimentConfig.load("multi-asset-4h", o);
    }

    @Test
    void rerunningTheSameStudyResumesItToTheTotal(@TempDir Path dir) {
        ExperimentConfig cfg = tinyConfig(Map.of("tuning.pruner", "none"));
        MultiAssetSettings ms = MultiAssetSettings.read(cfg);
        BarSeries s = TinySeries.of("SYN", 200, 3, Integer.MAX_VALUE, 1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Path store = dir.resolve("studies.duckdb");

        TuneSession.Outcome first = TuneSession.tune(s, cfg, ms, 2, 1, null, store, out, TrainingListener.SILENT);
        TuneSession.Outcome second = TuneSession.tune(s, cfg, ms, 4, 1, null, store, out, TrainingListener.SILENT);

        assertThat(first.trials()).hasSize(2);
        assertThat(second.study()).isEqualTo(first.study()).isEqualTo("SYN-4h-profit-dd-l1.0-730d");
        assertThat(second.trials()).hasSize(4).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3);
        assertThat(second.trials().subList(0, 2)).extracting(FrozenTrial::params)
                .containsExactlyElementsOf(first.trials().stream().map(FrozenTrial::params).toList());
        String log = buf.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("0 trials stored, running until 2").contains("2 trials stored, running until 4")
                .contains("Trial 3 ").contains("Best trial: ").contains("Deflated Sharpe Ratio");
        // the resumed run deflates with all four trials' validation Sharpes, the first run's included
        assertThat(second.trials()).extracting(FrozenTrial::state).containsOnly(org.quantlstm.tuning.TrialState.COMPLETE);
        assertThat(second.deflation().varianceSource()).startsWith("variance of 4 trials'");
        assertThat(second.deflation().trials()).isEqualTo(
                (int) second.trials().stream().filter(t -> t.state() != org.quantlstm.tuning.TrialState.FAIL).count());
    }

    @Test
    void settingsAreReadStrictly() {
        MultiAssetSettings ms = MultiAssetSettings.read(ExperimentConfig.load("multi-asset-4h", Map.of()));
        assertThat(ms.intervals()).hasSize(6);
        assertThat(ms.intervals().get(org.quantlstm.common.Symbol.of("ZW=F")).code()).isEqualTo("1d");
        assertThat(ms.intervals().get(org.quantlstm.common.Symbol.of("XAUUSD")).code()).isEqualTo("4h");
        assertThatThrownBy(() -> MultiAssetSettings.read(tinyConfig(Map.of("tuning.trails", "3"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("tuning.trails")
                .hasMessageContaining("did you mean 'trials'");
        assertThatThrownBy(() -> MultiAssetSettings.read(tinyConfig(Map.of("tuning.objective", "profit"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("profit-dd, sharpe or rmse");
    }
}
