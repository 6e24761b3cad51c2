package org.quantlstm.audit;

import java.util.SplittableRandom;
import org.quantlstm.data.BarSeries;

/**
 * Replaces every bar after a cut with a seeded random walk that has nothing to do with the real path: three times
 * the series' recent volatility, a drift that flips sign every 10 to 30 bars, fresh opens, highs and lows, and
 * volume scaled by a log-normal factor. Bars at or before the cut, and every timestamp, are kept exactly, so the
 * calendar, the period window and the split of a rerun stay where they were.
 */
public final class Perturbation {
    private Perturbation() {
    }

    /** {@code s} with every bar whose time is after {@code cutMillis} replaced (the same series when none is). */
    public static BarSeries after(BarSeries s, long cutMillis, long seed) {
        int n = s.size();
        int from = s.indexAtOrAfter(cutMillis + 1);
        if (from >= n) {
            return s;
        }
        long[] t = s.epochMillis();
        double[] o = s.opens();
        double[] h = s.highs();
        double[] l = s.lows();
        double[] c = s.closes();
        double[] a = s.adjCloses();
        double[] v = s.volumes();
        double sigma = recentVolatility(c, from);
        SplittableRandom rnd = new SplittableRandom(seed);
        double prev = from > 0 ? c[from - 1] : c[0];
        double adjFactor = from > 0 && c[from - 1] > 0 ? a[from - 1] / c[from - 1] : 1;
        double drift = (rnd.nextBoolean() ? 1 : -1) * sigma;
        int regime = 10 + rnd.nextInt(21);
        for (int i = from; i < n; i++) {
            if (--regime == 0) {
                drift = -drift;
                regime = 10 + rnd.nextInt(21);
            }
            double open = prev * Math.exp(sigma * gaussian(rnd));
            double close = open * Math.exp(drift + 3 * sigma * gaussian(rnd));
            o[i] = open;
            c[i] = close;
            h[i] = Math.max(open, close) * Math.exp(Math.abs(sigma * gaussian(rnd)));
            l[i] = Math.min(open, close) * Math.exp(-Math.abs(sigma * gaussian(rnd)));
            a[i] = close * adjFactor;
            v[i] = Math.rint(v[i] * Math.exp(gaussian(rnd)));
            prev = close;
        }
        return BarSeries.of(s.symbol(), s.interval(), t, o, h, l, c, a, v);
    }

    /** The std of log close-to-close returns over up to 250 bars before {@code from}; at least 0.5 %. */
    static double recentVolatility(double[] c, int from) {
        int start = Math.max(1, from - 250);
        int k = 0;
        double sum = 0;
        double sq = 0;
        for (int i = start; i < from; i++) {
            if (c[i] > 0 && c[i - 1] > 0) {
                double r = Math.log(c[i] / c[i - 1]);
                sum += r;
                sq += r * r;
                k++;
            }
        }
        if (k < 2) {
            return 0.01;
        }
        double var = (sq - sum * sum / k) / (k - 1);
        return Math.max(0.005, Math.sqrt(Math.max(var, 0)));
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller from the seeded stream (SplittableRandom has no nextGaussian on Java 17)
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
