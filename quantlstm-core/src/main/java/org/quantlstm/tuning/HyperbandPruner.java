package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband (Li et al., 2018) as Optuna's {@code HyperbandPruner}: several {@link SuccessiveHalvingPruner}
 * brackets that differ in how early they start pruning, so that a search hedges between "stop early and try many"
 * and "let few trials run long".
 *
 * <p>With resources (steps) from {@code minResource} to {@code maxResource} and reduction factor η there are
 * {@code B = ⌊log_η(maxResource/minResource)⌋ + 1} brackets; bracket b is successive halving with
 * {@code minEarlyStoppingRate = b} (its first rung at {@code minResource·η^b}). Each trial belongs to one bracket,
 * chosen from its number by a fixed hash weighted by the brackets' budgets ({@code ⌈B·η^s/(s+1)⌉} with
 * {@code s = B−1−b}, Optuna's allocation), and is compared only with trials of its own bracket.
 */
public final class HyperbandPruner implements Pruner {
    private final int minResource;
    private final int reductionFactor;
    private final int[] budgets;
    private final SuccessiveHalvingPruner[] brackets;

    public HyperbandPruner(int minResource, int maxResource, int reductionFactor) {
        if (minResource < 1 || maxResource < minResource || reductionFactor < 2) {
            throw new IllegalArgumentException("hyperband: minResource ≥ 1, maxResource ≥ minResource, reductionFactor ≥ 2");
        }
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        int n = (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor) + 1e-9) + 1;
        budgets = new int[n];
        brackets = new SuccessiveHalvingPruner[n];
        for (int b = 0; b < n; b++) {
            int sIndex = n - 1 - b;
            budgets[b] = (int) Math.ceil(n * Math.pow(reductionFactor, sIndex) / (sIndex + 1));
            brackets[b] = new SuccessiveHalvingPruner(minResource, reductionFactor, b);
        }
    }

    /** Number of brackets. */
    public int brackets() {
        return brackets.length;
    }

    /** The bracket of trial {@code number}. */
    public int bracketOf(int number) {
        int total = 0;
        for (int b : budgets) {
            total += b;
        }
        long h = number * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        int slot = (int) Math.floorMod(h, (long) total);
        for (int b = 0; b < budgets.length; b++) {
            if (slot < budgets[b]) {
                return b;
            }
            slot -= budgets[b];
        }
        return budgets.length - 1;
    }

    @Override
    public boolean prune(List<FrozenTrial> trials, FrozenTrial current, Direction direction) {
        int b = bracketOf(current.number());
        List<FrozenTrial> same = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (bracketOf(t.number()) == b) {
                same.add(t);
            }
        }
        return brackets[b].prune(same, current, direction);
    }

    @Override
    public String toString() {
        return "hyperband(min " + minResource + ", η " + reductionFactor + ", " + brackets.length + " brackets)";
    }
}
