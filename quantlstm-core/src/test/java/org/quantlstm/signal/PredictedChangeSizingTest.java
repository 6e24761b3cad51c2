package org.quantlstm.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

/**
 * The weekly-12 per-stock trade by hand. Signals (0.02, 0.01, −0.04): Σ⁺ = 0.03, Σ⁻ = 0.04; with τ = 0.5 the
 * trades are 0.5·0.02/0.03 = 1/3, 0.5·0.01/0.03 = 1/6 and 0.5·(−0.04)/0.04 = −0.5 (buys and sells 0.5 each).
 */
class PredictedChangeSizingTest {
    private final PredictedChangeSizing rule = new PredictedChangeSizing(0.5);

    private static SizingContext ctx(double weight, double signal) {
        return SizingContext.ranked(weight, signal, 0, 3).withScoreSums(0.03, 0.04);
    }

    @Test
    void buysAndSellsInProportionToTheSignal() {
        assertThat(rule.size(ctx(0.3, 0.02))).isCloseTo(0.3 + 1.0 / 3, within(1e-15));
        assertThat(rule.size(ctx(0.3, 0.01))).isCloseTo(0.3 + 1.0 / 6, within(1e-15));
        assertThat(rule.size(ctx(0.4, -0.04))).isCloseTo(-0.1, within(1e-15));   // sold through zero: a short
        assertThat(rule.size(ctx(0.4, 0.0))).isEqualTo(0.4);
    }

    @Test
    void nothingIsTradedWhenOneSideIsEmptyOrTheSignalIsMissing() {
        assertThat(rule.size(SizingContext.ranked(0.25, 0.02, 0, 3).withScoreSums(0.03, 0))).isEqualTo(0.25);
        assertThat(rule.size(SizingContext.ranked(0.25, -0.02, 0, 3).withScoreSums(0, 0.02))).isEqualTo(0.25);
        assertThat(rule.size(ctx(0.25, Double.NaN))).isEqualTo(0.25);
        assertThat(rule.size(SizingContext.ranked(0.25, 0.02, 0, 3))).isEqualTo(0.25);   // sums not computed
    }

    @Test
    void tauZeroNeverTradesAndTauOutsideTheUnitIntervalIsRejected() {
        assertThat(new PredictedChangeSizing(0).size(ctx(0.2, 0.02))).isEqualTo(0.2);
        assertThatThrownBy(() -> new PredictedChangeSizing(1.5)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new PredictedChangeSizing(Double.NaN)).isInstanceOf(UserInputException.class);
    }
}
