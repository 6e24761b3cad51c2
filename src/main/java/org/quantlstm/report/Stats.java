package org.quantlstm.report;

/** Small moment helpers over {@code double[]}; NaN for too few values. */
final class Stats {
    private Stats() {
    }

    static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation, ddof = 1. */
    static double std(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x), ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
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
