package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.TinySeries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.common.DataSplit;
import org.quantlstm.data.BarSeries;
import org.quantlstm.model.EpochReport;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.InMemoryStorage;
import org.quantlstm.tuning.RandomSampler;
import org.quantlstm.tuning.Study;
import org.quantlstm.tuning.TrialState;

class AssetTunerTest {
    private static final AssetTuner.Space TINY = new AssetTuner.Space(6, 10, 4, 8, 1, 1, 0.0, 0.2, 1e-3, 1e-2, 1, 2,
            0.0, 1.0);

    private static AssetTuner tuner(AssetTuner.Space space) {
        return new AssetTuner(new AssetTuner.Settings(space, AssetTuner.Goal.PROFIT_DD, 1.0, 0.8, 0.25,
                BacktestConfig.DEFAULT, true, 32, 7, 1, 1560));
    }

    private static List<FrozenTrial> tune(AssetTuner t, BarSeries s, int trials, TrainingListener l) {
        Study study = Study.builder(new InMemoryStorage(), "t").direction(t.settings().goal().direction())
                .sampler(new RandomSampler(3)).open();
        study.optimizeUntil(t.objective(s, l), trials, 1);
        return study.trials();
    }

    @Test
    void tuningNeverReadsTheTestSegment() {
        BarSeries clean = TinySeries.of("SYN", 240, 1, Integer.MAX_VALUE, 1);
        DataSplit split = tuner(TINY).split(clean.size());
        // every price of every test bar multiplied by a million: a test-segment read would change everything
        BarSeries poisoned = TinySeries.of("SYN", 240, 1, split.validEnd(), 1e6);

        List<FrozenTrial> a = tune(tuner(TINY), clean, 2, TrainingListener.SILENT);
        List<FrozenTrial> b = tune(tuner(TINY), poisoned, 2, TrainingListener.SILENT);

        assertThat(a).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
        assertThat(b).extracting(FrozenTrial::value).containsExactlyElementsOf(a.stream().map(FrozenTrial::value).toList());
        assertThat(b).extracting(FrozenTrial::params).containsExactlyElementsOf(a.stream().map(FrozenTrial::params).toList());
        assertThat(b).extracting(FrozenTrial::intermediateValues)
                .containsExactlyElementsOf(a.stream().map(FrozenTrial::intermediateValues).toList());

        // ... while the one test evaluation does see the poison (so the poison was real)
        AssetTuner.Params p = AssetTuner.Params.of(a.get(0).params(), TINY);
        double cleanClose = tuner(TINY).evaluateOnTest(clean, p, TrainingListener.SILENT).close()[5];
        double poisonedClose = tuner(TINY).evaluateOnTest(poisoned, p, TrainingListener.SILENT).close()[5];
        assertThat(poisonedClose).isGreaterThan(cleanClose * 1e5);
    }

    @Test
    void prunedTrialsStopTrainingAtThePrunedEpoch() {
        AssetTuner.Space threeEpochs = new AssetTuner.Space(6, 8, 4, 4, 1, 1, 0.0, 0.0, 1e-3, 1e-3, 3, 3, 0.0, 1.0);
        AssetTuner t = tuner(threeEpochs);
        BarSeries s = TinySeries.of("SYN", 200, 2, Integer.MAX_VALUE, 1);
        List<Integer> epochsSeen = new ArrayList<>();
        AtomicInteger current = new AtomicInteger();
        TrainingListener counter = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport r) {
                current.incrementAndGet();
                if (r.epoch() == 1 && current.get() > 1) {
                    epochsSeen.add(current.get() - 1);
                    current.set(1);
                }
            }
        };
        // prune every trial after trial 0 at its first report
        Study study = Study.builder(new InMemoryStorage(), "p").direction(t.settings().goal().direction())
                .sampler(new RandomSampler(5)).pruner((trials, cur, dir) -> cur.number() >= 1).open();
        study.optimizeUntil(t.objective(s, counter), 3, 1);
        epochsSeen.add(current.get());

        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(FrozenTrial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.PRUNED, TrialState.PRUNED);
        assertThat(trials).extracting(tr -> tr.intermediateValues().size()).containsExactly(3, 1, 1);
        assertThat(epochsSeen).containsExactly(3, 1, 1);
    }
}
