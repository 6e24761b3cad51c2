package org.quantlstm.report;

/**
 * Maximum drawdown and the longest drawdown duration of an equity curve. Drawdown at t is
 * {@code E_t / max(E_0..E_t) − 1}; the starting capital E_0 is the first peak, so a strategy that loses from the
 * first bar shows it. Duration is counted in bars from a peak to the first bar at which equity is back at or
 * above that peak, or to the last bar if it never recovers.
 *
 * @param maxDrawdown       most negative drawdown (−0.2 = −20 %), 0 if none
 * @param peakIndex         bar of the peak before the maximum drawdown
 * @param troughIndex       bar of the maximum drawdown
 * @param longestDuration   longest peak-to-recovery span, in bars
 * @param recovered         whether the longest span ended in a recovery
 */
public record Drawdown(double maxDrawdown, int peakIndex, int troughIndex, int longestDuration, boolean recovered) {
    public static Drawdown of(double[] equity) {
        if (equity.length == 0) {
            return new Drawdown(0, 0, 0, 0, true);
        }
        double peak = equity[0], mdd = 0;
        int peakAt = 0, mddPeak = 0, mddTrough = 0, longest = 0;
        boolean longestRecovered = true;
        for (int t = 1; t < equity.length; t++) {
            if (equity[t] >= peak) {
                if (equity[t - 1] < peak && t - peakAt > longest) {
                    longest = t - peakAt;
                    longestRecovered = true;
                }
                peak = equity[t];
                peakAt = t;
            } else {
                double dd = equity[t] / peak - 1;
                if (dd < mdd) {
                    mdd = dd;
                    mddPeak = peakAt;
                    mddTrough = t;
                }
            }
        }
        int last = equity.length - 1;
        if (equity[last] < peak && last - peakAt > longest) {
            longest = last - peakAt;
            longestRecovered = false;
        }
        return new Drawdown(mdd, mddPeak, mddTrough, longest, longestRecovered);
    }
}
