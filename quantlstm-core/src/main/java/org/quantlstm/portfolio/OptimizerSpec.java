package org.quantlstm.portfolio;

import java.util.Objects;
import org.quantlstm.common.UserInputException;

/**
 * What the mean-variance optimiser may do: per-asset {@link Bounds} (always fully invested), an optional L2
 * penalty {@code l2·‖w‖²} that pulls weights towards equal size (PyPortfolioOpt's {@code L2_reg}), and an optional
 * turnover penalty {@code turnoverPenalty·‖w − current‖₁} against the weights held now. Both penalties are in the
 * units of the objective {@code wᵀΣw}, i.e. per-period return variance.
 *
 * @param currentWeights the weights held now; required when {@code turnoverPenalty > 0}, otherwise may be null
 */
public record OptimizerSpec(Bounds bounds, double l2, double turnoverPenalty, double[] currentWeights) {
    public OptimizerSpec {
        Objects.requireNonNull(bounds, "bounds");
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new UserInputException("L2 regularisation must be a finite number >= 0, got " + l2);
        }
        if (!(turnoverPenalty >= 0) || Double.isInfinite(turnoverPenalty)) {
            throw new UserInputException("turnover penalty must be a finite number >= 0, got " + turnoverPenalty);
        }
        if (currentWeights != null) {
            if (currentWeights.length != bounds.size()) {
                throw new UserInputException("current weights: " + currentWeights.length + " values for "
                        + bounds.size() + " assets");
            }
            Linalg.requireFinite("current weights", currentWeights);
            currentWeights = currentWeights.clone();
        } else if (turnoverPenalty > 0) {
            throw new UserInputException("a turnover penalty needs the current weights");
        }
    }

    /** Bounds only, no penalties. */
    public static OptimizerSpec of(Bounds bounds) {
        return new OptimizerSpec(bounds, 0, 0, null);
    }

    public OptimizerSpec withL2(double gamma) {
        return new OptimizerSpec(bounds, gamma, turnoverPenalty, currentWeights);
    }

    public OptimizerSpec withTurnoverPenalty(double penalty, double[] current) {
        return new OptimizerSpec(bounds, l2, penalty, current);
    }

    @Override
    public double[] currentWeights() {
        return currentWeights == null ? null : currentWeights.clone();
    }

    boolean hasTurnoverPenalty() {
        return turnoverPenalty > 0;
    }
}
