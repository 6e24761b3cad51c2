package org.quantlstm.model;

import java.util.List;
import java.util.Locale;
import org.quantlstm.features.Windows;

/**
 * The ridge baseline on the LSTM's own windows: same features, same train-only scalers, same target, same split.
 *
 * <p><b>Inputs.</b> Each window is flattened to its last {@code k} rows (all features of each),
 * {@code k = min(lookback, max(1, MAX_INPUTS / features))}: the whole window when it has at most
 * {@value #MAX_INPUTS} values (multi-asset: 2 features), else the most recent rows (spy-analyser: 31 features,
 * the last 8 days). The cap keeps the closed form cheap and the design well-posed; it is recorded with the fit.
 *
 * <p><b>Penalty.</b> Fitted on the training windows for every λ of {@link #GRID} (penalty per row, inputs and
 * target on their train-only scales), each scored by mean squared error on the validation windows; the λ with the
 * lowest validation MSE is chosen (the smaller λ on a tie). Without validation windows λ = {@value #DEFAULT_LAMBDA}.
 * The test segment is never read before {@link #predict}.
 *
 * @param ridge          the fit on the training windows with the chosen λ
 * @param rows           window rows used per sample (k)
 * @param validationMse  validation MSE per grid λ, in {@link #GRID} order (empty without validation windows)
 */
public record LinearForecaster(Ridge ridge, int rows, int features, double[] validationMse) {

    /** Most input values per sample. */
    public static final int MAX_INPUTS = 256;
    /** Penalties per row tried on the validation segment. */
    public static final List<Double> GRID = List.of(0.0, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0);
    /** Penalty when there is no validation segment to choose on. */
    public static final double DEFAULT_LAMBDA = 1e-2;

    public LinearForecaster {
        if (rows < 1 || features < 1 || ridge.width() != rows * features) {
            throw new IllegalArgumentException("linear forecaster: " + ridge.width() + " coefficients for " + rows
                    + " rows × " + features + " features");
        }
        validationMse = validationMse.clone();
    }

    @Override
    public double[] validationMse() {
        return validationMse.clone();
    }

    /** The chosen penalty per row. */
    public double lambda() {
        return ridge.lambda();
    }

    /** Rows per sample for windows of {@code lookback} rows of {@code features} columns. */
    public static int rowsFor(int lookback, int features) {
        return Math.min(lookback, Math.max(1, MAX_INPUTS / features));
    }

    /** Fits on {@code train}, chooses λ on {@code valid} (null or empty: {@link #DEFAULT_LAMBDA}). */
    public static LinearForecaster fit(Windows train, Windows valid) {
        if (train.samples() < 1) {
            throw new IllegalArgumentException("linear forecaster: no training windows");
        }
        int k = rowsFor(train.lookback(), train.features());
        int p = k * train.features();
        if (valid == null || valid.samples() == 0) {
            Ridge r = Ridge.fitAll(rows(train, k), train.samples(), p, new double[] {DEFAULT_LAMBDA})[0];
            return new LinearForecaster(r, k, train.features(), new double[0]);
        }
        check(valid, train);
        double[] mse = new double[GRID.size()];
        Ridge[] fits = Ridge.fitAll(rows(train, k), train.samples(), p,
                GRID.stream().mapToDouble(Double::doubleValue).toArray());
        Ridge best = null;
        double bestMse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < GRID.size(); i++) {
            double[] f = predict(fits[i], valid, k);
            double se = 0;
            for (int j = 0; j < f.length; j++) {
                double e = f[j] - valid.y()[j];
                se += e * e;
            }
            mse[i] = se / f.length;
            if (mse[i] < bestMse) {
                bestMse = mse[i];
                best = fits[i];
            }
        }
        if (best == null) {
            best = fits[GRID.indexOf(DEFAULT_LAMBDA)];
        }
        return new LinearForecaster(best, k, train.features(), mse);
    }

    /** The same inputs and penalty refitted on other windows (e.g. train + validation before the test). */
    public LinearForecaster refit(Windows windows) {
        requireShape(windows);
        Ridge r = Ridge.fitAll(rows(windows, rows), windows.samples(), rows * features, new double[] {lambda()})[0];
        return new LinearForecaster(r, rows, features, validationMse);
    }

    /** Forecasts of the target (on its training scale) for each window. */
    public double[] predict(Windows windows) {
        requireShape(windows);
        return predict(ridge, windows, rows);
    }

    private static double[] predict(Ridge r, Windows w, int k) {
        Ridge.Rows src = rows(w, k);
        double[] row = new double[k * w.features()];
        double[] out = new double[w.samples()];
        for (int i = 0; i < out.length; i++) {
            src.row(i, row);
            out[i] = r.predictRow(row);
        }
        return out;
    }

    /** The last {@code k} rows of each window as a row source. */
    private static Ridge.Rows rows(Windows w, int k) {
        int f = w.features();
        int per = w.lookback() * f;
        int p = k * f;
        int skip = (w.lookback() - k) * f;
        float[] x = w.x();
        float[] y = w.y();
        return new Ridge.Rows() {
            @Override
            public void row(int i, double[] out) {
                int src = i * per + skip;
                for (int j = 0; j < p; j++) {
                    out[j] = x[src + j];
                }
            }

            @Override
            public double y(int i) {
                return y[i];
            }
        };
    }

    /** One line: penalty chosen, how, and the inputs. */
    public String describe() {
        return String.format(Locale.ROOT, "ridge on the last %d window rows x %d features, lambda = %s per row%s", rows,
                features, lambda(), validationMse.length == 0 ? " (no validation segment: default)"
                        : " (lowest validation MSE of " + GRID.size() + ")");
    }

    private void requireShape(Windows w) {
        if (w.features() != features || w.lookback() < rows) {
            throw new IllegalArgumentException("linear forecaster: windows of " + w.lookback() + " × " + w.features()
                    + " for a fit on " + rows + " × " + features);
        }
    }

    private static void check(Windows w, Windows train) {
        if (w.features() != train.features() || w.lookback() != train.lookback()) {
            throw new IllegalArgumentException("linear forecaster: validation windows " + w.lookback() + " × "
                    + w.features() + " do not match training windows " + train.lookback() + " × " + train.features());
        }
    }

    /** The last {@code k} rows of every window, row-major (samples × k·features). */
    static double[] design(Windows w, int k) {
        int f = w.features();
        int per = w.lookback() * f;
        int p = k * f;
        double[] out = new double[w.samples() * p];
        for (int i = 0; i < w.samples(); i++) {
            int src = i * per + (w.lookback() - k) * f;
            for (int j = 0; j < p; j++) {
                out[i * p + j] = w.x()[src + j];
            }
        }
        return out;
    }

    private static double[] targets(Windows w) {
        double[] y = new double[w.samples()];
        for (int i = 0; i < y.length; i++) {
            y[i] = w.y()[i];
        }
        return y;
    }
}
