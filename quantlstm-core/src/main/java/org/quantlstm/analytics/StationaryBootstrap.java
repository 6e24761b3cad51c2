package org.quantlstm.analytics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The stationary bootstrap of Politis and Romano (1994): a resample of a series of length n is built from blocks
 * that start at uniformly drawn positions and whose lengths are geometric with mean {@code b} (each next index
 * continues the block, wrapping round the end, with probability 1 − 1/b, or starts a new block with probability
 * 1/b). It keeps the short-range dependence of returns that an iid bootstrap destroys, and the resampled series is
 * stationary.
 *
 * <p>Intervals are percentile intervals (the α/2 and 1 − α/2 quantiles of the statistic over the resamples, linear
 * interpolation between order statistics as R's type 7). Each call draws its resamples from a fresh generator seeded
 * with the instance's seed, so the figures do not depend on the order of calls, and two series of the same length
 * are resampled with the same indices (paired).
 *
 * @param resamples       number of bootstrap resamples B
 * @param meanBlockLength b ≥ 1 (b = 1 is the iid bootstrap); NaN means "choose per series by
 *                        {@link #optimalBlockLength(double[])}"
 * @param seed            the generator's seed
 */
public record StationaryBootstrap(int resamples, double meanBlockLength, long seed) {
    public StationaryBootstrap {
        if (resamples < 10) {
            throw new IllegalArgumentException("at least 10 resamples are needed, got " + resamples);
        }
        if (!Double.isNaN(meanBlockLength) && !(meanBlockLength >= 1)) {
            throw new IllegalArgumentException("the mean block length must be at least 1 (or NaN for automatic): "
                    + meanBlockLength);
        }
    }

    /** A bootstrap whose mean block length is chosen per series by the Politis–White rule. */
    public static StationaryBootstrap automatic(int resamples, long seed) {
        return new StationaryBootstrap(resamples, Double.NaN, seed);
    }

    /**
     * A percentile interval.
     *
     * @param estimate        the statistic on the original series
     * @param lower           lower bound
     * @param upper           upper bound
     * @param level           coverage (0.95)
     * @param resamples       resamples drawn
     * @param valid           resamples whose statistic was finite (the quantiles are over these)
     * @param meanBlockLength b used
     */
    public record Interval(double estimate, double lower, double upper, double level, int resamples, int valid,
                           double meanBlockLength) {
        /** Whether {@code value} lies inside [lower, upper]. */
        public boolean contains(double value) {
            return value >= lower && value <= upper;
        }
    }

    /** The 95 % percentile interval of {@code statistic} over resamples of {@code x}. */
    public Interval interval(double[] x, ToDoubleFunction<double[]> statistic) {
        return interval(x, statistic, 0.95);
    }

    /**
     * The percentile interval of {@code statistic} at coverage {@code level}. Bounds are NaN when fewer than half the
     * resamples give a finite statistic (for example the Sharpe of a series that is constantly zero).
     */
    public Interval interval(double[] x, ToDoubleFunction<double[]> statistic, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("the bootstrap needs at least 2 observations, got " + n);
        }
        double b = Double.isNaN(meanBlockLength) ? optimalBlockLength(x) : meanBlockLength;
        double estimate = statistic.applyAsDouble(x.clone());
        SplittableRandom rng = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        double[] y = new double[n];
        int[] idx = new int[n];
        int valid = 0;
        for (int r = 0; r < resamples; r++) {
            indices(n, b, rng, idx);
            for (int t = 0; t < n; t++) {
                y[t] = x[idx[t]];
            }
            double s = statistic.applyAsDouble(y);
            if (Double.isFinite(s)) {
                stats[valid++] = s;
            }
        }
        if (valid * 2 < resamples) {
            return new Interval(estimate, Double.NaN, Double.NaN, level, resamples, valid, b);
        }
        double[] sorted = Arrays.copyOf(stats, valid);
        Arrays.sort(sorted);
        double a = (1 - level) / 2;
        return new Interval(estimate, quantile(sorted, a), quantile(sorted, 1 - a), level, resamples, valid, b);
    }

    /** The indices of one resample of length n with mean block length b (drawn from {@code rng}). */
    public static int[] indices(int n, double meanBlockLength, SplittableRandom rng) {
        int[] idx = new int[n];
        indices(n, meanBlockLength, rng, idx);
        return idx;
    }

    private static void indices(int n, double b, SplittableRandom rng, int[] idx) {
        double p = 1 / b;
        idx[0] = rng.nextInt(n);
        for (int t = 1; t < n; t++) {
            idx[t] = rng.nextDouble() < p ? rng.nextInt(n) : (idx[t - 1] + 1) % n;
        }
    }

    /** The q-quantile of sorted values, linear between order statistics (R type 7, numpy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The mean block length of Politis and White (2004) for the stationary bootstrap, with the correction of Patton,
     * Politis and White (2009): b = (2 Ĝ² / D̂)^{1/3} n^{1/3}, Ĝ = Σ_{|k|≤M} λ(k/M) |k| γ̂(k), D̂ = 2 ĝ(0)²,
     * ĝ(0) = Σ_{|k|≤M} λ(k/M) γ̂(k), with the flat-top kernel λ(t) = 1 for |t| ≤ ½, 2(1 − |t|) for ½ &lt; |t| ≤ 1, and
     * M = 2 m̂, m̂ the smallest lag after which K_n = max(5, ⌈√log₁₀ n⌉) autocorrelations in a row are within
     * ±2 √(log₁₀ n / n) (at least 1; at most ⌈√n⌉ + K_n). The result is kept within [1, min(3√n, n/3)].
     */
    public static double optimalBlockLength(double[] x) {
        int n = x.length;
        if (n < 9) {
            return 1;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        int kn = Math.max(5, (int) Math.ceil(Math.sqrt(Math.log10(n))));
        int mMax = Math.min(n - 1, (int) Math.ceil(Math.sqrt(n)) + kn);
        double[] acv = new double[mMax + 1];
        for (int k = 0; k <= mMax; k++) {
            double s = 0;
            for (int t = k; t < n; t++) {
                s += (x[t] - mean) * (x[t - k] - mean);
            }
            acv[k] = s / n;
        }
        if (!(acv[0] > 0)) {
            return 1;
        }
        double bound = 2 * Math.sqrt(Math.log10(n) / n);
        int mHat = -1;
        for (int m = 0; m + kn <= mMax && mHat < 0; m++) {
            boolean quiet = true;
            for (int k = 1; k <= kn && quiet; k++) {
                quiet = Math.abs(acv[m + k] / acv[0]) < bound;
            }
            if (quiet) {
                mHat = m;
            }
        }
        int bigM = mHat < 0 ? mMax : Math.min(2 * Math.max(mHat, 1), mMax);
        double g = 0;
        double g0 = acv[0];
        for (int k = 1; k <= bigM; k++) {
            double t = (double) k / bigM;
            double lambda = t <= 0.5 ? 1 : 2 * (1 - t);
            g += 2 * lambda * k * acv[k];
            g0 += 2 * lambda * acv[k];
        }
        double d = 2 * g0 * g0;
        double bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3.0));
        double b = d > 0 ? Math.cbrt(2 * g * g / d) * Math.cbrt(n) : 1;
        return Math.max(1, Math.min(b, bMax));
    }

    /** Annualised Sharpe mean(x)/std(x, ddof = 1)·√N of excess returns x; NaN when std is 0. */
    public static ToDoubleFunction<double[]> sharpe(int periodsPerYear) {
        double root = Math.sqrt(periodsPerYear);
        return x -> {
            double s = std(x);
            return s > 0 ? mean(x) / s * root : Double.NaN;
        };
    }

    /** CAGR (Π(1 + r))^{N/n} − 1 of simple returns r. */
    public static ToDoubleFunction<double[]> cagr(int periodsPerYear) {
        return r -> {
            double g = 1;
            for (double v : r) {
                g *= 1 + v;
            }
            return r.length == 0 ? Double.NaN : Math.pow(g, (double) periodsPerYear / r.length) - 1;
        };
    }

    /** Maximum drawdown (≤ 0) of the equity Π(1 + r), starting capital 1 as the first peak. */
    public static ToDoubleFunction<double[]> maxDrawdown() {
        return StationaryBootstrap::maxDrawdown;
    }

    static double maxDrawdown(double[] r) {
        double equity = 1, peak = 1, mdd = 0;
        for (double v : r) {
            equity *= 1 + v;
            if (equity > peak) {
                peak = equity;
            } else {
                mdd = Math.min(mdd, equity / peak - 1);
            }
        }
        return mdd;
    }

    static double mean(double[] x) {
        return Moments.mean(x);
    }

    static double std(double[] x) {
        return Moments.std(x);
    }
}
