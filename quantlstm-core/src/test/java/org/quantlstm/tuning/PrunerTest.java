package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Median and successive-halving pruners on hand-built fixtures, and early stopping inside a study. */
class PrunerTest {
    private static final WorkerId ME = new WorkerId("h", 1, 0);

    private static FrozenTrial trial(int number, TrialState state, double... byStep) {
        TreeMap<Integer, Double> iv = new TreeMap<>();
        for (int s = 0; s < byStep.length; s++) {
            if (!Double.isNaN(byStep[s])) {
                iv.put(s, byStep[s]);
            }
        }
        return new FrozenTrial(number, state, state == TrialState.COMPLETE ? byStep[byStep.length - 1] : Double.NaN,
                Map.of(), iv, 0, -1, 0, ME);
    }

    @Test
    void medianPrunerComparesTheBestSoFarWithTheMedianOfCompleteTrialsAtThatStep() {
        List<FrozenTrial> done = new ArrayList<>(List.of(
                trial(0, TrialState.COMPLETE, 9, 9, 9, 1),
                trial(1, TrialState.COMPLETE, 9, 9, 9, 2),
                trial(2, TrialState.COMPLETE, 9, 9, 9, 3),
                trial(3, TrialState.COMPLETE, 9, 9, 9, 4),
                trial(4, TrialState.PRUNED, 9, 9, 9, 0.1)));  // pruned trials do not count
        MedianPruner pruner = new MedianPruner(4, 1);
        // median at step 3 of 1,2,3,4 = 2.5
        assertThat(pruner.prune(done, trial(9, TrialState.RUNNING, 9, 9, 9, 2.6), Direction.MINIMIZE)).isTrue();
        assertThat(pruner.prune(done, trial(9, TrialState.RUNNING, 9, 9, 9, 2.4), Direction.MINIMIZE)).isFalse();
        // best so far (2.0 at step 0) counts, not the latest value
        assertThat(pruner.prune(done, trial(9, TrialState.RUNNING, 2.0, 9, 9, 2.6), Direction.MINIMIZE)).isFalse();
        // maximize: 2.4 < 2.5 is worse
        assertThat(pruner.prune(done, trial(9, TrialState.RUNNING, 0, 0, 0, 2.4), Direction.MAXIMIZE)).isTrue();
        assertThat(pruner.prune(done, trial(9, TrialState.RUNNING, 0, 0, 0, 2.6), Direction.MAXIMIZE)).isFalse();
        // too few complete trials, or still warming up
        assertThat(new MedianPruner(5, 1).prune(done, trial(9, TrialState.RUNNING, 9, 9, 9, 99), Direction.MINIMIZE)).isFalse();
        assertThat(new MedianPruner(4, 4).prune(done, trial(9, TrialState.RUNNING, 9, 9, 9, 99), Direction.MINIMIZE)).isFalse();
        // a NaN report prunes
        assertThat(pruner.prune(done, trial(9, TrialState.RUNNING, 9, Double.NaN), Direction.MINIMIZE)).isFalse();
    }

    @Test
    void successiveHalvingKeepsTheTopOneOverEtaAtEachRung() {
        SuccessiveHalvingPruner asha = new SuccessiveHalvingPruner(1, 2, 0);  // rungs at steps 1, 2, 4, 8
        assertThat(asha.rungStep(0)).isEqualTo(1);
        assertThat(asha.rungStep(3)).isEqualTo(8);
        List<FrozenTrial> others = List.of(
                trial(0, TrialState.COMPLETE, 5, 1.0, 0.5, 0.4, 0.3),
                trial(1, TrialState.PRUNED, 5, 3.0),
                trial(2, TrialState.RUNNING, 5, 2.0, 0.9));
        // step 0: below the first rung
        assertThat(asha.prune(others, trial(9, TrialState.RUNNING, 5), Direction.MINIMIZE)).isFalse();
        // rung 1: competitors 1.0, 3.0, 2.0 and itself; n = 4 keeps the best 4/2 = 2
        assertThat(asha.prune(others, trial(9, TrialState.RUNNING, 5, 2.5), Direction.MINIMIZE)).isTrue();
        assertThat(asha.prune(others, trial(9, TrialState.RUNNING, 5, 1.5), Direction.MINIMIZE)).isFalse();
        // rung 2 (rung 1 already passed, not judged again): competitors 0.5, 0.9 and itself; n = 3 keeps the best 1
        assertThat(asha.prune(others, trial(9, TrialState.RUNNING, 5, 1.5, 0.95), Direction.MINIMIZE)).isTrue();
        assertThat(asha.prune(others, trial(9, TrialState.RUNNING, 5, 1.5, 0.4), Direction.MINIMIZE)).isFalse();
        // alone at a rung: kept
        assertThat(asha.prune(List.of(), trial(9, TrialState.RUNNING, 5, 100), Direction.MINIMIZE)).isFalse();
        // maximize flips the ranking
        assertThat(asha.prune(others, trial(9, TrialState.RUNNING, 5, 2.5), Direction.MAXIMIZE)).isFalse();
    }

