package org.quantlstm.data.quality;

/**
 * The thresholds of the checks (all documented in the README's audit section).
 *
 * @param splitTolerance      a bar-to-bar close ratio counts as a split ratio (2, 3, 4, 5, 10, 3/2 or an inverse)
 *                            when it lies within this relative distance of one (0.03 = 3 %)
 * @param smoothLog           the adjusted close is "smooth" across a bar when |ln(adj ratio)| is below this (0.15)
 * @param hundredLow          a ratio between neighbouring prices (or within a bar) from this ...
 * @param hundredHigh         ... to this (50 .. 200, and the inverses) is a 100× unit error
 * @param staleBars           a run of at least this many flat (O=H=L=C) or zero-volume bars is stale (3)
 * @param rollVolumeRatio     a continuous future switches contract where volume changes by at least this factor
 *                            from one bar to the next (20)
 * @param rollGap             ... and the open gaps from the previous close by at least this much (0.01 = 1 %)
 * @param missingWeekdays     daily bars: a gap with more missing weekdays than this is a calendar gap (2, so that
 *                            single holidays and the two-day closures pass)
 * @param intradayGapBars     intraday bars: more than this many intervals between two bars of one trading week is a
 *                            hole (3; the weekend and its edges are not counted)
 * @param weeklyGapDays       weekly bars: this many days or more between two bars is a missing week (13)
 */
public record QualityThresholds(double splitTolerance, double smoothLog, double hundredLow, double hundredHigh,
                                int staleBars, double rollVolumeRatio, double rollGap, int missingWeekdays,
                                int intradayGapBars, int weeklyGapDays) {
    /** The documented defaults. */
    public static final QualityThresholds DEFAULT = new QualityThresholds(0.03, 0.15, 50, 200, 3, 20, 0.01, 2, 3, 13);

    public QualityThresholds {
        if (!(splitTolerance > 0 && splitTolerance < 0.2) || !(smoothLog > 0) || !(hundredLow > 1)
                || !(hundredHigh > hundredLow) || staleBars < 2 || !(rollVolumeRatio > 1) || !(rollGap > 0)
                || missingWeekdays < 0 || intradayGapBars < 1 || weeklyGapDays < 8) {
            throw new IllegalArgumentException("quality thresholds out of range");
        }
    }
}
