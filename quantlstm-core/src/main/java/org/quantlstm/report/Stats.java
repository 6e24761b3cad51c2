package org.quantlstm.report;

/** Small moment helpers over {@code double[]}; NaN for too few values. */
final class Stats {
    private Stats() {
    }

    static double mean(double[] x) {
        return org.quantlstm.analytics.Moments.mean(x);
    }

    /** Sample standard deviation, ddof = 1. */
    static double std(double[] x) {
        return org.quantlstm.analytics.Moments.std(x);
    }

    /** Central moment of order k with divisor n (population). */
    static double centralMoment(double[] x, int k) {
        double m = mean(x), s = 0;
        for (double v : x) {
            s += Math.pow(v - m, k);
        }
        return s / x.length;
    }

    static double[] minus(double[] r, double[] rf) {
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i] - rf[i];
        }
        return out;
    }
}
