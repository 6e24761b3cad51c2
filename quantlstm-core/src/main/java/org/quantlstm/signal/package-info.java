/**
 * From forecasts to target positions, the seed-001 way: a predicted return is compared with
 * {@link org.quantlstm.signal.Thresholds} (long above, short below, flat inside a neutral band; shorts allowed by
 * default as in seed 001), then sized by one of the five {@link org.quantlstm.signal.SizingMethod}s (binary,
 * fixed 50 %, proportional, half-Kelly, volatility-adjusted), capped, and optionally guarded by
 * {@link org.quantlstm.signal.RiskLimits} (stop-loss, take-profit; enforced by the backtester because they depend
 * on fills). {@link org.quantlstm.signal.Hybrid} describes the active/passive capital splits (30/70, 50/50,
 * 70/30) whose passive sleeve is buy-and-hold.
 *
 * <p>Every quantity is a fraction of equity: a target of 0.5 means "hold 50 % of equity long", −1 means "100 %
 * short". A target decided from bar t's close is filled on bar t+1 (see the backtest package), never on bar t.
 * Everything here is a pure function of data up to and including t; nothing reads the future.
 */
package org.quantlstm.signal;
