package org.quantlstm.report;

import org.quantlstm.backtest.BacktestResult;

/**
 * The tear-sheet numbers of one strategy, with the conventions of {@link Metrics} (see the package notes).
 * Trade statistics are from the trade log ({@code trade*}), period statistics from equity returns
 * ({@code period*}). {@code dsr} is NaN unless the strategy was one of several compared ({@link Comparison}).
 * {@code trades} counts round trips (from the trade log), {@code fills} every fill; {@code exposure} is the mean
 * |weight| held and {@code timeInvested} the share of bars with any position, long or short (from gross exposure, so
 * a hedged hybrid whose net is 0 counts as invested); {@code alpha} is Jensen's alpha in
 * excess of the risk-free rate. {@code gross*} and {@code net*} are the gross and net exposure at the closes
 * (1.0 = 100 % of equity, see {@link org.quantlstm.backtest.Exposure}); {@code totalBorrow} and
 * {@code totalFinancing} the borrow fees and the financing paid on negative cash.
 */
public record PerformanceSummary(String name, int periodsPerYear, String riskFree, int periods,
                                 double totalReturn, double cagr, double volatility, double sharpe, double sortino,
                                 double calmar, double maxDrawdown, int maxDrawdownDurationBars,
                                 double tradeWinRate, double tradeAvgWin, double tradeAvgLoss,
                                 double tradeProfitFactor, int trades,
                                 double periodWinRate, double periodAvgWin, double periodAvgLoss,
                                 double periodProfitFactor, double exposure, double turnover, double alpha,
                                 double beta, double psr, double dsr, double totalCosts, double finalEquity,
                                 double timeInvested, int fills, double grossMean, double grossMax, double netMean,
                                 double netMax, double totalBorrow, double totalFinancing) {

    /**
     * Computes every metric of a result. {@code benchmark} (usually buy-and-hold on the same bars) gives alpha
     * and beta; null leaves them NaN. PSR is against SR* = 0.
     */
    public static PerformanceSummary of(BacktestResult result, BacktestResult benchmark, RiskFree rf,
                                        int periodsPerYear) {
        double[] r = result.returns();
        if (rf.perPeriod().length != r.length) {
            throw new IllegalArgumentException("risk-free series has " + rf.perPeriod().length + " periods, returns "
                    + r.length);
        }
        int n = r.length, np = periodsPerYear;
        double total = result.totalReturn();
        double cagr = Metrics.cagr(total, n, np);
        Drawdown dd = Drawdown.of(result.equity());
        Metrics.WinLoss pt = Metrics.perTrade(result.trades());
        Metrics.WinLoss pp = Metrics.perPeriod(r);
        double alpha = Double.NaN, beta = Double.NaN;
        if (benchmark != null) {
            double[] b = benchmark.returns();
            if (b.length != n) {
                throw new IllegalArgumentException("benchmark has " + b.length + " periods, strategy " + n);
            }
            beta = Metrics.beta(r, b);
            alpha = Metrics.alphaExcess(r, b, rf.perPeriod(), np);
        }
        org.quantlstm.backtest.Exposure x = result.exposure(np);
        return new PerformanceSummary(result.name(), np, rf.source(), n, total, cagr, Metrics.volatility(r, np),
                Metrics.sharpe(r, rf.perPeriod(), np), Metrics.sortino(r, rf.perPeriod(), np),
                Metrics.calmar(cagr, dd.maxDrawdown()), dd.maxDrawdown(), dd.longestDuration(),
                pt.winRate(), pt.avgWin(), pt.avgLoss(), pt.profitFactor(), pt.count(),
                pp.winRate(), pp.avgWin(), pp.avgLoss(), pp.profitFactor(),
                Metrics.exposure(result.position()), Metrics.turnover(result.traded(), result.equity(), np),
                alpha, beta, ProbabilisticSharpe.psr(Stats.minus(r, rf.perPeriod()), 0), Double.NaN,
                result.totalCosts(), result.finalEquity(), x.timeInvested(),
                result.fills().size(), x.grossMean(), x.grossMax(), x.netMean(), x.netMax(),
                result.totalBorrow(), result.totalFinancing());
    }

    /** The same numbers with a Deflated Sharpe Ratio filled in. */
    public PerformanceSummary withDsr(double value) {
        return new PerformanceSummary(name, periodsPerYear, riskFree, periods, totalReturn, cagr, volatility, sharpe,
                sortino, calmar, maxDrawdown, maxDrawdownDurationBars, tradeWinRate, tradeAvgWin, tradeAvgLoss,
                tradeProfitFactor, trades, periodWinRate, periodAvgWin, periodAvgLoss, periodProfitFactor, exposure,
                turnover, alpha, beta, psr, value, totalCosts, finalEquity, timeInvested, fills, grossMean, grossMax,
                netMean, netMax, totalBorrow, totalFinancing);
    }
}
