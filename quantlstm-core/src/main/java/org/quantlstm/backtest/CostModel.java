package org.quantlstm.backtest;

import org.quantlstm.common.UserInputException;

/**
 * Trading costs charged on every fill: {@code max(minCost, (costBps + slippageBps) · 1e-4 · |traded notional|)},
 * in currency units, paid from cash. Slippage is modelled as an extra proportional charge on notional rather
 * than a moved fill price (to first order the same P&amp;L; it keeps fill prices equal to the bar's quoted
 * open/close so that trade logs can be checked against the data). The minimum cost is per fill, in the same
 * currency as the backtest's initial capital. Default: 10 bps, no slippage, no minimum.
 *
 * @param costBps     commission and spread in basis points of traded notional (10 = 0.10 %)
 * @param slippageBps additional slippage in basis points of traded notional
 * @param minCost     minimum charge per fill (currency); 0 = none
 */
public record CostModel(double costBps, double slippageBps, double minCost) {
    /** 10 bps, no slippage, no minimum: the project's default. */
    public static final CostModel DEFAULT = new CostModel(10, 0, 0);
    /** Frictionless, as in seed 001 (which says so among its limitations). */
    public static final CostModel FREE = new CostModel(0, 0, 0);

    public CostModel {
        if (!(costBps >= 0) || !(slippageBps >= 0) || !(minCost >= 0) || Double.isInfinite(costBps)
                || Double.isInfinite(slippageBps) || Double.isInfinite(minCost)) {
            throw new UserInputException("costs must be finite and >= 0: cost-bps=" + costBps + " slippage-bps="
                    + slippageBps + " min-cost=" + minCost);
        }
    }

    /** Proportional rate per unit of notional: (costBps + slippageBps)/10,000. */
    public double rate() {
        return (costBps + slippageBps) * 1e-4;
    }

    /** The charge for one fill of the given notional (sign ignored); 0 for no trade. */
    public double cost(double notional) {
        return notional == 0 ? 0 : Math.max(minCost, rate() * Math.abs(notional));
    }
}
