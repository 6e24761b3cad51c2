package org.quantlstm.backtest;

/**
 * A target-weight order for asset {@code asset}, decided at bar {@code decisionBar}'s close, to be filled on the
 * next bar at the fill timing's price: the position becomes {@code targetWeight} × equity at that price.
 */
public record Order(int asset, int decisionBar, double targetWeight) {
    public Order {
        if (!Double.isFinite(targetWeight)) {
            throw new IllegalArgumentException("order target must be finite: " + targetWeight);
        }
    }
}
