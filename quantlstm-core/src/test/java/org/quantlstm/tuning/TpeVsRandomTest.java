package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** TPE must beat random search on standard test functions: median best after 50 trials over 20 seeds. */
class TpeVsRandomTest {
    private static final int SEEDS = 20;
    private static final int TRIALS = 50;

    @Test
    void testFunctionsHaveTheirKnownMinima() {
        assertThat(TestFunctions.branin(-Math.PI, 12.275)).isCloseTo(TestFunctions.BRANIN_MIN, within(1e-6));
        assertThat(TestFunctions.branin(Math.PI, 2.275)).isCloseTo(TestFunctions.BRANIN_MIN, within(1e-6));
        assertThat(TestFunctions.hartmann6(new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573}))
                .isCloseTo(TestFunctions.HARTMANN6_MIN, within(1e-5));
    }

    @Test
    void tpeBeatsRandomOnBranin() {
        double tpe = medianBest(true, TestFunctions.braninObjective());
        double random = medianBest(false, TestFunctions.braninObjective());
        assertThat(tpe).isLessThan(random).isGreaterThanOrEqualTo(TestFunctions.BRANIN_MIN);
    }

    @Test
    void tpeBeatsRandomOnHartmann6() {
        double tpe = medianBest(true, TestFunctions.hartmann6Objective());
        double random = medianBest(false, TestFunctions.hartmann6Objective());
        assertThat(tpe).isLessThan(random).isGreaterThanOrEqualTo(TestFunctions.HARTMANN6_MIN);
    }

    private static double medianBest(boolean tpe, Objective objective) {
        double[] best = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            Sampler s = tpe ? new TpeSampler(seed) : new RandomSampler(seed);
            best[seed] = TestFunctions.bestAfter(s, objective, TRIALS);
        }
        return MedianPruner.median(best);
    }
}
