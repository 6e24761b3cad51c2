package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HJB line states its gross exposure and the cash or borrowing it implies. */
class HjbCashTextTest {
    @Test
    void grossAndCashOrBorrowing() {
        assertThat(MultiAssetPipeline.cashText(new double[] {1.2, 0.8})).isEqualTo("gross 200%, borrowing 100%");
        assertThat(MultiAssetPipeline.cashText(new double[] {0.3, 0.2})).isEqualTo("gross 50%, cash 50%");
        assertThat(MultiAssetPipeline.cashText(new double[] {0.9, -0.4})).isEqualTo("gross 130%, cash 50%");
    }
}
