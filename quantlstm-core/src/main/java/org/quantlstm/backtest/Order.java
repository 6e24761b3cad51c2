package org.quantlstm.backtest;

/**
 * An order for asset {@code asset}, decided at bar {@code decisionBar}'s close: the position becomes
 * {@code targetWeight} × equity at the fill price. A {@code MARKET} order fills on the next bar at the fill
 * timing's price; an entry order ({@code LIMIT}, {@code STOP}, {@code STOP_LIMIT}, see {@link EntryOrders}) works
 * inside bars decisionBar+1 … {@code lastBar} at {@code level} (and {@code limit} for a stop-limit) by
 * {@link Bracket#fill}'s rules and is cancelled if it has not filled by then.
 */
public record Order(int asset, int decisionBar, double targetWeight, Bracket.Type type, double level, double limit,
                    int lastBar) {
    public Order {
        if (!Double.isFinite(targetWeight)) {
            throw new IllegalArgumentException("order target must be finite: " + targetWeight);
        }
        if (type == null) {
            throw new IllegalArgumentException("order type must not be null");
        }
    }

    /** A market order. */
    public Order(int asset, int decisionBar, double targetWeight) {
        this(asset, decisionBar, targetWeight, Bracket.Type.MARKET, Double.NaN, Double.NaN, decisionBar + 1);
    }

    /** +1 buys, −1 sells (the side of the target: an entry order always trades towards its target's side). */
    public int side() {
        return targetWeight > 0 ? 1 : targetWeight < 0 ? -1 : 0;
    }
}
