package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Parzen estimator against hand-computed kernels and against its own normalisation. */
class ParzenEstimatorTest {

    @Test
    void kernelsFollowOptunasNeighbourRuleWithPriorAndMagicClip() {
        // obs 0.2, 0.5 on [0,1]; prior at 0.5. Sorted with endpoints: 0, 0.2, 0.5, 0.5(prior), 1.
        // σ: outermost use their inner neighbour: 0.2→0.3, prior→0; middle 0.5→max(0.3,0)=0.3;
        // prior σ reset to 1; clip to [1/min(100, 1+3), 1] = [0.25, 1].
        ParzenEstimator pe = ParzenEstimator.numeric(new double[] {0.2, 0.5}, 0, 1, 1.0, true);
        assertThat(pe.mus()).containsExactly(0.2, 0.5, 0.5);
        assertThat(pe.sigmas()).containsExactly(new double[] {0.3, 0.3, 1.0}, within(1e-12));
        assertThat(pe.weights()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
    }

    @Test
    void numericDensityIntegratesToOneOnTheInterval() {
        ParzenEstimator pe = ParzenEstimator.numeric(new double[] {-1.5, 0.1, 0.3, 2.9}, -2, 3, 1.0, true);
        int n = 200_000;
        double h = 5.0 / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(pe.logPdf(-2 + (i + 0.5) * h)) * h;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-4));
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(pe.sample(rng)).isBetween(-2.0, 3.0);
        }
    }

    @Test
    void categoricalProbabilitiesMatchTheHandComputation() {
        // obs 0, 0, 1 of 3 choices, prior weight 1: each kernel is 1/4 on every choice plus 1 on its own,
        // normalised by 1.75; prior uniform; 4 kernels with weight 1/4 each.
        ParzenEstimator pe = ParzenEstimator.categorical(new int[] {0, 0, 1}, 3, 1.0);
        double p0 = 0.25 * (2 * 1.25 / 1.75 + 0.25 / 1.75 + 1 / 3.0);
        double p1 = 0.25 * (2 * 0.25 / 1.75 + 1.25 / 1.75 + 1 / 3.0);
        double p2 = 0.25 * (3 * 0.25 / 1.75 + 1 / 3.0);
        assertThat(Math.exp(pe.logPdf(0))).isCloseTo(p0, within(1e-12));
        assertThat(Math.exp(pe.logPdf(1))).isCloseTo(p1, within(1e-12));
        assertThat(Math.exp(pe.logPdf(2))).isCloseTo(p2, within(1e-12));
        assertThat(p0 + p1 + p2).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void defaultWeightsAndGammaAreOptunas() {
        assertThat(ParzenEstimator.defaultWeights(3)).containsExactly(1, 1, 1);
        double[] w = ParzenEstimator.defaultWeights(27);
        // ramp over the 2 oldest: linspace(1/27, 1, 2) = [1/27, 1], then 25 ones
        assertThat(w[0]).isCloseTo(1 / 27.0, within(1e-12));
        assertThat(w[1]).isCloseTo(1.0, within(1e-12));
        assertThat(w[26]).isEqualTo(1.0);
        assertThat(TpeSampler.gamma(10)).isEqualTo(1);
        assertThat(TpeSampler.gamma(11)).isEqualTo(2);
        assertThat(TpeSampler.gamma(400)).isEqualTo(25);
    }

    @Test
    void bandwidthWeightedKernelsReproduceOptuna31LogDensities() {
        // Golden values printed by Debian's python3-optuna 3.1.0 (_ParzenEstimator with default parameters,
        // FloatDistribution(0, 1), observations 0.2, 0.5, 0.9, 0.33, 0.1): log_pdf at 0, 0.25, 0.5, 0.95.
        ParzenEstimator pe = ParzenEstimator.numeric(new double[] {0.2, 0.5, 0.9, 0.33, 0.1}, 0, 1, 1.0, true, true);
        assertThat(pe.sigmas()).containsExactly(new double[] {1 / 7.0, 0.17, 0.4, 0.17, 1 / 7.0, 1.0}, within(1e-9));
        double[] at = {0.0, 0.25, 0.5, 0.95};
        double[] optuna = {-1.31187604, -0.9140591, -1.02099399, -1.30378133};
        for (int i = 0; i < at.length; i++) {
            assertThat(pe.logPdf(at[i])).isCloseTo(optuna[i], within(1e-7));
        }
        // the normalised mixture differs by the -log sigma of each kernel
        assertThat(ParzenEstimator.numeric(new double[] {0.2, 0.5, 0.9, 0.33, 0.1}, 0, 1, 1.0, true, false).logPdf(0.25))
                .isCloseTo(0.4489342013623854, within(1e-9));
    }

    @Test
    void multivariateEstimatorReproducesOptuna31() {
        // Optuna 3.1.0, multivariate=True, a ~ Float(0, 1) obs 0.2, 0.5, 0.9, 0.33, 0.1; b ~ Float(0, 2) obs
        // 0.1..0.5: sigma = 0.2 * 5^(-1/6) * range; log_pdf at (0, 1.0) and (0.25, 0.3).
        double[][] obs = {{0.2, 0.1}, {0.5, 0.2}, {0.9, 0.3}, {0.33, 0.4}, {0.1, 0.5}};
        MultivariateParzenEstimator pe = new MultivariateParzenEstimator(obs,
                java.util.List.of(new FloatDistribution(0, 1, false), new FloatDistribution(0, 2, false)), 1.0, true, true);
        assertThat(pe.logPdf(new double[] {0, 1.0})).isCloseTo(-1.7818865, within(1e-6));
        assertThat(pe.logPdf(new double[] {0.25, 0.3})).isCloseTo(-1.37449407, within(1e-6));
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 500; i++) {
            double[] x = pe.sample(rng);
            assertThat(x[0]).isBetween(0.0, 1.0);
            assertThat(x[1]).isBetween(0.0, 2.0);
        }
    }
}
