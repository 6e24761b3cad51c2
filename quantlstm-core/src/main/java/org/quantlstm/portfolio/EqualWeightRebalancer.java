package org.quantlstm.portfolio;

import java.util.Arrays;

/** The 1/N benchmark: every date, back to equal weights in all N assets, whatever the prices or forecasts. */
public final class EqualWeightRebalancer implements Rebalancer {
    @Override
    public double[] rebalance(RebalanceContext context) {
        double[] w = new double[context.size()];
        Arrays.fill(w, 1.0 / w.length);
        return w;
    }
}
