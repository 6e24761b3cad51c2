package org.quantlstm.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

/** The top-K rule for one asset, from contexts written by hand (K = 2, enter above 0.2, exit below 0, 0.5 each). */
class TopKSizingTest {
    private final TopKSizing rule = new TopKSizing(2, 0.2, 0.0, 0.5);

    @Test
    void aCandidateEntersWithARankWithinKAndAScoreAboveTheEntryThreshold() {
        assertThat(rule.size(SizingContext.ranked(0, 0.9, 1, 10))).isEqualTo(0.5);
        assertThat(rule.size(SizingContext.ranked(0, 0.9, 2, 10))).isEqualTo(0.5);
        assertThat(rule.size(SizingContext.ranked(0, 0.9, 3, 10))).isEqualTo(0.0);   // no seat left
        assertThat(rule.size(SizingContext.ranked(0, 0.2, 1, 10))).isEqualTo(0.0);   // on the entry edge: out
        assertThat(rule.size(SizingContext.ranked(0, 0.2000001, 1, 10))).isEqualTo(0.5);
        assertThat(rule.size(SizingContext.ranked(0, 0.9, 0, 10))).isEqualTo(0.0);   // not ranked
    }

    @Test
    void aHoldingIsKeptUnlessItsScoreIsBelowTheExitThreshold() {
        assertThat(rule.size(SizingContext.ranked(0.5, 0.0, 0, 10))).isEqualTo(0.5);   // on the exit edge: kept
        assertThat(rule.size(SizingContext.ranked(0.5, -1e-12, 0, 10))).isEqualTo(0.0);
        assertThat(rule.size(SizingContext.ranked(0.5, 0.1, 0, 10))).isEqualTo(0.5);   // below entry, above exit
        assertThat(rule.size(SizingContext.ranked(0.5, Double.NaN, 0, 10))).isEqualTo(0.5); // not under review
    }

    @Test
    void noScoreNeverEnters() {
        assertThat(rule.size(SizingContext.ranked(0, Double.NaN, 1, 10))).isEqualTo(0.0);
        assertThat(rule.size(SizingContext.of(0.9))).isEqualTo(0.0);   // a single-asset context: no score, no rank
    }

    @Test
    void kLargerThanTheUniverseLetsEveryEligibleAssetIn() {
        TopKSizing wide = new TopKSizing(10, 0.2, 0.0, 0.1);
        assertThat(wide.size(SizingContext.ranked(0, 0.3, 3, 3))).isEqualTo(0.1);
        assertThat(wide.size(SizingContext.ranked(0, 0.1, 3, 3))).isEqualTo(0.0);
    }

    @Test
    void seedAndValidation() {
        assertThat(TopKSizing.seed()).isEqualTo(new TopKSizing(5, 0.2, 0.0, 0.2));
        assertThatThrownBy(() -> new TopKSizing(0, 0.2, 0, 0.5)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new TopKSizing(2, Double.NaN, 0, 0.5)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new TopKSizing(2, 0.2, 0, 0)).isInstanceOf(UserInputException.class);
    }
}
