package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator in the manner of Optuna's default {@code TPESampler} (Optuna 3,
 * independent per parameter, i.e. {@code multivariate=False}).
 *
 * <ol>
 *   <li>Until {@code nStartupTrials} COMPLETE or PRUNED trials hold the parameter: uniform random draws
 *       ({@link RandomSampler}).</li>
 *   <li>Then the finished trials are split into "good" (the best {@code γ(n) = min(⌈0.1·n⌉, 25)}) and
 *       "bad" (the rest). COMPLETE trials rank by value in the study's direction; PRUNED trials rank after
 *       them, those that got further (larger last step) first, then by their value at that step; so
 *       pruned trials land in the good set only while too few trials are complete.</li>
 *   <li>For the parameter, a {@link ParzenEstimator} l(x) is fitted to the good trials' values and g(x)
 *       to the bad trials' values (in log space for log-scaled parameters; ints on the continuous
 *       relaxation {@code [low−step/2, high+step/2]}, rounded to the step grid afterwards).</li>
 *   <li>{@code nEiCandidates} (24) candidates are drawn from l(x) and the one with the largest
 *       {@code log l(x) − log g(x)} is returned (maximising expected improvement).</li>
 * </ol>
 * Differences from Optuna: no multivariate or grouped mode, no constant-liar for parallel workers
 * (running trials are simply ignored), ints use the continuous density rather than bin probabilities.
 * With a fixed seed and one worker the proposals are reproducible.
 */
public final class TpeSampler implements Sampler {

    /** TPE settings; {@link #defaults()} are Optuna's. */
    public record Settings(int nStartupTrials, int nEiCandidates, double priorWeight, boolean magicClip) {
        public Settings {
            if (nStartupTrials < 0 || nEiCandidates < 1 || !(priorWeight > 0)) {
                throw new IllegalArgumentException("TPE settings: nStartupTrials ≥ 0, nEiCandidates ≥ 1, priorWeight > 0");
            }
        }

        public static Settings defaults() {
            return new Settings(10, 24, 1.0, true);
        }
    }

    private final long seed;
    private final Settings settings;

    public TpeSampler(long seed) {
        this(seed, Settings.defaults());
    }

    public TpeSampler(long seed, Settings settings) {
        this.seed = seed;
        this.settings = settings;
    }

    /** Optuna's default γ: the number of "good" trials out of {@code n}. */
    static int gamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    @Override
    public Object sample(List<FrozenTrial> history, int trialNumber, String name, Distribution distribution,
                         Direction direction) {
        SplittableRandom rng = Sampler.stream(seed, trialNumber, name);
        List<FrozenTrial> complete = new ArrayList<>();
        List<FrozenTrial> pruned = new ArrayList<>();
        for (FrozenTrial t : history) {
            Object v = t.params().get(name);
            if (v == null || !distribution.contains(v)) {
                continue;
            }
            if (t.state() == TrialState.COMPLETE && Double.isFinite(t.value())) {
                complete.add(t);
            } else if (t.state() == TrialState.PRUNED) {
                pruned.add(t);
            }
        }
        int n = complete.size() + pruned.size();
        if (n < settings.nStartupTrials() || n == 0) {
            return RandomSampler.draw(rng, distribution);
        }
        complete.sort((a, b) -> {
            int byValue = direction.compareBestFirst(a.value(), b.value());
            return byValue != 0 ? byValue : Integer.compare(a.number(), b.number());
        });
        pruned.sort(Comparator.<FrozenTrial>comparingInt(t -> -t.lastStep())
                .thenComparing((a, b) -> direction.compareBestFirst(lastValue(a), lastValue(b)))
                .thenComparingInt(FrozenTrial::number));
        List<FrozenTrial> ranked = new ArrayList<>(complete);
        ranked.addAll(pruned);
        int nBelow = gamma(n);
        List<FrozenTrial> below = new ArrayList<>(ranked.subList(0, nBelow));
        List<FrozenTrial> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
        below.sort(Comparator.comparingInt(FrozenTrial::number));
        above.sort(Comparator.comparingInt(FrozenTrial::number));

        ParzenEstimator l;
        ParzenEstimator g;
        if (distribution instanceof CategoricalDistribution c) {
            l = ParzenEstimator.categorical(indices(below, name, c), c.choices().size(), settings.priorWeight());
            g = ParzenEstimator.categorical(indices(above, name, c), c.choices().size(), settings.priorWeight());
        } else {
            double lo = distribution.internalLow();
            double hi = distribution.internalHigh();
            l = ParzenEstimator.numeric(internals(below, name, distribution), lo, hi, settings.priorWeight(),
                    settings.magicClip());
            g = ParzenEstimator.numeric(internals(above, name, distribution), lo, hi, settings.priorWeight(),
                    settings.magicClip());
        }
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < settings.nEiCandidates(); i++) {
            double x = l.sample(rng);
            double score = l.logPdf(x) - g.logPdf(x);
            if (Double.isNaN(best) || score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        return distribution.external(best);
    }

    private static double lastValue(FrozenTrial t) {
        return t.intermediateValues().isEmpty() ? Double.NaN : t.intermediateValues().get(t.lastStep());
    }

    private static double[] internals(List<FrozenTrial> trials, String name, Distribution d) {
        return trials.stream().mapToDouble(t -> d.internal(t.params().get(name))).toArray();
    }

    private static int[] indices(List<FrozenTrial> trials, String name, CategoricalDistribution c) {
        return trials.stream().mapToInt(t -> c.choices().indexOf((String) t.params().get(name))).toArray();
    }
}
