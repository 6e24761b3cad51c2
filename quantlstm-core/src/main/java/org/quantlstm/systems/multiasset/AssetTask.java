package org.quantlstm.systems.multiasset;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.quantlstm.common.DataSplit;
import org.quantlstm.data.BarSeries;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.PlainData;
import org.quantlstm.workflow.SeriesData;

/**
 * One asset of the multi-asset-4h system as a unit of work for {@link org.quantlstm.workflow.TaskRunner}: its
 * tuning study, the best configuration retrained and traded once on the test segment, its DSR, baselines and PBO
 * ({@link MultiAssetPipeline#tuneAsset}). The task is plain data — the experiment as its resolved YAML text, the
 * series as columns, the sampler seed and the PyTorch threads per training (fixed by the driver, so the answer
 * never depends on the cores of the machine that runs it) — and {@link #run} is a pure function of it, so it runs
 * the same on a local thread or a Spark executor. Its console lines (the trials, the test line) come back as text
 * and are printed by the driver when the task finishes.
 */
record AssetTask(String yaml, String label, SeriesData series, long samplerSeed, int threads)
        implements Serializable {

    /**
     * What comes back: the asset's console block, and the trials, the best trial, the test evaluation, the
     * deflation, the baselines and the PBO as {@link PlainData} (their records are not serialisable themselves).
     */
    record Done(String symbol, String console, Serializable result) implements Serializable {
    }

    /** The parts of an {@link MultiAssetPipeline.AssetResult} that the task computes (the driver has the rest). */
    record Parts(List<FrozenTrial> trials, FrozenTrial best, AssetTuner.Evaluation test,
                 AssetTuner.Deflation deflation, Baselines.Report baselines, TrialPbo pbo) {
    }

    static AssetTask of(ExperimentConfig cfg, BarSeries s, long samplerSeed, int threads) {
        return new AssetTask(cfg.yaml(), cfg.label(), SeriesData.of(s), samplerSeed, threads);
    }

    /** Tunes, retrains, tests; the model and the study live and die inside the call. */
    static Done run(AssetTask t) {
        ExperimentConfig cfg = ExperimentConfig.parse(t.yaml(), t.label(), Map.of());
        MultiAssetSettings ms = MultiAssetSettings.read(cfg);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        MultiAssetPipeline.AssetResult r = MultiAssetPipeline.tuneAsset(cfg, ms, t.series().series(), t.samplerSeed(),
                t.threads(), out, TrainingListener.SILENT);
        out.flush();
        Parts parts = new Parts(r.trials(), r.best(), r.test(), r.deflation(), r.baselines(), r.pbo());
        return new Done(t.series().symbol(), buf.toString(StandardCharsets.UTF_8), PlainData.encode(parts));
    }

    /** The asset's full result: the task's parts with the driver's own series, split and annualisation. */
    static MultiAssetPipeline.AssetResult result(Done done, BarSeries s, DataSplit split, int periodsPerYear) {
        Parts p = PlainData.decode(done.result(), Parts.class);
        return new MultiAssetPipeline.AssetResult(s.symbol(), s.interval(), periodsPerYear, s, split, p.trials(),
                p.best(), p.test(), p.deflation(), p.baselines(), p.pbo());
    }
}
