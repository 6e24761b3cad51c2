package org.quantlstm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DieboldMarianoTest {
    // loss1 − loss2 = d = 3, 0, 8, −1, 3 (n = 5)
    private static final double[] L1 = {4, 1, 9, 0, 4};
    private static final double[] L2 = {1, 1, 1, 1, 1};

    @Test
    void oneStepByHand() {
        // d̄ = 13/5 = 2.6; deviations 0.4, −2.6, 5.4, −3.6, 0.4; Σ dev² = 0.16 + 6.76 + 29.16 + 12.96 + 0.16 = 49.2
        // γ₀ = 49.2/5 = 9.84; var(d̄) = 9.84/5 = 1.968; DM = 2.6/√1.968 = 1.8533643
        // HLN (h = 1): √((5 + 1 − 2)/5) = √0.8 → 1.6576995
        // t with 4 df has F(t) = ½ + (3/8)·t/√(1 + t²/4)·(1 − t²/(12(1 + t²/4))) → p = 2(1 − F) = 0.1727182
        // (equals R's forecast::dm.test(h = 1, power = 2) for these squared errors: same variance, HLN, pt(n − 1))
        DieboldMariano.Result r = DieboldMariano.ofLosses(L1, L2, 1);
        assertThat(r.meanDifference()).isCloseTo(2.6, within(1e-12));
        assertThat(r.longRunVariance()).isCloseTo(9.84, within(1e-12));
        assertThat(r.lag()).isZero();
        assertThat(r.statistic()).isCloseTo(1.6576994539646797, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.17271817552899527, within(1e-9));
        assertThat(r.significant(0.05)).isFalse();
    }

    @Test
    void twoStepUsesBartlettLagOne() {
        // lag h − 1 = 1; γ₁ = [(−2.6)(0.4) + (5.4)(−2.6) + (−3.6)(5.4) + (0.4)(−3.6)]/5 = −35.96/5 = −7.192
        // Ω = γ₀ + 2·(1 − 1/2)·γ₁ = 9.84 − 7.192 = 2.648; DM = 2.6/√(2.648/5) = 3.5727231
        // HLN (h = 2): √((5 + 1 − 4 + 2·1/5)/5) = √0.48 → 2.4752552; two-sided t(4): p = 0.0685590
        DieboldMariano.Result r = DieboldMariano.ofLosses(L1, L2, 2);
        assertThat(r.lag()).isEqualTo(1);
        assertThat(r.longRunVariance()).isCloseTo(2.648, within(1e-12));
        assertThat(r.statistic()).isCloseTo(2.4752551823039695, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.06855904754414359, within(1e-9));
    }

    @Test
    void squaredAndAbsoluteErrorsFromForecasts() {
        double[] actual = {1, 2, 3, 4, 5};
        // errors of f1: 2, −1, 3, 0, −2 → squared 4, 1, 9, 0, 4 = L1; errors of f2: ±1 → squared 1 = L2
        double[] f1 = {-1, 3, 0, 4, 7};
        double[] f2 = {0, 3, 2, 5, 4};
        DieboldMariano.Result sq = DieboldMariano.test(actual, f1, f2, DieboldMariano.Loss.SQUARED, 1);
        assertThat(sq.statistic()).isCloseTo(1.6576994539646797, within(1e-12));
        // absolute: d = 2−1, 1−1, 3−1, 0−1, 2−1 = 1, 0, 2, −1, 1: d̄ = 0.6, Σdev² = .16+.36+1.96+2.56+.16 = 5.2,
        // γ₀ = 1.04, DM = 0.6/√(1.04/5) = 1.3155870, × √0.8 = 1.1766968
        DieboldMariano.Result ab = DieboldMariano.test(actual, f1, f2, DieboldMariano.Loss.ABSOLUTE, 1);
        assertThat(ab.meanDifference()).isCloseTo(0.6, within(1e-12));
        assertThat(ab.statistic()).isCloseTo(0.6 / Math.sqrt(1.04 / 5) * Math.sqrt(0.8), within(1e-12));
    }

    @Test
    void identicalForecastsGiveZeroAndPOne() {
        double[] actual = {1, 2, 3, 4, 5, 6};
        double[] f = {1.5, 1.8, 3.3, 4.1, 4.4, 6.2};
        DieboldMariano.Result r = DieboldMariano.test(actual, f, f.clone(), DieboldMariano.Loss.SQUARED, 1);
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void clearlyBetterForecastIsSignificantAndNegative() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 250;
        double[] actual = new double[n], good = new double[n], bad = new double[n];
        for (int t = 0; t < n; t++) {
            actual[t] = 100 + t * 0.1 + gauss(rng);
            good[t] = actual[t] + 0.3 * gauss(rng);
            bad[t] = actual[t] + 1.5 * gauss(rng);
        }
        DieboldMariano.Result r = DieboldMariano.test(actual, good, bad, DieboldMariano.Loss.SQUARED, 1);
        assertThat(r.statistic()).isLessThan(-5);
        assertThat(r.pValue()).isLessThan(1e-4);
        // automatic lag: ⌊4 (250/100)^{2/9}⌋ = ⌊4 · 1.2257⌋ = 4
        assertThat(DieboldMariano.automaticLag(250)).isEqualTo(4);
        DieboldMariano.Result auto = DieboldMariano.test(actual, good, bad, DieboldMariano.Loss.SQUARED, 1, true);
        assertThat(auto.lag()).isEqualTo(4);
        assertThat(auto.pValue()).isLessThan(1e-4);
    }

    @Test
    void equallyGoodForecastsAreRarelySignificant() {
        SplittableRandom rng = new SplittableRandom(11);
        int rejections = 0, reps = 400, n = 100;
        for (int k = 0; k < reps; k++) {
            double[] a = new double[n], f1 = new double[n], f2 = new double[n];
            for (int t = 0; t < n; t++) {
                a[t] = gauss(rng);
                f1[t] = gauss(rng);
                f2[t] = gauss(rng);
            }
            if (DieboldMariano.test(a, f1, f2, DieboldMariano.Loss.SQUARED, 1).significant(0.05)) {
                rejections++;
            }
        }
        // size 5 %: 20 of 400 expected, binomial sd ≈ 4.4
        assertThat(rejections).isBetween(6, 36);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> DieboldMariano.ofLosses(new double[]{1, 2, 3}, new double[]{1, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DieboldMariano.ofLosses(L1, L2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    static double gauss(SplittableRandom rng) {
        // Box–Muller
        double u = 1 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
