package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

class MeanVarianceTest {
    static final double[][] S3 = {{0.040, 0.006, 0.012}, {0.006, 0.090, 0.018}, {0.012, 0.018, 0.0625}};
    static final double[] MU3 = {0.08, 0.12, 0.10};
    static final double[][] S4 = {
            {0.04, 0.01, 0.0, 0.006}, {0.01, 0.09, 0.02, 0.01}, {0.0, 0.02, 0.0625, 0.005}, {0.006, 0.01, 0.005, 0.0225}};
    static final double[] MU4 = {0.07, 0.15, 0.11, 0.05};

    static MeanVariance unbounded(int n) {
        return new MeanVariance(OptimizerSpec.of(Bounds.unbounded(n)));
    }

    @Test
    void twoAssetMinimumVarianceMatchesClosedForm() {
        double s1 = 0.2;
        double s2 = 0.3;
        double s12 = 0.4 * s1 * s2;
        double[][] sigma = {{s1 * s1, s12}, {s12, s2 * s2}};
        double expected = (s2 * s2 - s12) / (s1 * s1 + s2 * s2 - 2 * s12);
        Allocation a = unbounded(2).minVariance(null, sigma, 0);
        assertThat(a.weight(0)).isCloseTo(expected, within(1e-9));
        assertThat(a.weight(1)).isCloseTo(1 - expected, within(1e-9));
        assertThat(a.ridge()).isZero();
    }

