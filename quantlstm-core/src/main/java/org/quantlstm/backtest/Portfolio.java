package org.quantlstm.backtest;

import org.quantlstm.signal.RiskLimits;

/**
 * Cash and positions of the event-driven path, one slot per asset, plus the per-asset state the risk limits
 * need (entry price, side stopped out, last ordered target). Mutable and confined to one backtest run.
 */
final class Portfolio {
    private double cash;
    private final double[] shares;
    private final double[] entry;
    private final int[] stopped;
    private final double[] lastTarget;

    Portfolio(int assets, double capital) {
        cash = capital;
        shares = new double[assets];
        entry = new double[assets];
        stopped = new int[assets];
        lastTarget = new double[assets];
        java.util.Arrays.fill(entry, Double.NaN);
    }

    double cash() {
        return cash;
    }

    double shares(int a) {
        return shares[a];
    }

    /** Credits (or, on a negative balance, charges) one period's interest on cash. */
    void accrue(double rate) {
        cash += cash * rate;
    }

    /** cash + Σ shares × price. */
    double equity(double[] prices) {
        double e = cash;
        for (int a = 0; a < shares.length; a++) {
            e += shares[a] * prices[a];
        }
        return e;
    }

    /** Executes an order at {@code price} with equity {@code e} valued before this batch of fills; null if no trade. */
    Fill execute(Order o, int bar, double price, double e, CostModel costs) {
        int a = o.asset();
        double w = o.targetWeight();
        double ts = w == 0 ? 0 : w * e / price;
        double d = ts - shares[a];
        if (d == 0) {
            return null;
        }
        double c = Math.max(costs.minCost(), costs.rate() * (Math.abs(d) * price));
        cash -= d * price + c;
        if (ts == 0) {
            entry[a] = Double.NaN;
        } else if (shares[a] == 0 || (ts > 0) != (shares[a] > 0)) {
            entry[a] = price;
        }
        shares[a] = ts;
        return new Fill(a, bar, price, d, ts, c, w);
    }

    /** Applies the risk limits to a raw target at the close and returns an order if the target changed. */
    Order decide(int a, int bar, double raw, double close, RiskLimits limits) {
        double w = Double.isNaN(raw) ? 0 : raw;
        if (limits.active()) {
            int ws = w > 0 ? 1 : w < 0 ? -1 : 0;
            if (stopped[a] != 0) {
                if (ws == stopped[a]) {
                    w = 0;
                } else {
                    stopped[a] = 0;
                }
            }
            int side = shares[a] > 0 ? 1 : shares[a] < 0 ? -1 : 0;
            if (stopped[a] == 0 && side != 0 && ws == side && limits.triggered(side, entry[a], close)) {
                w = 0;
                stopped[a] = side;
            }
        }
        if (w == lastTarget[a]) {
            return null;
        }
        lastTarget[a] = w;
        return new Order(a, bar, w);
    }
}
