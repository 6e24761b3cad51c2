/**
 * Tear-sheet metrics, comparison tables, charts and result files.
 *
 * <p>Conventions (quantstats-compatible unless stated, see DESIGN.md): returns are simple period returns of
 * equity, {@code r_t = E_t/E_{t−1} − 1}, compounded; {@code N} is periods per year (1d → 252); {@code n} the
 * number of return periods; standard deviations use ddof = 1; an annual risk-free rate {@code rf} becomes
 * {@code rf_p = (1+rf)^(1/N) − 1} per period. CAGR = (1+R)^(N/n) − 1; volatility = std·√N; Sharpe =
 * mean(r − rf_p)/std(r − rf_p)·√N; Sortino = mean(r − rf_p)/√(Σ_{x&lt;0} x²/n)·√N; max drawdown from
 * equity/cummax − 1 with the starting capital as the first peak; Calmar = CAGR/|MDD|. Win rate, average win and
 * loss and profit factor are given per trade (from the trade log) and per period, labelled. The Probabilistic
 * Sharpe Ratio uses raw kurtosis (3 for a normal), not the excess kurtosis that quantstats and Lean plug in.
 *
 * <p>The HTML tear sheet ({@link org.quantlstm.report.TearSheet}) reads a finished run folder by its file
 * conventions (metrics.json, data.json, equity.csv, trades.csv, forecasts.csv, weights.csv, trials.csv, charts/)
 * and writes a self-contained {@code report.html} with inline SVG charts ({@code SvgChart}); a section whose file is
 * absent is left out. Every pipeline calls {@code TearSheet.write(folder, finalName)} (or
 * {@code TearSheet.write(runFolder)}) after writing its files and before committing the run folder.
 * {@link org.quantlstm.report.RunFigures} and {@link org.quantlstm.report.RunComparison} give the key figures of
 * past runs and two runs side by side.
 */
package org.quantlstm.report;
