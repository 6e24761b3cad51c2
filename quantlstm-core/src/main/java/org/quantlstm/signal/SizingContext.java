package org.quantlstm.signal;

/**
 * Everything a sizing rule may read at one decision (bar {@code bar}'s close). A new input is a new field here,
 * not a new method signature. NaN = not known (e.g. a point forecast has no variance).
 *
 * <p>The last five fields are the cross-section: rules such as top-K ({@link TopKSizing}) or the weekly-12 rule
 * ({@link PredictedChangeSizing}) need every asset's score at the decision, which one asset's context cannot see. The
 * split is: the caller (the portfolio layer, e.g. {@code portfolio.TopKSchedule}) looks at the whole cross-section
 * once and writes this asset's share of it (its score, its rank, the universe size, the sums of the positive and
 * negative scores) into the context; the rule then sizes the asset from its own context alone. Single-asset callers
 * leave them at their "none" values (NaN, rank 0, 1 candidate).
 *
 * @param bar            decision bar index
 * @param prediction     predicted next-bar return
 * @param variance       variance of that prediction, when the model gives one (NaN otherwise)
 * @param volRatio       median / current volatility ({@link VolatilityRatio}), NaN in warm-up
 * @param price          the close at the decision
 * @param equity         account equity at the close
 * @param position       current position as a fraction of equity (negative = short); for a rule over a
 *                       portfolio, the asset's current (drifted) weight
 * @param score          the asset's cross-sectional score (an alpha score, a z-score, a predicted change), NaN = none
 * @param rank           the asset's 1-based place in the caller's ordering of the cross-section (1 = best); 0 =
 *                       not ranked (no score, or not a candidate)
 * @param candidates     the number of assets in the cross-section (the universe size at the decision), ≥ 1
 * @param positiveScores sum of the cross-section's positive scores (NaN = not computed)
 * @param negativeScores sum of the absolute values of the cross-section's negative scores (NaN = not computed)
 */
public record SizingContext(int bar, double prediction, double variance, double volRatio, double price,
                            double equity, double position, double score, int rank, int candidates,
                            double positiveScores, double negativeScores) {
    public SizingContext {
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0 (0 = not ranked), got " + rank);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
        }
        if (rank > candidates) {
            throw new IllegalArgumentException("rank " + rank + " is beyond the " + candidates + " candidates");
        }
    }

    /** A single-asset context (no cross-section): the fields before the cross-sectional ones. */
    public SizingContext(int bar, double prediction, double variance, double volRatio, double price, double equity,
                         double position) {
        this(bar, prediction, variance, volRatio, price, equity, position, Double.NaN, 0, 1, Double.NaN, Double.NaN);
    }

    /** A context with only a prediction and a volatility ratio (the seed methods' inputs). */
    public static SizingContext of(double prediction, double volRatio) {
        return new SizingContext(-1, prediction, Double.NaN, volRatio, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A context with only a prediction (rules that read nothing else, e.g. {@link ThresholdSizing}). */
    public static SizingContext of(double prediction) {
        return of(prediction, Double.NaN);
    }

    /** An asset of a cross-section of {@code candidates}: its current position, score and rank (0 = unranked). */
    public static SizingContext ranked(double position, double score, int rank, int candidates) {
        return new SizingContext(-1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, position, score,
                rank, candidates, Double.NaN, Double.NaN);
    }

    /** This context with another current position. */
    public SizingContext withPosition(double newPosition) {
        return new SizingContext(bar, prediction, variance, volRatio, price, equity, newPosition, score, rank,
                candidates, positiveScores, negativeScores);
    }

    /** This context with the sums of the cross-section's positive and (absolute) negative scores. */
    public SizingContext withScoreSums(double positive, double negative) {
        return new SizingContext(bar, prediction, variance, volRatio, price, equity, position, score, rank,
                candidates, positive, negative);
    }
}
