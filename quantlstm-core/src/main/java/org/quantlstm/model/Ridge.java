package org.quantlstm.model;

import java.util.Arrays;

/**
 * Ridge regression in closed form: the linear baseline every LSTM is shown beside.
 *
 * <p>Fits {@code y ≈ b0 + x·β} by minimising {@code Σ (y_i − b0 − x_i·β)² + λ·n·|β|²} over the rows given, with
 * the intercept {@code b0} not penalised (the columns and the target are centred on the fitted rows' means, then
 * {@code β = (XcᵀXc + λ·n·I)⁻¹ Xcᵀyc} by a plain Cholesky factorisation and {@code b0 = ȳ − x̄·β}). The penalty is
 * scaled by the number of rows n so that one grid serves any sample size. λ → 0 is ordinary least squares (when
 * XᵀX is invertible); λ → ∞ shrinks β to 0 and every prediction to the training mean ȳ.
 *
 * <p>A fit reads only the rows it is given: the caller passes the training rows, so no validation or test value
 * reaches a coefficient. {@code x} is row-major, {@code n × p}.
 *
 * @param intercept    b0
 * @param coefficients β, one per column
 * @param lambda       the penalty per row λ
 */
public record Ridge(double intercept, double[] coefficients, double lambda) {

    public Ridge {
        if (!Double.isFinite(intercept) || !(lambda >= 0)) {
            throw new IllegalArgumentException("ridge: intercept must be finite and lambda ≥ 0");
        }
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Number of input columns. */
    public int width() {
        return coefficients.length;
    }

    /**
     * Fits rows {@code [0, n)} of the row-major {@code n × p} matrix {@code x} to {@code y} with penalty λ per row.
     * A tiny ridge (1e-12 of the mean diagonal) is added when the Gram matrix is singular at λ = 0.
     */
    public static Ridge fit(double[] x, double[] y, int p, double lambda) {
        return fitAll(x, y, p, new double[] {lambda})[0];
    }

    /**
     * One fit per penalty in {@code lambdas}, sharing one pass over the rows (the centred Gram matrix is formed once);
     * each equals {@link #fit} with that penalty.
     */
    public static Ridge[] fitAll(double[] x, double[] y, int p, double[] lambdas) {
        int n = y.length;
        if (p < 1 || x.length != (long) n * p) {
            throw new IllegalArgumentException("ridge: x has " + x.length + " values, expected " + n + " × " + p);
        }
        return fitAll(new Rows() {
            @Override
            public void row(int i, double[] out) {
                System.arraycopy(x, i * p, out, 0, p);
            }

            @Override
            public double y(int i) {
                return y[i];
            }
        }, n, p, lambdas);
    }

    /** Rows of a design read one at a time (so that a large design never has to exist as one array). */
    public interface Rows {
        /** Writes row {@code i}'s {@code p} inputs into {@code out}. */
        void row(int i, double[] out);

        /** Row {@code i}'s target. */
        double y(int i);
    }

    /** As {@link #fitAll(double[], double[], int, double[])} on {@code n} rows read through {@code rows}. */
    public static Ridge[] fitAll(Rows rows, int n, int p, double[] lambdas) {
        if (p < 1) {
            throw new IllegalArgumentException("ridge: no input columns");
        }
        if (n < 1) {
            throw new IllegalArgumentException("ridge: no rows to fit");
        }
        for (double lambda : lambdas) {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("ridge: lambda must be finite and ≥ 0, got " + lambda);
            }
        }
        double[] row = new double[p];
        double[] mx = new double[p];
        double my = 0;
        for (int i = 0; i < n; i++) {
            rows.row(i, row);
            my += rows.y(i);
            for (int j = 0; j < p; j++) {
                mx[j] += row[j];
            }
        }
        my /= n;
        for (int j = 0; j < p; j++) {
            mx[j] /= n;
        }
        double[] g = new double[p * p];
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            rows.row(i, row);
            for (int j = 0; j < p; j++) {
                row[j] -= mx[j];
            }
            double yc = rows.y(i) - my;
            for (int j = 0; j < p; j++) {
                double rj = row[j];
                if (rj == 0) {
                    continue;
                }
                b[j] += rj * yc;
                int off = j * p;
                for (int k = j; k < p; k++) {
                    g[off + k] += rj * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                g[j * p + k] = g[k * p + j];
            }
        }
        Ridge[] out = new Ridge[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            double[] beta = solveRidge(g, b, p, lambdas[l] * n);
            double b0 = my;
            for (int j = 0; j < p; j++) {
                b0 -= mx[j] * beta[j];
            }
            out[l] = new Ridge(b0, beta, lambdas[l]);
        }
        return out;
    }

