package org.quantlstm.tuning;

import org.quantlstm.common.UserInputException;

/**
 * Integers {@code low, low+step, …, ≤ high}, optionally log-scaled (then step must be 1 and low ≥ 1,
 * as in Optuna). Continuous samplers see the interval widened by half a step on each side
 * ({@code [low−step/2, high+step/2]}, in log space when log-scaled) so that every grid point owns an
 * equal-width bin; a sample is rounded to the nearest grid point and clipped.
 */
public record IntDistribution(int low, int high, int step, boolean log) implements Distribution {
    public IntDistribution {
        if (low > high) {
            throw new UserInputException("int parameter range: low " + low + " > high " + high);
        }
        if (step < 1) {
            throw new UserInputException("int parameter step: " + step + " must be ≥ 1");
        }
        if (log && step != 1) {
            throw new UserInputException("int parameter: log scale needs step 1, got " + step);
        }
        if (log && low < 1) {
            throw new UserInputException("int parameter: log scale needs low ≥ 1, got " + low);
        }
    }

    /** The largest grid point not above {@code high}. */
    public int effectiveHigh() {
        return low + (int) (((long) high - low) / step) * step;
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Number n)) {
            return false;
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || d < low || d > high) {
            return false;
        }
        return ((long) d - low) % step == 0;
    }

    @Override
    public double internal(Object value) {
        double d = ((Number) value).doubleValue();
        return log ? Math.log(d) : d;
    }

    @Override
    public Object external(double internal) {
        double v = log ? Math.exp(internal) : internal;
        long k = Math.round((v - low) / step);
        long top = ((long) effectiveHigh() - low) / step;
        k = Math.max(0, Math.min(top, k));
        return (int) (low + k * step);
    }

    @Override
    public double internalLow() {
        return log ? Math.log(low - 0.5) : low - 0.5 * step;
    }

    @Override
    public double internalHigh() {
        return log ? Math.log(effectiveHigh() + 0.5) : effectiveHigh() + 0.5 * step;
    }
}
