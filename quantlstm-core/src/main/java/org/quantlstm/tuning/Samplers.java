package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quantlstm.common.UserInputException;

/** Samplers and pruners by their configuration names ({@code tuning.sampler}, {@code tuning.pruner}). */
public final class Samplers {
    private Samplers() {
    }

    /** The sampler names a configuration may use. */
    public static final List<String> NAMES = List.of("tpe", "tpe-multivariate", "random", "grid", "cmaes");

    /**
     * A fresh sampler. {@code parallel}: trials will run concurrently (several jobs or batches), which switches on
     * TPE's constant liar. {@code space} is asked only for {@code grid}: the search space whose grid is tried, with
     * {@code gridPoints} values per numeric parameter (see {@link #grid}).
     */
    public static Sampler create(String name, long seed, boolean parallel, Supplier<Map<String, Distribution>> space,
                                 int gridPoints) {
        TpeSampler.Settings tpe = TpeSampler.Settings.defaults().withConstantLiar(parallel);
        return switch (name) {
            case "tpe" -> new TpeSampler(seed, tpe);
            case "tpe-multivariate" -> new TpeSampler(seed, tpe.withMultivariate(true));
            case "random" -> new RandomSampler(seed);
            case "cmaes" -> new CmaEsSampler(seed);
            case "grid" -> grid(space.get(), gridPoints, seed);
            default -> throw new UserInputException("sampler '" + name + "': use one of " + NAMES);
        };
    }

    /**
     * A grid over {@code space}: every choice of a categorical; for a numeric parameter {@code points} values evenly
     * spaced in its sampling space from low to high (log-spaced when log-scaled), rounded to its step and made
     * distinct (an int range with fewer grid points gives all of them).
     */
    public static GridSampler grid(Map<String, Distribution> space, int points, long seed) {
        if (points < 2) {
            throw new UserInputException("grid: at least 2 points per parameter, got " + points);
        }
        Map<String, List<?>> grid = new LinkedHashMap<>();
        space.forEach((name, d) -> {
            if (d instanceof CategoricalDistribution c) {
                grid.put(name, c.choices());
                return;
            }
            double lo = d instanceof FloatDistribution f ? d.internal(f.low()) : d.internal(((IntDistribution) d).low());
            double hi = d instanceof FloatDistribution f ? d.internal(f.high())
                    : d.internal(((IntDistribution) d).effectiveHigh());
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                Object v = d.external(lo + (hi - lo) * i / (points - 1));
                if (!values.contains(v)) {
                    values.add(v);
                }
            }
            grid.put(name, values);
        });
        return new GridSampler(grid, seed);
    }

    /**
     * The search space a define-by-run objective asks for: runs {@code asker} (which should only suggest
     * parameters) against a throw-away trial and records each parameter's range, in the order asked.
     */
    public static Map<String, Distribution> probe(Consumer<Trial> asker) {
        Map<String, Distribution> seen = new LinkedHashMap<>();
        Sampler recorder = (history, number, name, d, direction) -> {
            seen.put(name, d);
            return RandomSampler.draw(new SplittableRandom(0), d);
        };
        Study s = Study.builder(new InMemoryStorage(), "probe").sampler(recorder).open();
        asker.accept(s.ask().orElseThrow());
        return seen;
    }

    /** The pruner names a configuration may use. */
    public static final List<String> PRUNERS = List.of("median", "halving", "hyperband", "none");
}
