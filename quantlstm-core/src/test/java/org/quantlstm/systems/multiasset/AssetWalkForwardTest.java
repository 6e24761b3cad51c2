package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.common.DataSplit;
import org.quantlstm.data.BarSeries;
import org.quantlstm.model.EpochReport;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.workflow.Retraining;
import org.quantlstm.workflow.TinySeries;

/** Walk-forward retraining of the chosen configuration on the test segment. */
class AssetWalkForwardTest {

    /**
     * What a fold with training decision bars up to {@code trainTo} reads at or after its block start minus the purge:
     * the decision bar itself, or the close that realises its one-bar target when that lies past the purge bar.
     * Empty when the fold is causal.
     */
    private static List<String> leaks(int predictFrom, int trainTo, int purge) {
        List<String> out = new ArrayList<>();
        int limit = predictFrom - purge;
        if (trainTo >= limit) {
            out.add("block " + predictFrom + " trains on decision bar " + trainTo);
        }
        if (trainTo + 1 > limit) {
            out.add("block " + predictFrom + " reads the close of bar " + (trainTo + 1));
        }
        return out;
    }

    private static List<String> leaks(List<AssetTuner.FoldRows> folds, int purge) {
        List<String> out = new ArrayList<>();
        folds.forEach(f -> out.addAll(leaks(f.predictFrom(), f.trainTo(), purge)));
        return out;
    }

    @Test
    void foldTrainingRangesStopBeforeTheBlockStartMinusThePurge() {
        int from = 191;
        int to = 240;
        int firstBar = 23;
        for (Retraining r : List.of(new Retraining(Retraining.Scheme.EXPANDING, 1, 0),
                new Retraining(Retraining.Scheme.EXPANDING, 15, 0), new Retraining(Retraining.Scheme.EXPANDING, 100, 0),
                new Retraining(Retraining.Scheme.ROLLING, 7, 60), new Retraining(Retraining.Scheme.ROLLING, 20, 500))) {
            List<AssetTuner.FoldRows> folds = AssetTuner.foldRows(r, from, to, firstBar, 10);
            assertThat(leaks(folds, AssetTuner.PURGE)).as(r.describe()).isEmpty();
            assertThat(AssetTuner.PURGE).isEqualTo(1);
            // blocks tile the test decision bars exactly, in order
            assertThat(folds.get(0).predictFrom()).isEqualTo(from);
            assertThat(folds.get(folds.size() - 1).predictTo()).isEqualTo(to);
            for (int i = 1; i < folds.size(); i++) {
                assertThat(folds.get(i).predictFrom()).isEqualTo(folds.get(i - 1).predictTo());
            }
            for (AssetTuner.FoldRows f : folds) {
                // hand-computed: the last training decision bar is two bars before the block (one-bar target, purge 1)
                assertThat(f.trainTo()).isEqualTo(f.predictFrom() - 2);
                assertThat(f.trainFrom()).isEqualTo(r.scheme() == Retraining.Scheme.ROLLING
                        ? Math.max(firstBar, f.predictFrom() - r.window()) : firstBar);
                assertThat(f.scalerFrom()).isEqualTo(f.trainFrom() - 9);
            }
        }
        // 49 test bars in blocks of 15: 191, 206, 221, 236 → four models
        assertThat(AssetTuner.foldRows(new Retraining(Retraining.Scheme.EXPANDING, 15, 0), from, to, firstBar, 10))
                .extracting(AssetTuner.FoldRows::predictFrom).containsExactly(191, 206, 221, 236);
    }

