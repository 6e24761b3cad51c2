package org.quantlstm.signal;

/**
 * The multi-asset system's long/short/flat rule (seed 000): thresholds set in standard deviations of the model's own
 * training forecasts. Long (+1) when the predicted return is strictly above {@code centre + longK·spread}, short (−1)
 * when it is strictly below {@code centre − shortK·spread} and shorts are allowed, flat (0) otherwise and for a
 * prediction that is not finite (no forecast). A point exactly on a band edge is flat.
 *
 * <p>{@code centre} and {@code spread} are the mean and standard deviation of the training forecasts' simple
 * returns, fixed when the model is fitted (one rule per fit, and per walk-forward fold); they are the rule's
 * parameters, not decision inputs, so the rule reads only {@link SizingContext#prediction()}.
 *
 * @param centre     mean of the training forecasts (simple returns)
 * @param spread     their standard deviation, &gt; 0 (the caller replaces a zero by {@link Double#MIN_NORMAL})
 * @param longK      long threshold in units of {@code spread} (tuned, ≥ 0 in the seed's search space)
 * @param shortK     short threshold in units of {@code spread}
 * @param allowShort whether the rule ever goes short
 */
public record ThresholdSizing(double centre, double spread, double longK, double shortK, boolean allowShort)
        implements Sizing {
    public ThresholdSizing {
        if (!(spread > 0)) {
            throw new IllegalArgumentException("threshold sizing needs a spread > 0, got " + spread);
        }
        if (Double.isNaN(longK) || Double.isNaN(shortK)) {
            throw new IllegalArgumentException("threshold sizing needs numeric thresholds, got long=" + longK
                    + " short=" + shortK);
        }
    }

    /** Go long above this predicted return. */
    public double longAbove() {
        return centre + longK * spread;
    }

    /** Go short below this predicted return (when shorts are allowed). */
    public double shortBelow() {
        return centre - shortK * spread;
    }

    /** +1, −1 or 0 for a predicted simple return; not finite (NaN, no forecast) → 0. */
    public double size(double prediction) {
        if (!Double.isFinite(prediction)) {
            return 0;
        }
        return prediction > longAbove() ? 1 : allowShort && prediction < shortBelow() ? -1 : 0;
    }

    @Override
    public double size(SizingContext ctx) {
        return size(ctx.prediction());
    }
}
