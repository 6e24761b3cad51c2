package org.quantlstm.tuning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Where studies and trials live. Implementations are safe for concurrent use by the threads of one
 * process; {@link DuckDbStorage} is also safe for several processes sharing one file. Every method is one
 * short, atomic operation: trial numbers are allocated inside {@link #startTrial}, so two workers never
 * receive the same number and a trial budget is never overshot.
 */
public interface StudyStorage {

    /** A study's identity. */
    record StudyInfo(long id, String name, Direction direction) {
    }

    /**
     * A trial just created: its number, the parameters fixed at creation (a grid point, or empty) and a
     * snapshot of the study's other trials taken in the same atomic step.
     */
    record TrialStart(int number, Map<String, Object> fixedParams, List<FrozenTrial> history) {
        public TrialStart {
            fixedParams = Map.copyOf(fixedParams);
            history = List.copyOf(history);
        }
    }

    /** How RUNNING trials of vanished workers are recognised (see {@link WorkerId#deadSeenFrom}). */
    record Liveness(WorkerId observer, long remoteStaleMs) {
        /** True when {@code t} is RUNNING and its owner is dead, or on another host and silent too long. */
        public boolean stale(FrozenTrial t, long nowMs) {
            if (t.state() != TrialState.RUNNING) {
                return false;
            }
            if (t.owner().host().equals(observer.host())) {
                return t.owner().deadSeenFrom(observer);
            }
            return nowMs - t.heartbeatMs() > remoteStaleMs;
        }
    }

    /**
     * Loads the study called {@code name}, creating it when absent.
     *
     * @throws org.quantlstm.common.UserInputException when it exists with the other direction
     */
    StudyInfo openStudy(String name, Direction direction);

    /** Every stored study, by id. */
    List<StudyInfo> studies();

    /** The study called {@code name}, if stored. */
    Optional<StudyInfo> findStudy(String name);

    /**
     * In one atomic step: marks stale RUNNING trials FAIL, and, when fewer than {@code budget} trials are
     * COMPLETE, PRUNED or RUNNING and {@code fixedParams} (given the current trials) yields parameters,
     * creates trial number max+1 as RUNNING owned by {@code liveness.observer()}.
     * Empty when the budget is spent or {@code fixedParams} is empty (e.g. an exhausted grid).
     */
    Optional<TrialStart> startTrial(long studyId, Liveness liveness, long nowMs, int budget,
                                    Function<List<FrozenTrial>, Optional<Map<String, Object>>> fixedParams);

    /** Replaces a running trial's parameters (all of them, in suggestion order) and bumps its heartbeat. */
    void writeParams(long studyId, int number, Map<String, Object> params, long nowMs);

    /** Replaces a running trial's intermediate values and bumps its heartbeat. */
    void writeIntermediate(long studyId, int number, SortedMap<Integer, Double> values, long nowMs);

    /** Replaces a running trial's user attributes and bumps its heartbeat. */
    void writeUserAttrs(long studyId, int number, Map<String, String> attrs, long nowMs);

    /** Ends a trial: state, value (NaN for none) and end time; the duration is end − start. */
    void finishTrial(long studyId, int number, TrialState state, double value, long endMs);

    /** All trials of a study by number. */
    List<FrozenTrial> trials(long studyId);

    /** Marks stale RUNNING trials FAIL; returns how many. */
    int failStaleTrials(long studyId, Liveness liveness, long nowMs);
}
