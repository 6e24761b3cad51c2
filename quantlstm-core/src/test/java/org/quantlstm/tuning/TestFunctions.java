package org.quantlstm.tuning;

/**
 * Standard global-optimisation test functions (Surjanovic &amp; Bingham, "Virtual Library of Simulation
 * Experiments"), used to compare samplers.
 */
public final class TestFunctions {
    private TestFunctions() {
    }

    /** Branin minimum (see {@link BenchmarkFunctions}). */
    public static final double BRANIN_MIN = BenchmarkFunctions.BRANIN_MIN;
    /** Hartmann-6 minimum. */
    public static final double HARTMANN6_MIN = BenchmarkFunctions.HARTMANN6_MIN;

    /** Branin on x1 ∈ [−5, 10], x2 ∈ [0, 15] (the one implementation lives in {@link BenchmarkFunctions}). */
    public static double branin(double x1, double x2) {
        return BenchmarkFunctions.branin(x1, x2);
    }

    /** Hartmann-6 on [0, 1]^6. */
    public static double hartmann6(double[] x) {
        return BenchmarkFunctions.hartmann6(x);
    }

    /** Branin as a study objective (params x1, x2). */
    public static Objective braninObjective() {
        return t -> branin(t.suggestFloat("x1", -5, 10), t.suggestFloat("x2", 0, 15));
    }

    /** Hartmann-6 as a study objective (params x0…x5). */
    public static Objective hartmann6Objective() {
        return t -> {
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = t.suggestFloat("x" + j, 0, 1);
            }
            return hartmann6(x);
        };
    }

    /** Best value found by {@code sampler} in {@code nTrials} trials of {@code objective} (minimised, in memory). */
    public static double bestAfter(Sampler sampler, Objective objective, int nTrials) {
        Study study = Study.builder(new InMemoryStorage(), "bench").direction(Direction.MINIMIZE).sampler(sampler).open();
        study.optimize(objective, nTrials);
        return study.bestTrial().orElseThrow().value();
    }
}
