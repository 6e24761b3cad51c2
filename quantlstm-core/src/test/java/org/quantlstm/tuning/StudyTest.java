package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

/** Study semantics on the in-memory store: directions, failures, budgets, threads, the log. */
class StudyTest {

    @Test
    void maximizeFindsTheLargestValue() {
        Study s = Study.builder(new InMemoryStorage(), "max").direction(Direction.MAXIMIZE).sampler(new TpeSampler(2)).open();
        s.optimize(t -> -Math.pow(t.suggestFloat("x", -10, 10) - 2, 2), 40);
        double max = s.trials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
        assertThat(s.bestTrial().orElseThrow().value()).isEqualTo(max).isGreaterThan(-0.5);
    }

    @Test
    void failingTrialsAreKeptAndTheStudyGoesOn() {
        List<String> log = new ArrayList<>();
        Study s = Study.builder(new InMemoryStorage(), "f").sampler(new RandomSampler(1)).listener(new OptunaStyleLog(log::add)).open();
        s.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            if (t.number() == 1) {
                throw new IllegalStateException("diverged");
            }
            return t.number() == 2 ? Double.NaN : x;
        }, 4);
        List<FrozenTrial> trials = s.trials();
        assertThat(trials).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.FAIL,
                TrialState.FAIL, TrialState.COMPLETE);
        assertThat(trials.get(1).params()).containsKey("x");
        assertThat(log).hasSize(4);
        assertThat(log.get(0)).contains("Trial 0 finished with value: ").contains("Best is trial 0 with value: ");
        assertThat(log.get(1)).contains("Trial 1 failed with parameters: {'x': ").contains("diverged");
        assertThat(log.get(2)).contains("the objective returned NaN");
    }

    @Test
    void userErrorsStopTheStudyAfterRecordingTheTrial() {
        Study s = Study.builder(new InMemoryStorage(), "u").open();
        assertThatThrownBy(() -> s.optimize(t -> {
            throw new UserInputException("ticker FOO: unknown");
        }, 5)).isInstanceOf(UserInputException.class).hasMessage("ticker FOO: unknown");
        assertThat(s.trials()).singleElement().extracting(FrozenTrial::state).isEqualTo(TrialState.FAIL);
    }

    @Test
    void optimizeUntilCountsTheWholeStudy() {
        InMemoryStorage store = new InMemoryStorage();
        Objective o = t -> t.suggestFloat("x", 0, 1);
        assertThat(Study.builder(store, "b").open().optimizeUntil(o, 5, 1)).hasSize(5);
        Study again = Study.builder(store, "b").open();
        assertThat(again.optimizeUntil(o, 8, 1)).extracting(FrozenTrial::number).containsExactly(5, 6, 7);
        assertThat(again.optimizeUntil(o, 8, 1)).isEmpty();
        assertThat(again.trials()).hasSize(8);
        assertThatThrownBy(() -> Study.builder(store, "b").direction(Direction.MAXIMIZE).open())
                .isInstanceOf(UserInputException.class).hasMessageContaining("MINIMIZE");
    }

    @Test
    void parallelThreadsGetDistinctNumbers() {
        Study s = Study.builder(new InMemoryStorage(), "t").sampler(new RandomSampler(3)).open();
        List<FrozenTrial> ran = s.optimize(t -> {
            Thread.sleep(2);
            return t.suggestFloat("x", 0, 1);
        }, 24, 4);
        assertThat(ran).extracting(FrozenTrial::number).containsExactlyElementsOf(IntStream.range(0, 24).boxed().toList());
        assertThat(s.trials()).allMatch(t -> t.state() == TrialState.COMPLETE && t.durationMs() >= 2);
    }

    @Test
    void profitMinusDrawdownIsTiny() {
        assertThat(Objectives.profitMinusDrawdown(0.0265, -0.0029, 2.0)).isEqualTo(0.0265 - 0.0058);
        assertThat(Objectives.profitMinusDrawdown(0.5).applyAsDouble(0.10, 0.20)).isEqualTo(0.0);
        assertThatThrownBy(() -> Objectives.profitMinusDrawdown(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
