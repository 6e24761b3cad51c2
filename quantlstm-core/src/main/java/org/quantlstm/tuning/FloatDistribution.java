package org.quantlstm.tuning;

import org.quantlstm.common.UserInputException;

/**
 * Reals in {@code [low, high]}, optionally log-scaled (then low must be &gt; 0): samplers work on
 * {@code ln x}, so a log-uniform draw puts as much mass in [1e-4, 1e-3] as in [1e-3, 1e-2].
 */
public record FloatDistribution(double low, double high, boolean log) implements Distribution {
    public FloatDistribution {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new UserInputException("float parameter range: [" + low + ", " + high + "] is not a finite interval");
        }
        if (log && low <= 0) {
            throw new UserInputException("float parameter: log scale needs low > 0, got " + low);
        }
    }

    @Override
    public boolean contains(Object value) {
        return value instanceof Number n && n.doubleValue() >= low && n.doubleValue() <= high;
    }

    @Override
    public double internal(Object value) {
        double d = ((Number) value).doubleValue();
        return log ? Math.log(d) : d;
    }

    @Override
    public Object external(double internal) {
        double v = log ? Math.exp(internal) : internal;
        return Math.max(low, Math.min(high, v));
    }

    @Override
    public double internalLow() {
        return log ? Math.log(low) : low;
    }

    @Override
    public double internalHigh() {
        return log ? Math.log(high) : high;
    }
}
