package org.quantlstm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void meanStdMinMaxByHand() {
        // mean 2.5; deviations ±1.5, ±0.5 → Σ = 5, /3 = 1.6667 → std 1.2909944
        Spread s = Spread.of(new double[] {3, 1, 4, 2});
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.undefined()).isZero();
        assertThat(s.mean()).isCloseTo(2.5, within(1e-15));
        assertThat(s.std()).isCloseTo(1.2909944487358056, within(1e-12));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
        assertThat(s.format("%.2f")).isEqualTo("2.50 \u00b1 1.29 [1.00, 4.00]");
    }

    @Test
    void nonFiniteValuesAreCountedApart() {
        Spread s = Spread.of(new double[] {Double.NaN, 2, Double.POSITIVE_INFINITY});
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.undefined()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.std()).isNaN();
        assertThat(s.format("%.1f")).isEqualTo("2.0 \u00b1 - [2.0, 2.0]");
        assertThat(Spread.of(new double[] {Double.NaN}).format("%.1f")).isEqualTo("-");
    }
}
