package org.quantlstm.systems.multiasset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quantlstm.analytics.ForecastComparison;
import org.quantlstm.common.DataSplit;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.Targets;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.scale.MinMaxScaler;
import org.quantlstm.features.scale.StandardScaler;
import org.quantlstm.features.sets.PriceRsi;
import org.quantlstm.model.LinearForecaster;

/**
 * The ridge baseline of one asset, built exactly as the LSTM's test evaluation ({@link AssetTuner#fitAndTrade}):
 * price-rsi features min-max scaled on the fitted rows, next-bar log return standardised on them, windows of the
 * chosen configuration's sequence length, and the same trading rule (long above centre + τ_long·s, short below
 * centre − τ_short·s, with centre and s from the model's own training predictions), fills, costs and capital.
 *
 * <p>The penalty is chosen as the LSTM's hyperparameters are: fitted on the training bars, scored on the validation
 * bars (λ with the lowest validation MSE of {@link LinearForecaster#GRID}); then, like the LSTM, the ridge is refitted
 * on train + validation (scalers re-fitted there) and forecasts the test segment once. Walk-forward retraining is not
 * applied to the ridge (one fit). Only bars before the test segment reach a coefficient or a scaler.
 */
final class RidgeBaseline {

    private RidgeBaseline() {
    }

    /** The ridge's test evaluation and its fit. */
    record Result(AssetTuner.Evaluation test, LinearForecaster fit) {
    }

    static Result onTest(AssetTuner tuner, BarSeries series, AssetTuner.Params p) {
        DataSplit split = tuner.split(series.size());
        int trainEnd = split.trainEnd();
        int validEnd = split.validEnd();
        // 1. the penalty, on the bars before the test segment only
        BarSeries seen = series.slice(0, validEnd).adjusted();
        FeatureMatrix rawSeen = new PriceRsi().compute(seen, null);
        double[] tSeen = Targets.nextLogReturn(seen.closes());
        MinMaxScaler fx0 = MinMaxScaler.fit(rawSeen, 0, trainEnd);
        StandardScaler fy0 = StandardScaler.fitColumn("next_log_return", tSeen, 0, trainEnd - 1);
        FeatureMatrix sc0 = fx0.transform(rawSeen);
        double[] y0 = fy0.transform(0, tSeen);
        Windows train0 = Windowing.build(sc0, y0, p.seqLen(), 0, trainEnd - 1);
        Windows valid0 = Windowing.build(sc0, y0, p.seqLen(), trainEnd - 1, validEnd - 1);
        LinearForecaster chosen = LinearForecaster.fit(train0, valid0);
        // 2. refit on train + validation and trade the test segment, as the LSTM's test evaluation
        int from = validEnd - 1;
        int to = series.size();
        BarSeries s = series.adjusted();
        double[] close = s.closes();
        FeatureMatrix raw = new PriceRsi().compute(s, null);
        double[] target = Targets.nextLogReturn(close);
        MinMaxScaler fx = MinMaxScaler.fit(raw, 0, validEnd);
        StandardScaler fy = StandardScaler.fitColumn("next_log_return", target, 0, validEnd - 1);
        FeatureMatrix scaled = fx.transform(raw);
        double[] y = fy.transform(0, target);
        Windows train = Windowing.build(scaled, y, p.seqLen(), 0, validEnd - 1);
        Windows infer = Windowing.forInference(scaled, y, p.seqLen(), from, to);
        LinearForecaster lf = chosen.refit(train);
        AssetTuner.Evaluation e = tuner.tradeForecasts(series, s, p, null, from, to, close,
                fy.inverse(0, lf.predict(train)), infer, lf.predict(infer), fy);
        return new Result(e, lf);
    }

    /**
     * Next-bar simple-return forecasts over the test decision bars (those with a realised next bar): the LSTM, the
     * ridge, persistence (random walk: 0) and drift (the mean bar return over the bars before the test segment).
     */
    static List<ForecastComparison.Line> forecasts(BarSeries series, AssetTuner.Evaluation lstm,
                                                   AssetTuner.Evaluation ridge) {
        int from = lstm.from();
        int to = lstm.to();
        double[] close = series.adjusted().closes();
        double drift = 0;
        for (int t = 1; t <= from; t++) {
            drift += close[t] / close[t - 1] - 1;
        }
        drift /= Math.max(1, from);
        int m = to - from - 1;
        double[] actual = new double[m];
        double[] persistence = new double[m];
        double[] driftF = new double[m];
        Arrays.fill(driftF, drift);
        for (int i = 0; i < m; i++) {
            int t = from + i;
            actual[i] = close[t + 1] / close[t] - 1;
        }
        Map<String, double[]> f = new LinkedHashMap<>();
        f.put("lstm", Arrays.copyOf(lstm.predictedReturn(), m));
        f.put("ridge", Arrays.copyOf(ridge.predictedReturn(), m));
        f.put("persistence", persistence);
        f.put("drift", driftF);
        return ForecastComparison.compare(actual, f);
    }
}
