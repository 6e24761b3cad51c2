package org.quantlstm.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.Sizing;
import org.quantlstm.signal.SizingContext;
import org.quantlstm.signal.TopKSizing;

/**
 * Cross-sectional top-K selection (the cross-sectional seed's rule: at most K positions of 1/K of equity each,
 * enter the highest scores above an entry threshold, exit a holding when its score falls below an exit
 * threshold). Pure functions of the scores: assets are column indices, scores are one value per asset, NaN means
 * "no score" (never entered; a holding with no score is kept, since nothing says to exit). Ties in score are
 * broken by the lower index, so results are deterministic.
 *
 * <p>The per-asset decision is the {@link org.quantlstm.signal.Sizing} {@link TopKSizing}; this class does the
 * cross-sectional part ({@link #review(double[], double[], Sizing)}: the holdings first, then the ranking of the
 * others after them) and hands each asset its rank in a {@link SizingContext}.
 */
public final class TopKSelector {
    private final int k;
    private final double entryThreshold;
    private final double exitThreshold;

    /**
     * @param k              maximum number of positions (≥ 1)
     * @param entryThreshold a new position needs a score strictly above this (the seed: 0.2)
     * @param exitThreshold  a holding is sold when its score is strictly below this (the seed: 0)
     */
    public TopKSelector(int k, double entryThreshold, double exitThreshold) {
        if (k < 1) {
            throw new UserInputException("top-K needs K >= 1, got " + k);
        }
        if (Double.isNaN(entryThreshold) || Double.isNaN(exitThreshold)) {
            throw new UserInputException("top-K thresholds must be numbers");
        }
        this.k = k;
        this.entryThreshold = entryThreshold;
        this.exitThreshold = exitThreshold;
    }

    public int k() {
        return k;
    }

    /** Indices of the at most K highest scores strictly above the entry threshold, best first. */
    public int[] select(double[] scores) {
        return ranked(scores, new boolean[scores.length], k);
    }

    /**
     * The holdings after one review: current holdings whose score is not below the exit threshold are kept, then
     * free slots are filled with the best non-held scores above the entry threshold. Returned in ascending index
     * order.
     */
    public int[] review(int[] holdings, double[] scores) {
        boolean[] held = new boolean[scores.length];
        double[] positions = new double[scores.length];
        for (int h : holdings) {
            if (h < 0 || h >= scores.length) {
                throw new UserInputException("holding index " + h + " is outside the " + scores.length + " scored assets");
            }
            held[h] = true;
            positions[h] = 1.0 / k;
        }
        double[] next = review(positions, scores, new TopKSizing(k, entryThreshold, exitThreshold, 1.0 / k));
        int kept = 0;
        int count = 0;
        for (int a = 0; a < next.length; a++) {
            if (next[a] != 0) {
                count++;
                kept += held[a] ? 1 : 0;
            }
        }
        if (kept > k) {
            throw new UserInputException("holding " + kept + " positions, more than K = " + k);
        }
        int[] out = new int[count];
        int j = 0;
        for (int a = 0; a < next.length; a++) {
            if (next[a] != 0) {
                out[j++] = a;
            }
        }
        return out;
    }

    /**
     * One review of a cross-section through a per-asset sizing rule (e.g. {@link TopKSizing}): first every holding
     * ({@code positions[a]} ≠ 0) is sized from its position and score with rank 0 — a NaN score keeps it under
     * {@link TopKSizing} — then every other asset with a score is ranked, best score first and ties to the lower
     * index, after the holdings the rule kept (ranks kept + 1, kept + 2, …), and sized with that rank; assets
     * neither held nor scored are sized with rank 0. Every context names the universe size as its candidates.
     * Returns the new positions; a rule that returns NaN is a bug (IllegalStateException).
     *
     * @param positions current position of each asset (0 = not held)
     * @param scores    one score per asset, NaN = none
     */
    public static double[] review(double[] positions, double[] scores, Sizing rule) {
        int n = scores.length;
        if (positions.length != n) {
            throw new IllegalArgumentException(positions.length + " positions for " + n + " scores");
        }
        double[] next = new double[n];
        int kept = 0;
        List<Integer> others = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            SizingContext ctx = SizingContext.ranked(positions[a], scores[a], 0, n);
            if (TopKSizing.holds(ctx)) {
                next[a] = rule.size(ctx);
                kept += next[a] != 0 ? 1 : 0;
            } else if (Double.isNaN(scores[a])) {
                next[a] = rule.size(ctx);
            } else {
                others.add(a);
            }
        }
        others.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        int rank = kept;
        for (int a : others) {
            next[a] = rule.size(SizingContext.ranked(positions[a], scores[a], ++rank, n));
        }
        for (int a = 0; a < n; a++) {
            if (Double.isNaN(next[a])) {
                throw new IllegalStateException("the sizing rule returned NaN for asset " + a);
            }
        }
        return next;
    }

    /** Weights of 1/K on each holding; the unused slots stay in cash, so the weights sum to holdings/K. */
    public double[] weights(int[] holdings, int assets) {
        double[] w = new double[assets];
        for (int h : holdings) {
            w[h] = 1.0 / k;
        }
        return w;
    }

    private int[] ranked(double[] scores, boolean[] exclude, int slots) {
        if (slots <= 0) {
            return new int[0];
        }
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (!exclude[i] && scores[i] > entryThreshold) {
                eligible.add(i);
            }
        }
        eligible.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        return eligible.stream().limit(slots).mapToInt(Integer::intValue).toArray();
    }
}
