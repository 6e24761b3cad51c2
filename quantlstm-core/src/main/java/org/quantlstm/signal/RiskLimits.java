package org.quantlstm.signal;

import org.quantlstm.common.UserInputException;

/**
 * Optional stop-loss and take-profit (seed 001 lists "implement stop-loss orders" as a future improvement; off
 * by default). Both are fractions of the position's entry price: a long entered at 100 with stopLoss 0.05 is
 * stopped when a close is at or below 95; takeProfit 0.10 takes profit at a close at or above 110 (mirrored
 * for shorts). The check is made on bar closes, so an exit decided at bar t's close is filled like any other
 * decision, at bar t+1 (no intrabar fills, no look-ahead). After an exit the position stays flat while the
 * sizer keeps asking for the same side; it re-enters once the target goes flat or flips. The entry price is
 * the fill price of the trade that opened the position (resizing does not move it). 0 disables a limit.
 */
public record RiskLimits(double stopLoss, double takeProfit) {
    /** No stop-loss, no take-profit. */
    public static final RiskLimits NONE = new RiskLimits(0, 0);
    /** Tolerance on the move so that a close exactly at the limit (e.g. 90 vs 100 × (1 − 0.10)) triggers. */
    private static final double EPS = 1e-12;

    public RiskLimits {
        if (!(stopLoss >= 0) || !(takeProfit >= 0) || stopLoss >= 1 || Double.isInfinite(takeProfit)) {
            throw new UserInputException("stop-loss must be in [0,1) and take-profit >= 0 (0 = off): stop="
                    + stopLoss + " take-profit=" + takeProfit);
        }
    }

    public boolean active() {
        return stopLoss > 0 || takeProfit > 0;
    }

    /**
     * Whether a position of sign {@code side} entered at {@code entry} must exit at {@code close}.
     * Allocation-free, used by both backtest paths.
     */
    public boolean triggered(int side, double entry, double close) {
        if (side == 0) {
            return false;
        }
        double move = side * (close / entry - 1);
        return (stopLoss > 0 && move <= -stopLoss + EPS) || (takeProfit > 0 && move >= takeProfit - EPS);
    }
}
