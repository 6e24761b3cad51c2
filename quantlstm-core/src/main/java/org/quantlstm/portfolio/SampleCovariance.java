package org.quantlstm.portfolio;

/**
 * The unbiased sample covariance {@code S = Σ_t (r_t − r̄)(r_t − r̄)ᵀ / (T − 1)} (ddof = 1, as numpy.cov,
 * pandas.DataFrame.cov and the project's volatility convention).
 */
public final class SampleCovariance {
    private SampleCovariance() {
    }

    public static double[][] estimate(double[][] returns) {
        int n = Returns.requirePanel("returns", returns, 2);
        int t = returns.length;
        double[] mean = ExpectedReturns.historicalMean(returns);
        double[][] s = new double[n][n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                double di = row[i] - mean[i];
                for (int j = 0; j <= i; j++) {
                    s[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] /= (t - 1);
                s[j][i] = s[i][j];
            }
        }
        return s;
    }
}
