package org.quantlstm.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.special.Erf;

/**
 * A joint Parzen estimator over several parameters, as Optuna's TPE with {@code multivariate=True}: one kernel
 * per observation (a product of one-dimensional kernels, one per parameter) plus a prior kernel, all sharing one
 * mixture weight vector, so a sampled point keeps the combination of values that made an observation good.
 *
 * <p>Numeric dimensions (internal space: log for log-scaled parameters, ints widened by half a step): truncated
 * normals on {@code [low, high]} centred on the observations, all with the bandwidth
 * {@code σ = 0.2 · max(n, 1)^(−1/(d+4)) · (high − low)} (Scott's rule as Optuna uses it, d the number of
 * parameters), clipped to {@code [(high−low)/min(100, n+2), high−low]}; the prior kernel is
 * N((low+high)/2, high−low). Categorical dimensions: as {@link ParzenEstimator#categorical}. Weights: Optuna's
 * default weights (older observations ramped down past 25) and {@code priorWeight} for the prior, normalised.
 * {@code bandwidthWeighted}: numeric kernels without their {@code −log σ} term, as Optuna ≤ 3.4 (see
 * {@link ParzenEstimator}).
 */
final class MultivariateParzenEstimator {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final List<Distribution> dims;
    private final double[][] mus;      // [kernel][dim], NaN for categorical dims
    private final double[][] sigmas;   // [kernel][dim]
    private final double[][] logZ;     // [kernel][dim] log of the truncation mass
    private final double[][][] cat;    // [dim][kernel][choice], null for numeric dims
    private final double[] logWeights;
    private final double[] weights;
    private final boolean bandwidthWeighted;

    /** Estimator over {@code obs[i][d]} (internal values, rows ordered by trial number) of the {@code dims}. */
    MultivariateParzenEstimator(double[][] obs, List<Distribution> dims, double priorWeight, boolean magicClip,
                                boolean bandwidthWeighted) {
        this.bandwidthWeighted = bandwidthWeighted;
        this.dims = List.copyOf(dims);
        int n = obs.length;
        int d = dims.size();
        int k = n + 1;
        double[] w = Arrays.copyOf(ParzenEstimator.defaultWeights(n), k);
        w[n] = priorWeight;
        double sum = Arrays.stream(w).sum();
        weights = new double[k];
        logWeights = new double[k];
        for (int i = 0; i < k; i++) {
            weights[i] = w[i] / sum;
            logWeights[i] = Math.log(weights[i]);
        }
        mus = new double[k][d];
        sigmas = new double[k][d];
        logZ = new double[k][d];
        cat = new double[d][][];
        double sigma0 = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
        for (int j = 0; j < d; j++) {
            Distribution dist = dims.get(j);
            if (dist instanceof CategoricalDistribution c) {
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = (int) Math.round(obs[i][j]);
                }
                cat[j] = categoricalKernels(idx, c.choices().size(), priorWeight);
                for (int i = 0; i < k; i++) {
                    mus[i][j] = Double.NaN;
                }
                continue;
            }
            double lo = dist.internalLow();
            double hi = dist.internalHigh();
            double range = hi - lo;
            double minSigma = magicClip ? range / Math.min(100.0, 1.0 + k) : 1e-12;
            double s = Math.max(Math.max(minSigma, 1e-12), Math.min(range, sigma0 * range));
            for (int i = 0; i < n; i++) {
                mus[i][j] = obs[i][j];
                sigmas[i][j] = s;
            }
            mus[n][j] = 0.5 * (lo + hi);
            sigmas[n][j] = Math.max(range, 1e-12);
            for (int i = 0; i < k; i++) {
                logZ[i][j] = Math.log(Math.max(1e-300,
                        cdf((hi - mus[i][j]) / sigmas[i][j]) - cdf((lo - mus[i][j]) / sigmas[i][j])));
            }
        }
    }

    private static double[][] categoricalKernels(int[] obs, int nChoices, double priorWeight) {
        int n = obs.length;
        double[][] p = new double[n + 1][nChoices];
        for (int i = 0; i < n; i++) {
            Arrays.fill(p[i], priorWeight / (n + 1));
            p[i][obs[i]] += 1;
            double s = Arrays.stream(p[i]).sum();
            for (int c = 0; c < nChoices; c++) {
                p[i][c] /= s;
            }
        }
        Arrays.fill(p[n], 1.0 / nChoices);
        return p;
    }

    /** One joint draw (internal values; choice indices for categorical dimensions). */
    double[] sample(SplittableRandom rng) {
        int k = pick(rng);
        double[] x = new double[dims.size()];
        for (int j = 0; j < x.length; j++) {
            if (cat[j] != null) {
                double u = rng.nextDouble();
                double acc = 0;
                int c = 0;
                for (; c < cat[j][k].length - 1; c++) {
                    acc += cat[j][k][c];
                    if (u < acc) {
                        break;
                    }
                }
                x[j] = c;
            } else {
                x[j] = truncatedNormal(rng, mus[k][j], sigmas[k][j], dims.get(j).internalLow(), dims.get(j).internalHigh());
            }
        }
        return x;
    }

    /** Log density of a joint point under the mixture. */
    double logPdf(double[] x) {
        double[] terms = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < weights.length; i++) {
            double t = logWeights[i];
            for (int j = 0; j < x.length; j++) {
                if (cat[j] != null) {
                    t += Math.log(cat[j][i][(int) Math.round(x[j])]);
                } else {
                    double z = (x[j] - mus[i][j]) / sigmas[i][j];
                    t += -0.5 * z * z - LOG_SQRT_2PI - (bandwidthWeighted ? 0 : Math.log(sigmas[i][j])) - logZ[i][j];
                }
            }
            terms[i] = t;
            max = Math.max(max, t);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    private int pick(SplittableRandom rng) {
        double u = rng.nextDouble();
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static double truncatedNormal(SplittableRandom rng, double mu, double sigma, double low, double high) {
        if (low == high) {
            return low;
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = mu + sigma * gaussian(rng);
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.max(low, Math.min(high, mu));
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }
}
