package org.quantlstm.signal;

/**
 * A sizing rule: a decision's context → target position as a fraction of equity (negative = short, 0 = flat).
 * {@link PositionSizer} (the five seed methods with their thresholds) implements it; so can any lambda, e.g. a
 * rule that scales by the forecast's variance, {@code ctx -> ctx.prediction() / ctx.variance()}. The hot loops of
 * the backtester call {@link PositionSizer#size(double, double)} directly so that sweeps allocate nothing.
 */
@FunctionalInterface
public interface Sizing {
    double size(SizingContext ctx);

    /** This rule with its result clipped to ±{@code cap}. */
    default Sizing capped(double cap) {
        return ctx -> Math.max(-cap, Math.min(cap, size(ctx)));
    }
}
