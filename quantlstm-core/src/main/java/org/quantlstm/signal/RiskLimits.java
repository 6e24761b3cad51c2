package org.quantlstm.signal;

import org.quantlstm.common.UserInputException;

/**
 * A per-position bracket: stop-loss, take-profit and trailing stop (seed 001 lists "implement stop-loss orders"
 * as a future improvement; all off by default). Each is a fraction: a long entered at 100 with stopLoss 0.05 has
 * a sell stop at 95; takeProfit 0.10 a sell limit at 110; trailingStop 0.03 a sell stop 3 % below the highest
 * high since entry (mirrored for shorts). The levels are worked inside the bar by the backtest engines, with
 * the bar's open, high and low (see {@code org.quantlstm.backtest.Bracket} for the intrabar rules). After a
 * bracket exit the position stays flat while the sizer keeps asking for the same side; it re-enters once the
 * target goes flat or flips. The entry price is the fill price of the trade that opened the position (resizing
 * does not move it). 0 disables a leg.
 */
public record RiskLimits(double stopLoss, double takeProfit, double trailingStop) {
    /** No bracket. */
    public static final RiskLimits NONE = new RiskLimits(0, 0, 0);

    public RiskLimits {
        if (!(stopLoss >= 0) || !(takeProfit >= 0) || stopLoss >= 1 || Double.isInfinite(takeProfit)
                || !(trailingStop >= 0) || trailingStop >= 1) {
            throw new UserInputException("stop-loss and trailing stop must be in [0,1) and take-profit >= 0 (0 = off): "
                    + "stop=" + stopLoss + " take-profit=" + takeProfit + " trailing=" + trailingStop);
        }
    }

    /** Stop-loss and take-profit, no trailing stop. */
    public RiskLimits(double stopLoss, double takeProfit) {
        this(stopLoss, takeProfit, 0);
    }

    public boolean active() {
        return stopLoss > 0 || takeProfit > 0 || trailingStop > 0;
    }
}
