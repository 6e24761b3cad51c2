package org.quantlstm.backtest;

/**
 * One executed order: on bar {@code bar}, {@code deltaShares} of asset {@code asset} at {@code price}, paying
 * {@code cost}; afterwards the position is {@code sharesAfter}. A {@code signal} fill resizes the position to
 * {@code targetWeight} of equity at the fill price (within the gross limit); a bracket exit ({@code stop},
 * {@code take-profit}, {@code trailing}) closes it at the level or the gapped open, with target 0.
 */
public record Fill(int asset, int bar, double price, double deltaShares, double sharesAfter, double cost,
                   double targetWeight, ExitReason reason) {
    public Fill {
        if (reason == null) {
            throw new IllegalArgumentException("fill reason must not be null");
        }
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
