/**
 * From forecasts to target positions, the seed-001 way: a predicted return is compared with
 * {@link org.quantlstm.signal.Thresholds} (long above, short below, flat inside a neutral band; shorts allowed by
 * default as in seed 001), then sized by one of the five {@link org.quantlstm.signal.SizingMethod}s (binary,
 * fixed 50 %, proportional, half-Kelly, volatility-adjusted), capped, and optionally guarded by
 * {@link org.quantlstm.signal.RiskLimits} (stop-loss, take-profit; enforced by the backtester because they depend
 * on fills). {@link org.quantlstm.signal.Hybrid} describes the active/passive capital splits (30/70, 50/50,
 * 70/30) whose passive sleeve is buy-and-hold.
 *
 * <p>Every sizing rule is a {@link org.quantlstm.signal.Sizing}: a function of one decision's
 * {@link org.quantlstm.signal.SizingContext} (prediction, its variance, volatility ratio, price, equity, current
 * position, and the asset's share of a cross-section: score, rank, universe size, score sums). A new input is a new
 * field of the context, never a new signature. The implementations: {@link org.quantlstm.signal.PositionSizer} (the
 * five seed-001 methods), {@link org.quantlstm.signal.ThresholdSizing} (the multi-asset system's long/short/flat band
 * in standard deviations of the training forecasts), {@link org.quantlstm.signal.TopKSizing} (the cross-sectional
 * system's top-K entries and exits) and {@link org.quantlstm.signal.PredictedChangeSizing} (the weekly-12 trade in
 * proportion to the predicted change). The last two are cross-sectional by nature: the caller in the portfolio layer
 * looks at every asset at once (ranks them, sums their signals, projects the result onto the caps) and writes what one
 * asset needs into its context; the rule then sizes that asset alone.
 *
 * <p>Every quantity is a fraction of equity: a target of 0.5 means "hold 50 % of equity long", −1 means "100 %
 * short". A target decided from bar t's close is filled on bar t+1 (see the backtest package), never on bar t.
 * Everything here is a pure function of data up to and including t; nothing reads the future.
 */
package org.quantlstm.signal;
