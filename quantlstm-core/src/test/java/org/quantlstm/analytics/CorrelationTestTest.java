package org.quantlstm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTestTest {
    @Test
    void fivePairsByHand() {
        // x − x̄ = −2, −1, 0, 1, 2; y − ȳ = −1, −2, 1, 0, 2: Σdxdy = 8, Σdx² = Σdy² = 10 → r = 0.8
        // t = 0.8·√(3/0.36) = 2.3094011; t(3) has F(t) = ½ + (θ + sinθ·cosθ)/π, θ = atan(t/√3) → p = 0.1040880
        // (scipy.stats.pearsonr gives the same p)
        CorrelationTest.Result r = CorrelationTest.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5});
        assertThat(r.n()).isEqualTo(5);
        assertThat(r.r()).isCloseTo(0.8, within(1e-12));
        assertThat(r.t()).isCloseTo(2.3094010767585034, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.10408803866182792, within(1e-9));
        assertThat(r.significant(0.05)).isFalse();
        assertThat(r.significant(0.15)).isTrue();
    }

    @Test
    void negativeCorrelationIsSymmetricAndNonFinitePairsAreSkipped() {
        CorrelationTest.Result r = CorrelationTest.of(new double[] {1, 2, Double.NaN, 3, 4, 5},
                new double[] {-2, -1, 7, -4, -3, -5});
        assertThat(r.n()).isEqualTo(5);
        assertThat(r.r()).isCloseTo(-0.8, within(1e-12));
        assertThat(r.t()).isCloseTo(-2.3094010767585034, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.10408803866182792, within(1e-9));
    }

    @Test
    void degenerateInputsGiveNaNOrCertainty() {
        assertThat(CorrelationTest.of(new double[] {1, 2}, new double[] {1, 2}).pValue()).isNaN();
        assertThat(CorrelationTest.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}).r()).isNaN();
        CorrelationTest.Result perfect = CorrelationTest.of(new double[] {1, 2, 3}, new double[] {2, 4, 6});
        assertThat(perfect.pValue()).isZero();
        assertThat(perfect.t()).isInfinite();
        // a large sample with the same r is significant: n = 102, r = 0.3 → t = 0.3·√(100/0.91) = 3.1449 → p ≈ 0.0022
        CorrelationTest.Result big = CorrelationTest.ofCorrelation(0.3, 102);
        assertThat(big.t()).isCloseTo(3.144854510165755, within(1e-12));
        assertThat(big.pValue()).isBetween(0.0020, 0.0024);
    }
}
