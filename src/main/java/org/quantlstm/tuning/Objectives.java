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
}
