package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.features.Windows;

class WalkForwardTest {

    private static void assertNoLeak(int[] endIndex, WalkForward.Plan plan) {
        List<WalkForward.Fold> folds = WalkForward.folds(endIndex, plan);
        assertThat(folds).isNotEmpty();
        int expectedNext = folds.get(0).predictFrom();
        for (WalkForward.Fold f : folds) {
            assertThat(f.predictFrom()).isEqualTo(expectedNext);
            expectedNext = f.predictTo();
            assertThat(f.trainTo() - f.trainFrom()).isPositive();
            for (int j = f.predictFrom(); j < f.predictTo(); j++) {
                for (int i = f.trainFrom(); i < f.validTo(); i++) {
                    // target time of every fitted window < decision time of every window it predicts
                    assertThat(endIndex[i] + plan.horizon()).as("fold %s window %d vs %d", f, i, j)
                            .isLessThan(endIndex[j]);
                }
            }
            if (plan.mode() == WalkForward.Mode.ROLLING) {
                assertThat(f.validTo() - f.trainFrom()).isLessThanOrEqualTo(plan.rollingSize());
            }
        }
        assertThat(expectedNext).isEqualTo(endIndex.length);
    }

    @Test
    void noTrainingTargetIsKnownOnlyAtOrAfterThePredictedDecisionTime() {
        int[] daily = new int[200];
        for (int i = 0; i < daily.length; i++) {
            daily[i] = 59 + i;
        }
        int[] gappy = new int[120];
        for (int i = 0, t = 10; i < gappy.length; i++, t += 1 + (i % 3)) {
            gappy[i] = t;
        }
        for (int[] idx : new int[][] {daily, gappy}) {
            for (int horizon : new int[] {1, 5}) {
                assertNoLeak(idx, new WalkForward.Plan(50, 7, WalkForward.Mode.EXPANDING, 0, 0.2, horizon));
                assertNoLeak(idx, new WalkForward.Plan(40, 1, WalkForward.Mode.ROLLING, 60, 0.0, horizon));
                assertNoLeak(idx, new WalkForward.Plan(30, 25, WalkForward.Mode.ROLLING, 30, 0.1, horizon));
            }
        }
        // the fold boundaries for one plan, by hand: horizon 1 -> the window just before s is not eligible
        List<WalkForward.Fold> f = WalkForward.folds(daily, new WalkForward.Plan(50, 100, WalkForward.Mode.EXPANDING,
                0, 0.2, 1));
        assertThat(f).containsExactly(new WalkForward.Fold(0, 40, 50, 51, 151), new WalkForward.Fold(0, 120, 150, 151, 200));
    }

    @Test
    void rejectsUnorderedWindows() {
        assertThatThrownBy(() -> WalkForward.folds(new int[] {3, 2, 5},
                new WalkForward.Plan(1, 1, WalkForward.Mode.EXPANDING, 0, 0, 1)))
                .hasMessageContaining("not increasing");
    }

    @Test
    void eachFoldPredictsWithAModelTrainedOnlyOnItsEligibleWindows() {
        Windows w = SpyWindows.returns(110, 8, 60);
        LstmSpec spec = LstmSpec.multiAsset(8, 1, 8, 1, 0);
        TrainConfig config = TrainConfig.defaults().withEpochs(2).withBatchSize(16).withThreads(1);
        WalkForward.Plan plan = new WalkForward.Plan(60, 20, WalkForward.Mode.ROLLING, 70, 0.2, 1);
        WalkForward.Result r = WalkForward.run(w, plan, k -> Forecaster.create(spec, 100 + k), config,
                TrainingListener.SILENT);
        assertThat(r.folds()).hasSize(3);
        assertThat(r.predictions()).hasSize(w.samples() - r.firstPredicted());
        // fold 2 reproduced by hand from its slices only
        WalkForward.Fold f = r.folds().get(1);
        try (Forecaster m = Forecaster.create(spec, 101)) {
            m.fit(w.slice(f.trainFrom(), f.trainTo()), w.slice(f.trainTo(), f.validTo()), config);
            double[] p = m.predict(w.slice(f.predictFrom(), f.predictTo()));
            double[] fromRun = java.util.Arrays.copyOfRange(r.predictions(), f.predictFrom() - r.firstPredicted(),
                    f.predictTo() - r.firstPredicted());
            assertThat(fromRun).containsExactly(p);
        }
    }
}
