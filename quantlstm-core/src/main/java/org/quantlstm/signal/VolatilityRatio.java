package org.quantlstm.signal;

import java.util.Arrays;
import java.util.Collections;
import java.util.PriorityQueue;

/**
 * The volatility ratio of seed 001's volatility-adjusted sizing: median volatility / current volatility.
 *
 * <p>Current volatility at bar t is the seed's "rolling volatility: 20-day standard deviation of returns":
 * the sample standard deviation (ddof = 1) of the {@code volWindow} simple close-to-close returns ending at t,
 * defined from t = volWindow on. The median is <b>causal</b>: the median of the volatilities observed up to and
 * including t (expanding by default, or over the last {@code medianWindow} of them). A full-sample median, as a
 * vectorised script would naturally write it, uses volatility from after t to size the position at t: a
 * look-ahead leak that flatters the strategy (it knows in advance whether today is calm relative to the whole
 * period). The result is NaN where undefined (warm-up, or zero current volatility), which sizes to 0.
 */
public final class VolatilityRatio {
    /** Seed 001's rolling-volatility window: 20 bars. */
    public static final int SEED_WINDOW = 20;

    private VolatilityRatio() {
    }

    /** Rolling std (ddof = 1) of the last {@code window} simple returns ending at each bar; NaN before. */
    public static double[] rollingVolatility(double[] close, int window) {
        if (window < 2) {
            throw new IllegalArgumentException("volatility window must be >= 2: " + window);
        }
        int n = close.length;
        double[] vol = new double[n];
        Arrays.fill(vol, Double.NaN);
        for (int t = window; t < n; t++) {
            double mean = 0;
            for (int i = t - window + 1; i <= t; i++) {
                mean += close[i] / close[i - 1] - 1;
            }
            mean /= window;
            double ss = 0;
            for (int i = t - window + 1; i <= t; i++) {
                double d = close[i] / close[i - 1] - 1 - mean;
                ss += d * d;
            }
            vol[t] = Math.sqrt(ss / (window - 1));
        }
        return vol;
    }

    /** Expanding causal median / current volatility. */
    public static double[] causalRatio(double[] close, int volWindow) {
        return causalRatio(close, volWindow, 0);
    }

    /**
     * Causal median / current volatility, the median over the last {@code medianWindow} defined volatilities
     * (0 = expanding: all defined volatilities up to t).
     */
    public static double[] causalRatio(double[] close, int volWindow, int medianWindow) {
        double[] vol = rollingVolatility(close, volWindow);
        double[] med = medianWindow <= 0 ? expandingMedian(vol) : trailingMedian(vol, medianWindow);
        double[] out = new double[vol.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = vol[t] > 0 ? med[t] / vol[t] : Double.NaN;
        }
        return out;
    }

    /** Median of the non-NaN values among x[0..t] for each t (NaN until the first value), via two heaps. */
    static double[] expandingMedian(double[] x) {
        PriorityQueue<Double> low = new PriorityQueue<>(Collections.reverseOrder());
        PriorityQueue<Double> high = new PriorityQueue<>();
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            if (!Double.isNaN(x[t])) {
                if (low.isEmpty() || x[t] <= low.peek()) {
                    low.add(x[t]);
                } else {
                    high.add(x[t]);
                }
                if (low.size() > high.size() + 1) {
                    high.add(low.poll());
                } else if (high.size() > low.size()) {
                    low.add(high.poll());
                }
            }
            if (low.isEmpty()) {
                out[t] = Double.NaN;
            } else {
                out[t] = low.size() > high.size() ? low.peek() : (low.peek() + high.peek()) / 2;
            }
        }
        return out;
    }

    /** Median of the last {@code w} non-NaN values up to t. */
    static double[] trailingMedian(double[] x, int w) {
        double[] out = new double[x.length];
        double[] buf = new double[w];
        for (int t = 0; t < x.length; t++) {
            int k = 0;
            for (int i = t; i >= 0 && k < w; i--) {
                if (!Double.isNaN(x[i])) {
                    buf[k++] = x[i];
                }
            }
            if (k == 0) {
                out[t] = Double.NaN;
                continue;
            }
            double[] s = Arrays.copyOf(buf, k);
            Arrays.sort(s);
            out[t] = k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
        }
        return out;
    }
}
