package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

class RebalancingTest {
    static void assertWeights(double[] actual, double... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("w%d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void mixedPredictionsSellDeclinersBuyRisersInProportionThenCap() {
        // drift: (0.25·1.1, 0.25, 0.25·0.9, 0.25) = (0.275, 0.25, 0.225, 0.25); changes (+5%, −5%, +1%, 0)
        // τ = 0.1: buys 0.1 split 5:1 → +1/12, +1/60; sells 0.1 → −0.1; w1 = 0.358333 > 1/3 → excess 0.025 spread
        RebalanceContext ctx = new RebalanceContext(new double[] {0.25, 0.25, 0.25, 0.25},
                new double[] {10, 20, 30, 40}, new double[] {11, 20, 27, 40}, new double[] {11.55, 19, 27.27, 40});
        double[] w = new PredictedChangeRebalancer(0.1, 1.0 / 3, true).rebalance(ctx);
        assertWeights(w, 1.0 / 3, 0.15 + 1.0 / 120, 0.25, 0.25 + 1.0 / 120);
    }

    @Test
    void allPredictedUpUsesTheZScoreAdjustmentFactor() {
        // changes 1..4 %: z = (−1.1619, −0.3873, 0.3873, 1.1619); τ = 0.1 → Δ = (−0.075, −0.025, 0.025, 0.075)
        RebalanceContext ctx = new RebalanceContext(new double[] {0.25, 0.25, 0.25, 0.25},
                new double[] {100, 100, 100, 100}, new double[] {100, 100, 100, 100}, new double[] {101, 102, 103, 104});
        double[] z = PredictedChangeRebalancer.signal(ctx.predictedChanges());
        assertThat(z[3]).isCloseTo(0.015 / Math.sqrt(0.0005 / 3), within(1e-12));
        assertThat(Arrays.stream(z).sum()).isCloseTo(0, within(1e-12));
        double[] w = new PredictedChangeRebalancer(0.1, 1.0 / 3, true).rebalance(ctx);
        assertWeights(w, 0.175, 0.225, 0.275, 0.325);
    }

    @Test
    void sellingMoreThanTheHoldingGoesShortUnlessShortsAreOff() {
        // changes (+2, −3, +2, +2) %, τ = 0.5: the decliner sells 0.5 of a 0.25 holding → −0.25
        RebalanceContext ctx = new RebalanceContext(new double[] {0.25, 0.25, 0.25, 0.25},
                new double[] {50, 50, 50, 50}, new double[] {50, 50, 50, 50}, new double[] {51, 48.5, 51, 51});
        assertWeights(new PredictedChangeRebalancer(0.5, 0.5, true).rebalance(ctx), 5.0 / 12, -0.25, 5.0 / 12, 5.0 / 12);
        assertWeights(new PredictedChangeRebalancer(0.5, 0.5, false).rebalance(ctx), 1.0 / 3, 0, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void tradesAreSelfFinancingAndProportional() {
        double[] d = PredictedChangeRebalancer.trades(new double[] {0.04, -0.01, 0.02, -0.03, 0}, 0.3);
        assertThat(Arrays.stream(d).sum()).isCloseTo(0, within(1e-15));
        assertWeights(d, 0.2, -0.075, 0.1, -0.225, 0);
    }

    @Test
    void equalPredictionsTradeNothing() {
        double[] s = PredictedChangeRebalancer.signal(new double[] {0.01, 0.01, 0.01});
        assertThat(s).containsOnly(0.0);
    }

    @Test
    void paperRuleKeepsEveryWeightWithinOneThirdAndFullyInvested() {
        Random rnd = new Random(7);
        double[][] prices = randomPrices(rnd, 40, 12);
        double[][] predicted = predictions(rnd, prices);
        WeightPath path = Rebalancing.run(PredictedChangeRebalancer.paper(), prices, predicted, equal(12), 0.0);
        boolean shorted = false;
        for (double[] w : path.weights()) {
            double sum = 0;
            for (double x : w) {
                assertThat(Math.abs(x)).isLessThanOrEqualTo(1.0 / 3 + 1e-15);
                shorted |= x < 0;
                sum += x;
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
        }
        assertThat(shorted).as("random forecasts should produce a short somewhere").isTrue();
    }

    @Test
    void weeklyRuleIsCausal() {
        Random rnd = new Random(11);
        double[][] prices = randomPrices(rnd, 30, 12);
        double[][] predicted = predictions(rnd, prices);
        WeightPath base = Rebalancing.run(PredictedChangeRebalancer.paper(), prices, predicted, equal(12), 0.0);
        int k = 17;
        double[][] p2 = Linalg.copy(prices);
        double[][] f2 = Linalg.copy(predicted);
        for (int t = k + 1; t < p2.length; t++) {
            for (int i = 0; i < 12; i++) {
                p2[t][i] *= 1.0 + 0.2 * rnd.nextGaussian();
                f2[t][i] *= 1.0 + 0.2 * rnd.nextGaussian();
            }
        }
        WeightPath changed = Rebalancing.run(PredictedChangeRebalancer.paper(), p2, f2, equal(12), 0.0);
        for (int t = 0; t <= k; t++) {
            assertThat(Arrays.equals(base.weightsAt(t), changed.weightsAt(t))).as("week %d", t).isTrue();
        }
        assertThat(Arrays.equals(base.weightsAt(k + 1), changed.weightsAt(k + 1))).isFalse();
        // realised returns up to the perturbed week's predecessor are unchanged too
        for (int t = 0; t < k; t++) {
            assertThat(changed.realisedReturns()[t]).isEqualTo(base.realisedReturns()[t]);
        }
    }

    @Test
    void equalWeightPathEarnsTheAverageReturn() {
        double[][] prices = {{10, 20}, {11, 19}, {12.1, 19.95}};
        WeightPath path = Rebalancing.run(new EqualWeightRebalancer(), prices, null, new double[] {1, 0}, 0.0);
        assertWeights(path.weightsAt(0), 0.5, 0.5);
        assertThat(path.realisedReturns()).hasSize(2);
        assertThat(path.realisedReturns()[0]).isCloseTo((0.1 - 0.05) / 2, within(1e-15));
        assertThat(path.realisedReturns()[1]).isCloseTo((0.1 + 0.05) / 2, within(1e-15));
    }

    @Test
    void turnoverIsWhatTheRuleTradedAfterDrift() {
        // equal weight over two assets: week 1 drifts to (0.55, 0.45) and trades back to 1/2 each
        double[][] prices = {{10, 10}, {11, 9}, {11, 9}};
        WeightPath path = Rebalancing.run(new EqualWeightRebalancer(), prices, null, new double[] {1, 0}, 0.0);
        double[] turnover = Rebalancing.turnover(path, prices, new double[] {1, 0});
        assertThat(turnover[0]).isCloseTo(1.0, within(1e-15)); // from (1, 0) to (0.5, 0.5)
        assertThat(turnover[1]).isCloseTo(0.1, within(1e-15)); // (0.55, 0.45) back to (0.5, 0.5)
        assertThat(turnover[2]).isCloseTo(0.0, within(1e-15)); // prices unchanged
    }

    @Test
    void mismatchedInputsAreUserErrors() {
        assertThatThrownBy(() -> new RebalanceContext(new double[] {0.5, 0.5}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1})).isInstanceOf(UserInputException.class)
                .hasMessageContaining("number of assets");
        assertThatThrownBy(() -> new PredictedChangeRebalancer(0.5, 0.2, true).rebalance(new RebalanceContext(
                new double[] {0.5, 0.5}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1.1, 0.9})))
                .isInstanceOf(UserInputException.class).hasMessageContaining("cannot hold");
    }

    static double[] equal(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    static double[][] randomPrices(Random rnd, int rows, int n) {
        double[][] p = new double[rows][n];
        for (int i = 0; i < n; i++) {
            p[0][i] = 20 + 100 * rnd.nextDouble();
        }
        for (int t = 1; t < rows; t++) {
            for (int i = 0; i < n; i++) {
                p[t][i] = p[t - 1][i] * Math.exp(0.04 * rnd.nextGaussian());
            }
        }
        return p;
    }

    static double[][] predictions(Random rnd, double[][] prices) {
        double[][] f = new double[prices.length][prices[0].length];
        for (int t = 0; t < prices.length; t++) {
            for (int i = 0; i < prices[0].length; i++) {
                f[t][i] = prices[t][i] * (1 + 0.03 * rnd.nextGaussian());
            }
        }
        return f;
    }
}
