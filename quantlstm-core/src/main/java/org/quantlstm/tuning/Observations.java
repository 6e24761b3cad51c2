package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The trials a model-based sampler learns from, ranked and split as Optuna's TPE does
 * ({@code _get_observation_pairs} and {@code _split_observation_pairs}).
 *
 * <p>Usable trials are COMPLETE (finite value) and PRUNED trials that hold every parameter asked for with a
 * legal value, plus, with the constant liar, RUNNING trials (other than the one being sampled). They are ranked:
 * COMPLETE by value in the study's direction; then PRUNED, those that got further (larger last step) first, then
 * by their value at that step; then RUNNING ones, which count as the worst possible result (the "constant liar":
 * a point being evaluated is treated as bad, so the next proposal moves away from it). The best
 * {@code γ(n)} go to "below" (good), the rest to "above"; n counts the finished trials only, as in Optuna.
 */
record Observations(List<FrozenTrial> below, List<FrozenTrial> above, int nFinished) {

    static Observations split(List<FrozenTrial> history, int current, Map<String, Distribution> space,
                              Direction direction, boolean constantLiar, java.util.function.IntUnaryOperator gamma) {
        List<FrozenTrial> complete = new ArrayList<>();
        List<FrozenTrial> pruned = new ArrayList<>();
        List<FrozenTrial> running = new ArrayList<>();
        for (FrozenTrial t : history) {
            if (t.number() == current || !holds(t, space)) {
                continue;
            }
            if (t.state() == TrialState.COMPLETE && Double.isFinite(t.value())) {
                complete.add(t);
            } else if (t.state() == TrialState.PRUNED) {
                pruned.add(t);
            } else if (constantLiar && t.state() == TrialState.RUNNING) {
                running.add(t);
            }
        }
        complete.sort((a, b) -> {
            int byValue = direction.compareBestFirst(a.value(), b.value());
            return byValue != 0 ? byValue : Integer.compare(a.number(), b.number());
        });
        pruned.sort(Comparator.<FrozenTrial>comparingInt(t -> -t.lastStep())
                .thenComparing((a, b) -> direction.compareBestFirst(lastValue(a), lastValue(b)))
                .thenComparingInt(FrozenTrial::number));
        running.sort(Comparator.comparingInt(FrozenTrial::number));
        List<FrozenTrial> ranked = new ArrayList<>(complete);
        ranked.addAll(pruned);
        int n = ranked.size();
        ranked.addAll(running);
        int nBelow = Math.min(n, gamma.applyAsInt(n));
        List<FrozenTrial> below = new ArrayList<>(ranked.subList(0, nBelow));
        List<FrozenTrial> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
        below.sort(Comparator.comparingInt(FrozenTrial::number));
        above.sort(Comparator.comparingInt(FrozenTrial::number));
        return new Observations(List.copyOf(below), List.copyOf(above), n);
    }

    /** Internal values of {@code trials} for the parameters of {@code space}, one row per trial. */
    static double[][] internals(List<FrozenTrial> trials, Map<String, Distribution> space) {
        double[][] x = new double[trials.size()][];
        int i = 0;
        for (FrozenTrial t : trials) {
            double[] row = new double[space.size()];
            int j = 0;
            for (Map.Entry<String, Distribution> e : space.entrySet()) {
                row[j++] = e.getValue().internal(t.params().get(e.getKey()));
            }
            x[i++] = row;
        }
        return x;
    }

    private static boolean holds(FrozenTrial t, Map<String, Distribution> space) {
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            Object v = t.params().get(e.getKey());
            if (v == null || !e.getValue().contains(v)) {
                return false;
            }
        }
        return true;
    }

    private static double lastValue(FrozenTrial t) {
        return t.intermediateValues().isEmpty() ? Double.NaN : t.intermediateValues().get(t.lastStep());
    }
}
