package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

class BoundsTest {
    @Test
    void projectionLandsInsideTheBoxOnTheBudget() {
        Random rnd = new Random(42);
        for (int k = 0; k < 200; k++) {
            int n = 2 + rnd.nextInt(12);
            Bounds b = k % 3 == 0 ? Bounds.longOnly(n, Math.max(1.0 / n, 0.5 * rnd.nextDouble() + 0.1))
                    : k % 3 == 1 ? Bounds.longShort(n, Math.max(1.0 / n, rnd.nextDouble())) : Bounds.unbounded(n);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 3 * rnd.nextGaussian();
            }
            double[] w = b.project(v);
            MeanVarianceTest.assertFeasible(w, b, "projection " + k);
            // a feasible point projects onto itself
            double[] again = b.project(w);
            for (int i = 0; i < n; i++) {
                assertThat(again[i]).isCloseTo(w[i], within(1e-12));
            }
        }
    }

    @Test
    void projectionSpreadsTheExcessOfACappedWeightEqually() {
        double[] w = Bounds.longShort(4, 0.5).project(new double[] {0.8, 0.1, 0.1, 0.0});
        assertThat(w[0]).isEqualTo(0.5);
        assertThat(w[1]).isCloseTo(0.2, within(1e-15));
        assertThat(w[2]).isCloseTo(0.2, within(1e-15));
        assertThat(w[3]).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void extremeReturnsAreTheGreedyKnapsack() {
        Bounds b = Bounds.longOnly(3, 0.5);
        double[] mu = {0.1, 0.3, 0.2};
        assertThat(b.maxReturn(mu)).isCloseTo(0.5 * 0.3 + 0.5 * 0.2, within(1e-15));
        assertThat(b.minReturn(mu)).isCloseTo(0.5 * 0.1 + 0.5 * 0.2, within(1e-15));
        assertThat(Bounds.unbounded(3).maxReturn(mu)).isInfinite();
    }

    @Test
    void boundsThatCannotHoldTheBudgetAreRejected() {
        assertThatThrownBy(() -> Bounds.longOnly(3, 0.3)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("sum(lower) <= 1 <= sum(upper)");
        assertThatThrownBy(() -> new Bounds(new double[] {0.5, 0.6}, new double[] {1, 1}))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new Bounds(new double[] {0.2}, new double[] {0.1}))
                .isInstanceOf(UserInputException.class).hasMessageContaining("empty");
    }

    @Test
    void badOptimiserInputsAreUserErrors() {
        MeanVariance mv = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(2, 1)));
        assertThatThrownBy(() -> mv.minVariance(null, new double[][] {{0.04, 0.01}, {0.02, 0.09}}, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> mv.maxSharpe(new double[] {Double.NaN, 0.1}, new double[][] {{0.04, 0}, {0, 0.09}}, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> mv.minVariance(null, new double[][] {{0, 0}, {0, 0}}, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("constant");
        assertThatThrownBy(() -> mv.maxSharpe(new double[] {0.1}, new double[][] {{0.04, 0}, {0, 0.09}}, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("1 values for 2 assets");
        assertThatThrownBy(() -> OptimizerSpec.of(Bounds.longOnly(2, 1)).withTurnoverPenalty(0.1, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("current weights");
    }
}
