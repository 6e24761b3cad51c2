package org.quantlstm.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

/** Each of seed 001's five sizing methods on a hand-made series of predicted returns. */
class PositionSizerTest {
    // predicted next-bar returns: +0.2 %, +0.05 %, 0, −0.05 %, −0.2 %, +3 %, −40 %, no forecast, +30 %
    private static final double[] PR = {0.002, 0.0005, 0, -0.0005, -0.002, 0.03, -0.4, Double.NaN, 0.3};

    private static void check(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("bar %d", i).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void binaryIsAllInAboveTenthOfPercentAndAllShortBelowMinusTenth() {
        // > 0.1 % → 100 %; < −0.1 % → −100 % (shorts on, seed default); inside the band → cash
        check(PositionSizer.seed(SizingMethod.BINARY, true).targets(PR, null), 1, 0, 0, 0, -1, 1, -1, 0, 1);
        // without shorts the negative predictions stay in cash
        check(PositionSizer.seed(SizingMethod.BINARY, false).targets(PR, null), 1, 0, 0, 0, 0, 1, 0, 0, 1);
    }

    @Test
    void fixedIsFiftyPercentWhenTheSignalIsPositive() {
        // "if signal is positive: invest 50 %": band 0, so +0.05 % already counts; 0 is not positive
        check(PositionSizer.seed(SizingMethod.FIXED, true).targets(PR, null),
                0.5, 0.5, 0, -0.5, -0.5, 0.5, -0.5, 0, 0.5);
        check(PositionSizer.seed(SizingMethod.FIXED, false).targets(PR, null), 0.5, 0.5, 0, 0, 0, 0.5, 0, 0, 0.5);
    }

    @Test
    void proportionalAllocatesThePredictedReturnCappedAtHundredPercent() {
        // 2 % predicted → 2 % allocation: target = predicted return; 150 % → capped at 100 %, −200 % → −100 %
        check(PositionSizer.seed(SizingMethod.PROPORTIONAL, true).targets(PR, null),
                0.002, 0.0005, 0, -0.0005, -0.002, 0.03, -0.4, 0, 0.3);
        check(PositionSizer.seed(SizingMethod.PROPORTIONAL, true).targets(new double[] {0.02, 1.5, -2}, null),
                0.02, 1, -1);
    }

    @Test
    void halfKellyIsTwiceTheEdgeCappedAtFiftyPercent() {
        // 2 × edge: 0.002 → 0.004, 0.03 → 0.06, −0.4 → −0.8 capped −0.5, 0.3 → 0.6 capped 0.5
        check(PositionSizer.seed(SizingMethod.HALF_KELLY, true).targets(PR, null),
                0.004, 0.001, 0, -0.001, -0.004, 0.06, -0.5, 0, 0.5);
    }

    @Test
    void volatilityAdjustedScalesTheBinarySignalByMedianOverCurrentVolatility() {
        double[] ratio = {2, 0.5, 1, 1, 0.8, 0.4, 1.5, 1, Double.NaN};
        // signal d (band 0.1 %) = 1,0,0,0,−1,1,−1,0,1; × ratio; capped at ±1; NaN ratio (warm-up) → 0
        check(PositionSizer.seed(SizingMethod.VOLATILITY_ADJUSTED, true).targets(PR, ratio),
                1, 0, 0, 0, -0.8, 0.4, -1, 0, 0);
        assertThatThrownBy(() -> PositionSizer.seed(SizingMethod.VOLATILITY_ADJUSTED, true).targets(PR, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customThresholdsAndParametersAreHonoured() {
        PositionSizer s = PositionSizer.seed(SizingMethod.PROPORTIONAL, true)
                .withThresholds(new Thresholds(0.01, -0.05, true)).withParameter(10, 0.25);
        // long only above +1 %, short only below −5 %; 10 × p capped at 25 %
        check(s.targets(new double[] {0.005, 0.02, -0.03, -0.06, 0.011}, null), 0, 0.2, 0, -0.25, 0.11);
    }

    @Test
    void methodsParseBySeedName() {
        assertThat(SizingMethod.parse("kelly")).isEqualTo(SizingMethod.HALF_KELLY);
        assertThat(SizingMethod.parse(" Volatility ")).isEqualTo(SizingMethod.VOLATILITY_ADJUSTED);
        assertThatThrownBy(() -> SizingMethod.parse("martingale")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("martingale");
        assertThatThrownBy(() -> new Thresholds(0.01, 0.02, true)).isInstanceOf(UserInputException.class);
    }

    @Test
    void signalsCarrySideAndForecast() {
        Thresholds t = Thresholds.symmetric(Thresholds.SEED_BAND, true);
        assertThat(t.signal(3, 0.002).side()).isEqualTo(Side.LONG);
        assertThat(t.signal(3, -0.002).side()).isEqualTo(Side.SHORT);
        assertThat(t.signal(3, 0.001).side()).isEqualTo(Side.FLAT);
        assertThat(t.signal(3, Double.NaN).side()).isEqualTo(Side.FLAT);
    }

    @org.junit.jupiter.api.Test
    void sizingIsAFunctionOfTheContext() {
        Sizing seed = PositionSizer.seed(SizingMethod.BINARY, true);
        org.assertj.core.api.Assertions.assertThat(seed.size(SizingContext.of(0.002, Double.NaN))).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(seed.size(SizingContext.of(-0.002, Double.NaN))).isEqualTo(-1.0);
        // a rule reading a field the seed methods ignore: prediction / variance (Kelly-like), capped at 0.5
        Sizing kelly = ((Sizing) ctx -> ctx.prediction() / ctx.variance()).capped(0.5);
        org.assertj.core.api.Assertions.assertThat(kelly.size(new SizingContext(3, 0.001, 0.01, 1, 100, 1e5, 0)))
                .isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        org.assertj.core.api.Assertions.assertThat(kelly.size(new SizingContext(3, 0.01, 0.01, 1, 100, 1e5, 0)))
                .isEqualTo(0.5);
    }
}
