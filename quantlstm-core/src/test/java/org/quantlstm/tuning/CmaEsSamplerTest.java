package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CMA-ES: converges on a smooth bowl where random search cannot, respects bounds and ints, and is reproducible. */
class CmaEsSamplerTest {
    private static final Objective SPHERE = t -> {
        double s = 0;
        for (int j = 0; j < 4; j++) {
            double x = t.suggestFloat("x" + j, -5, 5);
            s += (x - 1.5) * (x - 1.5);
        }
        int k = t.suggestInt("k", 0, 20);
        return s + (k - 7) * (k - 7);
    };

    @Test
    void cmaEsGetsCloseToTheMinimumOfABowl() {
        double cma = TestFunctions.bestAfter(new CmaEsSampler(1), SPHERE, 200);
        double random = TestFunctions.bestAfter(new RandomSampler(1), SPHERE, 200);
        assertThat(cma).isLessThan(0.5).isLessThan(random / 5);
    }

    @Test
    void cmaEsStaysInBoundsOnTheGridAndIsReproducible() {
        Study a = Study.builder(new InMemoryStorage(), "a").sampler(new CmaEsSampler(7)).open();
        a.optimize(SPHERE, 60);
        Study b = Study.builder(new InMemoryStorage(), "b").sampler(new CmaEsSampler(7)).open();
        b.optimize(SPHERE, 60);
        List<FrozenTrial> ta = a.trials();
        assertThat(ta).extracting(FrozenTrial::params).isEqualTo(b.trials().stream().map(FrozenTrial::params).toList());
        for (FrozenTrial t : ta) {
            for (int j = 0; j < 4; j++) {
                assertThat((Double) t.params().get("x" + j)).isBetween(-5.0, 5.0);
            }
            assertThat((Integer) t.params().get("k")).isBetween(0, 20);
        }
    }

    @Test
    void stateFollowsTheTutorialsDefaults() {
        CmaEsSampler.State s = new CmaEsSampler.State(6);
        assertThat(s.lambda).isEqualTo(9);   // 4 + floor(3 ln 6)
        assertThat(s.mu).isEqualTo(4);
        assertThat(java.util.Arrays.stream(s.w).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
