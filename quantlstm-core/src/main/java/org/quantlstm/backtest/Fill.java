package org.quantlstm.backtest;

/**
 * One executed order: on bar {@code bar}, {@code deltaShares} of asset {@code asset} at {@code price}, paying
 * {@code cost}; afterwards the position is {@code sharesAfter}. A {@code signal} fill resizes the position to
 * {@code targetWeight} of equity at the fill price (within the gross limit); a bracket exit ({@code stop},
 * {@code take-profit}, {@code trailing}) closes it at the level or the gapped open, with target 0.
 * {@code orderType} is the kind of order that filled: {@code MARKET} for a market order (and for every fill of
 * the vectorized engine), {@code LIMIT}, {@code STOP} or {@code STOP_LIMIT} for an entry order
 * ({@link EntryOrders}); a bracket exit is recorded as a market fill, its reason says which level it hit.
 */
public record Fill(int asset, int bar, double price, double deltaShares, double sharesAfter, double cost,
                   double targetWeight, ExitReason reason, Bracket.Type orderType) {
    public Fill {
        if (reason == null || orderType == null) {
            throw new IllegalArgumentException("fill reason and order type must not be null");
        }
    }

    /** A market fill. */
    public Fill(int asset, int bar, double price, double deltaShares, double sharesAfter, double cost,
                double targetWeight, ExitReason reason) {
        this(asset, bar, price, deltaShares, sharesAfter, cost, targetWeight, reason, Bracket.Type.MARKET);
    }

    /** A fill of the strategy's own target. */
    public Fill(int asset, int bar, double price, double deltaShares, double sharesAfter, double cost,
                double targetWeight) {
        this(asset, bar, price, deltaShares, sharesAfter, cost, targetWeight, ExitReason.SIGNAL);
    }

    /** |deltaShares| × price. */
    public double notional() {
        return Math.abs(deltaShares) * price;
    }
}
