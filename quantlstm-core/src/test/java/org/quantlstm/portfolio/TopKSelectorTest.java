package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

class TopKSelectorTest {
    private final TopKSelector seed = new TopKSelector(2, 0.2, 0.0);

    @Test
    void selectsTheBestScoresAboveTheEntryThreshold() {
        assertThat(seed.select(new double[] {0.1, 0.5, 0.3, 0.9, Double.NaN})).containsExactly(3, 1);
        assertThat(seed.select(new double[] {0.2, 0.25, 0.1})).containsExactly(1);
        assertThat(seed.select(new double[] {0.4, 0.4, 0.4})).containsExactly(0, 1);
    }

    @Test
    void reviewKeepsHoldingsUntilTheirScoreTurnsNegative() {
        // asset 0 held with score 0.05 (below entry, above exit): kept; one free slot goes to the best new score
        assertThat(seed.review(new int[] {0}, new double[] {0.05, 0.3, 0.6, -0.1})).containsExactly(0, 2);
        // asset 2 turns negative: sold, replaced by asset 1
        assertThat(seed.review(new int[] {0, 2}, new double[] {0.05, 0.3, -0.01, 0.1})).containsExactly(0, 1);
        // no candidate above entry: the slot stays empty
        assertThat(seed.review(new int[] {0, 2}, new double[] {0.05, 0.1, -0.01, 0.1})).containsExactly(0);
    }

    @Test
    void weightsAreOneOverKPerHoldingWithTheRestInCash() {
        TopKSelector five = new TopKSelector(5, 0.2, 0);
        double[] w = five.weights(new int[] {1, 4}, 6);
        assertThat(w).containsExactly(0, 0.2, 0, 0, 0.2, 0);
    }

    @Test
    void badInputsAreUserErrors() {
        assertThatThrownBy(() -> new TopKSelector(0, 0, 0)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> seed.review(new int[] {7}, new double[] {0.1})).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> seed.review(new int[] {0, 1, 2}, new double[] {0.1, 0.1, 0.1}))
                .isInstanceOf(UserInputException.class).hasMessageContaining("more than K");
    }
}
