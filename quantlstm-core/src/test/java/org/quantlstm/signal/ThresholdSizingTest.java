package org.quantlstm.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The multi-asset band rule by hand: centre 0.001, spread 0.002, long 1 sd, short 0.5 sd → band [0, 0.003]. */
class ThresholdSizingTest {
    private final ThresholdSizing rule = new ThresholdSizing(0.001, 0.002, 1.0, 0.5, true);

    @Test
    void bandEdgesAreFlatAndBeyondThemLongOrShort() {
        assertThat(rule.longAbove()).isEqualTo(0.003);
        assertThat(rule.shortBelow()).isEqualTo(0.0);
        assertThat(rule.size(SizingContext.of(0.003))).isEqualTo(0.0);     // on the long edge: flat (strict)
        assertThat(rule.size(SizingContext.of(0.0030001))).isEqualTo(1.0);
        assertThat(rule.size(SizingContext.of(0.0))).isEqualTo(0.0);       // on the short edge: flat
        assertThat(rule.size(SizingContext.of(-1e-9))).isEqualTo(-1.0);
        assertThat(rule.size(SizingContext.of(0.002))).isEqualTo(0.0);     // inside the band
    }

    @Test
    void noForecastIsFlat() {
        assertThat(rule.size(SizingContext.of(Double.NaN))).isEqualTo(0.0);
        assertThat(rule.size(SizingContext.of(Double.POSITIVE_INFINITY))).isEqualTo(0.0);
        assertThat(rule.size(SizingContext.of(Double.NEGATIVE_INFINITY))).isEqualTo(0.0);
    }

    @Test
    void shortsDisabledNeverGoShort() {
        ThresholdSizing longOnly = new ThresholdSizing(0.001, 0.002, 1.0, 0.5, false);
        assertThat(longOnly.size(SizingContext.of(-0.5))).isEqualTo(0.0);
        assertThat(longOnly.size(SizingContext.of(0.01))).isEqualTo(1.0);
    }

    @Test
    void zeroThresholdsSplitAtTheCentre() {
        ThresholdSizing atCentre = new ThresholdSizing(0.001, 0.002, 0, 0, true);
        assertThat(atCentre.size(0.001)).isEqualTo(0.0);
        assertThat(atCentre.size(0.0011)).isEqualTo(1.0);
        assertThat(atCentre.size(0.0009)).isEqualTo(-1.0);
    }

    @Test
    void readsOnlyThePrediction() {
        SizingContext full = new SizingContext(7, 0.004, 0.5, 2.0, 100, 1e5, -1);
        assertThat(rule.size(full)).isEqualTo(1.0);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new ThresholdSizing(0, 0, 1, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdSizing(0, Double.NaN, 1, 1, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdSizing(0, 1, Double.NaN, 1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
