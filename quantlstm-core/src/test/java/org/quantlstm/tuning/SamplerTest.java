package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

/** Samplers respect bounds, steps, log scales and choices, and are reproducible with a seed. */
class SamplerTest {

    /** An objective exercising every kind of parameter; scores so that TPE has something to chase. */
    private static final Objective MIXED = t -> {
        double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
        double dropout = t.suggestFloat("dropout", 0.0, 0.5);
        int hidden = t.suggestInt("hidden", 16, 256, 16, false);
        int odd = t.suggestInt("odd", 0, 10, 3, false);
        int seq = t.suggestInt("seq", 1, 1024, 1, true);
        String opt = t.suggestCategorical("opt", List.of("adam", "sgd", "rmsprop"));
        return Math.abs(Math.log10(lr) + 3) + dropout + hidden / 256.0 + odd + Math.log(seq) / 7 + (opt.equals("adam") ? 0 : 1);
    };

    private static List<FrozenTrial> run(Sampler sampler, int n) {
        Study s = Study.builder(new InMemoryStorage(), "s").sampler(sampler).open();
        s.optimize(MIXED, n);
        return s.trials();
    }

    @Test
    void randomAndTpeStayInsideBoundsOnStepsAndChoices() {
        for (Supplier<Sampler> make : List.<Supplier<Sampler>>of(() -> new RandomSampler(3), () -> new TpeSampler(3))) {
            List<FrozenTrial> trials = run(make.get(), 80);
            assertThat(trials).hasSize(80).allMatch(t -> t.state() == TrialState.COMPLETE);
            List<Integer> odd = new ArrayList<>();
            for (FrozenTrial t : trials) {
                Map<String, Object> p = t.params();
                assertThat((Double) p.get("lr")).isBetween(1e-5, 1e-1);
                assertThat((Double) p.get("dropout")).isBetween(0.0, 0.5);
                int hidden = (Integer) p.get("hidden");
                assertThat(hidden).isBetween(16, 256);
                assertThat(hidden % 16).isZero();
                odd.add((Integer) p.get("odd"));
                assertThat((Integer) p.get("seq")).isBetween(1, 1024);
                assertThat((String) p.get("opt")).isIn("adam", "sgd", "rmsprop");
            }
            assertThat(odd).isSubsetOf(0, 3, 6, 9);
        }
    }

    @Test
    void randomCoversEveryGridPointAndChoice() {
        List<FrozenTrial> trials = run(new RandomSampler(5), 200);
        assertThat(trials.stream().map(t -> (Integer) t.params().get("odd")).distinct()).containsExactlyInAnyOrder(0, 3, 6, 9);
        assertThat(trials.stream().map(t -> (String) t.params().get("opt")).distinct())
                .containsExactlyInAnyOrder("adam", "sgd", "rmsprop");
        assertThat(trials.stream().map(t -> (Integer) t.params().get("hidden")).distinct().count()).isEqualTo(16);
    }

    @Test
    void logScaleIsUniformInTheLogarithm() {
        List<FrozenTrial> trials = run(new RandomSampler(9), 600);
        // lr log-uniform on [1e-5, 1e-1]: half the mass below 1e-3 (a linear draw would put 1 % there)
        double belowGeometricMid = trials.stream().filter(t -> (Double) t.params().get("lr") < 1e-3).count() / 600.0;
        assertThat(belowGeometricMid).isBetween(0.42, 0.58);
        // seq log-uniform int on [1, 1024], bins widened by 1/2: P(seq ≤ 32) = ln(32.5/0.5)/ln(1024.5/0.5) = 0.547
        double small = trials.stream().filter(t -> (Integer) t.params().get("seq") <= 32).count() / 600.0;
        assertThat(small).isBetween(0.47, 0.63);
        // and linear floats are linear: P(dropout < 0.25) = 0.5
        double lowDropout = trials.stream().filter(t -> (Double) t.params().get("dropout") < 0.25).count() / 600.0;
        assertThat(lowDropout).isBetween(0.42, 0.58);
    }

