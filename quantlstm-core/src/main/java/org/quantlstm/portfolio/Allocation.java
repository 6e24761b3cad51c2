package org.quantlstm.portfolio;

/**
 * A portfolio and its per-period statistics under the estimates it was built from: expected return μᵀw,
 * volatility √(wᵀΣw) (with the caller's Σ, not the ridge-repaired one), the per-period risk-free rate, and the
 * ridge that had to be added to Σ's diagonal for the solver (0 when Σ was positive definite).
 */
public record Allocation(double[] weights, double expectedReturn, double volatility, double riskFree, double ridge) {
    public Allocation {
        weights = weights.clone();
    }

    /** Evaluates given weights (e.g. 1/N) under estimates μ (may be null) and Σ. */
    public static Allocation evaluate(double[] w, double[] mu, double[][] sigma, double rf) {
        Linalg.requireFinite("weights", w);
        Linalg.requireCovariance("covariance", sigma, w.length);
        if (mu != null && mu.length != w.length) {
            throw new org.quantlstm.common.UserInputException("expected returns: " + mu.length + " values for "
                    + w.length + " weights");
        }
        return of(w, mu, sigma, rf, 0);
    }

    static Allocation of(double[] w, double[] mu, double[][] sigma, double rf, double ridge) {
        double ret = mu == null ? Double.NaN : Linalg.dot(mu, w);
        double vol = Math.sqrt(Math.max(0, Linalg.quadratic(sigma, w)));
        return new Allocation(w, ret, vol, rf, ridge);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    public double weight(int i) {
        return weights[i];
    }

    /** Per-period Sharpe ratio (μᵀw − r_f)/σ; NaN when the volatility is 0. */
    public double sharpe() {
        return volatility > 0 ? (expectedReturn - riskFree) / volatility : Double.NaN;
    }

    /** Σ|w_i|: 1 for a long-only portfolio, more with shorts. */
    public double grossExposure() {
        double g = 0;
        for (double w : weights) {
            g += Math.abs(w);
        }
        return g;
    }

    /** Annualised figures with {@link Annualisation}'s conventions. */
    public Annual annualised(int periodsPerYear) {
        return new Annual(Annualisation.annualReturn(expectedReturn, periodsPerYear),
                Annualisation.annualVolatility(volatility, periodsPerYear),
                Annualisation.annualSharpe(sharpe(), periodsPerYear));
    }

    /** Annual expected return (μ·N), volatility (σ·√N) and Sharpe (per-period Sharpe·√N). */
    public record Annual(double expectedReturn, double volatility, double sharpe) {
    }
}
