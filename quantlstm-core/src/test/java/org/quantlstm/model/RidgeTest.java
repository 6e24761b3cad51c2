package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quantlstm.features.Windows;

class RidgeTest {

    // x = 1, 2, 3, 4; y = 2, 4, 5, 4. By hand: x̄ = 2.5, ȳ = 3.75, Sxx = 5, Sxy = 3.5.
    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {2, 4, 5, 4};

    @Test
    void olsByHandAtZeroPenalty() {
        Ridge r = Ridge.fit(X, Y, 1, 0);
        assertThat(r.coefficients()[0]).isCloseTo(0.7, within(1e-12)); // 3.5 / 5
        assertThat(r.intercept()).isCloseTo(2.0, within(1e-12)); // 3.75 − 0.7·2.5
    }

    @Test
    void ridgeByHand() {
        // λ = 0.25 per row, n = 4: penalty 1, β = Sxy / (Sxx + 1) = 3.5 / 6, b0 = ȳ − β x̄.
        Ridge r = Ridge.fit(X, Y, 1, 0.25);
        assertThat(r.coefficients()[0]).isCloseTo(3.5 / 6, within(1e-12));
        assertThat(r.intercept()).isCloseTo(3.75 - 2.5 * 3.5 / 6, within(1e-12));
        assertThat(r.predict(new double[] {10})[0]).isCloseTo(3.75 + 7.5 * 3.5 / 6, within(1e-12));
    }

    @Test
    void vanishingPenaltyIsOlsOnTwoColumns() {
        // y = 1 + 2 x1 − 3 x2 + small noise; OLS from the 2×2 normal equations solved by Cramer's rule.
        Random rnd = new Random(7);
        int n = 50;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = rnd.nextGaussian();
            x[2 * i + 1] = rnd.nextGaussian() + 0.5 * x[2 * i];
            y[i] = 1 + 2 * x[2 * i] - 3 * x[2 * i + 1] + 0.1 * rnd.nextGaussian();
        }
        double m1 = 0, m2 = 0, my = 0;
        for (int i = 0; i < n; i++) {
            m1 += x[2 * i] / n;
            m2 += x[2 * i + 1] / n;
            my += y[i] / n;
        }
        double s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0;
        for (int i = 0; i < n; i++) {
            double a = x[2 * i] - m1, b = x[2 * i + 1] - m2, c = y[i] - my;
            s11 += a * a;
            s12 += a * b;
            s22 += b * b;
            s1y += a * c;
            s2y += b * c;
        }
        double det = s11 * s22 - s12 * s12;
        double b1 = (s1y * s22 - s2y * s12) / det;
        double b2 = (s11 * s2y - s12 * s1y) / det;
        Ridge tiny = Ridge.fit(x, y, 2, 1e-12);
        assertThat(tiny.coefficients()[0]).isCloseTo(b1, within(1e-8));
        assertThat(tiny.coefficients()[1]).isCloseTo(b2, within(1e-8));
        assertThat(tiny.intercept()).isCloseTo(my - b1 * m1 - b2 * m2, within(1e-8));
        assertThat(b1).isCloseTo(2, within(0.1));
        assertThat(b2).isCloseTo(-3, within(0.1));
    }

    @Test
    void hugePenaltyPredictsTheTrainingMean() {
        Ridge r = Ridge.fit(X, Y, 1, 1e12);
        assertThat(r.predict(new double[] {-100, 0, 100})).containsExactly(new double[] {3.75, 3.75, 3.75}, within(1e-6));
    }

    @Test
    void collinearColumnsStillSolve() {
        double[] x = {1, 2, 2, 4, 3, 6, 4, 8}; // second column = 2 × first
        Ridge r = Ridge.fit(x, Y, 2, 0);
        assertThat(java.util.Arrays.stream(r.predict(new double[] {1, 2, 4, 8})).allMatch(Double::isFinite)).isTrue();
        double[] f = r.predict(x);
        assertThat(f[0]).isCloseTo(2.7, within(1e-6)); // the OLS fit 2 + 0.7 x
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> Ridge.fit(new double[] {1, 2, 3}, Y, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ridge.fit(X, Y, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Windows windows(double[] series, double[] target, int lookback, int from, int to) {
        int n = to - from;
        float[] x = new float[n * lookback];
        float[] y = new float[n];
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            int t = from + i;
            for (int s = 0; s < lookback; s++) {
                x[i * lookback + s] = (float) series[t - lookback + 1 + s];
            }
            y[i] = (float) target[t];
            end[i] = t;
        }
        return new Windows(x, y, end, n, lookback, 1);
    }

    @Test
    void linearForecasterFitsOnlyTrainingRowsAndChoosesOnValidation() {
        // An AR(1)-like series: the target at t is 0.6·s[t] + noise.
        Random rnd = new Random(3);
        int n = 400;
        double[] s = new double[n];
        double[] target = new double[n];
        for (int t = 0; t < n; t++) {
            s[t] = rnd.nextGaussian();
            target[t] = 0.6 * s[t] + 0.3 * rnd.nextGaussian();
        }
        Windows train = windows(s, target, 4, 3, 250);
        Windows valid = windows(s, target, 4, 250, 320);
        LinearForecaster lf = LinearForecaster.fit(train, valid);
        assertThat(lf.rows()).isEqualTo(4);
        assertThat(lf.validationMse()).hasSize(LinearForecaster.GRID.size());
        // the chosen λ has the lowest validation MSE
        double min = java.util.Arrays.stream(lf.validationMse()).min().orElseThrow();
        assertThat(lf.validationMse()[LinearForecaster.GRID.indexOf(lf.lambda())]).isEqualTo(min);
        // its coefficients come from the training windows alone
        Ridge trainOnly = Ridge.fit(LinearForecaster.design(train, 4), toDouble(train.y()), 4, lf.lambda());
        assertThat(lf.ridge()).isEqualTo(trainOnly);
        assertThat(lf.ridge().coefficients()[3]).isCloseTo(0.6, within(0.1));
        // test windows, changed wholesale, change nothing in the fit, and forecasts of unchanged windows stay
        double[] wild = s.clone();
        for (int t = 320; t < n; t++) {
            wild[t] = 1e3 * rnd.nextGaussian();
        }
        Windows test = windows(wild, target, 4, 320, 400);
        assertThat(LinearForecaster.fit(train, valid).ridge()).isEqualTo(lf.ridge());
        assertThat(lf.predict(valid)).containsExactly(LinearForecaster.fit(train, valid).predict(valid));
        assertThat(lf.predict(test)).hasSize(80);
    }

    @Test
    void wideWindowsUseTheirLastRows() {
        assertThat(LinearForecaster.rowsFor(60, 31)).isEqualTo(8);
        assertThat(LinearForecaster.rowsFor(32, 2)).isEqualTo(32);
        assertThat(LinearForecaster.rowsFor(10, 500)).isEqualTo(1);
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
