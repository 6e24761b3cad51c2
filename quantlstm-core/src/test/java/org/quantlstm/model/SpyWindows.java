package org.quantlstm.model;

import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.features.Windows;

/**
 * Test fixtures: windows from real bundled SPY prices, built with a few lines instead of the feature library.
 * Features are min-max scaled with statistics of the first {@code trainBars} bars only (no look-ahead).
 */
final class SpyWindows {
    private static final BarSeries SPY = new BundledSource().load(Symbol.of("SPY"));

    private SpyWindows() {
    }

    static BarSeries spy() {
        return SPY;
    }

    /**
     * The last {@code bars} SPY bars; {@code features} columns: min-max scaled adjusted close, then (if asked)
     * log return ×100, 5-bar momentum ×10, and further copies of the scaled close shifted by one bar.
     * The target is the next bar's scaled close. {@code trainBars} bars fit the scaler.
     */
    static Windows closes(int bars, int lookback, int features, int trainBars) {
        double[] close = SPY.last(bars + 1).adjCloses();
        int n = close.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < trainBars; i++) {
            lo = Math.min(lo, close[i]);
            hi = Math.max(hi, close[i]);
        }
        double[][] cols = new double[features][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = (close[i] - lo) / (hi - lo);
            for (int f = 1; f < features; f++) {
                if (f == 1) {
                    cols[f][i] = i == 0 ? 0 : 100 * Math.log(close[i] / close[i - 1]);
                } else if (f == 2) {
                    cols[f][i] = i < 5 ? 0 : 10 * Math.log(close[i] / close[i - 5]);
                } else {
                    cols[f][i] = cols[0][Math.max(0, i - (f - 2))];
                }
            }
        }
        int samples = n - lookback;
        float[] x = new float[samples * lookback * features];
        float[] y = new float[samples];
        int[] end = new int[samples];
        for (int s = 0; s < samples; s++) {
            int last = s + lookback - 1;
            for (int t = 0; t < lookback; t++) {
                for (int f = 0; f < features; f++) {
                    x[(s * lookback + t) * features + f] = (float) cols[f][s + t];
                }
            }
            y[s] = (float) cols[0][last + 1];
            end[s] = last;
        }
        return new Windows(x, y, end, samples, lookback, features);
    }

    /** Standardised next log returns (mean/std from the first {@code trainBars} bars) from 1-feature windows. */
    static Windows returns(int bars, int lookback, int trainBars) {
        double[] close = SPY.last(bars + 2).adjCloses();
        double[] r = new double[close.length - 1];
        for (int i = 1; i < close.length; i++) {
            r[i - 1] = Math.log(close[i] / close[i - 1]);
        }
        double mean = 0;
        for (int i = 0; i < trainBars; i++) {
            mean += r[i];
        }
        mean /= trainBars;
        double var = 0;
        for (int i = 0; i < trainBars; i++) {
            var += (r[i] - mean) * (r[i] - mean);
        }
        double sd = Math.sqrt(var / (trainBars - 1));
        int samples = r.length - lookback;
        float[] x = new float[samples * lookback];
        float[] y = new float[samples];
        int[] end = new int[samples];
        for (int s = 0; s < samples; s++) {
            for (int t = 0; t < lookback; t++) {
                x[s * lookback + t] = (float) ((r[s + t] - mean) / sd);
            }
            y[s] = (float) ((r[s + lookback] - mean) / sd);
            end[s] = s + lookback - 1;
        }
        return new Windows(x, y, end, samples, lookback, 1);
    }
}
