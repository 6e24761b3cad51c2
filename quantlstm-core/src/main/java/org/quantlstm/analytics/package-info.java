/**
 * Statistics behind honest verdicts, as pure functions on {@code double[]} and {@code double[][]}: it reads no
 * files and knows nothing of models, backtests or reports (only {@code common}). Reports, the workflow and the
 * systems read it; nothing below it may.
 *
 * <p>Conventions. A return series is simple period returns, oldest first; a panel is {@code r[T][N]}, one row per
 * period, one column per strategy. Sample statistics use ddof = 1. Annualising multiplies a per-period Sharpe by
 * √N and compounds a total return to {@code (1 + R)^(N/n) − 1}, as in the tear sheet. Every random figure is
 * seeded: the same inputs and seed give the same numbers on every machine ({@link java.util.SplittableRandom}).
 *
 * <p>Contents.
 * <ul>
 *   <li>{@link org.quantlstm.analytics.DieboldMariano}: the Diebold–Mariano test of equal predictive accuracy of
 *       two forecasts (squared or absolute errors), with the Harvey–Leybourne–Newbold small-sample correction,
 *       a Newey–West (Bartlett) long-run variance with lag h − 1 (or an automatic lag) and a Student-t p-value
 *       with n − 1 degrees of freedom.</li>
 *   <li>{@link org.quantlstm.analytics.StationaryBootstrap}: the Politis–Romano (1994) stationary bootstrap
 *       (geometric block lengths, wrap-around), percentile intervals of any statistic of a return series, and
 *       the Sharpe, CAGR and maximum-drawdown statistics; the mean block length is given or chosen by the
 *       Politis–White (2004) rule as corrected by Patton, Politis and White (2009).</li>
 *   <li>{@link org.quantlstm.analytics.Pbo}: the probability of backtest overfitting by combinatorially symmetric
 *       cross-validation (Bailey, Borwein, López de Prado, Zhu 2017), with the logits of every split.</li>
 * </ul>
 */
package org.quantlstm.analytics;
