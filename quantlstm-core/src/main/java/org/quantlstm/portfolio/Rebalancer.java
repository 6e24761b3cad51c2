package org.quantlstm.portfolio;

/**
 * A rebalancing rule: new weights (fractions of portfolio value, summing to 1) from what is known at the date.
 * Implementations are pure functions of the context.
 */
@FunctionalInterface
public interface Rebalancer {
    double[] rebalance(RebalanceContext context);
}
