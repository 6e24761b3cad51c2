package org.quantlstm.features.indicators;

/**
 * Relative strength against a benchmark over {@code n} bars: the growth of the asset divided by the growth of
 * the benchmark, minus one: {@code (x[t]/x[t−n]) / (b[t]/b[t−n]) − 1}; positive when the asset outperformed.
 * Inputs aligned to the same bars (see {@link AsOfAlignment}). Warm-up {@code n}.
 */
public final class RelativeStrength {
    private final int n;

    public RelativeStrength(int n) {
        Columns.requirePeriod("relative strength", n, 1);
        this.n = n;
    }

    public int warmUp() {
        return n;
    }

    public double[] compute(double[] x, double[] bench) {
        Columns.requireSameLength(x, bench);
        double[] out = Columns.nan(x.length);
        for (int i = n; i < x.length; i++) {
            out[i] = Columns.ratio(Columns.ratio(x[i], x[i - n]), Columns.ratio(bench[i], bench[i - n])) - 1.0;
        }
        return out;
    }
}
