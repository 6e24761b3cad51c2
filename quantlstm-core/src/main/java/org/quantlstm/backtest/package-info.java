/**
 * Backtests under one execution model: next-bar fills, one fee model, a gross limit, intrabar brackets.
 *
 * <p>A target position (fraction of equity) decided from bar t's close is filled at bar t+1's open
 * ({@link org.quantlstm.backtest.FillTiming#NEXT_OPEN}, default) or close, never on bar t
 * ({@link org.quantlstm.backtest.ExecutionModel} also names the same-close convention some papers use; only the
 * weekly-12 loop accepts it, labelled as the paper's). Each fill resizes the position to target × equity at the
 * fill price, within {@code maxGross} × equity after costs, and pays the {@link org.quantlstm.backtest.FeeModel}'s
 * charge (10 bps per side by default, plus optional minimum, per-share commission, slippage and impact) from
 * cash. Every bar, shorts pay the fee model's borrow fee and negative cash its financing rate (risk-free +
 * spread); positive cash earns the risk-free rate. Shorts are negative shares; gains compound. Orders are only
 * sent when the target changes. A bracket ({@code signal.RiskLimits}: stop-loss, take-profit, trailing stop) is
 * worked inside each bar by {@link org.quantlstm.backtest.Bracket}'s rules, and so are entry orders (limit, stop,
 * stop-limit; {@link org.quantlstm.backtest.EntryOrders}), which only the event engine runs. Equity is marked at
 * each close; round trips go to a trade log with their borrow fees, entry order types and exit reasons.
 *
 * <p>Two engines do the same arithmetic: {@link org.quantlstm.backtest.VectorizedBacktester}, one
 * allocation-free pass over primitive columns for single-asset runs and parameter sweeps, and
 * {@link org.quantlstm.backtest.EventBacktester}, orders/fills/portfolio objects for several assets sharing
 * cash. Tests hold them equal to 1e-9. {@link org.quantlstm.backtest.Backtester} adds buy-and-hold and seed
 * 001's hybrids (an active sleeve plus a buy-and-hold sleeve, split at the start, never rebalanced).
 */
package org.quantlstm.backtest;
