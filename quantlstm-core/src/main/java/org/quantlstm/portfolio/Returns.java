package org.quantlstm.portfolio;

import org.quantlstm.common.UserInputException;

/**
 * Return panels. Throughout this package a panel is {@code double[T][N]}: one row per period (oldest first),
 * one column per asset, so {@code r[t][i]} is asset i's simple return over period t.
 */
public final class Returns {
    private Returns() {
    }

    /**
     * Simple returns {@code R[t][i] = P[t+1][i] / P[t][i] − 1} (the weekly-12 paper's equation (1)) from a price
     * panel {@code P[T+1][N]} of strictly positive prices.
     */
    public static double[][] simple(double[][] prices) {
        int n = requirePanel("prices", prices, 2);
        double[][] r = new double[prices.length - 1][n];
        for (int t = 1; t < prices.length; t++) {
            for (int i = 0; i < n; i++) {
                double p0 = prices[t - 1][i];
                double p1 = prices[t][i];
                if (!(p0 > 0) || !(p1 > 0)) {
                    throw new UserInputException("price of asset " + i + " at row " + (p0 > 0 ? t : t - 1)
                            + " is not a positive number: " + (p0 > 0 ? p1 : p0));
                }
                r[t - 1][i] = p1 / p0 - 1;
            }
        }
        return r;
    }

    /**
     * Validates a rectangular, finite panel with at least {@code minRows} rows and one column.
     *
     * @return the number of columns
     */
    public static int requirePanel(String name, double[][] panel, int minRows) {
        if (panel == null || panel.length < minRows) {
            throw new UserInputException(name + " needs at least " + minRows + " rows, has "
                    + (panel == null ? 0 : panel.length));
        }
        int n = panel[0] == null ? 0 : panel[0].length;
        if (n == 0) {
            throw new UserInputException(name + " has no columns");
        }
        for (int t = 0; t < panel.length; t++) {
            if (panel[t] == null || panel[t].length != n) {
                throw new UserInputException(name + " row " + t + " has "
                        + (panel[t] == null ? 0 : panel[t].length) + " columns, expected " + n);
            }
            Linalg.requireFinite(name + "[" + t + "]", panel[t]);
        }
        return n;
    }

    /** Rows [from, to) of a panel (copied). */
    public static double[][] rows(double[][] panel, int from, int to) {
        double[][] out = new double[to - from][];
        for (int t = from; t < to; t++) {
            out[t - from] = panel[t].clone();
        }
        return out;
    }
}
