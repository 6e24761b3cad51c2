package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.UserInputException;

/** The DuckDB store: round trip, reopening, threads, and failing trials of vanished workers. */
class DuckDbStorageTest {
    @TempDir
    Path dir;

    @Test
    void trialsSurviveReopeningWithTypesStatesAndDurations() {
        Path db = dir.resolve("sub/studies.duckdb");
        Study s = Study.builder(new DuckDbStorage(db), "rt").direction(Direction.MAXIMIZE).sampler(new RandomSampler(5))
                .pruner(new MedianPruner(1, 0)).open();
        s.optimize(t -> {
            int h = t.suggestInt("hidden", 16, 64, 16, false);
            double lr = t.suggestFloat("lr", 1e-4, 1e-2, true);
            String c = t.suggestCategorical("cell", List.of("lstm", "gru"));
            Thread.sleep(20);
            t.report(0, t.number() == 0 ? 1.0 : -1.0);
            t.report(1, t.number() == 0 ? 0.5 : -2.0);
            if (t.number() == 0) {
                t.report(2, Double.NaN);
            }
            t.pruneIfNeeded();
            return h + lr + c.length();
        }, 2);
        List<FrozenTrial> before = s.trials();
        assertThat(before).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.PRUNED);
        FrozenTrial first = before.get(0);
        assertThat(first.params().get("hidden")).isInstanceOf(Integer.class);
        assertThat(first.params().get("lr")).isInstanceOf(Double.class);
        assertThat(first.params().get("cell")).isInstanceOf(String.class);
        assertThat(first.params().keySet()).containsExactly("hidden", "lr", "cell");
        assertThat(first.intermediateValues().get(0)).isEqualTo(1.0);
        assertThat(first.intermediateValues().get(2)).isNaN();
        assertThat(before.get(1).intermediateValues()).isEqualTo(new java.util.TreeMap<>(Map.of(0, -1.0, 1, -2.0)));
        assertThat(first.durationMs()).isGreaterThanOrEqualTo(20);
        assertThat(first.value()).isEqualTo((Integer) first.params().get("hidden") + (Double) first.params().get("lr")
                + ((String) first.params().get("cell")).length());
        assertThat(before.get(1).value()).isNaN();

        DuckDbStorage fresh = new DuckDbStorage(db);
        Study reopened = Study.builder(fresh, "rt").direction(Direction.MAXIMIZE).open();
        assertThat(reopened.trials()).isEqualTo(before);
        assertThat(reopened.bestTrial()).contains(first);
        assertThat(fresh.findStudy("other")).isEmpty();
        assertThat(fresh.studies()).extracting(StudyStorage.StudyInfo::name).containsExactly("rt");
        assertThatThrownBy(() -> Study.builder(fresh, "rt").direction(Direction.MINIMIZE).open())
                .isInstanceOf(UserInputException.class).hasMessageContaining("'rt'");
    }

    @Test
    void parallelThreadsShareOneStoreWithoutDuplicates() {
        Study s = Study.builder(new DuckDbStorage(dir.resolve("t.duckdb")), "threads").sampler(new TpeSampler(1)).open();
        s.optimizeUntil(t -> t.suggestFloat("x", -1, 1) * t.suggestFloat("y", -1, 1), 12, 3);
        assertThat(s.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
        assertThat(s.trials()).allMatch(t -> t.state() == TrialState.COMPLETE);
    }

    @Test
    void runningTrialsOfVanishedWorkersAreFailedAndReplaced() throws Exception {
        DuckDbStorage store = new DuckDbStorage(dir.resolve("stale.duckdb"));
        long id = store.openStudy("stale", Direction.MINIMIZE).id();
        WorkerId me = WorkerId.current();
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        gone.waitFor();
        WorkerId dead = new WorkerId(me.host(), gone.pid(), 0);
        WorkerId remoteSilent = new WorkerId("elsewhere", 1, 0);
        WorkerId remoteAlive = new WorkerId("elsewhere", 2, 0);
        long now = System.currentTimeMillis();
        store.startTrial(id, new StudyStorage.Liveness(dead, 0), now, 100, h -> Optional.of(Map.of()));
        store.startTrial(id, new StudyStorage.Liveness(remoteSilent, 0), now - 7_200_000, 100, h -> Optional.of(Map.of()));
        store.startTrial(id, new StudyStorage.Liveness(remoteAlive, 0), now, 100, h -> Optional.of(Map.of()));
        Study s = Study.builder(store, "stale").sampler(new RandomSampler(0)).open();
        s.optimizeUntil(t -> t.suggestFloat("x", 0, 1), 3, 1);
        List<FrozenTrial> trials = s.trials();
        assertThat(trials).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.FAIL,
                TrialState.RUNNING, TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(trials.get(0).durationMs()).isGreaterThanOrEqualTo(0);
    }
}
