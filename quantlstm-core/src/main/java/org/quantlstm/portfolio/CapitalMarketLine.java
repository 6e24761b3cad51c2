package org.quantlstm.portfolio;

/**
 * The capital market line through the risk-free rate and the tangent portfolio:
 * {@code E[R](σ) = r_f + S·σ} with S the tangent portfolio's Sharpe ratio. A point at volatility σ holds
 * {@code σ/σ_T} in the tangent portfolio and the rest in the risk-free asset (borrowing when above 1).
 * All figures are per period.
 */
public record CapitalMarketLine(double riskFree, double tangentReturn, double tangentVolatility) {
    public CapitalMarketLine {
        if (!(tangentVolatility > 0)) {
            throw new IllegalArgumentException("tangent volatility must be positive, got " + tangentVolatility);
        }
    }

    public static CapitalMarketLine through(Allocation tangent) {
        return new CapitalMarketLine(tangent.riskFree(), tangent.expectedReturn(), tangent.volatility());
    }

    public double slope() {
        return (tangentReturn - riskFree) / tangentVolatility;
    }

    public double returnAt(double volatility) {
        return riskFree + slope() * volatility;
    }

    /** Fraction of wealth in the tangent portfolio for a target volatility. */
    public double tangentFraction(double volatility) {
        return volatility / tangentVolatility;
    }
}
