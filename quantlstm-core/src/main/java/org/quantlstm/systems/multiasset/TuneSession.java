package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.Retraining;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quantlstm.common.DataSplit;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.tuning.DuckDbStorage;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.OptunaStyleLog;
import org.quantlstm.tuning.Study;
import org.quantlstm.tuning.TrialState;
import org.quantlstm.workflow.SeriesData;

/**
 * {@code quantlstm tune}: tunes one asset of the multi-asset-4h system in a study persisted in
 * {@code <data-dir>/studies.duckdb}, prints one Optuna-style line per trial and the best trial, then retrains the
 * best configuration on train + validation and evaluates it ONCE on the test segment with its Deflated Sharpe
 * Ratio (Sharpe variance from every complete trial's validation Sharpe, kept in
 * {@code <data-dir>/study-sharpes/<study>/}). {@code trials} is the study's total: running the same command again
 * resumes the study and runs only the missing trials (a killed run's unfinished trial is failed and replaced).
 * Defaults (split, costs, fills, search space, pruner) come from {@code experiments/multi-asset-4h.yaml}.
 */
public final class TuneSession {
    private TuneSession() {
    }

    /**
     * What to tune; null fields take the multi-asset-4h experiment's values; {@code sets} overrides any key of that
     * experiment (e.g. {@code tuning.epochs=5,50} to widen the search space).
     */
    public record Request(String ticker, String interval, Integer periodDays, int trials, String objective,
                          Double lambda, String sampler, String pruner, String study, int jobs, Long seed,
                          Map<String, String> sets, int batch) {
        /** Without batches (trials run on {@code jobs} threads of this process). */
        public Request(String ticker, String interval, Integer periodDays, int trials, String objective,
                       Double lambda, String sampler, String pruner, String study, int jobs, Long seed,
                       Map<String, String> sets) {
            this(ticker, interval, periodDays, trials, objective, lambda, sampler, pruner, study, jobs, seed, sets, 0);
        }

        public Request {
            if (batch < 0) {
                throw new UserInputException("--batch: must be ≥ 1, got " + batch);
            }
            if (batch > 0 && jobs > 1) {
                throw new UserInputException("--batch and --jobs: give one of them (a batch runs on the --engine's runner)");
            }
            sets = Map.copyOf(sets);
            if (trials < 1) {
                throw new UserInputException("--trials: must be ≥ 1, got " + trials);
            }
            if (jobs < 1) {
                throw new UserInputException("--jobs: must be ≥ 1, got " + jobs);
            }
        }
    }

    /** What a tune call found (for tests and callers). */
    public record Outcome(String study, List<FrozenTrial> trials, FrozenTrial best, AssetTuner.Evaluation test,
                          AssetTuner.Deflation deflation) {
    }

    public static Outcome run(Request r, Path dataDir, PrintStream out) {
        return run(r, dataDir, out, org.quantlstm.data.DataResolver.of("auto", dataDir, null, () -> {
            throw new IllegalStateException("no provider for source auto");
        }));
    }

    /** Tunes on the series {@code data} resolves (the store, bundled data, a CSV file or a provider). */
    public static Outcome run(Request r, Path dataDir, PrintStream out, org.quantlstm.data.DataResolver data) {
        return run(r, dataDir, out, data, null);
    }

    /** As above; with {@code r.batch() > 0} the trials run in batches on {@code runner}. */
    public static Outcome run(Request r, Path dataDir, PrintStream out, org.quantlstm.data.DataResolver data,
                              org.quantlstm.workflow.TaskRunner runner) {
        Map<String, String> o = new java.util.LinkedHashMap<>(r.sets());
        put(o, "tuning.objective", r.objective());
        put(o, "tuning.lambda", r.lambda());
        put(o, "tuning.sampler", r.sampler());
        put(o, "tuning.pruner", r.pruner());
        put(o, "data.period_days", r.periodDays());
        put(o, "seed", r.seed());
        ExperimentConfig cfg = ExperimentConfig.load("multi-asset-4h", o);
        MultiAssetSettings ms = MultiAssetSettings.read(cfg);
        Symbol symbol = Symbol.of(r.ticker());
        Interval interval = Interval.parse(r.interval());
        org.quantlstm.data.DataResolver.Loaded loaded = data.load(symbol, interval);
        out.println("Data: " + loaded.series().symbol() + " " + interval + " from " + loaded.describe());
        BarSeries series = MarketData.lastCalendarDays(loaded.series(), cfg.data().periodDays());
        return tune(series, cfg, ms, r.trials(), r.jobs(), r.batch(), runner, r.study(),
                dataDir.resolve("studies.duckdb"), out, TrainingListener.SILENT);
    }

