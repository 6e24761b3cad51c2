package org.quantlstm.report;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Probabilistic and Deflated Sharpe Ratios of Bailey and López de Prado ("The Sharpe Ratio Efficient
 * Frontier", 2012; "The Deflated Sharpe Ratio", 2014).
 *
 * <p>PSR(SR*) = Φ( (SR − SR*)·√(n − 1) / √(1 − γ₃·SR + (γ₄ − 1)/4·SR²) ), with SR the non-annualised Sharpe
 * of the n period returns (mean/std, ddof = 1, after the risk-free rate), γ₃ their skewness and γ₄ their
 * <b>raw</b> kurtosis (m₄/m₂², 3 for a normal; population moments). quantstats and QuantConnect Lean put the
 * excess kurtosis (0 for a normal) in place of γ₄, which shrinks the denominator and overstates the PSR of a
 * Sharpe above the benchmark; this class does not copy that error.
 *
 * <p>DSR = PSR(SR₀) with SR₀ = √V·((1 − γ)·Φ⁻¹(1 − 1/K) + γ·Φ⁻¹(1 − 1/(K·e))), the expected maximum Sharpe of
 * K unskilled trials whose Sharpe ratios (non-annualised, same units as SR) have variance V; γ ≈ 0.5772 is the
 * Euler–Mascheroni constant. With K = 1 there is nothing to deflate and DSR = PSR(0).
 */
public final class ProbabilisticSharpe {
    /** Euler–Mascheroni constant. */
    public static final double EULER_GAMMA = 0.5772156649015329;
    private static final NormalDistribution PHI = new NormalDistribution(0, 1);

    private ProbabilisticSharpe() {
    }

    /** Skewness m₃/m₂^{3/2} (population moments). */
    public static double skewness(double[] x) {
        return Stats.centralMoment(x, 3) / Math.pow(Stats.centralMoment(x, 2), 1.5);
    }

    /** Raw (Pearson) kurtosis m₄/m₂²; 3 for a normal distribution. */
    public static double rawKurtosis(double[] x) {
        double m2 = Stats.centralMoment(x, 2);
        return Stats.centralMoment(x, 4) / (m2 * m2);
    }

    /** PSR of excess returns x against the per-period benchmark Sharpe {@code srStar}. */
    public static double psr(double[] excessReturns, double srStar) {
        int n = excessReturns.length;
        double s = Stats.std(excessReturns);
        if (n < 3 || !(s > 0)) {
            return Double.NaN;
        }
        double sr = Stats.mean(excessReturns) / s;
        return psr(sr, n, skewness(excessReturns), rawKurtosis(excessReturns), srStar);
    }

    /** PSR from its ingredients: per-period SR, number of returns n, skewness, RAW kurtosis, benchmark SR*. */
    public static double psr(double sr, int n, double skew, double rawKurtosis, double srStar) {
        double var = 1 - skew * sr + (rawKurtosis - 1) / 4 * sr * sr;
        if (!(var > 0)) {
            return Double.NaN;
        }
        return PHI.cumulativeProbability((sr - srStar) * Math.sqrt(n - 1) / Math.sqrt(var));
    }

    /** SR₀, the expected maximum per-period Sharpe of {@code trials} independent trials with Sharpe variance V. */
    public static double expectedMaxSharpe(int trials, double sharpeVariance) {
        if (trials < 1) {
            throw new IllegalArgumentException("number of trials must be >= 1: " + trials);
        }
        if (trials == 1) {
            return 0;
        }
        double k = trials;
        return Math.sqrt(sharpeVariance) * ((1 - EULER_GAMMA) * PHI.inverseCumulativeProbability(1 - 1 / k)
                + EULER_GAMMA * PHI.inverseCumulativeProbability(1 - 1 / (k * Math.E)));
    }

    /** DSR of the chosen strategy's excess returns, given K trials and the variance V of their per-period SRs. */
    public static double dsr(double[] excessReturns, int trials, double sharpeVariance) {
        return psr(excessReturns, expectedMaxSharpe(trials, sharpeVariance));
    }

    /** Sample variance (ddof = 1) of the trials' per-period Sharpe ratios; 0 for a single trial. */
    public static double sharpeVariance(double[] perPeriodSharpes) {
        double s = Stats.std(perPeriodSharpes);
        return Double.isNaN(s) ? 0 : s * s;
    }
}
