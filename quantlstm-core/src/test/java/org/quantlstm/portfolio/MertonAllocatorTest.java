package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MertonAllocatorTest {
    @Test
    void diagonalCovarianceGivesExcessReturnOverGammaTimesVariance() {
        double[] w = MertonAllocator.mertonWeights(new double[] {0.01, 0.004}, new double[][] {{0.0025, 0}, {0, 0.0004}},
                0.002, 4);
        assertThat(w[0]).isCloseTo(0.008 / (4 * 0.0025), within(1e-12));
        assertThat(w[1]).isCloseTo(0.002 / (4 * 0.0004), within(1e-12));
    }

    @Test
    void mertonWeightsMatchInverseCovarianceSolution() {
        // w = (1/γ) Σ⁻¹(μ − r_f) for the 3-asset fixture with γ = 2 must satisfy γ Σ w = μ − r_f
        double[] w = MertonAllocator.mertonWeights(MeanVarianceTest.MU3, MeanVarianceTest.S3, 0.03, 2);
        double[] back = Linalg.multiply(MeanVarianceTest.S3, w);
        for (int i = 0; i < 3; i++) {
            assertThat(2 * back[i]).isCloseTo(MeanVarianceTest.MU3[i] - 0.03, within(1e-14));
        }
    }

    @Test
    void capsClipEachAssetThenScaleLeverage() {
        MertonAllocator a = new MertonAllocator(new MertonSpec(2, 10, 5, 0.8, 1.5, true));
        double[] w = a.applyCaps(new double[] {2.0, -0.3, 0.4});
        // clip → (0.8, −0.3, 0.4), gross 1.5 → unchanged
        assertThat(w).containsExactly(0.8, -0.3, 0.4);
        double[] v = a.applyCaps(new double[] {2.0, -2.0, 0.4});
        // clip → (0.8, −0.8, 0.4), gross 2.0 → × 0.75
        assertThat(v[0]).isCloseTo(0.6, within(1e-15));
        assertThat(v[1]).isCloseTo(-0.6, within(1e-15));
        assertThat(v[2]).isCloseTo(0.3, within(1e-15));
        MertonAllocator longOnly = new MertonAllocator(new MertonSpec(2, 10, 5, 0.8, 1.5, false));
        assertThat(longOnly.applyCaps(new double[] {0.5, -0.3, 0.4})).containsExactly(0.5, 0.0, 0.4);
    }

    @Test
    void hjbPathIsCausalAndRealisesNextPeriodReturns() {
        Random rnd = new Random(5);
        double[][] r = randomReturns(rnd, 80, 4);
        MertonAllocator a = new MertonAllocator(new MertonSpec(3, 20, 30, 1.0, 2.0, true));
        WeightPath base = a.path(r, 0.0005);
        assertThat(base.start()).isEqualTo(29);
        assertThat(base.size()).isEqualTo(51);
        int k = 20; // decision index k is at return row 29 + k
        double[][] r2 = Linalg.copy(r);
        for (int t = base.start() + k + 1; t < r2.length; t++) {
            for (int i = 0; i < 4; i++) {
                r2[t][i] += 0.05 * rnd.nextGaussian();
            }
        }
        WeightPath changed = a.path(r2, 0.0005);
        for (int j = 0; j <= k; j++) {
            assertThat(Arrays.equals(base.weightsAt(j), changed.weightsAt(j))).as("decision %d", j).isTrue();
        }
        assertThat(Arrays.equals(base.weightsAt(k + 1), changed.weightsAt(k + 1))).isFalse();
        // decision 3 earns row start+4 with the cash remainder at r_f
        double[] w = base.weightsAt(3);
        double expected = 0.0005 * (1 - Arrays.stream(w).sum());
        for (int i = 0; i < 4; i++) {
            expected += w[i] * r[base.start() + 4][i];
        }
        assertThat(base.realisedReturns()[3]).isCloseTo(expected, within(1e-15));
        for (double[] x : base.weights()) {
            assertThat(Arrays.stream(x).map(Math::abs).sum()).isLessThanOrEqualTo(2.0 + 1e-12);
            assertThat(Arrays.stream(x).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void comparisonUsesTheWarmupTangentOnTheSamePeriods() {
        Random rnd = new Random(3);
        double[][] r = randomReturns(rnd, 60, 3);
        MertonAllocator a = new MertonAllocator(new MertonSpec(5, 15, 25, 1.0, 1.5, true));
        MertonAllocator.Comparison c = a.compareWithTangent(r, 0.0, OptimizerSpec.of(Bounds.longOnly(3, 1)));
        assertThat(c.tangentReturns()).hasSameSizeAs(c.dynamic().realisedReturns());
        double[] w = c.staticTangent().weights();
        double first = 0;
        for (int i = 0; i < 3; i++) {
            first += w[i] * r[c.dynamic().start() + 1][i];
        }
        assertThat(c.tangentReturns()[0]).isCloseTo(first, within(1e-15));
        assertThat(c.tangentStats().periods()).isEqualTo(c.dynamicStats().periods());
        // the tangent was fitted on rows 0..24 only: refitting it by hand gives the same weights
        double[][] warm = Returns.rows(r, 0, 25);
        Allocation again = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(3, 1)))
                .maxSharpe(ExpectedReturns.historicalMean(warm), SampleCovariance.estimate(warm), 0.0);
        assertThat(again.weights()).containsExactly(w);
    }

    @Test
    void realisedStatsFollowTheProjectConventions() {
        RealisedStats s = RealisedStats.of(new double[] {0.1, -0.2, 0.05}, 0.0);
        assertThat(s.mean()).isCloseTo(-0.05 / 3, within(1e-15));
        assertThat(s.totalReturn()).isCloseTo(1.1 * 0.8 * 1.05 - 1, within(1e-15));
        assertThat(s.maxDrawdown()).isCloseTo(-0.2, within(1e-15));
        double m = -0.05 / 3;
        double sd = Math.sqrt(((0.1 - m) * (0.1 - m) + (-0.2 - m) * (-0.2 - m) + (0.05 - m) * (0.05 - m)) / 2);
        assertThat(s.volatility()).isCloseTo(sd, within(1e-15));
        assertThat(s.annualVolatility(52)).isCloseTo(sd * Math.sqrt(52), within(1e-14));
    }

    static double[][] randomReturns(Random rnd, int rows, int n) {
        double[][] r = new double[rows][n];
        for (int t = 0; t < rows; t++) {
            double common = 0.01 * rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                r[t][i] = 0.001 * (i + 1) + common + 0.015 * rnd.nextGaussian();
            }
        }
        return r;
    }
}