    /** The default study name: ticker, interval, objective (with λ), days of history. */
    static String defaultName(BarSeries s, MultiAssetSettings ms, int periodDays) {
        String goal = ms.goal() == AssetTuner.Goal.PROFIT_DD
                ? "profit-dd-l" + OptunaStyleLog.number(ms.lambda()) : ms.goal().code();
        return s.symbol().value() + "-" + s.interval().code() + "-" + goal + "-" + periodDays + "d";
    }

    static Outcome tune(BarSeries series, ExperimentConfig cfg, MultiAssetSettings ms, int trials, int jobs,
                        String studyName, Path storeFile, PrintStream out, TrainingListener extra) {
        return tune(series, cfg, ms, trials, jobs, 0, null, studyName, storeFile, out, extra);
    }

    /**
     * With {@code batch > 0} the driver asks {@code batch} trials at a time and evaluates them on {@code runner}
     * ({@link BatchTuning}); one PyTorch thread per training unless {@code tuning.threads} is set.
     */
    static Outcome tune(BarSeries series, ExperimentConfig cfg, MultiAssetSettings ms, int trials, int jobs, int batch,
                        org.quantlstm.workflow.TaskRunner runner, String studyName, Path storeFile, PrintStream out,
                        TrainingListener extra) {
        int threads = ms.threads() > 0 ? ms.threads() : batch > 0 ? 1
                : Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
        Map<Integer, Double> batchSharpes = new java.util.concurrent.ConcurrentHashMap<>();
        int ppy = ms.periodsPerYear(series.symbol(), series.interval());
        AssetTuner tuner = new AssetTuner(ms.tunerSettings(cfg, ppy, threads));
        DataSplit split = tuner.split(series.size());
        String name = studyName != null ? studyName : defaultName(series, ms, cfg.data().periodDays());
        out.printf(Locale.ROOT, "Tuning %s %s: %d bars %s .. %s; train %d, validation %d, test %d bars "
                        + "(the test segment is not read while tuning)%n", series.symbol(), series.interval(),
                series.size(), series.date(0), series.date(series.size() - 1), split.trainEnd(), split.validSize(),
                split.testSize());
        Path extras = storeFile.resolveSibling("study-sharpes").resolve(name.replaceAll("[^A-Za-z0-9._=^-]", "_"));
        try (DuckDbStorage store = new DuckDbStorage(storeFile)) {
            Study study = Study.builder(store, name).direction(ms.goal().direction())
                    .sampler(ms.newSampler(cfg.seed(), batch > 0 ? batch : jobs))
                    .pruner(ms.newPruner()).listener(new OptunaStyleLog(out::println))
                    .listener((t, b, f) -> rememberSharpe(extras, t, batch > 0 ? batchSharpes.get(t.number())
                            : tuner.validationSharpes().get(t.number())))
                    .open();
            study.failStaleTrials();
            long done = study.trials().stream().filter(t -> t.state() != TrialState.FAIL).count();
            out.printf(Locale.ROOT, "Study '%s' in %s: %d trials stored, running until %d (objective %s%s, %s sampler, "
                            + "%s pruner, %d job%s)%n", name, storeFile, done, trials, ms.goal().code(),
                    ms.goal() == AssetTuner.Goal.PROFIT_DD ? ", lambda " + OptunaStyleLog.number(ms.lambda()) : "",
                    ms.sampler(), ms.pruner(), jobs, jobs == 1 ? "" : "s");
            if (batch > 0) {
                org.quantlstm.workflow.TaskRunner r = runner != null ? runner : new org.quantlstm.workflow.LocalTaskRunner(1);
                out.printf(Locale.ROOT, "Batches of %d trials on %s (constant liar for pending trials; no pruning in "
                        + "batches; %d PyTorch thread%s per trial)%n", batch, r.describe(), threads, threads == 1 ? "" : "s");
                int ppy2 = ms.periodsPerYear(series.symbol(), series.interval());
                BatchTuning.optimize(study, new BatchTuning.Context(cfg.yaml(), cfg.label(),
                        SeriesData.of(series), ppy2, threads), ms.space(), trials, batch, r, batchSharpes, out);
            } else {
                study.optimizeUntil(tuner.objective(series, extra), trials, jobs);
            }
            List<FrozenTrial> all = study.trials();
            Optional<FrozenTrial> bestOpt = study.bestTrial();
            out.println(OptunaStyleLog.bestSummary(bestOpt));
            long pruned = all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
            long failed = all.stream().filter(t -> t.state() == TrialState.FAIL).count();
            long complete = all.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
            out.printf(Locale.ROOT, "Trials: %d complete, %d pruned, %d failed%n", complete, pruned, failed);
            FrozenTrial best = AssetTuner.requireBest(bestOpt, "study " + name);
            AssetTuner.Params p = AssetTuner.Params.of(best.params(), tuner.settings().space());
            out.println("Retraining the best configuration on train + validation; evaluating it once on the test segment...");
            AssetTuner.Evaluation test = tuner.evaluateOnTest(series, p, TrainingListener.SILENT);
            AssetTuner.Deflation d = tuner.deflate(test, all, split.validSize(), knownSharpes(extras, all));
            out.printf(Locale.ROOT, "Test %s .. %s: %s%n", java.time.LocalDate.ofInstant(
                    java.time.Instant.ofEpochMilli(test.times()[0]), java.time.ZoneOffset.UTC),
                    series.date(series.size() - 1), AssetTuner.describe(test, ppy));
            out.printf(Locale.ROOT, "Deflated Sharpe Ratio %.3f over %d trials (PSR %.3f; Sharpe variance from %s)%n",
                    d.dsr(), d.trials(), d.psr(), d.varianceSource());
            if (!(d.dsr() >= 0.95)) {
                out.println("Note: the test Sharpe is not significant after deflating for the trials (DSR < 0.95).");
            }
            return new Outcome(name, all, best, test, d);
        }
    }

