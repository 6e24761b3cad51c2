package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ask/tell batches, the constant liar, and worker-independence of batched proposals. */
class AskTellTest {
    private static final Map<String, Distribution> SPACE = new LinkedHashMap<>(Map.of(
            "x", new IntDistribution(0, 30, 1, false)));

    private static double f(Trial t) {
        int x = (Integer) t.params().get("x");
        return (x - 12) * (x - 12);
    }

    /** A study with 15 COMPLETE trials from random search, then a batch of 6 asked at once. */
    private static List<Integer> batch(boolean liar) {
        TpeSampler tpe = new TpeSampler(5, TpeSampler.Settings.defaults().withConstantLiar(liar));
        Study s = Study.builder(new InMemoryStorage(), "b").sampler(tpe).open();
        for (Trial t : s.ask(15, SPACE)) {
            s.tell(t, f(t));
        }
        List<Integer> xs = new ArrayList<>();
        for (Trial t : s.ask(6, SPACE)) {
            xs.add((Integer) t.params().get("x"));
        }
        return xs;
    }

    @Test
    void constantLiarSpreadsABatchThatWouldOtherwiseRepeatItself() {
        List<Integer> withLiar = batch(true);
        List<Integer> without = batch(false);
        assertThat(Set.copyOf(withLiar)).as("batch with constant liar %s", withLiar).hasSize(6);
        // without the liar every trial of the batch sees the same 15 trials and chases the same optimum
        assertThat(Set.copyOf(without).size()).as("batch without liar %s", without).isLessThan(6);
    }

    @Test
    void batchProposalsDoNotDependOnTheOrderResultsComeBackIn() {
        List<List<Object>> runs = new ArrayList<>();
        for (boolean reverse : new boolean[] {false, true}) {
            Study s = Study.builder(new InMemoryStorage(), "o")
                    .sampler(new TpeSampler(9, TpeSampler.Settings.defaults().withConstantLiar(true))).open();
            List<Object> proposed = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                List<Trial> b = new ArrayList<>(s.ask(4, SPACE));
                b.forEach(t -> proposed.add(t.params().get("x")));
                if (reverse) {
                    java.util.Collections.reverse(b);
                }
                for (Trial t : b) {
                    s.tell(t, f(t));
                }
            }
            runs.add(proposed);
        }
        assertThat(runs.get(0)).hasSize(20).isEqualTo(runs.get(1));
    }

    @Test
    void tellEndsATrialOnceAndNonFiniteValuesFail() {
        Study s = Study.builder(new InMemoryStorage(), "t").sampler(new RandomSampler(1)).open();
        Trial a = s.ask().orElseThrow();
        a.suggestFloat("x", 0, 1);
        assertThat(s.tell(a, Double.NaN).state()).isEqualTo(TrialState.FAIL);
        assertThatThrownBy(() -> s.tell(a, 1.0)).isInstanceOf(IllegalStateException.class);
        Trial b = s.ask().orElseThrow();
        b.report(0, 3.0);
        assertThat(s.tellPruned(b).state()).isEqualTo(TrialState.PRUNED);
        assertThat(s.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.PRUNED);
    }

    @Test
    void parallelWorkersWithTheLiarSeeEachOthersRunningTrialsAndProposeNoDuplicates() {
        AtomicInteger sawRunning = new AtomicInteger();
        TpeSampler tpe = new TpeSampler(3, TpeSampler.Settings.defaults().withConstantLiar(true));
        Sampler spy = new Sampler() {
            @Override
            public Object sample(List<FrozenTrial> history, int trialNumber, String name, Distribution d, Direction dir) {
                if (history.stream().anyMatch(t -> t.state() == TrialState.RUNNING && t.number() != trialNumber
                        && !t.params().isEmpty())) {
                    sawRunning.incrementAndGet();
                }
                return tpe.sample(history, trialNumber, name, d, dir);
            }

            @Override
            public boolean wantsLiveHistory() {
                return tpe.wantsLiveHistory();
            }
        };
        Map<Integer, Map<String, Object>> points = new ConcurrentHashMap<>();
        Study s = Study.builder(new InMemoryStorage(), "p").sampler(spy).open();
        s.optimize(t -> {
            int hidden = t.suggestInt("hidden", 16, 128, 16, false);
            int layers = t.suggestInt("layers", 1, 3);
            double lr = t.suggestFloat("lr", 1e-4, 1e-2, true);
            points.put(t.number(), t.params());
            Thread.sleep(5);   // keep both workers' trials RUNNING at the same time
            return Math.abs(hidden - 64) / 64.0 + layers + Math.abs(Math.log10(lr) + 3);
        }, 40, 2);
        assertThat(points).hasSize(40);
        assertThat(Set.copyOf(points.values())).hasSize(40);
        assertThat(sawRunning.get()).isGreaterThan(10);
    }
}
