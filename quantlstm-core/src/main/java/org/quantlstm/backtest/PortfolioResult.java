package org.quantlstm.backtest;

import java.util.List;

/**
 * Outcome of an event-driven portfolio backtest: equity at each close, each asset's weight at each close
 * ({@code weights[asset][bar]} = shares × close / equity), gross exposure Σ|weights| at each close, traded
 * notional, costs, borrow fees and financing charges per bar, every fill and the round trips per asset (in asset
 * order, then by entry bar).
 */
public record PortfolioResult(List<String> assets, long[] times, double[] equity, double[][] weights, double[] gross,
                              double[] traded, double[] costs, double[] borrow, double[] financing, List<Fill> fills,
                              List<Trade> trades, double initialCapital) {
    public PortfolioResult {
        assets = List.copyOf(assets);
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
    }

    /** Simple period returns of equity, length n − 1. */
    public double[] returns() {
        return BacktestResult.periodReturns(equity);
    }

    /** Net exposure Σ weights at each close. */
    public double[] net() {
        double[] out = new double[times.length];
        for (double[] w : weights) {
            for (int t = 0; t < out.length; t++) {
                out[t] += w[t];
            }
        }
        return out;
    }
}