    /** Ten "epochs"; the loss curve's level is set by x, so bad x are visible early. */
    private static Objective epochs(Map<Integer, Integer> reports) {
        return t -> {
            double x = t.suggestFloat("x", 0, 1);
            double level = (x - 0.3) * (x - 0.3) + 0.1;
            double loss = Double.NaN;
            for (int step = 0; step < 10; step++) {
                loss = level * (1 + 1.0 / (step + 1));
                t.report(step, loss);
                reports.merge(t.number(), 1, Integer::sum);
                t.pruneIfNeeded();
            }
            return loss;
        };
    }

    @Test
    void medianPrunerStopsBadTrialsEarlyInAStudy() {
        Map<Integer, Integer> reports = new ConcurrentHashMap<>();
        Study s = Study.builder(new InMemoryStorage(), "p").sampler(new RandomSampler(4)).pruner(new MedianPruner(5, 2)).open();
        s.optimize(epochs(reports), 40);
        List<FrozenTrial> trials = s.trials();
        List<FrozenTrial> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertThat(pruned).hasSizeGreaterThan(5);
        for (FrozenTrial t : pruned) {
            assertThat(reports.get(t.number())).isLessThan(10).isGreaterThanOrEqualTo(3)
                    .isEqualTo(t.intermediateValues().size());
            assertThat(t.number()).isGreaterThanOrEqualTo(5);
        }
        for (FrozenTrial t : trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList()) {
            assertThat(reports.get(t.number())).isEqualTo(10);
        }
        int totalReports = reports.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(totalReports).isLessThan(40 * 10);
    }

    @Test
    void successiveHalvingStopsTrialsAtRungs() {
        Map<Integer, Integer> reports = new ConcurrentHashMap<>();
        Study s = Study.builder(new InMemoryStorage(), "a").sampler(new RandomSampler(8))
                .pruner(new SuccessiveHalvingPruner(1, 3, 0)).open();  // rungs at steps 1, 3, 9
        s.optimize(epochs(reports), 30);
        List<FrozenTrial> pruned = s.trials().stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertThat(pruned).hasSizeGreaterThan(10);
        for (FrozenTrial t : pruned) {
            assertThat(t.lastStep()).isIn(1, 3, 9);
            assertThat(reports.get(t.number())).isEqualTo(t.lastStep() + 1);
        }
    }

    @Test
    void hyperbandHasOptunasBracketsAndComparesTrialsOnlyWithinTheirBracket() {
        HyperbandPruner hb = new HyperbandPruner(1, 27, 3);  // log3(27) + 1 = 4 brackets
        assertThat(hb.brackets()).isEqualTo(4);
        Map<Integer, Integer> seen = new TreeMap<>();
        for (int n = 0; n < 2000; n++) {
            assertThat(hb.bracketOf(n)).isEqualTo(hb.bracketOf(n)).isBetween(0, 3);
            seen.merge(hb.bracketOf(n), 1, Integer::sum);
        }
        // Optuna's budgets ceil(B·η^s/(s+1)), s = B-1-b: 27, 12, 6, 4 of 49, so about 1102, 490, 245 and 163 of 2000
        assertThat(seen).containsOnlyKeys(0, 1, 2, 3);
        assertThat(seen.get(0)).isBetween(1000, 1200);
        assertThat(seen.get(1)).isBetween(400, 580);
        assertThat(seen.get(2)).isBetween(190, 300);
        assertThat(seen.get(3)).isBetween(120, 210);
        // find two trials in bracket 0 and one in another bracket
        int a = -1;
        int other = -1;
        int cur = -1;
        for (int n = 0; n < 200 && (a < 0 || other < 0 || cur < 0); n++) {
            if (hb.bracketOf(n) == 0) {
                if (a < 0) {
                    a = n;
                } else if (cur < 0) {
                    cur = n;
                }
            } else if (other < 0) {
                other = n;
            }
        }
        // bracket 0 = successive halving with rungs at 1, 3, 9. At rung 1 the current trial (2.0) meets one
        // bracket-mate (1.0): n = 2 < eta, so only the best continues and it is pruned.
        FrozenTrial mate = trial(a, TrialState.COMPLETE, 5, 1.0, 1.0);
        FrozenTrial stranger = trial(other, TrialState.COMPLETE, 5, 3.0, 3.0);
        FrozenTrial running = trial(cur, TrialState.RUNNING, 5, 2.0);
        assertThat(hb.prune(List.of(mate, stranger), running, Direction.MINIMIZE)).isTrue();
        // without its bracket-mate it is the best of its bracket at that rung; the stranger does not count
        assertThat(hb.prune(List.of(stranger), running, Direction.MINIMIZE)).isFalse();
    }
}
