package org.quantlstm.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.quantlstm.common.UserInputException;

/**
 * A running trial as the objective sees it (Optuna's define-by-run {@code Trial}): ask for parameters
 * with the {@code suggest…} methods, report one value per step (e.g. the validation loss after each
 * epoch) and call {@link #shouldPrune()} after each report; throw {@link TrialPrunedException} when it
 * says so. Suggestions and reports are written to the store at once, so a crash loses nothing already
 * asked or reported. Asking for the same name twice returns the first value (with the same range), as in
 * Optuna. Used by one thread.
 */
public final class Trial {
    private final StudyStorage storage;
    private final long studyId;
    private final int number;
    private final Direction direction;
    private final Sampler sampler;
    private final Pruner pruner;
    private final StudyStorage.TrialStart start;
    private final WorkerId owner;
    private final long startMs;
    private final LongSupplier clock;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    private final TreeMap<String, String> userAttrs = new TreeMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();

    Trial(StudyStorage storage, long studyId, Direction direction, Sampler sampler, Pruner pruner,
          StudyStorage.TrialStart start, WorkerId owner, long startMs, LongSupplier clock) {
        this.storage = storage;
        this.studyId = studyId;
        this.number = start.number();
        this.direction = direction;
        this.sampler = sampler;
        this.pruner = pruner;
        this.start = start;
        this.owner = owner;
        this.startMs = startMs;
        this.clock = clock;
    }

    /** The trial's number in its study (0, 1, 2… in creation order across all workers). */
    public int number() {
        return number;
    }

    /** An integer in {@code [low, high]}. */
    public int suggestInt(String name, int low, int high) {
        return suggestInt(name, low, high, 1, false);
    }

    /** An integer in {@code low, low+step, …, ≤ high}, log-scaled when {@code log} (then step must be 1). */
    public int suggestInt(String name, int low, int high, int step, boolean log) {
        return ((Number) suggest(name, new IntDistribution(low, high, step, log))).intValue();
    }

    /** A real in {@code [low, high]}. */
    public double suggestFloat(String name, double low, double high) {
        return suggestFloat(name, low, high, false);
    }

    /** A real in {@code [low, high]}, sampled on a log scale when {@code log}. */
    public double suggestFloat(String name, double low, double high, boolean log) {
        return ((Number) suggest(name, new FloatDistribution(low, high, log))).doubleValue();
    }

    /** One of {@code choices}. */
    public String suggestCategorical(String name, List<String> choices) {
        return (String) suggest(name, new CategoricalDistribution(choices));
    }

    /**
     * A value of {@code distribution} for parameter {@code name} (the general form of the {@code suggest…}
     * methods; Integer for ints, Double for floats, String for categoricals).
     */
    public Object suggest(String name, Distribution distribution) {
        Objects.requireNonNull(name, "name");
        Distribution known = distributions.get(name);
        if (known != null) {
            if (!known.equals(distribution)) {
                throw new UserInputException("parameter '" + name + "' asked twice with different ranges: "
                        + known + " and " + distribution);
            }
            return params.get(name);
        }
        Object value;
        Object fixed = start.fixedParams().get(name);
        if (fixed != null) {
            if (!distribution.contains(fixed)) {
                throw new UserInputException("parameter '" + name + "': fixed value " + fixed + " is outside " + distribution);
            }
            value = distribution instanceof IntDistribution ? (Object) ((Number) fixed).intValue()
                    : distribution instanceof FloatDistribution ? (Object) ((Number) fixed).doubleValue() : fixed;
        } else {
            List<FrozenTrial> history = sampler.wantsLiveHistory() ? storage.trials(studyId) : start.history();
            value = sampler.sample(history, number, name, distribution, direction);
        }
        distributions.put(name, distribution);
        params.put(name, value);
        // store the fixed (grid) point together with what was suggested so far: other workers decide which grid
        // points are free from the stored params, so a partial write must not hide a point this trial holds
        Map<String, Object> stored = new java.util.LinkedHashMap<>(start.fixedParams());
        stored.putAll(params);
        storage.writeParams(studyId, number, stored, clock.getAsLong());
        return value;
    }

    /**
     * Records the objective's value after {@code step} (an epoch, say). A step already reported keeps its
     * first value, as in Optuna.
     */
    public void report(int step, double value) {
        if (step < 0) {
            throw new IllegalArgumentException("report step " + step + " < 0");
        }
        if (intermediate.putIfAbsent(step, value) == null) {
            storage.writeIntermediate(studyId, number, intermediate, clock.getAsLong());
        }
    }

    /** Whether the study's pruner says this trial should stop, judged on the reports so far. */
    public boolean shouldPrune() {
        if (intermediate.isEmpty()) {
            return false;
        }
        return pruner.prune(storage.trials(studyId), freeze(TrialState.RUNNING, Double.NaN, -1), direction);
    }

    /** Throws {@link TrialPrunedException} when {@link #shouldPrune()} is true. */
    public void pruneIfNeeded() {
        if (shouldPrune()) {
            throw new TrialPrunedException(number, intermediate.lastKey());
        }
    }

    /**
     * Attaches a short note to the trial (Optuna's {@code set_user_attr}), stored at once and shown by the trial
     * log, {@code study show/export} and trials.csv; e.g. {@code degenerate = "never trades"}.
     */
    public void setUserAttr(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        userAttrs.put(key, value);
        storage.writeUserAttrs(studyId, number, userAttrs, clock.getAsLong());
    }

    /** Parameters asked so far, in order. */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Marks the trial ended; false when it already was. */
    boolean markTold() {
        return told.compareAndSet(false, true);
    }

    FrozenTrial freeze(TrialState state, double value, long endMs) {
        return new FrozenTrial(number, state, value, params, intermediate, startMs, endMs, clock.getAsLong(), owner,
                userAttrs);
    }
}
