package org.quantlstm.signal;

import java.util.Objects;
import org.quantlstm.common.UserInputException;

/**
 * A sizing method with its thresholds, parameter and cap: predicted return (and volatility ratio) → target
 * position as a fraction of equity. See {@link SizingMethod} for each formula. {@link #seed} gives seed 001's
 * settings. {@link #size} is allocation-free so that sweeps can call it in their inner loop.
 *
 * @param method     which of the five methods
 * @param thresholds side rule (neutral band, shorts)
 * @param parameter  k in the method's formula (binary 1, fixed 0.5, proportional 1, half-Kelly 2, vol 1)
 * @param cap        position cap |target| ≤ cap (binary/fixed/proportional/vol 1, half-Kelly 0.5)
 */
public record PositionSizer(SizingMethod method, Thresholds thresholds, double parameter, double cap)
        implements Sizing {
    public PositionSizer {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(thresholds, "thresholds");
        if (!(parameter >= 0) || Double.isInfinite(parameter)) {
            throw new UserInputException(method.code() + " sizing parameter must be finite and >= 0: " + parameter);
        }
        if (!(cap >= 0) || Double.isInfinite(cap)) {
            throw new UserInputException(method.code() + " position cap must be finite and >= 0: " + cap);
        }
    }

    /** Seed 001's settings for a method (see {@link SizingMethod}); {@code allowShort} is true in the seed. */
    public static PositionSizer seed(SizingMethod method, boolean allowShort) {
        return switch (method) {
            case BINARY -> new PositionSizer(method, Thresholds.symmetric(Thresholds.SEED_BAND, allowShort), 1.0, 1.0);
            case FIXED -> new PositionSizer(method, Thresholds.symmetric(0, allowShort), 0.5, 1.0);
            case PROPORTIONAL -> new PositionSizer(method, Thresholds.symmetric(0, allowShort), 1.0, 1.0);
            case HALF_KELLY -> new PositionSizer(method, Thresholds.symmetric(0, allowShort), 2.0, 0.5);
            case VOLATILITY_ADJUSTED ->
                    new PositionSizer(method, Thresholds.symmetric(Thresholds.SEED_BAND, allowShort), 1.0, 1.0);
        };
    }

    /** Same method and cap with other thresholds. */
    public PositionSizer withThresholds(Thresholds t) {
        return new PositionSizer(method, t, parameter, cap);
    }

    /** Same method and thresholds with another parameter and cap. */
    public PositionSizer withParameter(double k, double newCap) {
        return new PositionSizer(method, thresholds, k, newCap);
    }

    /**
     * Target position for one bar. {@code volRatio} (median/current volatility) is read only by the
     * volatility-adjusted method. A NaN prediction (no forecast yet) or NaN ratio gives 0.
     */
    public double size(double predictedReturn, double volRatio) {
        int d = thresholds.direction(predictedReturn);
        if (d == 0) {
            return 0.0;
        }
        double raw = switch (method) {
            case BINARY, FIXED -> d * parameter;
            case PROPORTIONAL, HALF_KELLY -> parameter * predictedReturn;
            case VOLATILITY_ADJUSTED -> volRatio > 0 ? d * parameter * volRatio : 0.0;
        };
        return raw > cap ? cap : raw < -cap ? -cap : raw;
    }

    /** The {@link Sizing} view: reads the context's prediction and volatility ratio. */
    @Override
    public double size(SizingContext ctx) {
        return size(ctx.prediction(), ctx.volRatio());
    }

    /** Target positions for a whole column; {@code volRatio} may be null unless the method needs it. */
    public double[] targets(double[] predictedReturns, double[] volRatio) {
        if (method == SizingMethod.VOLATILITY_ADJUSTED && volRatio == null) {
            throw new IllegalArgumentException("volatility-adjusted sizing needs a volatility ratio column");
        }
        if (volRatio != null && volRatio.length != predictedReturns.length) {
            throw new IllegalArgumentException("volatility ratio length " + volRatio.length
                    + " != predictions length " + predictedReturns.length);
        }
        double[] out = new double[predictedReturns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = size(predictedReturns[i], volRatio == null ? Double.NaN : volRatio[i]);
        }
        return out;
    }

    /** The name used in tables: the method's seed code. */
    public String name() {
        return method.code();
    }
}
