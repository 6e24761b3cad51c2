package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Asynchronous successive halving (ASHA; Optuna's {@code SuccessiveHalvingPruner}). Rung k sits at step
 * {@code minResource · η^(minEarlyStoppingRate + k)}. When a trial's reports first reach a rung, its value
 * there is compared with the values of every trial (any state, itself included) that reached the same
 * rung; it continues only if it is among the best {@code ⌊n/η⌋} of them (the best one when
 * {@code n < η}), else it is pruned. A trial's rung value is its intermediate value at the first reported
 * step at or past the rung step. Expects {@link Trial#shouldPrune()} after every report: the rungs judged
 * are those passed since the previous report.
 */
public final class SuccessiveHalvingPruner implements Pruner {
    private final int minResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;

    public SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate) {
        if (minResource < 1 || reductionFactor < 2 || minEarlyStoppingRate < 0) {
            throw new IllegalArgumentException("successive halving: minResource ≥ 1, reductionFactor ≥ 2, minEarlyStoppingRate ≥ 0");
        }
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
    }

    /** Step of rung {@code k}. */
    long rungStep(int k) {
        return minResource * (long) Math.pow(reductionFactor, minEarlyStoppingRate + k);
    }

    @Override
    public boolean prune(List<FrozenTrial> trials, FrozenTrial current, Direction direction) {
        int step = current.lastStep();
        if (step < 0) {
            return false;
        }
        double value = current.intermediateValues().get(step);
        SortedMap<Integer, Double> before = current.intermediateValues().headMap(step);
        long previousStep = before.isEmpty() ? -1 : before.lastKey();
        for (int k = 0; rungStep(k) <= step; k++) {
            long rung = rungStep(k);
            if (rung <= previousStep) {
                continue;
            }
            if (Double.isNaN(value)) {
                return true;
            }
            List<Double> competing = new ArrayList<>();
            competing.add(value);
            for (FrozenTrial t : trials) {
                if (t.number() == current.number()) {
                    continue;
                }
                SortedMap<Integer, Double> after = t.intermediateValues().tailMap((int) Math.min(Integer.MAX_VALUE, rung));
                if (!after.isEmpty() && !after.get(after.firstKey()).isNaN()) {
                    competing.add(after.get(after.firstKey()));
                }
            }
            competing.sort((a, b) -> direction.compareBestFirst(a, b));
            int promotable = Math.max(0, competing.size() / reductionFactor - 1);
            if (direction.better(competing.get(promotable), value)) {
                return true;
            }
        }
        return false;
    }
}
