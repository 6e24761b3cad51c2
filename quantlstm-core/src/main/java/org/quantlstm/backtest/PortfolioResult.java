package org.quantlstm.backtest;

import java.util.List;

/**
 * Outcome of an event-driven portfolio backtest: equity at each close, each asset's weight at each close
 * ({@code weights[asset][bar]} = shares × close / equity), traded notional and costs per bar, every fill and
 * the round trips per asset (in asset order, then by entry bar).
 */
public record PortfolioResult(List<String> assets, long[] times, double[] equity, double[][] weights,
                              double[] traded, double[] costs, List<Fill> fills, List<Trade> trades,
                              double initialCapital) {
    public PortfolioResult {
        assets = List.copyOf(assets);
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
    }

    /** Simple period returns of equity, length n − 1. */
    public double[] returns() {
        return BacktestResult.periodReturns(equity);
    }
}
