/**
 * Hyperparameter search in the manner of Optuna: define-by-run trials, samplers, pruners and studies that
 * persist, resume and are shared by several workers. Knows nothing of models or backtests: an
 * {@link org.quantlstm.tuning.Objective} is a function from a {@link org.quantlstm.tuning.Trial} to a
 * number, wired in {@code workflow}.
 *
 * <p>Parts. Search space: {@link org.quantlstm.tuning.IntDistribution} (step, log),
 * {@link org.quantlstm.tuning.FloatDistribution} (log) and {@link org.quantlstm.tuning.CategoricalDistribution},
 * asked for through {@code Trial.suggestInt/suggestFloat/suggestCategorical}. Samplers:
 * {@link org.quantlstm.tuning.RandomSampler}, {@link org.quantlstm.tuning.GridSampler} and
 * {@link org.quantlstm.tuning.TpeSampler} (Optuna's default TPE, independent per parameter). Pruners,
 * fed by {@code Trial.report(step, value)} after each epoch: {@link org.quantlstm.tuning.MedianPruner} and
 * {@link org.quantlstm.tuning.SuccessiveHalvingPruner} (ASHA). Stores:
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
