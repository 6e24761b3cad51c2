package org.quantlstm.portfolio;

import org.quantlstm.common.UserInputException;

/**
 * Per-period expected returns: the historical arithmetic mean, an exponentially weighted mean, or forecasts
 * supplied by a model. Annualise with {@link Annualisation}.
 */
public final class ExpectedReturns {
    private ExpectedReturns() {
    }

    /** Column means of a return panel {@code r[T][N]}. */
    public static double[] historicalMean(double[][] returns) {
        int n = Returns.requirePanel("returns", returns, 1);
        double[] m = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                m[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            m[i] /= returns.length;
        }
        return m;
    }

    /**
     * EWMA mean {@code Σ_a w_a r / Σ_a w_a} with weights {@code 2^(−age/h)} (newest row age 0), as pandas'
     * {@code ewm(halflife=h, adjust=True).mean()} at the last row.
     */
    public static double[] ewma(double[][] returns, double halfLife) {
        int n = Returns.requirePanel("returns", returns, 1);
        double[] w = EwmaCovariance.weights(returns.length, EwmaCovariance.requireHalfLife(halfLife));
        double[] m = new double[n];
        double sw = 0;
        for (int t = 0; t < returns.length; t++) {
            sw += w[t];
            for (int i = 0; i < n; i++) {
                m[i] += w[t] * returns[t][i];
            }
        }
        for (int i = 0; i < n; i++) {
            m[i] /= sw;
        }
        return m;
    }

    /**
     * Forecast per-period returns from predicted and current prices, {@code P̂_{t+1}/P_t − 1}: the form in which
     * an LSTM price forecast enters the optimisers.
     */
    public static double[] fromForecasts(double[] currentPrices, double[] predictedPrices) {
        if (currentPrices.length != predictedPrices.length) {
            throw new UserInputException("forecasts: " + predictedPrices.length + " predicted prices for "
                    + currentPrices.length + " assets");
        }
        double[] r = new double[currentPrices.length];
        for (int i = 0; i < r.length; i++) {
            if (!(currentPrices[i] > 0) || !Double.isFinite(predictedPrices[i])) {
                throw new UserInputException("forecast for asset " + i + ": price " + currentPrices[i]
                        + " or prediction " + predictedPrices[i] + " is not usable");
            }
            r[i] = predictedPrices[i] / currentPrices[i] - 1;
        }
        return r;
    }
}
