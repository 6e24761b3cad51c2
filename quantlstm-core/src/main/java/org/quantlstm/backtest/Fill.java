package org.quantlstm.backtest;

/**
 * One executed order: on bar {@code bar}, {@code deltaShares} of asset {@code asset} at {@code price}, paying
 * {@code cost}; afterwards the position is {@code sharesAfter}, which is {@code targetWeight} of equity at the
 * fill price (before costs).
 */
public record Fill(int asset, int bar, double price, double deltaShares, double sharesAfter, double cost,
                   double targetWeight) {
    /** |deltaShares| × price. */
    public double notional() {
        return Math.abs(deltaShares) * price;
    }
}
