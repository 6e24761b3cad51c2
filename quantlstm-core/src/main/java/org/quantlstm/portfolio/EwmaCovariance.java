package org.quantlstm.portfolio;

import org.quantlstm.common.UserInputException;

/**
 * Exponentially weighted covariance. The observation of age a periods (a = 0 for the newest row) gets weight
 * {@code w_a = 2^(−a/h)} for half-life h. The estimate is
 * {@code Σ = c · Σ_a w_a (r − μ_w)(r − μ_w)ᵀ / Σ_a w_a} with the EWMA mean {@code μ_w} and the bias correction
 * {@code c = (Σw)² / ((Σw)² − Σw²)} — pandas' {@code ewm(halflife=h, adjust=True).cov(bias=False)}. When h → ∞
 * every weight is 1 and this is the ddof = 1 sample covariance.
 */
public final class EwmaCovariance implements CovarianceEstimator {
    private final double halfLife;

    public EwmaCovariance(double halfLife) {
        this.halfLife = requireHalfLife(halfLife);
    }

    static double requireHalfLife(double halfLife) {
        if (!(halfLife > 0) || Double.isNaN(halfLife)) {
            throw new UserInputException("half-life must be a positive number of periods, got " + halfLife);
        }
        return halfLife;
    }

    /** Weights 2^(−age/h) for rows 0..T−1 (row T−1 is the newest, weight 1). */
    static double[] weights(int rows, double halfLife) {
        double[] w = new double[rows];
        double decay = Math.pow(2.0, -1.0 / halfLife);
        double v = 1.0;
        for (int t = rows - 1; t >= 0; t--) {
            w[t] = v;
            v *= decay;
        }
        return w;
    }

    @Override
    public double[][] estimate(double[][] returns) {
        int n = Returns.requirePanel("returns", returns, 2);
        double[] w = weights(returns.length, halfLife);
        double[] mean = ExpectedReturns.ewma(returns, halfLife);
        double sw = 0;
        double sw2 = 0;
        for (double x : w) {
            sw += x;
            sw2 += x * x;
        }
        double[][] s = new double[n][n];
        for (int t = 0; t < returns.length; t++) {
            double[] row = returns[t];
            for (int i = 0; i < n; i++) {
                double di = w[t] * (row[i] - mean[i]);
                for (int j = 0; j <= i; j++) {
                    s[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        double norm = sw / (sw * sw - sw2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] *= norm;
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    public double halfLife() {
        return halfLife;
    }
}
