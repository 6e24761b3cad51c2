package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;
import org.quantlstm.workflow.ExperimentConfig;

/** {@code model.epochs} (CLI --epochs N) in the multi-asset-4h system. */
class FixedEpochsTest {

    @Test
    void modelEpochsFixesEveryTrialsEpochs() {
        ExperimentConfig tuned = ExperimentConfig.load("multi-asset-4h", Map.of());
        ExperimentConfig fixed = ExperimentConfig.load("multi-asset-4h", Map.of("model.epochs", "3"));
        MultiAssetSettings a = MultiAssetSettings.read(tuned);
        MultiAssetSettings b = MultiAssetSettings.read(fixed);
        // the bundled experiment tunes 2-4 epochs; --epochs 3 makes the range [3, 3]
        assertThat(new int[] {a.space().epochsLow(), a.space().epochsHigh()}).containsExactly(2, 4);
        assertThat(new int[] {b.space().epochsLow(), b.space().epochsHigh()}).containsExactly(3, 3);
        assertThat(MultiAssetSettings.fixedEpochs(tuned)).isNull();
        assertThat(MultiAssetSettings.fixedEpochs(fixed)).isEqualTo(3);
        // the key is declared, and the plan changes with it
        assertThat(new MultiAssetSystem().keys()).contains("model.epochs");
        fixed.requireKeysReadBy(MultiAssetSystem.NAME, new MultiAssetSystem().keys());
        MultiAssetSystem.Plan p1 = MultiAssetSystem.planOf(tuned);
        MultiAssetSystem.Plan p2 = MultiAssetSystem.planOf(fixed);
        assertThat(p1.epochs()).isNull();
        assertThat(p2.epochs()).isEqualTo(3);
        assertThat(p2).isNotEqualTo(p1);
        assertThat(MultiAssetSystem.planOf(ExperimentConfig.load("multi-asset-4h", Map.of("model.epochs", "4"))))
                .isNotEqualTo(p2);
    }

    @Test
    void settingBothModelAndTuningEpochsIsAnError() {
        ExperimentConfig both = ExperimentConfig.load("multi-asset-4h", Map.of("model.epochs", "3", "tuning.epochs", "2,5"));
        assertThatThrownBy(() -> MultiAssetSettings.read(both)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("model.epochs").hasMessageContaining("tuning.epochs")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // the tuned range alone still works
        MultiAssetSettings ms = MultiAssetSettings.read(ExperimentConfig.load("multi-asset-4h",
                Map.of("tuning.epochs", "2,5")));
        assertThat(ms.space().epochsHigh()).isEqualTo(5);
    }
}
