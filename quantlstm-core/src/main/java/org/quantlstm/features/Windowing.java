package org.quantlstm.features;

/**
 * Builds {@link Windows} (samples, lookback, features) float arrays from a {@link FeatureMatrix} and a target
 * column, with no per-sample objects: one pass marks complete rows, a run-length count tells which decision
 * bars have {@code lookback} complete rows ending at them, a second pass copies values.
 *
 * <p>A decision bar {@code t} in {@code [fromRow, toRow)} becomes a sample when rows
 * {@code t−lookback+1 .. t} are all finite in every feature and {@code target[t]} is finite; the window may
 * reach back before {@code fromRow} (features at earlier rows are known at {@code t}). Targets are aligned by
 * {@link Targets}, so {@code y[i] = target[endIndex[i]]} looks only after the decision bar. Scale the matrix
 * first (see {@code org.quantlstm.features.scale}) if the model needs scaled inputs.
 */
public final class Windowing {
    private Windowing() {
    }

    public static Windows build(FeatureMatrix m, double[] target, int lookback, int fromRow, int toRow) {
        return build(m, target, lookback, fromRow, toRow, true);
    }

    /**
     * Windows for forecasting: every decision bar in {@code [fromRow, toRow)} with {@code lookback} complete rows
     * becomes a sample whether or not its target is known yet (the last bar of a series has no next close, but
     * its forecast is the one a trader acts on). {@code y} holds the target where known, NaN otherwise.
     */
    public static Windows forInference(FeatureMatrix m, double[] target, int lookback, int fromRow, int toRow) {
        return build(m, target, lookback, fromRow, toRow, false);
    }

    private static Windows build(FeatureMatrix m, double[] target, int lookback, int fromRow, int toRow,
                                 boolean requireTarget) {
        int n = m.rows();
        if (target.length != n) {
            throw new IllegalArgumentException("target has " + target.length + " rows, features " + n);
        }
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be >= 1, got " + lookback);
        }
        if (fromRow < 0 || toRow > n || fromRow > toRow) {
            throw new IndexOutOfBoundsException("row range [" + fromRow + ", " + toRow + ") of " + n);
        }
        int f = m.width();
        double[][] cols = new double[f][];
        for (int c = 0; c < f; c++) {
            cols[c] = m.column(c);
        }
        // run[t] = number of consecutive complete rows ending at t (capped at lookback)
        int[] run = new int[toRow];
        int count = 0;
        int r = 0;
        for (int t = Math.max(0, fromRow - lookback + 1); t < toRow; t++) {
            boolean ok = true;
            for (int c = 0; c < f && ok; c++) {
                ok = Double.isFinite(cols[c][t]);
            }
            r = ok ? Math.min(r + 1, lookback) : 0;
            run[t] = r;
            if (t >= fromRow && r == lookback && (!requireTarget || Double.isFinite(target[t]))) {
                count++;
            }
        }
        float[] x = new float[count * lookback * f];
        float[] y = new float[count];
        int[] end = new int[count];
        int i = 0;
        for (int t = fromRow; t < toRow; t++) {
            if (run[t] != lookback || (requireTarget && !Double.isFinite(target[t]))) {
                continue;
            }
            int base = i * lookback * f;
            int first = t - lookback + 1;
            for (int s = 0; s < lookback; s++) {
                int row = first + s;
                int o = base + s * f;
                for (int c = 0; c < f; c++) {
                    x[o + c] = (float) cols[c][row];
                }
            }
            y[i] = (float) target[t];
            end[i] = t;
            i++;
        }
        return new Windows(x, y, end, count, lookback, f);
    }
}
