/** Backtests with next-bar fills and costs: a vectorized path for sweeps and an event path for portfolios. */
package org.quantlstm.backtest;
