/**
 * Feature engineering: from a {@code BarSeries} to model inputs, without looking ahead.
 *
 * <ul>
 *   <li>{@code features.indicators}: technical indicators over {@code double[]} columns, one small class
 *       each, causal by construction, O(n), with their warm-up lengths and conventions; verified against
 *       ta4j 0.17.</li>
 *   <li>{@code features.sets}: the named {@link org.quantlstm.features.FeatureSet}s of the four reference
 *       systems, producing a columnar {@link org.quantlstm.features.FeatureMatrix}.</li>
 *   <li>{@link org.quantlstm.features.Targets} / {@link org.quantlstm.features.Target}: what to predict, aligned
 *       so that the target at bar {@code t} uses only bars {@code t+1 .. t+k}.</li>
 *   <li>{@code features.scale}: min-max and standard scalers fitted on the training rows only, stored as
 *       JSON.</li>
 *   <li>{@link org.quantlstm.features.Windowing}: (samples, lookback, features) float arrays
 *       ({@link org.quantlstm.features.Windows}) for sequence models, skipping incomplete windows.</li>
 * </ul>
 * Depends on {@code common} and {@code data} only.
 */
package org.quantlstm.features;
