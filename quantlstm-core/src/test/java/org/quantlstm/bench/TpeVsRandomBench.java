package org.quantlstm.bench;

import java.util.Arrays;
import java.util.Locale;
import org.quantlstm.tuning.Objective;
import org.quantlstm.tuning.RandomSampler;
import org.quantlstm.tuning.Sampler;
import org.quantlstm.tuning.TestFunctions;
import org.quantlstm.tuning.TpeSampler;

/**
 * TPE vs random search on Branin (2-d) and Hartmann-6: best value after 50 trials, 20 seeds each;
 * prints median, quartiles (IQR) and median regret (best − known minimum), plus the wall time.
 *
 * <pre>
 * mvn -q -B -o test-compile &amp;&amp; java -cp "target/test-classes:target/classes:$(mvn -q -B -o \
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" org.quantlstm.bench.TpeVsRandomBench [seeds] [trials]
 * </pre>
 */
public final class TpeVsRandomBench {
    private TpeVsRandomBench() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        System.out.printf(Locale.ROOT, "TPE vs random, %d seeds, %d trials each (minimisation; lower is better)%n", seeds, trials);
        System.out.println("| function | known min | sampler | median best | Q1 | Q3 | IQR | median regret | wall s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        row("Branin", TestFunctions.BRANIN_MIN, TestFunctions.braninObjective(), seeds, trials);
        row("Hartmann-6", TestFunctions.HARTMANN6_MIN, TestFunctions.hartmann6Objective(), seeds, trials);
    }

    private static void row(String name, double min, Objective objective, int seeds, int trials) {
        for (String sampler : new String[] {"random", "TPE"}) {
            long t0 = System.nanoTime();
            double[] best = new double[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                Sampler s = sampler.equals("TPE") ? new TpeSampler(seed) : new RandomSampler(seed);
                best[seed] = TestFunctions.bestAfter(s, objective, trials);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(best);
            double q1 = quantile(best, 0.25);
            double med = quantile(best, 0.5);
            double q3 = quantile(best, 0.75);
            System.out.printf(Locale.ROOT, "| %s | %.5f | %s | %.5f | %.5f | %.5f | %.5f | %.5f | %.2f |%n",
                    name, min, sampler, med, q1, q3, q3 - q1, med - min, wall);
        }
    }

    /** Linear-interpolation quantile of sorted values (numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
