/**
 * The named feature sets of the four reference systems ({@code spy-analyser-31}, {@code price-rsi},
 * {@code close-only}, {@code cross-sectional}), each documented with its exact ordered columns, and the
 * registry {@link org.quantlstm.features.sets.FeatureSets} that finds them by name. All sets compute on
 * split- and dividend-adjusted prices ({@code BarSeries.adjusted()}), so corporate actions do not show up as
 * price jumps, and all are strictly causal.
 */
package org.quantlstm.features.sets;
