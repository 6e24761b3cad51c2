package org.quantlstm.portfolio;

import java.util.Arrays;
import org.quantlstm.common.UserInputException;

/**
 * Per-asset weight bounds {@code lower[i] ≤ w_i ≤ upper[i]} for a fully invested portfolio (Σw = 1). A bound
 * may be infinite (no limit on that side). Construction checks that the box meets the budget:
 * {@code Σ lower ≤ 1 ≤ Σ upper}.
 */
public record Bounds(double[] lower, double[] upper) {
    public Bounds {
        if (lower == null || upper == null || lower.length != upper.length || lower.length == 0) {
            throw new UserInputException("weight bounds need one lower and one upper bound per asset");
        }
        lower = lower.clone();
        upper = upper.clone();
        double sumLower = 0;
        double sumUpper = 0;
        for (int i = 0; i < lower.length; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || lower[i] > upper[i]
                    || lower[i] == Double.POSITIVE_INFINITY || upper[i] == Double.NEGATIVE_INFINITY) {
                throw new UserInputException("weight bounds of asset " + i + " are empty: [" + lower[i] + ", "
                        + upper[i] + "]");
            }
            sumLower += lower[i];
            sumUpper += upper[i];
        }
        if (sumLower > 1 + 1e-12 || sumUpper < 1 - 1e-12) {
            throw new UserInputException("weight bounds cannot hold a fully invested portfolio: the lower bounds sum to "
                    + sumLower + " and the upper bounds to " + sumUpper + " (need sum(lower) <= 1 <= sum(upper))");
        }
    }

    /** {@code 0 ≤ w_i ≤ maxWeight}. */
    public static Bounds longOnly(int n, double maxWeight) {
        requireMax(maxWeight);
        return of(n, 0, maxWeight);
    }

    /** {@code −maxAbsWeight ≤ w_i ≤ maxAbsWeight} (shorts allowed). */
    public static Bounds longShort(int n, double maxAbsWeight) {
        requireMax(maxAbsWeight);
        return of(n, -maxAbsWeight, maxAbsWeight);
    }

    /** No per-asset limit: only the budget Σw = 1 (the textbook Markowitz/Merton problem). */
    public static Bounds unbounded(int n) {
        return of(n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static Bounds of(int n, double lo, double hi) {
        double[] l = new double[n];
        double[] u = new double[n];
        Arrays.fill(l, lo);
        Arrays.fill(u, hi);
        return new Bounds(l, u);
    }

    private static void requireMax(double max) {
        if (!(max > 0)) {
            throw new UserInputException("maximum weight must be positive, got " + max);
        }
    }

    public int size() {
        return lower.length;
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** True when every bound is finite. */
    public boolean isFinite() {
        for (int i = 0; i < lower.length; i++) {
            if (Double.isInfinite(lower[i]) || Double.isInfinite(upper[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Euclidean projection of {@code v} onto {l ≤ w ≤ u, Σw = 1}: {@code w_i = clip(v_i − τ, l_i, u_i)} with the
     * shift τ found by bisection (Σ clip(v − τ) falls monotonically in τ), then the last rounding residue is put on
     * the coordinates strictly inside their bounds. Used to make solver output exactly feasible and, in the
     * weekly-12 rule, to enforce the per-stock cap: the excess of a capped stock is spread equally over the others.
     */
    public double[] project(double[] v) {
        int n = lower.length;
        if (v.length != n) {
            throw new IllegalArgumentException("project: " + v.length + " values for " + n + " bounds");
        }
        double lo = -1;
        double hi = 1;
        for (double x : v) {
            lo = Math.min(lo, x - 1);
            hi = Math.max(hi, x + 1);
        }
        for (int k = 0; k < 200 && clippedSum(v, lo) < 1; k++) {
            lo = lo * 2 - 1;
        }
        for (int k = 0; k < 200 && clippedSum(v, hi) > 1; k++) {
            hi = hi * 2 + 1;
        }
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (clippedSum(v, mid) > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double tau = 0.5 * (lo + hi);
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = clip(v[i] - tau, i);
            sum += w[i];
        }
        for (int pass = 0; pass < 3 && sum != 1; pass++) {
            int free = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > lower[i] && w[i] < upper[i]) {
                    free++;
                }
            }
            if (free == 0) {
                break;
            }
            double share = (1 - sum) / free;
            sum = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > lower[i] && w[i] < upper[i]) {
                    w[i] = clip(w[i] + share, i);
                }
                sum += w[i];
            }
        }
        return w;
    }

    private double clippedSum(double[] v, double tau) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += clip(v[i] - tau, i);
        }
        return s;
    }

    private double clip(double x, int i) {
        return Math.max(lower[i], Math.min(upper[i], x));
    }

    /** Largest μᵀw over the box and the budget (a fractional knapsack, solved greedily); +∞ if unbounded. */
    double maxReturn(double[] mu) {
        return extremeReturn(mu, true);
    }

    /** Smallest μᵀw over the box and the budget; −∞ if unbounded. */
    double minReturn(double[] mu) {
        return extremeReturn(mu, false);
    }

    private double extremeReturn(double[] mu, boolean max) {
        int n = lower.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> max ? Double.compare(mu[b], mu[a]) : Double.compare(mu[a], mu[b]));
        // start every asset at its lower bound, then fill the remaining budget best-first
        double value = 0;
        double remaining = 1;
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(lower[i])) {
                boolean allEqual = Arrays.stream(mu).allMatch(m -> m == mu[0]);
                return allEqual ? mu[0] : (max ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            }
            value += mu[i] * lower[i];
            remaining -= lower[i];
        }
        for (int k = 0; k < n && remaining > 0; k++) {
            int i = order[k];
            double add = Math.min(upper[i] - lower[i], remaining);
            value += mu[i] * add;
            remaining -= add;
        }
        return value;
    }
}
