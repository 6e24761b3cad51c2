package org.quantlstm.portfolio;

/**
 * Estimates an N×N covariance matrix of per-period returns from a return panel {@code r[T][N]} (rows are
 * periods, oldest first). Implementations document their normalisation (ddof) and any shrinkage.
 */
@FunctionalInterface
public interface CovarianceEstimator {
    double[][] estimate(double[][] returns);

    /** Sample covariance with ddof = 1. */
    static CovarianceEstimator sample() {
        return SampleCovariance::estimate;
    }

    /** Exponentially weighted covariance with the given half-life in periods. */
    static CovarianceEstimator ewma(double halfLife) {
        return new EwmaCovariance(halfLife);
    }

    /** Ledoit-Wolf shrinkage towards the given target. */
    static CovarianceEstimator ledoitWolf(LedoitWolf.Target target) {
        return r -> LedoitWolf.estimate(r, target).covariance();
    }
}
