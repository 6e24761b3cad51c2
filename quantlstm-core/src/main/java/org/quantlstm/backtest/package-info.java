/**
 * Backtests with next-bar fills and costs.
 *
 * <p>A target position (fraction of equity) decided from bar t's close is filled at bar t+1's open
 * ({@link org.quantlstm.backtest.FillTiming#NEXT_OPEN}, default) or close, never on bar t. Each fill resizes
 * the position to target × equity at the fill price and pays {@link org.quantlstm.backtest.CostModel} costs
 * (10 bps of traded notional by default, plus optional slippage and a minimum per fill) from cash; shorts are
 * negative shares; gains compound. Orders are only sent when the target changes. Equity is marked at each
 * close; round trips go to a trade log.
 *
 * <p>Two engines do the same arithmetic: {@link org.quantlstm.backtest.VectorizedBacktester}, one
 * allocation-free pass over primitive columns for single-asset runs and parameter sweeps, and
 * {@link org.quantlstm.backtest.EventBacktester}, orders/fills/portfolio objects for several assets sharing
 * cash. Tests hold them equal to 1e-9. {@link org.quantlstm.backtest.Backtester} adds buy-and-hold and seed
 * 001's hybrids (an active sleeve plus a buy-and-hold sleeve, split at the start, never rebalanced).
 */
package org.quantlstm.backtest;
