package org.quantlstm.signal;

import org.quantlstm.common.UserInputException;

/**
 * Predicted return → side. Long when the predicted return is strictly above {@code longAbove}, short when it
 * is strictly below {@code shortBelow} and shorts are allowed, flat otherwise; [shortBelow, longAbove] is the
 * neutral band. Seed 001's binary rule ("if predicted return &gt; 0.1 %: invest 100 %") is
 * {@code symmetric(0.001, allowShort)}; its fixed rule ("if signal is positive") is {@code symmetric(0, …)}.
 * Seed 001 allows shorts by default ({@code allow_short=True}: "negative predictions trigger short positions").
 *
 * @param longAbove  go long when predicted return &gt; this
 * @param shortBelow go short when predicted return &lt; this (and {@code allowShort}); must be ≤ longAbove
 * @param allowShort whether short signals are produced at all
 */
public record Thresholds(double longAbove, double shortBelow, boolean allowShort) {
    /** Seed 001's binary threshold: 0.1 % = 0.001. */
    public static final double SEED_BAND = 0.001;

    public Thresholds {
        if (!Double.isFinite(longAbove) || !Double.isFinite(shortBelow) || shortBelow > longAbove) {
            throw new UserInputException("thresholds must be finite with short <= long: long=" + longAbove
                    + " short=" + shortBelow);
        }
    }

    /** Long above +band, short below −band, flat inside [−band, +band]. */
    public static Thresholds symmetric(double band, boolean allowShort) {
        if (!(band >= 0)) {
            throw new UserInputException("neutral band must be >= 0: " + band);
        }
        return new Thresholds(band, -band, allowShort);
    }

    /** +1, −1 or 0 for a predicted return; NaN (no forecast) is 0. Allocation-free, for hot loops. */
    public int direction(double predictedReturn) {
        if (predictedReturn > longAbove) {
            return 1;
        }
        if (allowShort && predictedReturn < shortBelow) {
            return -1;
        }
        return 0;
    }

    /** The signal formed at bar {@code index}'s close. */
    public Signal signal(int index, double predictedReturn) {
        return new Signal(index, Side.of(direction(predictedReturn)), predictedReturn);
    }
}