    @Test
    void twoAssetMinimumVarianceClampsAtTheLongOnlyBound() {
        // closed form gives w1 = 0.063 / 0.046 = 1.37: long-only must stop at 1, long-short follows the formula
        double[][] sigma = {{0.01, 0.027}, {0.027, 0.09}};
        assertThat(unbounded(2).minVariance(null, sigma, 0).weight(0)).isCloseTo(0.063 / 0.046, within(1e-9));
        Allocation longOnly = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(2, 1))).minVariance(null, sigma, 0);
        assertThat(longOnly.weight(0)).isCloseTo(1.0, within(1e-12));
        assertThat(longOnly.weight(1)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void unconstrainedTangentIsInverseCovarianceTimesExcessReturnNormalised() {
        // Σ⁻¹(μ − r_f) / 1ᵀΣ⁻¹(μ − r_f), computed with numpy.linalg.inv
        double[] expected = {0.3774871381640117, 0.3279613215149073, 0.29455154032108105};
        Allocation t = unbounded(3).maxSharpe(MU3, S3, 0.03);
        for (int i = 0; i < 3; i++) {
            assertThat(t.weight(i)).isCloseTo(expected[i], within(1e-8));
        }
    }

    @Test
    void frontierPointMatchesMertonClosedForm() {
        // Merton (1972): w(m) = [(C − Bm) Σ⁻¹1 + (Am − B) Σ⁻¹μ] / D, σ²(m) = (Am² − 2Bm + C)/D, at m = 0.11
        double[] expected = {0.0643382352941164, 0.5643382352941171, 0.37132352941176416};
        Allocation a = unbounded(3).efficientReturn(MU3, S3, 0.0, 0.11);
        for (int i = 0; i < 3; i++) {
            assertThat(a.weight(i)).isCloseTo(expected[i], within(1e-8));
        }
        assertThat(a.volatility() * a.volatility()).isCloseTo(0.045999080882352855, within(1e-10));
        assertThat(a.expectedReturn()).isCloseTo(0.11, within(1e-10));
    }

    @Test
    void boundedTangentMatchesIndependentOptimum() {
        // long-only, w ≤ 0.3: assets 2 and 3 sit at the cap; the rest found by a 1-D search in scipy
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(4, 0.3)));
        Allocation t = mv.maxSharpe(MU4, S4, 0.02);
        double[] expected = {0.27366495951247805, 0.3, 0.3, 0.4 - 0.27366495951247805};
        for (int i = 0; i < 4; i++) {
            assertThat(t.weight(i)).isCloseTo(expected[i], within(1e-7));
        }
        assertThat(t.sharpe()).isCloseTo(0.5402412207953003, within(1e-8));
    }

    @Test
    void boundedMinimumVarianceMatchesKktSolution() {
        // long-only, w ≤ 0.4: asset 4 at the cap, the rest from the KKT system solved with numpy
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(4, 0.4)));
        Allocation a = mv.minVariance(MU4, S4, 0.02);
        double[] expected = {0.3350427350427351, 0.0525356125356125, 0.2124216524216524, 0.4};
        for (int i = 0; i < 4; i++) {
            assertThat(a.weight(i)).isCloseTo(expected[i], within(1e-8));
        }
    }

    @Test
    void weightsStayInsideBoundsAndSumToOneOnRandomProblems() {
        for (int seed = 1; seed <= 12; seed++) {
            Random rnd = new Random(seed);
            int n = 3 + rnd.nextInt(8);
            double[][] sigma = randomCovariance(rnd, n);
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = 0.002 + 0.01 * rnd.nextGaussian();
            }
            mu[0] = Math.abs(mu[0]) + 0.003;
            Bounds bounds = seed % 2 == 0 ? Bounds.longOnly(n, 0.35) : Bounds.longShort(n, 0.5);
            MeanVariance mv = new MeanVariance(OptimizerSpec.of(bounds));
            Allocation minVar = mv.minVariance(mu, sigma, 0.0005);
            Allocation tangent = mv.maxSharpe(mu, sigma, 0.0005);
            assertFeasible(minVar.weights(), bounds, "min-var seed " + seed);
            assertFeasible(tangent.weights(), bounds, "tangent seed " + seed);
            EfficientFrontier f = mv.frontier(mu, sigma, 0.0005, 6);
            for (Allocation p : f.points()) {
                assertFeasible(p.weights(), bounds, "frontier seed " + seed);
                assertThat(p.volatility()).isGreaterThanOrEqualTo(minVar.volatility() - 1e-9);
                assertThat(p.sharpe()).isLessThanOrEqualTo(tangent.sharpe() + 1e-7);
            }
            // optimality against 200 random feasible portfolios
            for (int k = 0; k < 200; k++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextGaussian() * 0.3 + 1.0 / n;
                }
                Allocation other = Allocation.of(bounds.project(v), mu, sigma, 0.0005, 0);
                assertThat(other.volatility()).isGreaterThanOrEqualTo(minVar.volatility() - 1e-9);
                assertThat(other.sharpe()).isLessThanOrEqualTo(tangent.sharpe() + 1e-7);
            }
        }
    }

    static void assertFeasible(double[] w, Bounds b, String what) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).as(what + " w" + i).isBetween(b.lower(i), b.upper(i));
            sum += w[i];
        }
        assertThat(sum).as(what + " sum").isCloseTo(1.0, within(1e-9));
    }

    static double[][] randomCovariance(Random rnd, int n) {
        double[][] a = new double[n][n + 2];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 0.03 * rnd.nextGaussian();
            }
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = Linalg.dot(a[i], a[j]) / (n + 2);
            }
        }
        return s;
    }

    @Test
    void maxSharpeRefusesWhenEveryReturnIsBelowTheRiskFreeRate() {
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(3, 1)));
        assertThatThrownBy(() -> mv.maxSharpe(new double[] {0.01, 0.02, 0.03}, S3, 0.03))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("above the risk-free rate")
                .hasMessageContaining("min-variance");
    }

    @Test
    void maxSharpeRefusesWhenBoundsForbidBeatingTheRiskFreeRate() {
        // only asset 0 beats r_f but it may hold at most 10 %, the others must fill 90 %
        Bounds b = new Bounds(new double[] {0, 0, 0}, new double[] {0.1, 1, 1});
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(b));
        assertThatThrownBy(() -> mv.maxSharpe(new double[] {0.10, 0.0, 0.0}, S3, 0.02))
                .isInstanceOf(UserInputException.class).hasMessageContaining("within the weight bounds");
    }

    @Test
    void singularCovarianceIsRegularisedNotFatal() {
        // asset 2 duplicates asset 0: Σ is singular
        double[][] sigma = {{0.04, 0.01, 0.04}, {0.01, 0.09, 0.01}, {0.04, 0.01, 0.04}};
        double[] mu = {0.01, 0.02, 0.01};
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(3, 1)));
        Allocation a = mv.minVariance(mu, sigma, 0);
        assertThat(a.ridge()).isPositive().isLessThan(1e-6);
        assertFeasible(a.weights(), Bounds.longOnly(3, 1), "singular");
        // the duplicated pair together holds the 2-asset closed-form weight
        double expected = (0.09 - 0.01) / (0.04 + 0.09 - 0.02);
        assertThat(a.weight(0) + a.weight(2)).isCloseTo(expected, within(1e-6));
        Allocation t = mv.maxSharpe(mu, sigma, 0.001);
        assertFeasible(t.weights(), Bounds.longOnly(3, 1), "singular tangent");
    }

    @Test
    void strongL2PullsTowardsEqualWeights() {
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(4, 1)).withL2(100));
        Allocation a = mv.minVariance(MU4, S4, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(a.weight(i)).isCloseTo(0.25, within(1e-3));
        }
    }

    @Test
    void turnoverPenaltyKeepsCurrentWeightsWhenExpensive() {
        double[] current = {0.25, 0.25, 0.25, 0.25};
        Bounds b = Bounds.longOnly(4, 1);
        Allocation free = new MeanVariance(OptimizerSpec.of(b)).minVariance(MU4, S4, 0);
        Allocation cheap = new MeanVariance(OptimizerSpec.of(b).withTurnoverPenalty(1e-6, current))
                .minVariance(MU4, S4, 0);
        Allocation dear = new MeanVariance(OptimizerSpec.of(b).withTurnoverPenalty(1.0, current))
                .minVariance(MU4, S4, 0);
        assertThat(distance(free.weights(), current)).isGreaterThan(0.2);
        assertThat(distance(cheap.weights(), free.weights())).isLessThan(1e-3);
        assertThat(distance(dear.weights(), current)).isLessThan(1e-9);
    }

    @Test
    void maxSharpeWithTinyTurnoverPenaltyAgreesWithTheHomogeneousSolution() {
        Bounds b = Bounds.longOnly(4, 0.3);
        Allocation exact = new MeanVariance(OptimizerSpec.of(b)).maxSharpe(MU4, S4, 0.02);
        Allocation searched = new MeanVariance(OptimizerSpec.of(b)
                .withTurnoverPenalty(1e-9, new double[] {0.25, 0.25, 0.25, 0.25})).maxSharpe(MU4, S4, 0.02);
        assertThat(distance(exact.weights(), searched.weights())).isLessThan(1e-4);
        assertThat(searched.sharpe()).isCloseTo(exact.sharpe(), within(1e-7));
    }

    @Test
    void capitalMarketLineTouchesTheTangentAndDominatesTheFrontier() {
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(4, 1)));
        EfficientFrontier f = mv.frontier(MU4, S4, 0.02, 8);
        CapitalMarketLine cml = f.capitalMarketLine().orElseThrow();
        Allocation t = f.tangent().orElseThrow();
        assertThat(cml.returnAt(t.volatility())).isCloseTo(t.expectedReturn(), within(1e-12));
        assertThat(cml.slope()).isCloseTo(t.sharpe(), within(1e-12));
        assertThat(f.points()).hasSize(8);
        assertThat(f.points().get(0).expectedReturn()).isCloseTo(f.minVariance().expectedReturn(), within(1e-12));
        assertThat(f.points().get(7).expectedReturn()).isCloseTo(0.15, within(1e-6));
        for (Allocation p : f.points()) {
            assertThat(p.expectedReturn()).isLessThanOrEqualTo(cml.returnAt(p.volatility()) + 1e-9);
        }
        for (int k = 1; k < 8; k++) {
            assertThat(f.points().get(k).volatility()).isGreaterThan(f.points().get(k - 1).volatility() - 1e-12);
        }
    }

    @Test
    void unboundedMaxSharpeWithNegativeNetExposureIsReportedNotCrashed() {
        // 1ᵀΣ⁻¹(μ − r_f) < 0: the fully invested tangent does not exist without bounds
        double[][] sigma = {{0.04, 0.0}, {0.0, 0.04}};
        assertThatThrownBy(() -> unbounded(2).maxSharpe(new double[] {0.05, -0.2}, sigma, 0.0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("finite weight bounds");
        // the frontier still exists, without tangent and CML
        EfficientFrontier f = unbounded(2).frontier(new double[] {0.05, -0.2}, sigma, 0.0, 3);
        assertThat(f.points()).hasSize(3);
        assertThat(f.tangent()).isEmpty();
        assertThat(f.capitalMarketLine()).isEmpty();
    }

    static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
