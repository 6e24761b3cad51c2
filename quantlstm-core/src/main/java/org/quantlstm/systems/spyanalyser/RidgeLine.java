package org.quantlstm.systems.spyanalyser;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.analytics.DieboldMariano;
import org.quantlstm.data.BarSeries;
import org.quantlstm.model.ForecastMetrics;
import org.quantlstm.model.LinearForecaster;
import org.quantlstm.workflow.ForecastSpec;
import org.quantlstm.workflow.ForecastStage;

/**
 * The ridge baseline of spy-analyser (issue 14, item 6): a {@link LinearForecaster} on exactly the LSTM's inputs
 * ({@link ForecastStage#prepare}: the same 31 features, min-max scalers fitted on the training rows, windows,
 * target and split), fitted on the training windows with its penalty chosen on the validation windows, forecasting
 * every test bar's next close once. Its RMSE and IC are reported like the LSTM's (price units; IC of the forecast
 * move against the realised move) on the same test bars, with a Diebold–Mariano test of the LSTM against it. With
 * walk-forward retraining the ridge still fits once, on the first training segment.
 *
 * @param errors the ridge's forecast errors (null with no test bar to score)
 * @param dm     LSTM vs ridge (null with fewer than 3 scored bars)
 */
record RidgeLine(LinearForecaster fit, ForecastMetrics.Errors errors, DieboldMariano.Result dm) {

    static RidgeLine of(ForecastSpec spec, BarSeries series, ForecastStage.Outcome f) {
        ForecastStage.Prepared prep = ForecastStage.prepare(spec, series, f.boundary());
        LinearForecaster lf = LinearForecaster.fit(prep.labelled().slice(0, prep.validFrom()),
                prep.labelled().slice(prep.validFrom(), prep.testFrom()));
        double[] close = series.adjusted().closes();
        int n = close.length;
        boolean nextClose = spec.target() == ForecastStage.TargetKind.NEXT_CLOSE;
        double[] z = lf.predict(prep.test());
        double[] ridgeClose = new double[n];
        Arrays.fill(ridgeClose, Double.NaN);
        for (int i = 0; i < prep.test().samples(); i++) {
            int t = prep.test().endIndex()[i];
            double out = prep.targetScaler().inverse(0, z[i]);
            ridgeClose[t] = nextClose ? out : close[t] * Math.exp(out);
        }
        double[] pc = f.predictedClose();
        int m = 0;
        for (int t = f.testStart(); t + 1 < n; t++) {
            if (Double.isFinite(pc[t]) && Double.isFinite(ridgeClose[t])) {
                m++;
            }
        }
        double[] actual = new double[m];
        double[] lstm = new double[m];
        double[] ridge = new double[m];
        double[] last = new double[m];
        int k = 0;
        for (int t = f.testStart(); t + 1 < n; t++) {
            if (Double.isFinite(pc[t]) && Double.isFinite(ridgeClose[t])) {
                actual[k] = close[t + 1];
                lstm[k] = pc[t];
                ridge[k] = ridgeClose[t];
                last[k] = close[t];
                k++;
            }
        }
        ForecastMetrics.Errors e = m == 0 ? null : ForecastMetrics.errors(actual, ridge, last);
        DieboldMariano.Result dm = m < 3 ? null
                : DieboldMariano.test(actual, lstm, ridge, DieboldMariano.Loss.SQUARED, 1);
        return new RidgeLine(lf, e, dm);
    }

    /** The added console lines: the ridge's RMSE and IC, then the DM line "LSTM vs ridge". */
    String text() {
        StringBuilder b = new StringBuilder();
        if (errors == null) {
            return "Ridge baseline: no test bar to score.\n";
        }
        b.append(String.format(Locale.ROOT, "Ridge baseline (%s): RMSE %.6g, IC %.3f, rankIC %.3f (n=%d)%n",
                fit.describe(), errors.rmse(), errors.ic(), errors.rankIc(), errors.n()));
        if (dm == null) {
            b.append("Diebold-Mariano LSTM vs ridge: too few test forecasts for a test.\n");
        } else {
            b.append(String.format(Locale.ROOT, "Diebold-Mariano (HLN, squared errors): LSTM vs ridge DM=%.3f, p=%.3f: %s%n",
                    dm.statistic(), dm.pValue(), !dm.significant(0.05) ? "not significantly different at 5 %"
                            : dm.statistic() < 0 ? "the LSTM is significantly more accurate at 5 %"
                            : "the ridge is significantly more accurate at 5 %"));
        }
        return b.toString();
    }

    /** For ridge.json in the run folder. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "ridge on the LSTM's windows (same features, train-only scalers, target and split)");
        m.put("window_rows", fit.rows());
        m.put("features", fit.features());
        m.put("lambda_per_row", fit.lambda());
        m.put("lambda_grid", LinearForecaster.GRID);
        m.put("validation_mse_by_lambda", fit.validationMse());
        if (errors != null) {
            m.put("n", errors.n());
            m.put("rmse", finite(errors.rmse()));
            m.put("ic", finite(errors.ic()));
            m.put("rank_ic", finite(errors.rankIc()));
        }
        if (dm != null) {
            m.put("dm_lstm_vs_ridge", finite(dm.statistic()));
            m.put("dm_p_value", finite(dm.pValue()));
        }
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
