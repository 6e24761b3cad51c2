package org.quantlstm.features.indicators;

/**
 * Rolling volatility: the sample standard deviation (ddof = 1) of the last {@code period} simple one-bar
 * returns {@code x[t]/x[t−1] − 1}; not annualised (multiply by √(periods per year) to annualise). Needs
 * {@code period + 1} prices, so warm-up {@code period}.
 */
public final class ReturnVolatility {
    private final int period;

    public ReturnVolatility(int period) {
        Columns.requirePeriod("volatility", period, 2);
        this.period = period;
    }

    public int warmUp() {
        return period;
    }

    public double[] compute(double[] x) {
        int n = x.length;
        double[] ret = Columns.nan(n);
        int start = Columns.firstFinite(x);
        for (int i = start + 1; i < n; i++) {
            ret[i] = Columns.ratio(x[i], x[i - 1]) - 1.0;
        }
        double[] out = Columns.nan(n);
        RollingMoments.compute(ret, start + 1, period, 1, null, out);
        return out;
    }
}