    @Test
    void aWrongRangeIsCaught() {
        assertThat(leaks(100, 98, 1)).isEmpty();
        // training up to the bar just before the block (no purge) is flagged, and so is anything later
        assertThat(leaks(100, 99, 1)).hasSize(2);
        assertThat(leaks(100, 150, 1)).hasSize(2);
        // ... and the production record refuses such a fold
        new AssetTuner.FoldRows(100, 110, 10, 98, 1);
        assertThatThrownBy(() -> new AssetTuner.FoldRows(100, 110, 10, 99, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decision bar 99");
        assertThatThrownBy(() -> new AssetTuner.FoldRows(100, 110, 10, 150, 1)).isInstanceOf(IllegalStateException.class);
    }

    private static AssetTuner tuner(Retraining retrain) {
        return tuner(LstmSpec.Cell.LSTM, retrain);
    }

    private static AssetTuner tuner(LstmSpec.Cell cell, Retraining retrain) {
        AssetTuner.Space space = new AssetTuner.Space(6, 8, 4, 4, 1, 1, 0.0, 0.0, 5e-3, 5e-3, 1, 1, 0.0, 1.0);
        return new AssetTuner(new AssetTuner.Settings(space, AssetTuner.Goal.PROFIT_DD, 1.0, 0.8, 0.25,
                BacktestConfig.DEFAULT, true, 32, 7, 1, 1560, cell, retrain));
    }

    @Test
    void theCellReachesTheNetwork() {
        BarSeries s = TinySeries.of("SYN", 240, 4, Integer.MAX_VALUE, 1);
        AssetTuner.Params p = new AssetTuner.Params(6, 4, 1, 0.0, 5e-3, 1, 0.2, 0.2);
        Retraining wf = new Retraining(Retraining.Scheme.EXPANDING, 30, 0);
        // same seed, data and parameters: only the cell differs, so the forecasts must too (single fit and folds)
        assertThat(tuner(LstmSpec.Cell.GRU, Retraining.NONE).evaluateOnTest(s, p, TrainingListener.SILENT).predictedClose())
                .isNotEqualTo(tuner(LstmSpec.Cell.LSTM, Retraining.NONE).evaluateOnTest(s, p, TrainingListener.SILENT)
                        .predictedClose());
        assertThat(tuner(LstmSpec.Cell.GRU, wf).evaluateOnTest(s, p, TrainingListener.SILENT).predictedClose())
                .isNotEqualTo(tuner(LstmSpec.Cell.LSTM, wf).evaluateOnTest(s, p, TrainingListener.SILENT).predictedClose());
    }

    @Test
    void retrainingTrainsOneModelPerBlockAndACutKeepsEarlierPositions() {
        Retraining every15 = new Retraining(Retraining.Scheme.EXPANDING, 15, 0);
        AssetTuner t = tuner(every15);
        BarSeries s = TinySeries.of("SYN", 240, 4, Integer.MAX_VALUE, 1);
        DataSplit split = t.split(s.size());
        int from = split.validEnd() - 1;
        assertThat(from).isEqualTo(191);
        AssetTuner.Params p = new AssetTuner.Params(6, 4, 1, 0.0, 5e-3, 1, 0.2, 0.2);
        AtomicInteger fits = new AtomicInteger();
        TrainingListener count = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport r) {
                if (r.epoch() == 1) {
                    fits.incrementAndGet();
                }
            }
        };

        AssetTuner.Evaluation full = t.evaluateOnTest(s, p, count);
        assertThat(full.modelsTrained()).isEqualTo(4);
        assertThat(fits.get()).isEqualTo(4);
        assertThat(full.from()).isEqualTo(from);
        assertThat(full.target()).hasSize(240 - from);
        assertThat(Arrays.stream(full.predictedReturn()).filter(Double::isFinite).count()).isEqualTo(240 - from);

        // cut at bar 215, inside the second block: every position decided before the cut is unchanged
        int cut = 215;
        BarSeries truncated = s.slice(0, cut);
        AssetTuner.Evaluation cutRun = t.walkForward(truncated, from, cut, p, TrainingListener.SILENT);
        assertThat(cutRun.modelsTrained()).isEqualTo(2);
        int k = cut - from;
        assertThat(cutRun.target()).containsExactly(Arrays.copyOf(full.target(), k));
        assertThat(cutRun.predictedClose()).containsExactly(Arrays.copyOf(full.predictedClose(), k));
        // the same with the bars from the cut on kept but every price there multiplied by a thousand: a fold, scaler
        // or threshold reading past its block start would move the earlier positions
        BarSeries poisoned = TinySeries.of("SYN", 240, 4, cut, 1000);
        AssetTuner.Evaluation poisonedRun = t.evaluateOnTest(poisoned, p, TrainingListener.SILENT);
        assertThat(poisonedRun.close()[k]).isGreaterThan(full.close()[k] * 100);
        assertThat(Arrays.copyOf(poisonedRun.target(), k)).containsExactly(Arrays.copyOf(full.target(), k));
        assertThat(Arrays.copyOf(poisonedRun.predictedClose(), k))
                .containsExactly(Arrays.copyOf(full.predictedClose(), k));

        // and the test is not vacuous: the retrained forecasts differ from a single fit's
        AssetTuner.Evaluation single = tuner(Retraining.NONE).evaluateOnTest(s, p, TrainingListener.SILENT);
        assertThat(single.modelsTrained()).isEqualTo(1);
        assertThat(Arrays.copyOfRange(full.predictedClose(), 15, 49))
                .isNotEqualTo(Arrays.copyOfRange(single.predictedClose(), 15, 49));
    }
}
