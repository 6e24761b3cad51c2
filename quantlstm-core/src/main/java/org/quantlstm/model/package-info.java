/**
 * LSTM forecasters on DJL/PyTorch. The only package that sees DJL, and no DJL type appears in a public
 * signature here, so {@code signal}, {@code workflow} and {@code cli} never depend on it.
 *
 * <p>What is here:
 * <ul>
 *   <li>{@link org.quantlstm.model.LstmSpec}: networks as records, with the four reference networks
 *       (spy-analyser, weekly-12, multi-asset-4h, cross-sectional) as factories; built by one builder.</li>
 *   <li>{@link org.quantlstm.model.Forecaster}: fit (Adam, MSE or Huber, mini-batches, early stopping with
 *       best weights restored, reduce-LR-on-plateau, gradient clipping), predict, save/load as one
 *       directory with the caller's metadata (scaler, feature set).</li>
 *   <li>{@link org.quantlstm.model.Segments} (chronological 70/30 split with validation from the end of
 *       train); walk-forward retraining lives in {@code workflow.Retraining}, shared by every system;
 *       neither ever lets a model see a target realised at or after the decision time it serves.</li>
 *   <li>{@link org.quantlstm.model.ForecastMetrics}: RMSE, MAE, MAPE, directional accuracy, IC, rank IC,
 *       always next to the persistence and drift baselines and Theil's U, with a plain verdict.</li>
 *   <li>{@link org.quantlstm.model.ParallelTrainer}: many per-asset models at once, workers × PyTorch threads
 *       ≤ cores, results equal to sequential training.</li>
 *   <li>{@link org.quantlstm.model.ThroughputProbe}: training samples/s and inference windows/s of a network
 *       through the same paths as real work (behind {@code quantlstm bench training}).</li>
 * </ul>
 *
 * <p>Typical use, given {@code Windows} from the feature library:
 * <pre>{@code
 * Segments seg = Segments.chronological(windows);
 * try (Forecaster model = Forecaster.create(LstmSpec.spyAnalyser(60, 31), 42)) {
 *     model.fit(seg.train(), seg.valid(), TrainConfig.defaults(), new ProgressBarListener(System.err));
 *     double[] forecast = model.predict(seg.test());
 *     ForecastMetrics.Report r = ForecastMetrics.evaluate(actual, forecast, lastClose, drift, Target.LEVEL);
 *     System.out.print(r.table());
 *     model.save(Path.of("models/spy"), Map.of("featureSet", "spy31", "scaler", scalerAsMap));
 * }
 * }</pre>
 *
 * <p>Engine: offline ({@code ai.djl.offline=true}), natives from the {@code pytorch-native-cpu} jar (or
 * {@code -Pcuda}), extracted to {@code ~/.djl.ai/pytorch/...} (or {@code ENGINE_CACHE_DIR}, or a temp folder
 * when the home directory is read-only); GPU when present, else CPU ({@code -Dquantlstm.device=cpu|gpu}
 * overrides).
 */
package org.quantlstm.model;