    /**
     * Keeps a COMPLETE trial's validation Sharpe (per period) next to the store, one small file per trial
     * ({@code study-sharpes/<study>/<number>.txt}: start time and Sharpe), so that a resumed study, or several
     * processes sharing it, deflate the test Sharpe with every trial's Sharpe and not only this process's. The
     * tuning store has no per-trial user attributes; files per trial never conflict between workers.
     */
    static void rememberSharpe(Path dir, FrozenTrial t, Double sharpe) {
        if (t.state() != TrialState.COMPLETE || sharpe == null) {
            return;
        }
        String text = t.startMs() + " " + sharpe + "\n";
        org.quantlstm.report.ResultWriter.atomicWrite(dir.resolve(t.number() + ".txt"),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The remembered Sharpes of {@code trials}; a file whose start time does not match its trial is ignored. */
    static Map<Integer, Double> knownSharpes(Path dir, List<FrozenTrial> trials) {
        Map<Integer, Double> out = new java.util.HashMap<>();
        for (FrozenTrial t : trials) {
            Path f = dir.resolve(t.number() + ".txt");
            if (t.state() != TrialState.COMPLETE || !java.nio.file.Files.isRegularFile(f)) {
                continue;
            }
            try {
                String[] parts = java.nio.file.Files.readString(f).strip().split(" ");
                if (parts.length == 2 && Long.parseLong(parts[0]) == t.startMs()) {
                    out.put(t.number(), Double.parseDouble(parts[1]));
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // an unreadable note only means this trial's Sharpe is unknown; the DSR says which variance it used
            }
        }
        return out;
    }

    private static void put(Map<String, String> o, String key, Object value) {
        if (value != null) {
            o.put(key, String.valueOf(value));
        }
    }
}
