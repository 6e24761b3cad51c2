/**
 * Hyperparameter search in the manner of Optuna: define-by-run trials, samplers, pruners and studies that
 * persist, resume and are shared by several workers. Knows nothing of models or backtests: an
 * {@link org.quantlstm.tuning.Objective} is a function from a {@link org.quantlstm.tuning.Trial} to a
 * number, wired in {@code workflow}.
 *
 * <p>Parts. Search space: {@link org.quantlstm.tuning.IntDistribution} (step, log),
 * {@link org.quantlstm.tuning.FloatDistribution} (log) and {@link org.quantlstm.tuning.CategoricalDistribution},
 * asked for through {@code Trial.suggestInt/suggestFloat/suggestCategorical}. Samplers:
 * {@link org.quantlstm.tuning.RandomSampler}, {@link org.quantlstm.tuning.GridSampler},
 * {@link org.quantlstm.tuning.TpeSampler} (Optuna 3.1's TPE, bandwidth-weighted kernels included; optionally
 * multivariate, and with a constant liar for running trials) and {@link org.quantlstm.tuning.CmaEsSampler};
 * {@link org.quantlstm.tuning.Samplers} builds them by configuration name. Pruners, fed by
 * {@code Trial.report(step, value)} after each epoch: {@link org.quantlstm.tuning.MedianPruner},
 * {@link org.quantlstm.tuning.SuccessiveHalvingPruner} (ASHA) and {@link org.quantlstm.tuning.HyperbandPruner}.
 * Besides {@code optimize}, a study offers ask/tell ({@code Study.ask()}, {@code Study.ask(n, space)} for a
 * batch, {@code tell}) for runners that evaluate trials elsewhere (a pool, Spark tasks). Trials carry user
 * attributes (e.g. {@code degenerate}). {@link org.quantlstm.tuning.StudyExport} prints and exports a study;
 * {@link org.quantlstm.tuning.BenchmarkFunctions} and {@link org.quantlstm.tuning.SamplerBenchmark} measure search
 * quality ({@code quantlstm bench tpe}). Stores:
 * {@link org.quantlstm.tuning.InMemoryStorage} and {@link org.quantlstm.tuning.DuckDbStorage} (an embedded
 * DuckDB file, by default {@code ~/.quantlstm/studies.duckdb}, safe for several threads and processes).
 * {@link org.quantlstm.tuning.Study} runs trials (several threads if asked), records every trial's
 * parameters, value, state, intermediate values and duration, and tells
 * {@link org.quantlstm.tuning.StudyListener}s, e.g. {@link org.quantlstm.tuning.OptunaStyleLog}.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (DuckDbStorage store = new DuckDbStorage(DuckDbStorage.defaultPath())) {
 *     Study study = Study.builder(store, "XAUUSD-4h").direction(Direction.MAXIMIZE)
 *             .sampler(new TpeSampler(42)).pruner(new MedianPruner(5, 3))
 *             .listener(new OptunaStyleLog(System.out::println)).open();
 *     study.optimizeUntil(trial -> {
 *         int hidden = trial.suggestInt("hidden", 16, 128, 16, false);
 *         double lr = trial.suggestFloat("lr", 1e-4, 1e-2, true);
 *         ...   // per epoch: trial.report(epoch, validationLoss); trial.pruneIfNeeded();
 *         return Objectives.profitMinusDrawdown(profit, maxDrawdown, 0.5);
 *     }, 50, 1);
 *     System.out.println(OptunaStyleLog.bestSummary(study.bestTrial()));
 * }
 * }</pre>
 */
package org.quantlstm.tuning;
