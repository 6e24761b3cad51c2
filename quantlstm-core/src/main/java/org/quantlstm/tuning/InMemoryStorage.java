package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.quantlstm.common.UserInputException;

/**
 * Studies held in this process only (benchmarks, tests, throw-away searches). Thread-safe; lost when the
 * process ends. Same semantics as {@link DuckDbStorage}.
 */
public final class InMemoryStorage implements StudyStorage {
    private final Map<String, StudyInfo> studies = new LinkedHashMap<>();
    private final Map<Long, List<FrozenTrial>> trials = new HashMap<>();

    @Override
    public synchronized StudyInfo openStudy(String name, Direction direction) {
        StudyInfo existing = studies.get(name);
        if (existing != null) {
            if (existing.direction() != direction) {
                throw new UserInputException("study '" + name + "' exists with direction " + existing.direction()
                        + ", not " + direction);
            }
            return existing;
        }
        StudyInfo info = new StudyInfo(studies.size() + 1L, name, direction);
        studies.put(name, info);
        trials.put(info.id(), new ArrayList<>());
        return info;
    }

    @Override
    public synchronized List<StudyInfo> studies() {
        return List.copyOf(studies.values());
    }

    @Override
    public synchronized Optional<StudyInfo> findStudy(String name) {
        return Optional.ofNullable(studies.get(name));
    }

    @Override
    public synchronized Optional<TrialStart> startTrial(long studyId, Liveness liveness, long nowMs, int budget,
            Function<List<FrozenTrial>, Optional<Map<String, Object>>> fixedParams) {
        failStaleTrials(studyId, liveness, nowMs);
        List<FrozenTrial> list = list(studyId);
        long counted = list.stream().filter(t -> t.state() != TrialState.FAIL).count();
        if (counted >= budget) {
            return Optional.empty();
        }
        List<FrozenTrial> history = List.copyOf(list);
        Optional<Map<String, Object>> fixed = fixedParams.apply(history);
        if (fixed.isEmpty()) {
            return Optional.empty();
        }
        int number = list.size();
        list.add(new FrozenTrial(number, TrialState.RUNNING, Double.NaN, fixed.get(), new TreeMap<>(), nowMs, -1,
                nowMs, liveness.observer()));
        return Optional.of(new TrialStart(number, fixed.get(), history));
    }

    @Override
    public synchronized void writeParams(long studyId, int number, Map<String, Object> params, long nowMs) {
        FrozenTrial t = list(studyId).get(number);
        list(studyId).set(number, new FrozenTrial(number, t.state(), t.value(), params, t.intermediateValues(),
                t.startMs(), t.endMs(), nowMs, t.owner(), t.userAttrs()));
    }

    @Override
    public synchronized void writeIntermediate(long studyId, int number, SortedMap<Integer, Double> values, long nowMs) {
        FrozenTrial t = list(studyId).get(number);
        list(studyId).set(number, new FrozenTrial(number, t.state(), t.value(), t.params(), values,
                t.startMs(), t.endMs(), nowMs, t.owner(), t.userAttrs()));
    }

    @Override
    public synchronized void writeUserAttrs(long studyId, int number, Map<String, String> attrs, long nowMs) {
        FrozenTrial t = list(studyId).get(number);
        list(studyId).set(number, new FrozenTrial(number, t.state(), t.value(), t.params(), t.intermediateValues(),
                t.startMs(), t.endMs(), nowMs, t.owner(), attrs));
    }

    @Override
    public synchronized void finishTrial(long studyId, int number, TrialState state, double value, long endMs) {
        list(studyId).set(number, list(studyId).get(number).finish(state, value, endMs));
    }

    @Override
    public synchronized List<FrozenTrial> trials(long studyId) {
        return List.copyOf(list(studyId));
    }

    @Override
    public synchronized int failStaleTrials(long studyId, Liveness liveness, long nowMs) {
        List<FrozenTrial> list = list(studyId);
        int n = 0;
        for (int i = 0; i < list.size(); i++) {
            if (liveness.stale(list.get(i), nowMs)) {
                list.set(i, list.get(i).finish(TrialState.FAIL, Double.NaN, nowMs));
                n++;
            }
        }
        return n;
    }

    private List<FrozenTrial> list(long studyId) {
        List<FrozenTrial> list = trials.get(studyId);
        if (list == null) {
            throw new IllegalArgumentException("no study with id " + studyId);
        }
        return list;
    }
}
