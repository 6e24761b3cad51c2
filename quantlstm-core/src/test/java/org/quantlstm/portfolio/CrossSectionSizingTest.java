package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.signal.Sizing;
import org.quantlstm.signal.SizingContext;
import org.quantlstm.signal.TopKSizing;

/**
 * The cross-sectional half of the sizing split: {@link TopKSelector#review(double[], double[], Sizing)} ranks and
 * hands each asset its context, {@link PredictedChangeRebalancer} hands each stock its signal and the sums.
 */
class CrossSectionSizingTest {
    @Test
    void tiesRankToTheLowerIndexAfterTheKeptHoldings() {
        List<SizingContext> seen = new ArrayList<>();
        Sizing spy = ctx -> {
            seen.add(ctx);
            return new TopKSizing(2, 0.2, 0.0, 0.5).size(ctx);
        };
        // asset 4 held and kept (0.05 ≥ exit); 0, 2, 3 tie at 0.5 behind 1 at 0.9; 5 has no score
        double[] next = TopKSelector.review(new double[] {0, 0, 0, 0, 0.5, 0},
                new double[] {0.5, 0.9, 0.5, 0.5, 0.05, Double.NaN}, spy);
        assertThat(next).containsExactly(0, 0.5, 0, 0, 0.5, 0);
        assertThat(rankOf(seen, 0.05)).isZero();
        assertThat(seen).filteredOn(c -> c.score() == 0.5).extracting(SizingContext::rank).containsExactly(3, 4, 5);
        assertThat(rankOf(seen, 0.9)).isEqualTo(2);
        assertThat(seen).allMatch(c -> c.candidates() == 6);
        assertThat(seen).hasSize(6);
    }

    @Test
    void tiesAtTheLastSeatGoToTheLowerIndex() {
        double[] next = TopKSelector.review(new double[3], new double[] {0.4, 0.4, 0.4},
                new TopKSizing(2, 0.2, 0.0, 0.5));
        assertThat(next).containsExactly(0.5, 0.5, 0);
    }

    @Test
    void kLargerThanTheUniverseTakesEveryEligibleAsset() {
        TopKSelector ten = new TopKSelector(10, 0.2, 0.0);
        assertThat(ten.review(new int[] {}, new double[] {0.3, 0.1, 0.9})).containsExactly(0, 2);
        assertThat(TopKSelector.review(new double[3], new double[] {0.3, 0.1, 0.9}, new TopKSizing(10, 0.2, 0, 0.1)))
                .containsExactly(0.1, 0, 0.1);
    }

    @Test
    void aRuleReturningNaNIsABugNotAPosition() {
        assertThatThrownBy(() -> TopKSelector.review(new double[2], new double[] {0.5, 0.1}, ctx -> Double.NaN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NaN");
    }

    @Test
    void aNewContextFieldReachesALambdaInTheWeeklyRule() {
        // equal weight 1/candidates whatever the forecasts: inside the caps, so the projection leaves it alone
        PredictedChangeRebalancer equal = PredictedChangeRebalancer.paper().withSizing(ctx -> 1.0 / ctx.candidates());
        RebalanceContext ctx = new RebalanceContext(new double[] {0.5, 0.3, 0.2}, new double[] {10, 10, 10},
                new double[] {10, 10, 10}, new double[] {11, 9, 10});
        double[] w = equal.rebalance(ctx);
        assertThat(w[0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(w[1]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(w[2]).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void theWeeklyRuleHandsEachStockItsSignalAndTheSums() {
        List<SizingContext> seen = new ArrayList<>();
        PredictedChangeRebalancer spy = PredictedChangeRebalancer.paper().withSizing(c -> {
            seen.add(c);
            return c.position();
        });
        // predicted changes +10 %, −10 %, 0 %: both signs, so the raw changes are the signal; Σ⁺ = Σ⁻ = 0.1
        spy.rebalance(new RebalanceContext(new double[] {0.4, 0.3, 0.3}, new double[] {10, 10, 10},
                new double[] {10, 10, 10}, new double[] {11, 9, 10}));
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).score()).isCloseTo(0.1, within(1e-12));
        assertThat(seen.get(1).score()).isCloseTo(-0.1, within(1e-12));
        assertThat(seen.get(0).positiveScores()).isCloseTo(0.1, within(1e-12));
        assertThat(seen.get(0).negativeScores()).isCloseTo(0.1, within(1e-12));
        assertThat(seen.get(2).position()).isCloseTo(0.3, within(1e-12));
    }

    private static int rankOf(List<SizingContext> seen, double score) {
        return seen.stream().filter(c -> c.score() == score).findFirst().orElseThrow().rank();
    }
}
