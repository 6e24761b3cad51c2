package org.quantlstm.analytics;

/** Mean and sample standard deviation (ddof = 1) of a {@code double[]}: the one implementation. */
public final class Moments {
    private Moments() {
    }

    /** Arithmetic mean; NaN for no values. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation, ddof = 1; NaN below two values. */
    public static double std(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x), ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
