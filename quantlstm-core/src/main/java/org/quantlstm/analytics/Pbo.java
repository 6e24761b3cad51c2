package org.quantlstm.analytics;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV; Bailey, Borwein,
 * López de Prado and Zhu, "The probability of backtest overfitting", J. Computational Finance 20(4), 2017).
 *
 * <p>The T×N matrix of per-period returns of N strategies (one row per period) is cut into S contiguous blocks of
 * equal size ⌊T/S⌋ (the first T mod S rows are dropped, so the blocks end at the last period). For every one of the
 * C(S, S/2) ways to choose S/2 blocks as the in-sample set J (the rest, J̄, out of sample): the strategy n* with the
 * best in-sample performance is found (the first one on ties); its out-of-sample performance is ranked among all N
 * out-of-sample performances (rank 1 the worst, ties given their average rank) and ω = rank/(N + 1); the logit is
 * λ = ln(ω/(1 − ω)). PBO is the share of splits with λ ≤ 0: how often the in-sample winner is at or below the
 * out-of-sample median.
 *
 * <p>Performance is the per-period Sharpe mean/std (ddof = 1) of the rows in the set; a column with zero variance
 * scores 0 when its mean is 0 and ±∞ otherwise (a strategy that never trades scores 0 on excess returns).
 */
public final class Pbo {
    private Pbo() {
    }

    /**
     * The outcome.
     *
     * @param pbo          share of splits with λ ≤ 0
     * @param logits       λ of every split (in the order of the combinations, lexicographic)
     * @param blocks       S
     * @param blockSize    rows per block
     * @param strategies   N
     * @param splits       C(S, S/2)
     */
    public record Result(double pbo, double[] logits, int blocks, int blockSize, int strategies, int splits) {
        public Result {
            logits = logits.clone();
        }

        @Override
        public double[] logits() {
            return logits.clone();
        }
    }

    /** PBO with the Sharpe ratio as the performance measure. */
    public static Result of(double[][] returns, int blocks) {
        return of(returns, blocks, Pbo::sharpe);
    }

    /** PBO with any performance measure of a strategy's returns in a set of rows (higher is better). */
    public static Result of(double[][] returns, int blocks, ToDoubleFunction<double[]> performance) {
        int t = returns.length;
        if (blocks < 2 || blocks % 2 != 0) {
            throw new IllegalArgumentException("the number of blocks S must be even and at least 2: " + blocks);
        }
        if (blocks > 24) {
            throw new IllegalArgumentException("S = " + blocks + " gives too many splits; use at most 24");
        }
        if (t < blocks) {
            throw new IllegalArgumentException(t + " periods are fewer than S = " + blocks + " blocks");
        }
        int n = returns[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("PBO needs at least 2 strategies, got " + n);
        }
        for (double[] row : returns) {
            if (row.length != n) {
                throw new IllegalArgumentException("every row needs " + n + " strategies, found " + row.length);
            }
        }
        int size = t / blocks;
        int skip = t - size * blocks;
        int half = blocks / 2;
        int[] chosen = new int[half];
        for (int i = 0; i < half; i++) {
            chosen[i] = i;
        }
        int total = (int) binomial(blocks, half);
        double[] logits = new double[total];
        int below = 0;
        double[] col = new double[half * size];
        double[] is = new double[n];
        double[] oos = new double[n];
        boolean[] in = new boolean[blocks];
        for (int c = 0; c < total; c++) {
            Arrays.fill(in, false);
            for (int b : chosen) {
                in[b] = true;
            }
            for (int j = 0; j < n; j++) {
                is[j] = performance.applyAsDouble(gather(returns, skip, size, in, true, j, col));
                oos[j] = performance.applyAsDouble(gather(returns, skip, size, in, false, j, col));
            }
            int best = 0;
            for (int j = 1; j < n; j++) {
                if (is[j] > is[best] || (Double.isNaN(is[best]) && !Double.isNaN(is[j]))) {
                    best = j;
                }
            }
            double omega = averageRank(oos, best) / (n + 1);
            logits[c] = Math.log(omega / (1 - omega));
            if (logits[c] <= 0) {
                below++;
            }
            next(chosen, blocks);
        }
        return new Result((double) below / total, logits, blocks, size, n, total);
    }

    private static double[] gather(double[][] r, int skip, int size, boolean[] in, boolean want, int j, double[] out) {
        int k = 0;
        for (int b = 0; b < in.length; b++) {
            if (in[b] == want) {
                int from = skip + b * size;
                for (int t = from; t < from + size; t++) {
                    out[k++] = r[t][j];
                }
            }
        }
        return out;
    }

    /** 1-based rank of v[i] among v (ascending), ties at their average rank; NaN ranks below everything. */
    static double averageRank(double[] v, int i) {
        double x = v[i];
        int less = 0, equal = 0;
        for (double w : v) {
            if (Double.isNaN(x)) {
                if (Double.isNaN(w)) {
                    equal++;
                }
            } else if (Double.isNaN(w) || w < x) {
                less++;
            } else if (w == x) {
                equal++;
            }
        }
        return less + (equal + 1) / 2.0;
    }

    /** Per-period Sharpe mean/std (ddof = 1); 0 for a constant zero column, ±∞ for a constant non-zero one. */
    static double sharpe(double[] x) {
        double m = StationaryBootstrap.mean(x);
        double s = StationaryBootstrap.std(x);
        if (s > 0) {
            return m / s;
        }
        return m == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, m);
    }

    /** Advances a k-combination of {0..n−1} in lexicographic order. */
    private static void next(int[] c, int n) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return;
        }
        c[i]++;
        for (int j = i + 1; j < k; j++) {
            c[j] = c[j - 1] + 1;
        }
    }

    static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
