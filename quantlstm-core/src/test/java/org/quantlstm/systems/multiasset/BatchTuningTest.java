package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.data.BarSeries;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.LocalTaskRunner;
import org.quantlstm.workflow.TinySeries;

/** tune --batch: trials asked in batches on the driver, evaluated as plain-data tasks; same study for any runner. */
@Tag("slow")
class BatchTuningTest {

    static TuneSession.Outcome tune(Path store, int threads, int batch, ByteArrayOutputStream log) {
        ExperimentConfig cfg = TuneSessionTest.tinyConfig(Map.of("tuning.pruner", "none", "tuning.sampler", "tpe"));
        MultiAssetSettings ms = MultiAssetSettings.read(cfg);
        BarSeries s = TinySeries.of("SYN", 200, 3, Integer.MAX_VALUE, 1);
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (LocalTaskRunner runner = new LocalTaskRunner(threads)) {
            return TuneSession.tune(s, cfg, ms, 5, 1, batch, runner, "batch", store, out, TrainingListener.SILENT);
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameStudyForAFixedSeedAndBatchSize(@TempDir Path dir) {
        ByteArrayOutputStream log1 = new ByteArrayOutputStream(), log2 = new ByteArrayOutputStream();
        TuneSession.Outcome one = tune(dir.resolve("a.duckdb"), 1, 2, log1);
        TuneSession.Outcome two = tune(dir.resolve("b.duckdb"), 2, 2, log2);
        assertThat(one.trials()).hasSize(5).extracting(FrozenTrial::number).containsExactly(0, 1, 2, 3, 4);
        assertThat(two.trials()).extracting(FrozenTrial::params)
                .containsExactlyElementsOf(one.trials().stream().map(FrozenTrial::params).toList());
        assertThat(two.trials()).extracting(FrozenTrial::value)
                .containsExactlyElementsOf(one.trials().stream().map(FrozenTrial::value).toList());
        assertThat(two.trials()).extracting(FrozenTrial::state)
                .containsExactlyElementsOf(one.trials().stream().map(FrozenTrial::state).toList());
        assertThat(two.best().number()).isEqualTo(one.best().number());
        assertThat(two.deflation().dsr()).isEqualTo(one.deflation().dsr());
        String text = log1.toString(StandardCharsets.UTF_8);
        // 5 trials in batches of 2: 0..1, 2..3, 4..4
        assertThat(text).contains("Batch of 2 trials (0..1)").contains("Batch of 2 trials (2..3)")
                .contains("Batch of 1 trial (4..4)").contains("constant liar");
        assertThat(log2.toString(StandardCharsets.UTF_8)).contains("local (2 threads)");
        // within a batch the constant liar keeps the two proposals apart
        assertThat(one.trials().get(0).params()).isNotEqualTo(one.trials().get(1).params());
    }

    @Test
    void tasksAndResultsArePlainSerialisableData() throws Exception {
        ExperimentConfig cfg = TuneSessionTest.tinyConfig(Map.of());
        BarSeries s = TinySeries.of("SYN", 200, 3, Integer.MAX_VALUE, 1);
        BatchTuning.Context ctx = new BatchTuning.Context(cfg.yaml(), cfg.label(), org.quantlstm.workflow.SeriesData.of(s), 1560, 1);
        BatchTuning.TrialTask task = BatchTuning.TrialTask.of(0, new AssetTuner.Params(6, 4, 1, 0, 1e-3, 1, 0.5, 0.5));
        for (Object o : List.of(ctx, task)) {
            try (ObjectOutputStream oos = new ObjectOutputStream(new ByteArrayOutputStream())) {
                oos.writeObject(o);
            }
        }
        BatchTuning.TrialResult r = ctx.evaluate(task);
        assertThat(r.failure()).isNull();
        assertThat(r.value()).isFinite();
        assertThat(org.quantlstm.workflow.SeriesData.of(s).series().closes()).containsExactly(s.closes());
        try (ObjectOutputStream oos = new ObjectOutputStream(new ByteArrayOutputStream())) {
            oos.writeObject(r);
        }
    }
}
