package org.quantlstm.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of one trial as stored: its number inside the study (0, 1, 2… allocated by the store),
 * state, value (NaN unless COMPLETE), parameters in suggestion order (Integer for ints, Double for floats,
 * String for categoricals), intermediate values by step, start and end (epoch ms UTC; end −1 while
 * running), the last heartbeat, the owning worker and user attributes (short strings the objective attached, e.g.
 * {@code degenerate}, as Optuna's {@code user_attrs}).
 */
public record FrozenTrial(int number, TrialState state, double value, Map<String, Object> params,
                          SortedMap<Integer, Double> intermediateValues, long startMs, long endMs,
                          long heartbeatMs, WorkerId owner, Map<String, String> userAttrs) {
    public FrozenTrial {
        if (number < 0) {
            throw new IllegalArgumentException("trial number " + number + " < 0");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(owner, "owner");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
        userAttrs = Collections.unmodifiableMap(new TreeMap<>(userAttrs == null ? Map.of() : userAttrs));
    }

    /** A trial without user attributes. */
    public FrozenTrial(int number, TrialState state, double value, Map<String, Object> params,
                       SortedMap<Integer, Double> intermediateValues, long startMs, long endMs, long heartbeatMs,
                       WorkerId owner) {
        this(number, state, value, params, intermediateValues, startMs, endMs, heartbeatMs, owner, Map.of());
    }

    /** Wall-clock duration in ms, or −1 while the trial is running. */
    public long durationMs() {
        return endMs < 0 ? -1 : endMs - startMs;
    }

    /** The largest reported step, or −1 when nothing was reported. */
    public int lastStep() {
        return intermediateValues.isEmpty() ? -1 : intermediateValues.lastKey();
    }

    /** This trial with another state, value and end time. */
    FrozenTrial finish(TrialState newState, double newValue, long end) {
        return new FrozenTrial(number, newState, newValue, params, intermediateValues, startMs, end, heartbeatMs, owner,
                userAttrs);
    }
}
