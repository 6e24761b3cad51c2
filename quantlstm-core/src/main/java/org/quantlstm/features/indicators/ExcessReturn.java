package org.quantlstm.features.indicators;

/**
 * Trailing excess return over a benchmark across {@code n} bars: {@code (x[t]/x[t−n] − 1) − (b[t]/b[t−n] − 1)}
 * (simple returns, arithmetic difference). Inputs aligned to the same bars (see {@link AsOfAlignment}).
 * Warm-up {@code n}. (The forward-looking version used as a training target lives in
 * {@code org.quantlstm.features.Targets}.)
 */
public final class ExcessReturn {
    private final int n;

    public ExcessReturn(int n) {
        Columns.requirePeriod("excess return", n, 1);
        this.n = n;
    }

    public int warmUp() {
        return n;
    }

    public double[] compute(double[] x, double[] bench) {
        Columns.requireSameLength(x, bench);
        double[] out = Columns.nan(x.length);
        for (int i = n; i < x.length; i++) {
            out[i] = Columns.ratio(x[i], x[i - n]) - Columns.ratio(bench[i], bench[i - n]);
        }
        return out;
    }
}
