package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator in the manner of Optuna's {@code TPESampler} (checked detail by detail against
 * Optuna 3.1's {@code _tpe/sampler.py} and {@code parzen_estimator.py}).
 *
 * <ol>
 *   <li>Until {@code nStartupTrials} COMPLETE or PRUNED trials hold the parameter(s): uniform random draws
 *       ({@link RandomSampler}).</li>
 *   <li>Then the trials are ranked and split into "good" (the best {@code γ(n) = min(⌈0.1·n⌉, 25)}) and "bad"
 *       (the rest) as described in {@link Observations}: COMPLETE by value, then PRUNED by progress, then, with
 *       the constant liar, RUNNING trials as the worst of all.</li>
 *   <li>A Parzen estimator l(x) is fitted to the good trials' values and g(x) to the bad trials' values, in
 *       internal space (log space for log-scaled parameters; ints on {@code [low−step/2, high+step/2]}, rounded
 *       to the grid afterwards). Independent mode: one {@link ParzenEstimator} per parameter, bandwidths from
 *       the neighbours. Multivariate mode ({@link Settings#multivariate}): one
 *       {@link MultivariateParzenEstimator} over every parameter seen (see {@link RelativeSpace}).</li>
 *   <li>{@code nEiCandidates} (24) candidates are drawn from l and the one with the largest
 *       {@code log l(x) − log g(x)} is returned (maximising expected improvement).</li>
 * </ol>
 *
 * <p>Parallel workers and batches: with {@link Settings#constantLiar} the sampler reads the study's trials as they
 * are at each suggestion and ranks RUNNING trials last, so a point being evaluated pulls g(x) up around itself and
 * the next proposal moves elsewhere; in addition a candidate that a RUNNING trial already holds (the same value of
 * the parameter; in multivariate mode the same point) is chosen only when all candidates are held, so concurrent
 * trials do not evaluate the same point (finished points may be proposed again, as in Optuna). With a fixed seed and one worker the proposals are reproducible; a batch
 * asked with {@link Study#ask(int, Map)} is the same whoever evaluates it; with several worker threads the
 * proposals depend on which trials happen to be finished when each is started, so they vary from run to run.
 */
public final class TpeSampler implements Sampler {

    /**
     * TPE settings; {@link #defaults()} are Optuna 3.1's (independent, no constant liar, bandwidth-weighted
     * kernels: see {@link ParzenEstimator}).
     */
    public record Settings(int nStartupTrials, int nEiCandidates, double priorWeight, boolean magicClip,
                           boolean multivariate, boolean constantLiar, boolean bandwidthWeighted) {
        public Settings {
            if (nStartupTrials < 0 || nEiCandidates < 1 || !(priorWeight > 0)) {
                throw new IllegalArgumentException("TPE settings: nStartupTrials ≥ 0, nEiCandidates ≥ 1, priorWeight > 0");
            }
        }

        public Settings(int nStartupTrials, int nEiCandidates, double priorWeight, boolean magicClip) {
            this(nStartupTrials, nEiCandidates, priorWeight, magicClip, false, false, true);
        }

        public static Settings defaults() {
            return new Settings(10, 24, 1.0, true, false, false, true);
        }

        /** These settings with the joint (multivariate) estimator switched on or off. */
        public Settings withMultivariate(boolean on) {
            return new Settings(nStartupTrials, nEiCandidates, priorWeight, magicClip, on, constantLiar, bandwidthWeighted);
        }

        /** These settings with bandwidth-weighted kernels (Optuna ≤ 3.4) or a normalised mixture (false). */
        public Settings withBandwidthWeighted(boolean on) {
            return new Settings(nStartupTrials, nEiCandidates, priorWeight, magicClip, multivariate, constantLiar, on);
        }

        /** These settings with the constant liar for RUNNING trials switched on or off. */
        public Settings withConstantLiar(boolean on) {
            return new Settings(nStartupTrials, nEiCandidates, priorWeight, magicClip, multivariate, on, bandwidthWeighted);
        }
    }

    private final long seed;
    private final Settings settings;
    private final RelativeSpace relative = new RelativeSpace();

    public TpeSampler(long seed) {
        this(seed, Settings.defaults());
    }

    public TpeSampler(long seed, Settings settings) {
        this.seed = seed;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Optuna's default γ: the number of "good" trials out of {@code n}. */
    static int gamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    @Override
    public boolean wantsLiveHistory() {
        return settings.constantLiar();
    }

    @Override
    public Object sample(List<FrozenTrial> history, int trialNumber, String name, Distribution distribution,
                         Direction direction) {
        if (settings.multivariate()) {
            Object v = relative.value(trialNumber, name, distribution,
                    space -> sampleJoint(history, trialNumber, space, direction));
            if (v != null) {
                return v;
            }
        }
        return sampleIndependent(history, trialNumber, name, distribution, direction);
    }

    private Object sampleIndependent(List<FrozenTrial> history, int trialNumber, String name,
                                     Distribution distribution, Direction direction) {
        SplittableRandom rng = Sampler.stream(seed, trialNumber, name);
        Observations obs = Observations.split(history, trialNumber, Map.of(name, distribution), direction,
                settings.constantLiar(), TpeSampler::gamma);
        if (obs.nFinished() < settings.nStartupTrials() || obs.nFinished() == 0) {
            return RandomSampler.draw(rng, distribution);
        }
        ParzenEstimator l;
        ParzenEstimator g;
        if (distribution instanceof CategoricalDistribution c) {
            l = ParzenEstimator.categorical(indices(obs.below(), name, c), c.choices().size(), settings.priorWeight());
            g = ParzenEstimator.categorical(indices(obs.above(), name, c), c.choices().size(), settings.priorWeight());
        } else {
            double lo = distribution.internalLow();
            double hi = distribution.internalHigh();
            l = ParzenEstimator.numeric(internals(obs.below(), name, distribution), lo, hi, settings.priorWeight(),
                    settings.magicClip(), settings.bandwidthWeighted());
            g = ParzenEstimator.numeric(internals(obs.above(), name, distribution), lo, hi, settings.priorWeight(),
                    settings.magicClip(), settings.bandwidthWeighted());
        }
        java.util.Set<Object> held = settings.constantLiar() ? runningValues(history, trialNumber, name) : java.util.Set.of();
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean bestFree = false;
        for (int i = 0; i < settings.nEiCandidates(); i++) {
            double x = l.sample(rng);
            double score = l.logPdf(x) - g.logPdf(x);
            boolean free = held.isEmpty() || !held.contains(distribution.external(x));
            if (Double.isNaN(best) || (free && !bestFree) || (free == bestFree && score > bestScore)) {
                best = x;
                bestScore = score;
                bestFree = free;
            }
        }
        return distribution.external(best);
    }

    /** One joint point over {@code space}, or an empty map during the start-up trials. */
    private Map<String, Object> sampleJoint(List<FrozenTrial> history, int trialNumber,
                                            Map<String, Distribution> space, Direction direction) {
        Observations obs = Observations.split(history, trialNumber, space, direction, settings.constantLiar(),
                TpeSampler::gamma);
        if (obs.nFinished() < settings.nStartupTrials() || obs.nFinished() == 0) {
            return Map.of();
        }
        List<Distribution> dims = new ArrayList<>(space.values());
        MultivariateParzenEstimator l = new MultivariateParzenEstimator(Observations.internals(obs.below(), space),
                dims, settings.priorWeight(), settings.magicClip(), settings.bandwidthWeighted());
        MultivariateParzenEstimator g = new MultivariateParzenEstimator(Observations.internals(obs.above(), space),
                dims, settings.priorWeight(), settings.magicClip(), settings.bandwidthWeighted());
        SplittableRandom rng = Sampler.stream(seed, trialNumber, "\u0000joint");
        java.util.Set<Map<String, Object>> held = new java.util.HashSet<>();
        if (settings.constantLiar()) {
            for (FrozenTrial t : history) {
                if (t.state() == TrialState.RUNNING && t.number() != trialNumber) {
                    held.add(new LinkedHashMap<>(t.params()));
                }
            }
        }
        Map<String, Object> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean bestFree = false;
        for (int i = 0; i < settings.nEiCandidates(); i++) {
            double[] x = l.sample(rng);
            double score = l.logPdf(x) - g.logPdf(x);
            Map<String, Object> point = new LinkedHashMap<>();
            int j = 0;
            for (Map.Entry<String, Distribution> e : space.entrySet()) {
                point.put(e.getKey(), e.getValue().external(x[j++]));
            }
            boolean free = held.isEmpty() || held.stream().noneMatch(h -> h.entrySet().containsAll(point.entrySet()));
            if (best == null || (free && !bestFree) || (free == bestFree && score > bestScore)) {
                best = point;
                bestScore = score;
                bestFree = free;
            }
        }
        return best;
    }

    /** Values of {@code name} held by RUNNING trials other than {@code current}. */
    private static java.util.Set<Object> runningValues(List<FrozenTrial> history, int current, String name) {
        java.util.Set<Object> out = new java.util.HashSet<>();
        for (FrozenTrial t : history) {
            Object v = t.params().get(name);
            if (t.state() == TrialState.RUNNING && t.number() != current && v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static double[] internals(List<FrozenTrial> trials, String name, Distribution d) {
        return trials.stream().mapToDouble(t -> d.internal(t.params().get(name))).toArray();
    }

    private static int[] indices(List<FrozenTrial> trials, String name, CategoricalDistribution c) {
        return trials.stream().mapToInt(t -> c.choices().indexOf((String) t.params().get(name))).toArray();
    }
}
