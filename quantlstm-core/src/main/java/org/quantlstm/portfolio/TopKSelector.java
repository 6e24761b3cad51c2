package org.quantlstm.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.quantlstm.common.UserInputException;

/**
 * Cross-sectional top-K selection (the cross-sectional seed's rule: at most K positions of 1/K of equity each,
 * enter the highest scores above an entry threshold, exit a holding when its score falls below an exit
 * threshold). Pure functions of the scores: assets are column indices, scores are one value per asset, NaN means
 * "no score" (never entered; a holding with no score is kept, since nothing says to exit). Ties in score are
 * broken by the lower index, so results are deterministic.
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
        List<Integer> keep = new ArrayList<>();
        for (int h : holdings) {
            if (h < 0 || h >= scores.length) {
                throw new UserInputException("holding index " + h + " is outside the " + scores.length + " scored assets");
            }
            if (held[h]) {
                continue;
            }
            held[h] = true;
            if (!(scores[h] < exitThreshold)) {
                keep.add(h);
            }
        }
        if (keep.size() > k) {
            throw new UserInputException("holding " + keep.size() + " positions, more than K = " + k);
        }
        int[] added = ranked(scores, held, k - keep.size());
        int[] out = new int[keep.size() + added.length];
        int j = 0;
        for (int h : keep) {
            out[j++] = h;
        }
        for (int a : added) {
            out[j++] = a;
        }
        Arrays.sort(out);
        return out;
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
