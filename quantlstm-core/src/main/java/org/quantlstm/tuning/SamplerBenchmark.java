package org.quantlstm.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.quantlstm.common.UserInputException;

/**
 * Search quality of a sampler on a {@link BenchmarkFunctions.Function}: for each seed 0…seeds−1 one fresh
 * in-memory study (minimised, one worker) runs {@code trials} trials; the best value after half the trials and
 * after all of them is kept per seed, and the medians and quartiles over the seeds are reported (quartiles by
 * linear interpolation, numpy's default percentile), with the mean wall time per trial.
 */
public final class SamplerBenchmark {
    private SamplerBenchmark() {
    }

    /** The sampler names {@code bench tpe} knows. */
    public static final List<String> SAMPLERS = List.of("random", "tpe", "tpe-multivariate", "cmaes");

    /** A fresh sampler called {@code name} with {@code seed}. */
    public static Sampler sampler(String name, long seed) {
        return switch (name) {
            case "random" -> new RandomSampler(seed);
            case "tpe" -> new TpeSampler(seed);
            case "tpe-multivariate" -> new TpeSampler(seed, TpeSampler.Settings.defaults().withMultivariate(true));
            case "cmaes" -> new CmaEsSampler(seed);
            default -> throw new UserInputException("sampler '" + name + "': use one of " + SAMPLERS);
        };
    }

    /**
     * Medians and quartiles of the best value per seed; {@code bestHalf[s]} and {@code best[s]} are seed s's best
     * values after half the trials and after all of them (for significance tests against another tool's seeds).
     */
    public record Result(String function, String sampler, int seeds, int trials, double medianHalf, double median,
                         double q1, double q3, double msPerTrial, double[] bestHalf, double[] best) {
        public Result {
            bestHalf = bestHalf.clone();
            best = best.clone();
            if (bestHalf.length != seeds || best.length != seeds) {
                throw new IllegalArgumentException("need one best value per seed: " + seeds + " seeds, "
                        + bestHalf.length + " and " + best.length + " values");
            }
        }

        @Override
        public double[] bestHalf() {
            return bestHalf.clone();
        }

        @Override
        public double[] best() {
            return best.clone();
        }

        /** One CSV row per seed: {@code function,sampler,seed,best_half,best} (values with 17 significant digits). */
        public List<String> perSeedRows() {
            List<String> rows = new java.util.ArrayList<>(seeds);
            for (int i = 0; i < seeds; i++) {
                rows.add(String.format(Locale.ROOT, "%s,%s,%d,%.17g,%.17g", function, sampler, i, bestHalf[i], best[i]));
            }
            return rows;
        }

        /** One line: {@code hartmann6 tpe median@50=-2.901 median@100=-3.102 q1@100=… q3@100=… ms/trial=…}. */
        public String line() {
            return String.format(Locale.ROOT, "%s %s median@%d=%.3f median@%d=%.3f q1@%d=%.3f q3@%d=%.3f ms/trial=%.2f",
                    function, sampler, trials / 2, medianHalf, trials, median, trials, q1, trials, q3, msPerTrial);
        }
    }

    /** Runs {@code sampler} on {@code f} for seeds 0…seeds−1. */
    public static Result run(BenchmarkFunctions.Function f, String samplerName, LongFunction<Sampler> sampler,
                             int seeds, int trials) {
        if (seeds < 1 || trials < 2) {
            throw new UserInputException("bench: --seeds must be ≥ 1 and --trials ≥ 2, got " + seeds + " and " + trials);
        }
        double[] half = new double[seeds];
        double[] end = new double[seeds];
        long t0 = System.nanoTime();
        for (int seed = 0; seed < seeds; seed++) {
            Study study = Study.builder(new InMemoryStorage(), f.name()).direction(Direction.MINIMIZE)
                    .sampler(sampler.apply(seed)).open();
            List<FrozenTrial> ran = study.optimize(f.objective(), trials);
            half[seed] = bestOf(ran.subList(0, trials / 2));
            end[seed] = bestOf(ran);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / ((double) seeds * trials);
        return new Result(f.name(), samplerName, seeds, trials, percentile(half, 50), percentile(end, 50),
                percentile(end, 25), percentile(end, 75), ms, half, end);
    }

    private static double bestOf(List<FrozenTrial> trials) {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE).mapToDouble(FrozenTrial::value)
                .min().orElse(Double.NaN);
    }

    /** numpy's default percentile (linear interpolation between closest ranks). */
    static double percentile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = p / 100.0 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }
}
