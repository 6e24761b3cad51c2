package org.quantlstm.tuning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Chooses parameter values. Define-by-run: {@link #sample} is called the first time an objective asks a
 * trial for a parameter, with the study's trials as they were when the trial started. A seeded sampler
 * draws from a random stream derived from (seed, trial number, parameter name) only, so one worker with
 * one seed always proposes the same sequence, whatever order the objective asks in.
 */
public interface Sampler {

    /**
     * Parameters fixed when a trial is created (called inside the store's atomic trial allocation, so two
     * workers never get the same fixed point). Empty map: none fixed. Empty optional: nothing left to try,
     * the study stops.
     */
    default Optional<Map<String, Object>> fixedParams(List<FrozenTrial> trials) {
        return Optional.of(Map.of());
    }

    /** One external value of {@code distribution} for parameter {@code name} of trial {@code trialNumber}. */
    Object sample(List<FrozenTrial> history, int trialNumber, String name, Distribution distribution,
                  Direction direction);

    /**
     * True when the sampler wants to see the study's trials as they are at each suggestion (RUNNING trials of
     * other workers with the parameters they have asked for so far), not as they were when the trial started:
     * samplers with a constant liar. For one worker both views are the same, so results stay reproducible.
     */
    default boolean wantsLiveHistory() {
        return false;
    }

    /** The random stream for one (seed, trial, parameter). */
    static SplittableRandom stream(long seed, int trialNumber, String name) {
        long h = mix(seed * 0x9E3779B97F4A7C15L + trialNumber);
        h = mix(h ^ (name.hashCode() * 0xC2B2AE3D27D4EB4FL));
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
