package org.quantlstm.portfolio;

import java.util.Objects;

/**
 * Merton's dynamic allocation (the HJB solution for a CRRA investor with constant opportunity set, applied with
 * re-estimated inputs each period, as in the multi-asset seed): at each period t
 * {@code w_t = (1/γ) Σ_t⁻¹ (μ_t − r_f)} with μ_t and Σ_t the EWMA mean and covariance ({@link ExpectedReturns#ewma},
 * {@link EwmaCovariance}) of the returns in rows 0..t only. The weights are risky-asset fractions; the rest
 * {@code 1 − Σw} is held at the risk-free rate (negative = borrowing). Caps are applied in order: per-asset clip to
 * [−cap, cap] (or [0, cap] long-only), then a proportional scale-down if gross exposure Σ|w| exceeds the leverage
 * cap. A singular Σ_t is ridge-repaired as in {@link MeanVariance}.
 *
 * <p>Causality: the decision at row t reads rows 0..t and nothing else (each decision is recomputed from scratch), so
 * changing later returns cannot change it.
 */
public final class MertonAllocator {
    private final MertonSpec spec;

    public MertonAllocator(MertonSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The unconstrained Merton weights (1/γ) Σ⁻¹(μ − r_f) for given estimates, before caps. */
    public static double[] mertonWeights(double[] mu, double[][] sigma, double riskFree, double riskAversion) {
        Linalg.requireFinite("expected returns", mu);
        Linalg.requireCovariance("covariance", sigma, mu.length);
        double[] excess = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            excess[i] = (mu[i] - riskFree) / riskAversion;
        }
        return Linalg.solveSpd("covariance", sigma, excess);
    }

    /** Merton weights for the returns in rows 0..t of the panel, with the caps applied. */
    public double[] weightsAt(double[][] returns, int t, double riskFree) {
        double[][] window = Returns.rows(returns, 0, t + 1);
        double[] mu = ExpectedReturns.ewma(window, spec.halfLife());
        double[][] sigma = new EwmaCovariance(spec.halfLife()).estimate(window);
        return applyCaps(mertonWeights(mu, sigma, riskFree, spec.riskAversion()));
    }

    double[] applyCaps(double[] w) {
        double cap = spec.maxAbsWeight();
        double gross = 0;
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Math.max(spec.allowShort() ? -cap : 0, Math.min(cap, w[i]));
            gross += Math.abs(out[i]);
        }
        if (gross > spec.maxLeverage()) {
            double f = spec.maxLeverage() / gross;
            for (int i = 0; i < out.length; i++) {
                out[i] *= f;
            }
        }
        return out;
    }

    /**
     * The weight path over a return panel {@code r[T][N]}: decisions at rows warmup−1 … T−1, each earning the next
     * row's returns (the last decision earns nothing inside the panel).
     */
    public WeightPath path(double[][] returns, double riskFree) {
        Returns.requirePanel("returns", returns, spec.warmup() + 1);
        int start = spec.warmup() - 1;
        int decisions = returns.length - start;
        double[][] w = new double[decisions][];
        double[] realised = new double[decisions - 1];
        for (int k = 0; k < decisions; k++) {
            w[k] = weightsAt(returns, start + k, riskFree);
            if (k > 0) {
                realised[k - 1] = WeightPath.periodReturn(w[k - 1], returns[start + k], riskFree);
            }
        }
        return new WeightPath(start, w, realised);
    }

    /** The HJB path next to a static tangent portfolio over the same out-of-sample periods. */
    public record Comparison(WeightPath dynamic, Allocation staticTangent, double[] tangentReturns,
                             RealisedStats dynamicStats, RealisedStats tangentStats) {
        public Comparison {
            tangentReturns = tangentReturns.clone();
        }

        @Override
        public double[] tangentReturns() {
            return tangentReturns.clone();
        }
    }

    /**
     * Compares the HJB path with a static tangent portfolio estimated once, from the sample mean and ddof = 1
     * covariance of the warm-up rows 0..warmup−1 (the data available at the first HJB decision), under
     * {@code tangentSpec}, and then held at constant weights (rebalanced back every period). Both are evaluated on
     * the same following periods, so neither sees returns after its decision.
     */
    public Comparison compareWithTangent(double[][] returns, double riskFree, OptimizerSpec tangentSpec) {
        WeightPath dynamic = path(returns, riskFree);
        double[][] warm = Returns.rows(returns, 0, spec.warmup());
        Allocation tangent = new MeanVariance(tangentSpec).maxSharpe(ExpectedReturns.historicalMean(warm),
                SampleCovariance.estimate(warm), riskFree);
        double[] w = tangent.weights();
        double[] tan = new double[dynamic.realisedReturns().length];
        for (int k = 0; k < tan.length; k++) {
            tan[k] = WeightPath.periodReturn(w, returns[dynamic.start() + 1 + k], riskFree);
        }
        return new Comparison(dynamic, tangent, tan, RealisedStats.of(dynamic.realisedReturns(), riskFree),
                RealisedStats.of(tan, riskFree));
    }
}
