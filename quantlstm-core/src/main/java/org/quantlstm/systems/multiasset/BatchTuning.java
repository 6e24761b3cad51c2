package org.quantlstm.systems.multiasset;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quantlstm.common.DataSplit;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.tuning.Objectives;
import org.quantlstm.tuning.Study;
import org.quantlstm.tuning.Trial;
import org.quantlstm.tuning.TrialState;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.SeriesData;
import org.quantlstm.workflow.TaskRunner;

/**
 * {@code tune --batch N}: the driver asks the study for N trials at a time (each sampled with the ones asked before
 * it stored as RUNNING, so TPE's constant liar spreads the batch), ships each as a plain-data {@link TrialTask}
 * through the {@link TaskRunner}, and tells the results back in trial order; the study stays in the driver's store.
 * A task carries its parameters; the shared {@link Context} carries the experiment as YAML text and the series as
 * columns, and every worker rebuilds the tuner from them, so nothing live crosses a JVM boundary.
 *
 * <p>Differences from {@code --jobs}: trials are not pruned (their epochs run elsewhere and report nothing back
 * until they finish), and each training uses one PyTorch thread unless {@code tuning.threads} says otherwise, so
 * that the trial values depend only on the seed and the batch size, never on the runner or its thread count.
 */
final class BatchTuning {
    private BatchTuning() {
    }

    /** One trial's parameters (what {@link AssetTuner.Params#suggest} drew on the driver). */
    record TrialTask(int number, int seqLen, int hidden, int layers, double dropout, double learningRate, int epochs,
                     double longThreshold, double shortThreshold) implements Serializable {
        static TrialTask of(int number, AssetTuner.Params p) {
            return new TrialTask(number, p.seqLen(), p.hidden(), p.layers(), p.dropout(), p.learningRate(), p.epochs(),
                    p.longThreshold(), p.shortThreshold());
        }

        AssetTuner.Params params() {
            return new AssetTuner.Params(seqLen, hidden, layers, dropout, learningRate, epochs, longThreshold,
                    shortThreshold);
        }
    }

    /**
     * A trial's outcome as plain data: the objective value (tie-broken when degenerate), the per-period validation
     * Sharpe, why it is degenerate (null if not), and a failure message (null if it ran) with whether the failure is
     * the user's (which stops the study, as in {@code Study.optimize}).
     */
    record TrialResult(int number, double value, double validationSharpe, String degenerate, String failure,
                       boolean userError) implements Serializable {
    }

    /** What every trial of a study shares, as plain data. */
    record Context(String yaml, String label, SeriesData series, int periodsPerYear, int threads)
            implements Serializable {

        TrialResult evaluate(TrialTask task) {
            try {
                ExperimentConfig cfg = ExperimentConfig.parse(yaml, label, Map.of());
                MultiAssetSettings ms = MultiAssetSettings.read(cfg);
                AssetTuner tuner = new AssetTuner(ms.tunerSettings(cfg, periodsPerYear, threads));
                BarSeries s = series.series();
                DataSplit split = tuner.split(s.size());
                BarSeries seen = s.slice(0, split.validEnd());
                AssetTuner.Evaluation e = tuner.fitAndTrade(seen, split.trainEnd(), split.trainEnd() - 1,
                        split.validEnd(), true, task.params(), TrainingListener.SILENT);
                double value = tuner.score(e);
                AssetTuner.Goal goal = tuner.settings().goal();
                String why = goal == AssetTuner.Goal.RMSE ? null : DegenerateTrials.reason(e);
                if (why != null) {
                    value = Objectives.degenerate(value, goal.direction(),
                            DegenerateTrials.gap(e, tuner.settings().allowShort()));
                }
                return new TrialResult(task.number(), value, e.perPeriodSharpe(), why, null, false);
            } catch (UserInputException e) {
                return new TrialResult(task.number(), Double.NaN, Double.NaN, null, e.getMessage(), true);
            } catch (RuntimeException e) {
                return new TrialResult(task.number(), Double.NaN, Double.NaN, null, e.toString(), false);
            }
        }
    }

    /**
     * Runs batches until the study holds {@code total} trials that did not fail, or the sampler runs out. Validation
     * Sharpes of finished trials go into {@code sharpes} before each trial is told (the study's listeners read them).
     */
    static void optimize(Study study, Context context, AssetTuner.Space space, int total, int batch, TaskRunner runner,
                         Map<Integer, Double> sharpes, PrintStream out) {
        while (true) {
            long held = study.trials().stream().filter(t -> t.state() != TrialState.FAIL).count();
            int n = (int) Math.min(batch, total - held);
            if (n <= 0) {
                return;
            }
            List<Trial> asked = new ArrayList<>();
            List<TrialTask> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Optional<Trial> t = study.ask();
                if (t.isEmpty()) {
                    break;
                }
                asked.add(t.get());
                tasks.add(TrialTask.of(t.get().number(), AssetTuner.Params.suggest(t.get(), space)));
            }
            if (tasks.isEmpty()) {
                return;
            }
            out.printf(Locale.ROOT, "Batch of %d trial%s (%d..%d) on %s%n", tasks.size(), tasks.size() == 1 ? "" : "s",
                    tasks.get(0).number(), tasks.get(tasks.size() - 1).number(), runner.describe());
            List<TrialResult> results = runner.map("tune", tasks, context::evaluate);
            String userError = null;
            int failed = 0;
            for (int i = 0; i < asked.size(); i++) {
                Trial trial = asked.get(i);
                TrialResult r = results.get(i);
                if (r.degenerate() != null) {
                    trial.setUserAttr("degenerate", r.degenerate());
                }
                if (r.failure() != null) {
                    study.tellFailed(trial, r.failure());
                    failed++;
                    if (r.userError() && userError == null) {
                        userError = r.failure();
                    }
                } else {
                    sharpes.put(r.number(), r.validationSharpe());
                    study.tell(trial, r.value());
                }
            }
            if (userError != null) {
                throw new UserInputException(userError);
            }
            if (tasks.size() < n) {
                return;
            }
            if (failed == tasks.size()) {
                out.println("Every trial of the batch failed; stopping (the last failure: " + results.get(failed - 1)
                        .failure() + ")");
                return;
            }
        }
    }
}
