package org.quantlstm.tuning;

import java.util.List;

/**
 * Standard global-optimisation test functions (Surjanovic &amp; Bingham, "Virtual Library of Simulation
 * Experiments", sfu.ca/~ssurjano), used by {@code quantlstm bench tpe} to compare samplers.
 */
public final class BenchmarkFunctions {
    private BenchmarkFunctions() {
    }

    /** A function to minimise, as a study objective, with its known global minimum. */
    public record Function(String name, double minimum, Objective objective) {
    }

    /** Branin minimum, reached at (−π, 12.275), (π, 2.275) and (9.42478, 2.475). */
    public static final double BRANIN_MIN = 0.397887357729738;
    /** Hartmann-6 minimum, at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573). */
    public static final double HARTMANN6_MIN = -3.32236801141551;

    /** Branin on x1 ∈ [−5, 10], x2 ∈ [0, 15]. */
    public static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
        {10, 3, 17, 3.5, 1.7, 8},
        {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /** Hartmann-6 on [0, 1]^6. */
    public static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - P[i][j];
                inner += A[i][j] * d * d;
            }
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /** Branin as a study objective (floats x1, x2). */
    public static Function branin() {
        return new Function("branin", BRANIN_MIN, t -> branin(t.suggestFloat("x1", -5, 10), t.suggestFloat("x2", 0, 15)));
    }

    /** Hartmann-6 as a study objective (floats x0…x5). */
    public static Function hartmann6() {
        return new Function("hartmann6", HARTMANN6_MIN, t -> {
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = t.suggestFloat("x" + j, 0, 1);
            }
            return hartmann6(x);
        });
    }

    /** The functions by name, in the order {@code bench tpe} prints them. */
    public static List<Function> all() {
        return List.of(branin(), hartmann6());
    }
}
