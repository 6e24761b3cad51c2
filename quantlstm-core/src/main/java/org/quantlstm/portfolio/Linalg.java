package org.quantlstm.portfolio;

import org.quantlstm.common.UserInputException;

/**
 * Small dense linear algebra for the few-asset problems of this package (n is tens, not thousands):
 * validation, products, Cholesky factorisation and the ridge repair of singular covariance matrices.
 * Matrices are {@code double[rows][cols]}; nothing here mutates its arguments.
 */
final class Linalg {
    /** Relative ridges tried, times the mean variance trace(Σ)/n, when Σ is not numerically positive definite. */
    private static final double[] RIDGES = {0, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2};

    private Linalg() {
    }

    /** A covariance matrix after the ridge repair, with the absolute ridge added to its diagonal (0 if none). */
    record Regularised(double[][] matrix, double ridge) {
    }

    static void requireFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new UserInputException(name + "[" + i + "] is not a finite number: " + v[i]);
            }
        }
    }

    /** Checks that {@code m} is n×n, finite and symmetric within a relative 1e-8. */
    static void requireCovariance(String name, double[][] m, int n) {
        if (m == null || m.length != n) {
            throw new UserInputException(name + " must be " + n + "x" + n + " but has "
                    + (m == null ? "no" : String.valueOf(m.length)) + " rows");
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new UserInputException(name + " row " + i + " must have " + n + " columns");
            }
            requireFinite(name + "[" + i + "]", m[i]);
            scale = Math.max(scale, Math.abs(m[i][i]));
        }
        for (int i = 0; i < n; i++) {
            if (m[i][i] < 0) {
                throw new UserInputException(name + " has a negative variance at [" + i + "][" + i + "]: " + m[i][i]);
            }
            for (int j = 0; j < i; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > 1e-8 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new UserInputException(name + " is not symmetric at [" + i + "][" + j + "]: "
                            + m[i][j] + " vs " + m[j][i]);
                }
            }
        }
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] multiply(double[][] m, double[] v) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = dot(m[i], v);
        }
        return r;
    }

    /** vᵀ M v. */
    static double quadratic(double[][] m, double[] v) {
        return dot(v, multiply(m, v));
    }

    static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) {
            t += m[i][i];
        }
        return t;
    }

    /** Lower-triangular L with L Lᵀ = a, or null when a pivot is not positive (a is not positive definite). */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, a[i][i]);
        }
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            // A pivot below ~1e-14 of the largest variance means a condition number beyond what doubles carry.
            if (!(d > 1e-14 * maxDiag)) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        return l;
    }

    /** Solves L Lᵀ x = b for a Cholesky factor L. */
    static double[] choleskySolve(double[][] l, double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /**
     * Makes a symmetric matrix numerically positive definite by adding the smallest ridge δ·I from the ladder
     * δ = {0, 1e-12, 1e-10, …, 1e-2} × trace(Σ)/n for which a Cholesky factorisation succeeds. A ridge is the
     * same repair as Ledoit-Wolf shrinkage towards a scaled identity with a tiny intensity; it keeps the
     * optimisers well posed when assets are collinear (duplicated tickers, fewer periods than assets).
     *
     * @throws UserInputException if Σ is zero or even a 1 % ridge does not make it positive definite
     */
    static Regularised regularise(String name, double[][] sigma) {
        int n = sigma.length;
        double meanVar = trace(sigma) / n;
        if (!(meanVar > 0)) {
            throw new UserInputException(name + " is zero: every return series is constant");
        }
        for (double rel : RIDGES) {
            double ridge = rel * meanVar;
            double[][] m = copy(sigma);
            for (int i = 0; i < n; i++) {
                m[i][i] += ridge;
            }
            if (cholesky(m) != null) {
                return new Regularised(m, ridge);
            }
        }
        throw new UserInputException(name + " is far from positive semi-definite (a ridge of 1% of the mean "
                + "variance does not repair it); check the inputs");
    }

    /** Solves Σ x = b after the ridge repair of {@link #regularise}. */
    static double[] solveSpd(String name, double[][] sigma, double[] b) {
        Regularised r = regularise(name, sigma);
        return choleskySolve(cholesky(r.matrix()), b);
    }
}
