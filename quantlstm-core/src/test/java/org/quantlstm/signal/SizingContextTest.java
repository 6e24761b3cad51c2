package org.quantlstm.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizingContextTest {
    @Test
    void singleAssetContextsHaveNoCrossSection() {
        SizingContext c = new SizingContext(3, 0.01, 0.02, 1.5, 100, 1e5, 0.25);
        assertThat(c.score()).isNaN();
        assertThat(c.rank()).isZero();
        assertThat(c.candidates()).isEqualTo(1);
        assertThat(c.positiveScores()).isNaN();
        assertThat(c.negativeScores()).isNaN();
        SizingContext of = SizingContext.of(0.01, 2.0);
        assertThat(of.prediction()).isEqualTo(0.01);
        assertThat(of.volRatio()).isEqualTo(2.0);
        assertThat(of.position()).isNaN();
    }

    @Test
    void withersChangeOneThing() {
        SizingContext c = SizingContext.ranked(0.2, 0.7, 2, 5).withScoreSums(1.5, 0.5).withPosition(0.1);
        assertThat(c).isEqualTo(new SizingContext(-1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.1,
                0.7, 2, 5, 1.5, 0.5));
    }

    @Test
    void ranksOutsideTheCrossSectionAreRejected() {
        assertThatThrownBy(() -> SizingContext.ranked(0, 1, -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizingContext.ranked(0, 1, 6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizingContext.ranked(0, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
