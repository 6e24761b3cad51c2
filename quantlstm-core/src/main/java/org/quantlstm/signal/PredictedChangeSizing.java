package org.quantlstm.signal;

import org.quantlstm.common.UserInputException;

/**
 * The weekly-12 rule's trade for one stock (seed 002, Liu; the whole rule is described on
 * {@code portfolio.PredictedChangeRebalancer}): buys total τ of the portfolio, split over the stocks with a positive
 * signal in proportion to it, and sells total τ, split over the negative ones in proportion to their size. The new
 * weight before the cap is {@code w + Δ} with {@code Δ = τ·s / Σ⁺} for {@code s > 0} and {@code Δ = τ·s / Σ⁻}
 * otherwise, where w is the drifted weight ({@link SizingContext#position()}), s the stock's signal
 * ({@link SizingContext#score()}), Σ⁺ and Σ⁻ the sums of the positive and of the absolute negative signals
 * ({@link SizingContext#positiveScores()}, {@link SizingContext#negativeScores()}). When either sum is 0 (nothing
 * to sell, or nothing to buy) nothing is traded, and a stock without a signal (NaN) is not traded either.
 *
 * <p>Cross-sectional by nature, so the work is split: the caller computes the signals over all stocks (raw
 * predicted changes when both signs occur, else their z-scores) and the two sums, and afterwards projects the new
 * weights onto the caps (|w| ≤ cap, Σw = 1, floored at 0 when shorts are not allowed): both need every stock at
 * once. This rule is the per-stock step between them.
 *
 * @param tradeFraction τ in [0, 1] (the platform's default 0.5; the paper gives none)
 */
public record PredictedChangeSizing(double tradeFraction) implements Sizing {
    public PredictedChangeSizing {
        if (!(tradeFraction >= 0 && tradeFraction <= 1)) {
            throw new UserInputException("trade fraction must be in [0, 1], got " + tradeFraction);
        }
    }

    /** The trade Δ alone (fraction of portfolio value), from a signal and the two sums. */
    public double trade(double signal, double positiveSum, double negativeSum) {
        if (!(positiveSum > 0) || !(negativeSum > 0) || Double.isNaN(signal)) {
            return 0.0;
        }
        return signal > 0 ? tradeFraction * signal / positiveSum : tradeFraction * signal / negativeSum;
    }

    @Override
    public double size(SizingContext ctx) {
        return ctx.position() + trade(ctx.score(), ctx.positiveScores(), ctx.negativeScores());
    }
}
