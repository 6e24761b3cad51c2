package org.quantlstm.tuning;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Independent uniform draws: uniform over the grid for linear ints, uniform over categorical choices,
 * uniform in {@code [low, high]} for floats, and uniform in log space for log-scaled floats and ints
 * (ints over {@code [ln(low−½), ln(high+½)]}, then rounded), as Optuna's RandomSampler.
 */
public final class RandomSampler implements Sampler {
    private final long seed;

    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public Object sample(List<FrozenTrial> history, int trialNumber, String name, Distribution distribution,
                         Direction direction) {
        return draw(Sampler.stream(seed, trialNumber, name), distribution);
    }

    /** One uniform draw of {@code d} from {@code rng}. */
    static Object draw(SplittableRandom rng, Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return c.choices().get(rng.nextInt(c.choices().size()));
        }
        if (d instanceof IntDistribution i && !i.log()) {
            int points = (i.effectiveHigh() - i.low()) / i.step() + 1;
            return i.low() + rng.nextInt(points) * i.step();
        }
        double lo = d.internalLow();
        double hi = d.internalHigh();
        double u = lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
        return d.external(u);
    }
}
