package org.quantlstm.portfolio;

/**
 * Summary of a realised per-period return series, with the project's conventions: mean and volatility
 * (std, ddof = 1) per period, Sharpe {@code mean(r − r_f)/std(r)}, total compounded return {@code Π(1 + r) − 1},
 * and maximum drawdown of the compounded equity curve with the starting capital as the first peak.
 * Annualise with {@link Annualisation}. The report layer holds the full metric set; this is what the portfolio
 * layer needs to compare two weight paths.
 */
public record RealisedStats(int periods, double mean, double volatility, double sharpe, double totalReturn,
                            double maxDrawdown) {
    public static RealisedStats of(double[] returns, double riskFree) {
        int n = returns.length;
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean = n == 0 ? Double.NaN : mean / n;
        double var = 0;
        for (double r : returns) {
            var += (r - mean) * (r - mean);
        }
        double vol = n < 2 ? Double.NaN : Math.sqrt(var / (n - 1));
        double equity = 1;
        double peak = 1;
        double mdd = 0;
        for (double r : returns) {
            equity *= 1 + r;
            peak = Math.max(peak, equity);
            mdd = Math.min(mdd, equity / peak - 1);
        }
        double sharpe = vol > 0 ? (mean - riskFree) / vol : Double.NaN;
        return new RealisedStats(n, mean, vol, sharpe, equity - 1, mdd);
    }

    public double annualReturn(int periodsPerYear) {
        return Annualisation.annualReturn(mean, periodsPerYear);
    }

    public double annualVolatility(int periodsPerYear) {
        return Annualisation.annualVolatility(volatility, periodsPerYear);
    }

    public double annualSharpe(int periodsPerYear) {
        return Annualisation.annualSharpe(sharpe, periodsPerYear);
    }
}
