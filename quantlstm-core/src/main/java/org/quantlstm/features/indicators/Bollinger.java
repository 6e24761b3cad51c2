package org.quantlstm.features.indicators;

/**
 * Bollinger bands over {@code period} bars with {@code k} standard deviations: middle = SMA, upper/lower =
 * middle ± k·std, width = (upper − lower) / middle (a fraction), %b = (x − lower) / (upper − lower) (NaN when
 * the bands coincide). Warm-up {@code period − 1}.
 *
 * <p>Standard deviation convention: <b>sample</b> (ddof = 1), as pandas {@code rolling(period).std()} used by
 * the reference Python systems. ta4j 0.17's {@code StandardDeviationIndicator} is the population std
 * (ddof = 0), so its bands are narrower by {@code sqrt((period−1)/period)}, and its
 * {@code BollingerBandWidthIndicator} is in percent; the tests assert both differences.
 */
public final class Bollinger {
    /** The five output columns. */
    public record Result(double[] upper, double[] middle, double[] lower, double[] width, double[] percentB) {
    }

    private final int period;
    private final double k;

    public Bollinger(int period, double k) {
        Columns.requirePeriod("Bollinger", period, 2);
        if (!(k > 0)) {
            throw new IllegalArgumentException("Bollinger k must be positive, got " + k);
        }
        this.period = period;
        this.k = k;
    }

    /** The usual 20 bars, 2 standard deviations. */
    public static Bollinger standard() {
        return new Bollinger(20, 2.0);
    }

    public int warmUp() {
        return period - 1;
    }

    public Result compute(double[] x) {
        int n = x.length;
        double[] mid = Columns.nan(n);
        double[] up = Columns.nan(n);
        double[] lo = Columns.nan(n);
        double[] width = Columns.nan(n);
        double[] pb = Columns.nan(n);
        int start = Columns.firstFinite(x);
        RollingMoments.compute(x, start, period, 1, mid, width); // std into width as scratch
        for (int i = start + period - 1; i < n; i++) {
            double m = mid[i];
            double band = k * width[i];
            double u = m + band;
            double l = m - band;
            up[i] = u;
            lo[i] = l;
            width[i] = Columns.ratio(u - l, m);
            pb[i] = Columns.ratio(x[i] - l, u - l);
        }
        return new Result(up, mid, lo, width, pb);
    }
}
