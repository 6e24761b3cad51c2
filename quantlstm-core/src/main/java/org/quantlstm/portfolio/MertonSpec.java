package org.quantlstm.portfolio;

import org.quantlstm.common.UserInputException;

/**
 * Settings of the Merton/HJB allocation.
 *
 * @param riskAversion  relative risk aversion γ &gt; 0 of the CRRA investor
 * @param halfLife      half-life in periods of the EWMA estimates of μ and Σ
 * @param warmup        periods of returns needed before the first decision (≥ 2)
 * @param maxAbsWeight  per-asset cap: each risky weight is clipped to [−cap, cap]
 * @param maxLeverage   cap on gross risky exposure Σ|w_i|; weights are scaled down proportionally above it
 * @param allowShort    when false, negative weights are set to 0 before the leverage cap
 */
public record MertonSpec(double riskAversion, double halfLife, int warmup, double maxAbsWeight, double maxLeverage,
                         boolean allowShort) {
    public MertonSpec {
        if (!(riskAversion > 0) || Double.isInfinite(riskAversion)) {
            throw new UserInputException("risk aversion gamma must be a positive number, got " + riskAversion);
        }
        EwmaCovariance.requireHalfLife(halfLife);
        if (warmup < 2) {
            throw new UserInputException("HJB warm-up must be at least 2 periods, got " + warmup);
        }
        if (!(maxAbsWeight > 0)) {
            throw new UserInputException("HJB per-asset cap must be positive, got " + maxAbsWeight);
        }
        if (!(maxLeverage > 0)) {
            throw new UserInputException("HJB leverage cap must be positive, got " + maxLeverage);
        }
    }
}
