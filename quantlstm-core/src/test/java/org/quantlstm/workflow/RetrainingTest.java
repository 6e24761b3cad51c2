package org.quantlstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

class RetrainingTest {
    /** Blocks tile the test bars, and no training window's target is realised at or after its block's start. */
    private static void assertCausal(Retraining r, int testFrom, int end, int horizon, int firstBar) {
        List<Retraining.Fold> folds = r.folds(testFrom, end, horizon, firstBar);
        int next = testFrom;
        for (Retraining.Fold f : folds) {
            assertThat(f.predictFrom()).isEqualTo(next);
            assertThat(f.predictTo()).isGreaterThan(f.predictFrom());
            next = f.predictTo();
            // the last training decision bar's target (bar trainTo + horizon) is known strictly before the block
            assertThat(f.trainTo() + horizon).as("fold %s", f).isLessThan(f.predictFrom());
            assertThat(f.trainFrom()).isGreaterThanOrEqualTo(firstBar);
            if (r.scheme() == Retraining.Scheme.ROLLING) {
                assertThat(f.predictFrom() - f.trainFrom()).isLessThanOrEqualTo(r.window());
            } else {
                assertThat(f.trainFrom()).isEqualTo(firstBar);
            }
        }
        assertThat(next).isEqualTo(end);
    }

    @Test
    void expandingBlocksTileTheTestSegmentAndArePurgedByTheHorizon() {
        Retraining r = new Retraining(Retraining.Scheme.EXPANDING, 20, 0);
        assertCausal(r, 300, 437, 1, 59);
        assertCausal(r, 300, 437, 5, 0);
        List<Retraining.Fold> folds = r.folds(300, 437, 5, 0);
        assertThat(folds).hasSize(7);
        assertThat(folds.get(0)).isEqualTo(new Retraining.Fold(300, 320, 0, 294));
        assertThat(folds.get(6)).isEqualTo(new Retraining.Fold(420, 437, 0, 414));
    }

    @Test
    void rollingFoldsKeepOnlyTheLastWindowOfBars() {
        Retraining r = new Retraining(Retraining.Scheme.ROLLING, 25, 120);
        assertCausal(r, 300, 401, 1, 10);
        assertThat(r.folds(300, 401, 1, 10).get(1)).isEqualTo(new Retraining.Fold(325, 350, 205, 323));
    }

    @Test
    void theCheckCatchesAFoldThatTrainsOnItsOwnBlock() {
        // a fold whose training reaches the block start: the purge rule must flag it
        Retraining.Fold leaky = new Retraining.Fold(300, 320, 0, 299);
        assertThat(leaky.trainTo() + 1).isGreaterThanOrEqualTo(leaky.predictFrom());
    }

    @Test
    void settingsThatWouldBeIgnoredAreRejected() {
        assertThatThrownBy(() -> new Retraining(Retraining.Scheme.NONE, 20, 0)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("model.retrain is none");
        assertThatThrownBy(() -> new Retraining(Retraining.Scheme.EXPANDING, 20, 100))
                .isInstanceOf(UserInputException.class).hasMessageContaining("rolling");
        assertThatThrownBy(() -> new Retraining(Retraining.Scheme.EXPANDING, 0, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("retrain_every");
        assertThatThrownBy(() -> new Retraining(Retraining.Scheme.ROLLING, 10, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("retrain_window");
        assertThatThrownBy(() -> Retraining.Scheme.parse("weekly")).isInstanceOf(UserInputException.class);
    }

    @Test
    void describesItself() {
        assertThat(Retraining.NONE.describe()).isEqualTo("none (one model)");
        assertThat(new Retraining(Retraining.Scheme.EXPANDING, 20, 0).describe()).isEqualTo("expanding, every 20 bars");
        assertThat(new Retraining(Retraining.Scheme.ROLLING, 20, 250).describe())
                .isEqualTo("rolling, every 20 bars over the last 250 bars");
    }
}
