package org.quantlstm.features.indicators;

/**
 * Rolling beta of an asset against a benchmark: {@code cov(r, rb) / var(rb)} over the last {@code period}
 * pairs of simple one-bar returns (the ddof cancels in the ratio). Both inputs must be aligned to the same
 * bars (see {@link AsOfAlignment}); the computation starts at the first bar where both are finite. Running
 * sums of returns (small numbers, so no cancellation problem) re-summed exactly every {@value Sma#RESYNC} bars.
 * NaN when the benchmark returns have zero variance. Warm-up {@code period}.
 */
public final class RollingBeta {
    private final int period;

    public RollingBeta(int period) {
        Columns.requirePeriod("beta", period, 2);
        this.period = period;
    }

    public int warmUp() {
        return period;
    }

    public double[] compute(double[] x, double[] bench) {
        Columns.requireSameLength(x, bench);
        int n = x.length;
        double[] out = Columns.nan(n);
        int start = Columns.firstFinite(x, bench);
        double[] ra = new double[n];
        double[] rb = new double[n];
        for (int i = start + 1; i < n; i++) {
            ra[i] = Columns.ratio(x[i], x[i - 1]) - 1.0;
            rb[i] = Columns.ratio(bench[i], bench[i - 1]) - 1.0;
        }
        double sa = 0, sb = 0, sab = 0, sbb = 0;
        for (int i = start + 1; i < n; i++) {
            int k = i - start - 1;
            if (k >= period && k % Sma.RESYNC == 0) {
                sa = 0;
                sb = 0;
                sab = 0;
                sbb = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    sa += ra[j];
                    sb += rb[j];
                    sab += ra[j] * rb[j];
                    sbb += rb[j] * rb[j];
                }
            } else {
                sa += ra[i];
                sb += rb[i];
                sab += ra[i] * rb[i];
                sbb += rb[i] * rb[i];
                if (k >= period) {
                    int o = i - period;
                    sa -= ra[o];
                    sb -= rb[o];
                    sab -= ra[o] * rb[o];
                    sbb -= rb[o] * rb[o];
                }
            }
            if (k >= period - 1) {
                double cov = sab - sa * sb / period;
                double var = sbb - sb * sb / period;
                out[i] = var > 0 ? cov / var : Double.NaN;
            }
        }
        return out;
    }
}
