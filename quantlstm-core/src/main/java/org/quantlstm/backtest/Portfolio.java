package org.quantlstm.backtest;

import org.quantlstm.signal.RiskLimits;

/**
 * Cash and positions of the event-driven path, one slot per asset, plus the per-asset state the bracket needs
 * (entry price, best price since entry, side stopped out, last ordered target). Mutable and confined to one
 * backtest run. Every charge goes through the {@link FeeModel}.
 */
final class Portfolio {
    private double cash;
    private final double[] shares;
    private final double[] entry;
    private final double[] peak;
    private final int[] stopped;
    private final double[] lastTarget;

    Portfolio(int assets, double capital) {
        cash = capital;
        shares = new double[assets];
        entry = new double[assets];
        peak = new double[assets];
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

    /** Interest on cash (financing when negative); returns the financing charge (≥ 0, 0 on positive cash). */
    double accrue(FeeModel fees, double rf, int ppy) {
        if (cash == 0) {
            return 0;
        }
        double in = fees.interest(cash, rf, ppy);
        double charge = cash < 0 ? -in : 0;
        cash += in;
        return charge;
    }

    /** The borrow fee of asset a's short at the previous close {@code prevClose} (0 if not short). */
    double borrow(int a, FeeModel fees, double prevClose, int ppy) {
        if (!(shares[a] < 0)) {
            return 0;
        }
        double b = fees.borrowFee(shares[a] * prevClose, ppy);
        cash -= b;
        return b;
    }

    /** cash + Σ shares × price. */
    double equity(double[] prices) {
        double e = cash;
        for (int a = 0; a < shares.length; a++) {
            e += shares[a] * prices[a];
        }
        return e;
    }

    /** Σ |shares × price| over the assets not in {@code skip}. */
    double grossExcept(double[] prices, boolean[] skip) {
        double g = 0;
        for (int a = 0; a < shares.length; a++) {
            if (!skip[a]) {
                g += Math.abs(shares[a] * prices[a]);
            }
        }
        return g;
    }

    /** A market order's {@link #trade(int, int, double, double, double, double, ExitReason, Bracket.Type)}. */
    Fill trade(int a, int bar, double price, double ts, double cost, double w, ExitReason reason) {
        return trade(a, bar, price, ts, cost, w, reason, Bracket.Type.MARKET);
    }

    /** Moves asset a to {@code ts} shares at {@code price} paying {@code cost}; null if no trade. */
    Fill trade(int a, int bar, double price, double ts, double cost, double w, ExitReason reason, Bracket.Type type) {
        double d = ts - shares[a];
        if (d == 0) {
            return null;
        }
        cash -= d * price + cost;
        if (ts == 0) {
            entry[a] = Double.NaN;
        } else if (shares[a] == 0 || (ts > 0) != (shares[a] > 0)) {
            entry[a] = price;
            peak[a] = price;
        }
        shares[a] = ts;
        return new Fill(a, bar, price, d, ts, cost, w, reason, type);
    }

    /**
     * Works asset a's bracket inside the bar; returns the exit fill, or null (then the best price since entry
     * moves with this bar's high or low). {@code pendingSide}: the side of an order still to fill in this bar.
     */
    Fill bracket(int a, int bar, RiskLimits l, double open, double high, double low, double volume, FeeModel fees) {
        if (shares[a] == 0) {
            return null;
        }
        int side = shares[a] > 0 ? 1 : -1;
        double x = Bracket.exit(side, entry[a], peak[a], l, open, high, low);
        if (x != x) {
            peak[a] = side > 0 ? Math.max(peak[a], high) : Math.min(peak[a], low);
            return null;
        }
        ExitReason why = Bracket.reason(side, entry[a], peak[a], l, x);
        Fill f = trade(a, bar, x, 0, fees.orderCost(shares[a], x, volume), 0, why);
        stopped[a] = side;
        lastTarget[a] = 0;
        return f;
    }

    /** Records {@code w} as asset a's last ordered target. */
    void ordered(int a, double w) {
        lastTarget[a] = w;
    }

    /**
     * Forgets asset a's last ordered target (an entry order expired unfilled), so that the next decision sends
     * an order again even if the target has not changed.
     */
    void forget(int a) {
        lastTarget[a] = Double.NaN;
    }

    /** The side stopped out on asset a (0 = none). */
    int stopped(int a) {
        return stopped[a];
    }

    /** Clips a raw target to ±maxGross, applies the stopped-out rule and returns an order if the target changed. */
    Order decide(int a, int bar, double raw, double maxGross) {
        double w = Double.isNaN(raw) ? 0 : Math.max(-maxGross, Math.min(maxGross, raw));
        if (stopped[a] != 0) {
            int ws = w > 0 ? 1 : w < 0 ? -1 : 0;
            if (ws == stopped[a]) {
                w = 0;
            } else {
                stopped[a] = 0;
            }
        }
        if (w == lastTarget[a]) {
            return null;
        }
        lastTarget[a] = w;
        return new Order(a, bar, w);
    }
}
