package org.quantlstm.signal;

import org.quantlstm.common.UserInputException;

/**
 * The cross-sectional system's top-K rule (seed 003) for one asset: at most K holdings of {@code weight} each; a
 * new holding needs a score strictly above {@code entryThreshold} and a rank within the K seats; a holding is sold
 * when its score is strictly below {@code exitThreshold} and kept otherwise (a NaN score — not under review, or not
 * scored — keeps it).
 *
 * <p>Cross-sectional by nature, so the work is split. The caller (the portfolio layer's
 * {@code TopKSelector.review}) sees every asset's score: it sizes the current holdings first (context: position ≠ 0,
 * score, rank 0), then orders the other scored assets by score, best first, ties to the lower index, and gives them
 * the ranks after the holdings it kept (kept + 1, kept + 2, …), so a rank ≤ K means "a seat is free for it". This
 * rule reads only the asset's own context: {@link SizingContext#position()}, {@link SizingContext#score()} and
 * {@link SizingContext#rank()}. With K larger than the universe every scored asset above the entry threshold enters.
 *
 * @param k              seats (≥ 1)
 * @param entryThreshold enter only with a score strictly above this (seed: 0.2)
 * @param exitThreshold  sell a holding whose score is strictly below this (seed: 0)
 * @param weight         fraction of equity per holding (seed: 0.2 = 1/K)
 */
public record TopKSizing(int k, double entryThreshold, double exitThreshold, double weight) implements Sizing {
    public TopKSizing {
        if (k < 1) {
            throw new UserInputException("top-K needs K >= 1, got " + k);
        }
        if (Double.isNaN(entryThreshold) || Double.isNaN(exitThreshold)) {
            throw new UserInputException("top-K thresholds must be numbers");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new UserInputException("top-K weight per holding must be a positive number, got " + weight);
        }
    }

    /** The seed's rule: K = 5, enter above 0.2, exit below 0, 20 % each. */
    public static TopKSizing seed() {
        return new TopKSizing(5, 0.2, 0.0, 0.2);
    }

    /** Whether a context's position counts as a holding (not 0, not NaN). */
    public static boolean holds(SizingContext ctx) {
        return ctx.position() != 0 && !Double.isNaN(ctx.position());
    }

    @Override
    public double size(SizingContext ctx) {
        if (holds(ctx)) {
            return ctx.score() < exitThreshold ? 0 : weight;
        }
        return ctx.rank() >= 1 && ctx.rank() <= k && ctx.score() > entryThreshold ? weight : 0;
    }
}
