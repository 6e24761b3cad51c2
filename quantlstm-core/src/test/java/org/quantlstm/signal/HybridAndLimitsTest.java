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
    void stopsAndTargetsTriggerOnCloses() {
        RiskLimits l = new RiskLimits(0.05, 0.10);
        assertThat(l.triggered(1, 100, 95.0)).isTrue();   // −5 % long: stop
        assertThat(l.triggered(1, 100, 95.5)).isFalse();
        assertThat(l.triggered(1, 100, 110.0)).isTrue();  // +10 %: take profit
        assertThat(l.triggered(-1, 100, 105.0)).isTrue(); // short loses 5 %
        assertThat(l.triggered(-1, 100, 90.0)).isTrue();  // short gains 10 %
        assertThat(l.triggered(0, 100, 50)).isFalse();
        assertThat(RiskLimits.NONE.active()).isFalse();
    }
}
