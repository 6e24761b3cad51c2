package org.quantlstm.portfolio;

import org.quantlstm.common.UserInputException;

/**
 * What a rebalancer knows at a rebalancing date t: the weights set at the previous date, the prices then and now,
 * and the predicted prices for the next date (forecasts made with data up to t).
 *
 * @param previousWeights weights set at t−1 (fractions of portfolio value; may be negative for shorts)
 * @param previousPrices  prices at t−1
 * @param prices          prices at t
 * @param predictedPrices forecasts of the prices at t+1; may be null for rules that use no forecast
 */
public record RebalanceContext(double[] previousWeights, double[] previousPrices, double[] prices,
                               double[] predictedPrices) {
    public RebalanceContext {
        int n = previousWeights.length;
        if (previousPrices.length != n || prices.length != n || (predictedPrices != null && predictedPrices.length != n)) {
            throw new UserInputException("rebalance inputs disagree on the number of assets: weights " + n
                    + ", previous prices " + previousPrices.length + ", prices " + prices.length + ", predictions "
                    + (predictedPrices == null ? "none" : String.valueOf(predictedPrices.length)));
        }
        Linalg.requireFinite("previous weights", previousWeights);
        for (int i = 0; i < n; i++) {
            if (!(previousPrices[i] > 0) || !(prices[i] > 0) || Double.isInfinite(prices[i])
                    || Double.isInfinite(previousPrices[i])) {
                throw new UserInputException("price of asset " + i + " is not a positive number: previous "
                        + previousPrices[i] + ", now " + prices[i]);
            }
        }
        if (predictedPrices != null) {
            Linalg.requireFinite("predicted prices", predictedPrices);
        }
        previousWeights = previousWeights.clone();
        previousPrices = previousPrices.clone();
        prices = prices.clone();
        predictedPrices = predictedPrices == null ? null : predictedPrices.clone();
    }

    public int size() {
        return prices.length;
    }

    /**
     * The previous weights after the prices moved, {@code w_i (P_i/P⁰_i) / Σ_j w_j (P_j/P⁰_j)}: the portfolio as it
     * stands at t before trading. The denominator is the portfolio's value relative to t−1 and must stay positive.
     */
    public double[] driftedWeights() {
        int n = prices.length;
        double[] w = new double[n];
        double value = 0;
        for (int i = 0; i < n; i++) {
            w[i] = previousWeights[i] * prices[i] / previousPrices[i];
            value += w[i];
        }
        if (!(value > 0)) {
            throw new UserInputException("portfolio value fell to zero or below (short positions lost everything); "
                    + "cannot rebalance");
        }
        for (int i = 0; i < n; i++) {
            w[i] /= value;
        }
        return w;
    }

    /** Predicted changes {@code P̂_{t+1}/P_t − 1}. */
    public double[] predictedChanges() {
        if (predictedPrices == null) {
            throw new IllegalStateException("this rebalancing date has no predictions");
        }
        return ExpectedReturns.fromForecasts(prices, predictedPrices);
    }

    @Override
    public double[] previousWeights() {
        return previousWeights.clone();
    }

    @Override
    public double[] previousPrices() {
        return previousPrices.clone();
    }

    @Override
    public double[] prices() {
        return prices.clone();
    }

    @Override
    public double[] predictedPrices() {
        return predictedPrices == null ? null : predictedPrices.clone();
    }
}
