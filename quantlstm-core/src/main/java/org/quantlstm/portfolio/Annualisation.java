package org.quantlstm.portfolio;

import org.quantlstm.common.UserInputException;

/**
 * Conversions between per-period and annual figures, with N = periods per year
 * ({@link org.quantlstm.common.Interval#periodsPerYear()}): expected return μ·N (arithmetic, as in mean-variance
 * practice and PyPortfolioOpt), volatility σ·√N, Sharpe (μ − r_p)/σ·√N, and an annual risk-free rate r turned into
 * a per-period rate by compounding, {@code r_p = (1 + r)^(1/N) − 1} (DESIGN.md).
 */
public final class Annualisation {
    private Annualisation() {
    }

    public static double perPeriodRate(double annualRate, int periodsPerYear) {
        requirePeriods(periodsPerYear);
        if (!(annualRate > -1) || !Double.isFinite(annualRate)) {
            throw new UserInputException("risk-free rate must be a finite annual rate above -100%, got " + annualRate);
        }
        return Math.pow(1 + annualRate, 1.0 / periodsPerYear) - 1;
    }

    public static double annualReturn(double perPeriodMean, int periodsPerYear) {
        return perPeriodMean * requirePeriods(periodsPerYear);
    }

    public static double annualVolatility(double perPeriodVol, int periodsPerYear) {
        return perPeriodVol * Math.sqrt(requirePeriods(periodsPerYear));
    }

    public static double annualSharpe(double perPeriodSharpe, int periodsPerYear) {
        return perPeriodSharpe * Math.sqrt(requirePeriods(periodsPerYear));
    }

    private static int requirePeriods(int periodsPerYear) {
        if (periodsPerYear <= 0) {
            throw new UserInputException("periods per year must be positive, got " + periodsPerYear);
        }
        return periodsPerYear;
    }
}
