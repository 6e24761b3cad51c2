package org.quantlstm.features.indicators;

/**
 * Rolling mean and standard deviation over a fixed window, one pass, by the sliding form of Welford's update
 * (numerically stable for prices far from zero), re-computed exactly by two passes over the window every
 * {@value Sma#RESYNC} bars. Package-private kernel of {@link Bollinger} and {@link ReturnVolatility}.
 */
final class RollingMoments {
    private RollingMoments() {
    }

    /**
     * For every {@code i >= start + period - 1}: {@code mean[i]} (if not null) and {@code std[i]} of
     * {@code x[i-period+1 .. i]} with the given ddof (0 population, 1 sample).
     */
    static void compute(double[] x, int start, int period, int ddof, double[] mean, double[] std) {
        int n = x.length;
        if (period - ddof <= 0) {
            throw new IllegalArgumentException("window " + period + " too short for ddof " + ddof);
        }
        double m = 0;
        double m2 = 0;
        for (int i = start; i < n; i++) {
            int k = i - start;
            if (k < period) {
                double d = x[i] - m;
                m += d / (k + 1);
                m2 += d * (x[i] - m);
            } else if (k % Sma.RESYNC == 0) {
                double s = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    s += x[j];
                }
                m = s / period;
                m2 = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    double d = x[j] - m;
                    m2 += d * d;
                }
            } else {
                double xo = x[i - period];
                double xn = x[i];
                double mOld = m;
                m = mOld + (xn - xo) / period;
                m2 += (xn - xo) * (xn - m + xo - mOld);
            }
            if (k >= period - 1) {
                if (mean != null) {
                    mean[i] = m;
                }
                std[i] = Math.sqrt(Math.max(0.0, m2) / (period - ddof));
            }
        }
    }
}
