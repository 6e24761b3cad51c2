package org.quantlstm.tuning;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.special.Erf;

/**
 * A univariate Parzen estimator as in Optuna's TPE (version 3, {@code multivariate=False}): a mixture with
 * one kernel per observation plus a prior kernel.
 *
 * <p>Numeric (internal space, i.e. log space for log-scaled parameters): truncated normals on
 * {@code [low, high]}; each observation's σ is the larger distance to its sorted neighbours (the bounds
 * count as neighbours, except that the two outermost observations use their inner neighbour only:
 * {@code consider_endpoints=False}); the prior is N((low+high)/2, high−low); all σ are clipped to
 * {@code [(high−low)/min(100, 1+kernels), high−low]} ("magic clip").
 *
 * <p>Categorical: each observation's kernel puts {@code priorWeight/(n+1)} on every choice plus 1 on its
 * own choice, normalised; the prior kernel is uniform.
 *
 * <p>Kernel weights: 1 for the newest 25 observations, a linear ramp from 1/n up to 1 for older ones
 * (observations ordered by trial number), plus {@code priorWeight} for the prior, normalised.
 *
 * <p>Bandwidth-weighted kernels ({@code bandwidthWeighted}, the default of {@link TpeSampler}): Optuna up to 3.4
 * evaluates each numeric kernel's log density without the {@code −log σ} term (its {@code _truncnorm.logpdf}
 * drops the scale; Optuna issue 5109, changed in 3.5), so every kernel has peak height 1 and carries mass
 * proportional to its bandwidth: wide kernels, above all the prior (σ = high − low), count for more, which
 * flattens l(x)/g(x) in regions nobody has sampled and favours refining near good points. This is what Optuna's
 * published TPE figures were measured with, and on Branin and Hartmann-6 it finds better optima than the
 * normalised mixture (see docs/BENCHMARKS.md); with {@code bandwidthWeighted = false} the mixture is a proper
 * density. Sampling is the same in both cases (components are picked by their weights).
 */
final class ParzenEstimator {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;
    private final double low;
    private final double high;
    private final double[][] categorical;
    private final double[] logZ;
    private final boolean bandwidthWeighted;

    private ParzenEstimator(double[] mus, double[] sigmas, double[] weights, double low, double high,
                            double[][] categorical, boolean bandwidthWeighted) {
        this.bandwidthWeighted = bandwidthWeighted;
        this.mus = mus;
        this.sigmas = sigmas;
        this.weights = weights;
        this.low = low;
        this.high = high;
        this.categorical = categorical;
        this.logZ = new double[mus == null ? 0 : mus.length];
        for (int i = 0; i < logZ.length; i++) {
            logZ[i] = Math.log(Math.max(1e-300, cdf((high - mus[i]) / sigmas[i]) - cdf((low - mus[i]) / sigmas[i])));
        }
    }

    double[] mus() {
        return mus.clone();
    }

    double[] sigmas() {
        return sigmas.clone();
    }

    double[] weights() {
        return weights.clone();
    }

    /** Optuna's default weights: ones for n &lt; 25, else a ramp 1/n…1 over the n−25 oldest and ones after. */
    static double[] defaultWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        if (n >= 25) {
            int ramp = n - 25;
            for (int i = 0; i < ramp; i++) {
                w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
            }
        }
        return w;
    }

    private static double[] mixtureWeights(int n, double priorWeight) {
        double[] w = Arrays.copyOf(defaultWeights(n), n + 1);
        w[n] = priorWeight;
        double sum = Arrays.stream(w).sum();
        for (int i = 0; i <= n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Estimator over internal values {@code obs} (ordered by trial number) on {@code [low, high]}. */
    static ParzenEstimator numeric(double[] obs, double low, double high, double priorWeight, boolean magicClip) {
        return numeric(obs, low, high, priorWeight, magicClip, false);
    }

    /** As above; {@code bandwidthWeighted}: kernels of peak height 1 (Optuna ≤ 3.4), see the class comment. */
    static ParzenEstimator numeric(double[] obs, double low, double high, double priorWeight, boolean magicClip,
                                   boolean bandwidthWeighted) {
        int n = obs.length;
        double[] mus = Arrays.copyOf(obs, n + 1);
        mus[n] = 0.5 * (low + high);
        double[] sigmas = new double[n + 1];
        Integer[] order = new Integer[n + 1];
        for (int i = 0; i <= n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(mus[a], mus[b]));
        double[] ends = new double[n + 3];
        ends[0] = low;
        ends[n + 2] = high;
        for (int i = 0; i <= n; i++) {
            ends[i + 1] = mus[order[i]];
        }
        double[] sorted = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            sorted[i] = Math.max(ends[i + 1] - ends[i], ends[i + 2] - ends[i + 1]);
        }
        if (ends.length >= 4) {
            sorted[0] = ends[2] - ends[1];
            sorted[n] = ends[n + 1] - ends[n];
        }
        for (int i = 0; i <= n; i++) {
            sigmas[order[i]] = sorted[i];
        }
        double range = high - low;
        sigmas[n] = range;
        double minSigma = magicClip ? range / Math.min(100.0, 1.0 + (n + 1)) : 1e-12;
        for (int i = 0; i <= n; i++) {
            sigmas[i] = Math.max(Math.max(minSigma, 1e-12), Math.min(range, sigmas[i]));
        }
        return new ParzenEstimator(mus, sigmas, mixtureWeights(n, priorWeight), low, high, null, bandwidthWeighted);
    }

    /** Estimator over choice indices {@code obs} (ordered by trial number) of {@code nChoices} choices. */
    static ParzenEstimator categorical(int[] obs, int nChoices, double priorWeight) {
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
        return new ParzenEstimator(null, null, mixtureWeights(n, priorWeight), 0, nChoices - 1, p, false);
    }

    /** One draw from the mixture (a choice index for categoricals). */
    double sample(SplittableRandom rng) {
        int k = pick(rng);
        if (categorical != null) {
            double u = rng.nextDouble();
            double acc = 0;
            for (int c = 0; c < categorical[k].length; c++) {
                acc += categorical[k][c];
                if (u < acc) {
                    return c;
                }
            }
            return categorical[k].length - 1;
        }
        if (low == high) {
            return low;
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = mus[k] + sigmas[k] * gaussian(rng);
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.max(low, Math.min(high, mus[k]));
    }

    /** Log density (log probability for categoricals) of {@code x} under the mixture. */
    double logPdf(double x) {
        double[] terms = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (categorical != null) {
                terms[i] = Math.log(weights[i]) + Math.log(categorical[i][(int) x]);
            } else {
                double z = (x - mus[i]) / sigmas[i];
                terms[i] = Math.log(weights[i]) - 0.5 * z * z - LOG_SQRT_2PI - (bandwidthWeighted ? 0 : Math.log(sigmas[i])) - logZ[i];
            }
        }
        double max = Arrays.stream(terms).max().orElse(Double.NEGATIVE_INFINITY);
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

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }
}
