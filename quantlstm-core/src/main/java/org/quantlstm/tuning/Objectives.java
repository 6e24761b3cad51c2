package org.quantlstm.tuning;

import java.util.function.DoubleBinaryOperator;

/**
 * Small objective compositions that know nothing of backtests; the workflow computes the inputs.
 */
public final class Objectives {
    private Objectives() {
    }

    /**
     * The multi-asset seed's risk-aware objective, to be maximised: {@code profit − λ·|maxDrawdown|}.
     * Both in the same unit (e.g. fractions: +0.0265 profit, −0.0029 drawdown); the drawdown's sign is
     * ignored so callers may pass it negative (equity/peak − 1) or positive.
     */
    public static double profitMinusDrawdown(double profit, double maxDrawdown, double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("drawdown penalty λ must be ≥ 0, got " + lambda);
        }
        return profit - lambda * Math.abs(maxDrawdown);
    }

    /** {@link #profitMinusDrawdown(double, double, double)} with a fixed λ, as {@code (profit, mdd) -> score}. */
    public static DoubleBinaryOperator profitMinusDrawdown(double lambda) {
        profitMinusDrawdown(0, 0, lambda);
        return (profit, mdd) -> profitMinusDrawdown(profit, mdd, lambda);
    }

    /** The penalty unit of {@link #degenerate}: 0.001 of the objective's unit (0.1 % of profit for profit-dd). */
    public static final double DEGENERATE_EPSILON = 1e-3;

    /**
     * A degenerate trial's value, made distinguishable: a strategy that never changes position scores the same
     * (e.g. buy-and-hold's profit − λ·drawdown, or 0) for every parameter setting that leaves it there, so the
     * sampler sees a plateau and learns nothing. The value is moved towards "worse" by
     * {@code ε·(1 + min(gap, 10))} with ε = {@link #DEGENERATE_EPSILON}, where {@code gap ≥ 0} says how far the
     * strategy was from changing position (e.g. how many signal standard deviations the closest forecast stayed
     * from a threshold). So a degenerate trial ranks just below an equal trading one, and among degenerate trials
     * those closer to trading rank first: the sampler gets a slope towards settings that trade. A NaN gap counts
     * as 10.
     */
    public static double degenerate(double value, Direction direction, double gap) {
        double g = Double.isNaN(gap) ? 10 : Math.max(0, Math.min(gap, 10));
        double penalty = DEGENERATE_EPSILON * (1 + g);
        return direction == Direction.MAXIMIZE ? value - penalty : value + penalty;
    }
}
