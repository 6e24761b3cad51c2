package org.quantlstm.portfolio;

/**
 * Weights decided period by period and the returns they earned.
 *
 * <p>{@code weights[k]} is the k-th decision, taken at row {@code start + k} of the panel it was computed from
 * (the price panel for {@link Rebalancing}, the return panel for {@link MertonAllocator}) using rows up to and
 * including that row only. {@code realisedReturns[k]} is what decision k earned over the following period:
 * {@code Σ_i w_i r_i + (1 − Σ_i w_i)·r_f} (the part not in risky assets earns the per-period risk-free rate; it is
 * 0 for fully invested weights). The last decision has no following period in the panel, so there is one realised
 * return fewer than decisions.
 */
public record WeightPath(int start, double[][] weights, double[] realisedReturns) {
    public WeightPath {
        if (weights.length != 0 && realisedReturns.length != weights.length - 1) {
            throw new IllegalArgumentException("need one realised return fewer than decisions: " + weights.length
                    + " decisions, " + realisedReturns.length + " returns");
        }
        weights = Linalg.copy(weights);
        realisedReturns = realisedReturns.clone();
    }

    @Override
    public double[][] weights() {
        return Linalg.copy(weights);
    }

    @Override
    public double[] realisedReturns() {
        return realisedReturns.clone();
    }

    public int size() {
        return weights.length;
    }

    public double[] weightsAt(int k) {
        return weights[k].clone();
    }

    /** The return earned by weights w over one period of asset returns r with cash at r_f. */
    static double periodReturn(double[] w, double[] r, double riskFree) {
        double invested = 0;
        double ret = 0;
        for (int i = 0; i < w.length; i++) {
            ret += w[i] * r[i];
            invested += w[i];
        }
        return ret + (1 - invested) * riskFree;
    }
}