    @Test
    void tpeConcentratesOnTheGoodRegionAfterStartup() {
        List<FrozenTrial> trials = run(new TpeSampler(1), 80);
        long adamEarly = trials.subList(0, 10).stream().filter(t -> t.params().get("opt").equals("adam")).count();
        long adamLate = trials.subList(40, 80).stream().filter(t -> t.params().get("opt").equals("adam")).count();
        assertThat(adamLate / 40.0).isGreaterThan(0.6).isGreaterThan(adamEarly / 10.0);
        long oddZeroLate = trials.subList(40, 80).stream().filter(t -> (Integer) t.params().get("odd") == 0).count();
        assertThat(oddZeroLate / 40.0).isGreaterThan(0.5);
    }

    @Test
    void seededSamplersAreReproducible() {
        for (boolean tpe : new boolean[] {true, false}) {
            List<Map<String, Object>> a = run(tpe ? new TpeSampler(42) : new RandomSampler(42), 30).stream().map(FrozenTrial::params).toList();
            List<Map<String, Object>> b = run(tpe ? new TpeSampler(42) : new RandomSampler(42), 30).stream().map(FrozenTrial::params).toList();
            List<Map<String, Object>> c = run(tpe ? new TpeSampler(43) : new RandomSampler(43), 30).stream().map(FrozenTrial::params).toList();
            assertThat(a).isEqualTo(b);
            assertThat(a).isNotEqualTo(c);
        }
    }

    @Test
    void askingTheSameNameReturnsTheSameValueAndADifferentRangeIsAnError() {
        Study s = Study.builder(new InMemoryStorage(), "s").sampler(new RandomSampler(1)).open();
        s.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            assertThat(t.suggestFloat("x", 0, 1)).isEqualTo(x);
            return x;
        }, 3);
        assertThat(s.trials()).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThatThrownBy(() -> s.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("x", 0, 2), 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("'x'");
    }

    @Test
    void badRangesAreUserErrors() {
        assertThatThrownBy(() -> new FloatDistribution(1, 0, false)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new FloatDistribution(0, 1, true)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new IntDistribution(0, 10, 0, false)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new IntDistribution(1, 10, 2, true)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new CategoricalDistribution(List.of())).isInstanceOf(UserInputException.class);
    }

    @Test
    void gridSamplerVisitsEveryPointOnceThenStops() {
        GridSampler grid = new GridSampler(Map.of("a", List.of(1, 2, 3), "b", List.of("x", "y")), 7);
        assertThat(grid.size()).isEqualTo(6);
        Study s = Study.builder(new InMemoryStorage(), "g").sampler(grid).open();
        List<FrozenTrial> ran = s.optimize(t -> t.suggestInt("a", 1, 3) + (t.suggestCategorical("b", List.of("x", "y")).equals("x") ? 0 : 10), 100, 2);
        assertThat(ran).hasSize(6);
        assertThat(ran.stream().map(t -> t.params().get("a") + "" + t.params().get("b")).distinct().count()).isEqualTo(6);
        assertThat(s.bestTrial().orElseThrow().value()).isEqualTo(1.0);
    }

    @Test
    void gridSamplerRetriesAFailedPoint() {
        GridSampler grid = new GridSampler(Map.of("a", List.of(1, 2)), 0);
        Study s = Study.builder(new InMemoryStorage(), "g").sampler(grid).open();
        boolean[] failedOnce = {false};
        s.optimize(t -> {
            int a = t.suggestInt("a", 1, 2);
            if (a == 2 && !failedOnce[0]) {
                failedOnce[0] = true;
                throw new IllegalStateException("boom");
            }
            return a;
        }, 10);
        assertThat(s.trials()).hasSize(3);
        assertThat(s.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).map(t -> t.params().get("a")))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void gridPointsStayTakenWhileATrialHasSuggestedOnlySomeOfThem() {
        // the objective pauses between its two suggestions, so the other worker allocates while this trial's
        // stored params would hold only 'a' if a partial write dropped the fixed point
        GridSampler grid = new GridSampler(Map.of("a", List.of(1, 2, 3), "b", List.of("x", "y")), 7);
        Study s = Study.builder(new InMemoryStorage(), "g2").sampler(grid).open();
        List<FrozenTrial> ran = s.optimize(t -> {
            int a = t.suggestInt("a", 1, 3);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return a + (t.suggestCategorical("b", List.of("x", "y")).equals("x") ? 0 : 10);
        }, 100, 2);
        assertThat(ran).hasSize(6);
        assertThat(ran.stream().map(t -> t.params().get("a") + "" + t.params().get("b")).distinct().count()).isEqualTo(6);
    }
}
