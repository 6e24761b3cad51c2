package org.quantlstm.signal;

/**
 * Everything a sizing rule may read at one decision (bar {@code bar}'s close). A new input is a new field here,
 * not a new method signature. NaN = not known (e.g. a point forecast has no variance).
 *
 * @param bar        decision bar index
 * @param prediction predicted next-bar return
 * @param variance   variance of that prediction, when the model gives one (NaN otherwise)
 * @param volRatio   median / current volatility ({@link VolatilityRatio}), NaN in warm-up
 * @param price      the close at the decision
 * @param equity     account equity at the close
 * @param position   current position as a fraction of equity (negative = short)
 */
public record SizingContext(int bar, double prediction, double variance, double volRatio, double price,
                            double equity, double position) {
    /** A context with only a prediction and a volatility ratio (the seed methods' inputs). */
    public static SizingContext of(double prediction, double volRatio) {
        return new SizingContext(-1, prediction, Double.NaN, volRatio, Double.NaN, Double.NaN, Double.NaN);
    }
}
