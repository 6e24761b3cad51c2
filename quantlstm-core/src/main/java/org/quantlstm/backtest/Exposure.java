package org.quantlstm.backtest;

/**
 * How much of its equity a strategy had at risk: gross exposure Σ|position| / equity and net exposure
 * Σ position / equity at each close (mean and max over the closes after the first, i.e. the bars on which a
 * position could be held), the share of those closes with any position (time invested), and the annualised
 * two-way turnover (mean of traded notional / equity per bar × periods per year: buying 100 % and selling it
 * later counts 2.0).
 *
 * @param grossMean    mean gross exposure (1.0 = 100 % of equity)
 * @param grossMax     largest gross exposure at a close
 * @param netMean      mean net exposure (long − short)
 * @param netMax       largest |net exposure| at a close, with its sign
 * @param timeInvested share of closes with a position, in [0, 1]
 * @param turnover     annualised two-way turnover
 */
public record Exposure(double grossMean, double grossMax, double netMean, double netMax, double timeInvested,
                       double turnover) {
    /** From per-close gross and net exposure, traded notional and equity columns. */
    public static Exposure of(double[] gross, double[] net, double[] traded, double[] equity, int periodsPerYear) {
        int n = gross.length;
        if (n < 2) {
            return new Exposure(0, 0, 0, 0, 0, 0);
        }
        double gs = 0, gm = 0, ns = 0, nm = 0, tr = 0;
        int in = 0;
        for (int t = 1; t < n; t++) {
            gs += gross[t];
            gm = Math.max(gm, gross[t]);
            ns += net[t];
            if (Math.abs(net[t]) > Math.abs(nm)) {
                nm = net[t];
            }
            if (gross[t] > 1e-12) {
                in++;
            }
        }
        for (int t = 0; t < n; t++) {
            tr += traded[t] / equity[t];
        }
        int k = n - 1;
        return new Exposure(gs / k, gm, ns / k, nm, (double) in / k, tr / k * periodsPerYear);
    }
}