    /** The prediction for one row of inputs. */
    public double predictRow(double[] row) {
        double s = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            s += coefficients[j] * row[j];
        }
        return s;
    }

    /** Solves (G + penalty·I) β = b by Cholesky; a jitter is added when the matrix is not positive definite. */
    static double[] solveRidge(double[] g, double[] b, int p, double penalty) {
        double trace = 0;
        for (int j = 0; j < p; j++) {
            trace += g[j * p + j];
        }
        double jitter = 0;
        double scale = trace > 0 ? trace / p : 1;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[] l = cholesky(g, p, penalty + jitter);
            if (l != null) {
                double[] z = new double[p];
                for (int i = 0; i < p; i++) {
                    double s = b[i];
                    for (int k = 0; k < i; k++) {
                        s -= l[i * p + k] * z[k];
                    }
                    z[i] = s / l[i * p + i];
                }
                double[] beta = new double[p];
                for (int i = p - 1; i >= 0; i--) {
                    double s = z[i];
                    for (int k = i + 1; k < p; k++) {
                        s -= l[k * p + i] * beta[k];
                    }
                    beta[i] = s / l[i * p + i];
                }
                return beta;
            }
            jitter = jitter == 0 ? 1e-12 * scale : jitter * 100;
        }
        throw new IllegalStateException("ridge: Gram matrix is not positive definite even with a jitter");
    }

    /** Lower Cholesky factor of G + d·I, or null when it is not (numerically) positive definite. */
    private static double[] cholesky(double[] g, int p, double d) {
        double[] l = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = g[i * p + j] + (i == j ? d : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                if (i == j) {
                    double diag = g[i * p + i] + d;
                    if (!(s > 1e-14 * Math.max(1, Math.abs(diag)))) {
                        return null;
                    }
                    l[i * p + i] = Math.sqrt(s);
                } else {
                    l[i * p + j] = s / l[j * p + j];
                }
            }
        }
        return l;
    }

    /** Predictions for the rows of the row-major matrix {@code x} ({@code x.length / width()} rows). */
    public double[] predict(double[] x) {
        int p = coefficients.length;
        if (x.length % p != 0) {
            throw new IllegalArgumentException("ridge: " + x.length + " values are not rows of " + p);
        }
        int n = x.length / p;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = intercept;
            for (int j = 0; j < p; j++) {
                s += coefficients[j] * x[i * p + j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Mean squared error of this fit on rows {@code x} against {@code y}. */
    public double mse(double[] x, double[] y) {
        double[] f = predict(x);
        if (f.length != y.length || f.length == 0) {
            throw new IllegalArgumentException("ridge: " + f.length + " predictions for " + y.length + " targets");
        }
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double e = f[i] - y[i];
            s += e * e;
        }
        return s / f.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ridge r && Double.compare(r.intercept, intercept) == 0 && Double.compare(r.lambda, lambda) == 0
                && Arrays.equals(r.coefficients, coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(intercept) + Arrays.hashCode(coefficients) + Double.hashCode(lambda);
    }

    @Override
    public String toString() {
        return "Ridge[lambda=" + lambda + ", intercept=" + intercept + ", coefficients=" + Arrays.toString(coefficients)
                + "]";
    }
}
