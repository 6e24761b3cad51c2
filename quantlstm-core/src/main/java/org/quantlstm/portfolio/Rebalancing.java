package org.quantlstm.portfolio;

import java.util.Objects;
import org.quantlstm.common.UserInputException;

/** Runs a {@link Rebalancer} date by date over a price panel. */
public final class Rebalancing {
    private Rebalancing() {
    }

    /**
     * The weight path of a rule over {@code prices[T][N]} (row t = prices at rebalancing date t, e.g. Friday's
     * adjusted close). {@code predicted[t]} (may be null for rules without forecasts) holds the forecasts of row
     * t+1 made at t. The decision at row t sees only {@code prices[0..t]} and {@code predicted[t]}: at t = 0 it
     * starts from {@code initialWeights} with no price drift; later it starts from the previous decision drifted by
     * the move {@code prices[t−1] → prices[t]}. Decision t earns {@code prices[t+1]/prices[t] − 1}; the risk-free
     * rate pays on any part not invested.
     */
    public static WeightPath run(Rebalancer rule, double[][] prices, double[][] predicted, double[] initialWeights,
                                 double riskFree) {
        Objects.requireNonNull(rule, "rule");
        int n = Returns.requirePanel("prices", prices, 1);
        if (initialWeights.length != n) {
            throw new UserInputException("initial weights: " + initialWeights.length + " values for " + n + " assets");
        }
        if (predicted != null && predicted.length != prices.length) {
            throw new UserInputException("predictions: " + predicted.length + " rows for " + prices.length
                    + " price rows");
        }
        int rows = prices.length;
        double[][] w = new double[rows][];
        double[] realised = new double[rows - 1];
        double[] previous = initialWeights.clone();
        for (int t = 0; t < rows; t++) {
            double[] before = t == 0 ? prices[0] : prices[t - 1];
            RebalanceContext ctx = new RebalanceContext(previous, before, prices[t],
                    predicted == null ? null : predicted[t]);
            w[t] = rule.rebalance(ctx);
            previous = w[t];
            if (t > 0) {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = prices[t][i] / prices[t - 1][i] - 1;
                }
                realised[t - 1] = WeightPath.periodReturn(w[t - 1], r, riskFree);
            }
        }
        return new WeightPath(0, w, realised);
    }

    /**
     * One-way turnover of each decision of a fully invested path produced by {@link #run}: the fraction of portfolio
     * value traded, {@code Σ_i |w_t,i − d_t,i|} where {@code d_t} are the weights just before trading (the previous
     * decision drifted with the prices; {@code initialWeights} at t = 0). A proportional cost of c basis points
     * per unit traded costs {@code c/10⁴ · turnover_t} of portfolio value at date t.
     */
    public static double[] turnover(WeightPath path, double[][] prices, double[] initialWeights) {
        int rows = path.size();
        if (prices.length != rows || path.start() != 0) {
            throw new IllegalArgumentException("turnover needs the price panel the path was run on");
        }
        double[] out = new double[rows];
        double[] previous = initialWeights.clone();
        for (int t = 0; t < rows; t++) {
            double[] before = t == 0 ? prices[0] : prices[t - 1];
            double[] drifted = new RebalanceContext(previous, before, prices[t], null).driftedWeights();
            double[] w = path.weightsAt(t);
            double traded = 0;
            for (int i = 0; i < w.length; i++) {
                traded += Math.abs(w[i] - drifted[i]);
            }
            out[t] = traded;
            previous = w;
        }
        return out;
    }
}
