package org.quantlstm.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

class HybridAndLimitsTest {
    @Test
    void seedHybridsAreNamedActiveSlashPassive() {
        assertThat(Hybrid.seed()).extracting(Hybrid::label).containsExactly("30/70 split", "50/50 split",
                "70/30 split");
        assertThat(Hybrid.ACTIVE_30.suffix()).isEqualTo("hybrid_30_70");
        assertThat(Hybrid.ACTIVE_70.passiveWeight()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-15));
        assertThatThrownBy(() -> new Hybrid(1.2)).isInstanceOf(UserInputException.class);
    }

    @Test
    void bracketLegsAreValidated() {
        assertThat(RiskLimits.NONE.active()).isFalse();
        assertThat(new RiskLimits(0, 0, 0.03).active()).isTrue();
        assertThat(new RiskLimits(0.05, 0.10)).isEqualTo(new RiskLimits(0.05, 0.10, 0));
        assertThatThrownBy(() -> new RiskLimits(0, 0, 1.0)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new RiskLimits(-0.1, 0, 0)).isInstanceOf(UserInputException.class);
    }
}
