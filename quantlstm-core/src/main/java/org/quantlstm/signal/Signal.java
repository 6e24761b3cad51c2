package org.quantlstm.signal;

import java.util.Objects;

/**
 * The trading signal formed at the close of bar {@code index} from a forecast: its side and the predicted
 * return it came from. The position it leads to is filled at bar {@code index + 1} (never at {@code index}).
 *
 * @param index           bar at whose close the signal is formed
 * @param side            long, short or flat after the thresholds
 * @param predictedReturn the forecast simple return for the next bar (0.002 = +0.2 %); NaN when there is no
 *                        forecast (model warm-up), which always gives a flat signal
 */
public record Signal(int index, Side side, double predictedReturn) {
    public Signal {
        if (index < 0) {
            throw new IllegalArgumentException("signal index must be >= 0: " + index);
        }
        Objects.requireNonNull(side, "side");
        if (Double.isNaN(predictedReturn) && side != Side.FLAT) {
            throw new IllegalArgumentException("a signal without a forecast must be flat");
        }
    }
}
