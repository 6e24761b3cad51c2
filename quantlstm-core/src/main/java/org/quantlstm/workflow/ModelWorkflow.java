package org.quantlstm.workflow;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;
import org.quantlstm.features.Targets;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.scale.Scaler;
import org.quantlstm.features.scale.ScalerJson;
import org.quantlstm.features.sets.FeatureSets;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.ProgressBarListener;
import org.quantlstm.model.TrainConfig;
import org.quantlstm.model.TrainingListener;

/**
 * {@code quantlstm train} and {@code quantlstm predict}: fit one of the four networks on a ticker, report it next to
 * the naive baselines, save it as one directory (weights, spec, scalers, feature set, split and data hash), and
 * later load it to forecast the next bar from the latest data.
 */
public final class ModelWorkflow {
    private ModelWorkflow() {
    }

    /** What {@code train} needs; {@code periodDays} 0 means all history. */
    public record TrainRequest(Symbol ticker, String net, Interval interval, int periodDays, int lookback, int epochs,
                               int batchSize, double learningRate, int patience, long seed, Path out, boolean progress,
                               ForecastStage.TargetKind target, org.quantlstm.model.LstmSpec.Cell cell,
                               org.quantlstm.data.DataResolver data) {
    }

    /** The defaults of each network: feature set, interval, lookback, history. */
    public record NetDefaults(String featureSet, Interval interval, int lookback, int periodDays) {
    }

    public static NetDefaults defaults(String net) {
        return switch (net) {
            case "spy-analyser" -> new NetDefaults("spy-analyser-31", Interval.D1, 60, 730);
            case "weekly-12" -> new NetDefaults("close-only", Interval.W1, 24, 0);
            case "multi-asset", "multi-asset-4h" -> new NetDefaults("price-rsi", Interval.H4, 48, 730);
            default -> throw new UserInputException("unknown network '" + net
                    + "' for train: use spy-analyser, weekly-12 or multi-asset (the pooled cross-sectional network is "
                    + "trained by 'quantlstm run cross-sectional')");
        };
    }

    /** Trains, prints the forecast table and saves the model; returns the model directory. */
    public static Path train(TrainRequest r, PrintStream out) {
        NetDefaults d = defaults(r.net());
        FeatureSet set = FeatureSets.byName(d.featureSet());
        org.quantlstm.data.DataResolver.Loaded loaded = r.data().load(r.ticker(), r.interval());
        BarSeries all = loaded.series();
        BarSeries series = r.periodDays() > 0 ? MarketData.lastCalendarDays(all, r.periodDays()) : all;
        TrainConfig tc = TrainConfig.defaults().withEpochs(r.epochs()).withBatchSize(r.batchSize())
                .withLearningRate(r.learningRate()).withEarlyStopping(r.patience(), 0.0, true).withSeed(r.seed());
        out.printf(Locale.ROOT, "Training %s/%s on %s %s: %d bars %s .. %s from %s, features %s (%d), lookback %d%n",
                r.net(), r.cell().code(), series.symbol(), series.interval(), series.size(), MarketData.label(series, 0),
                MarketData.label(series, series.size() - 1), loaded.describe(), set.name(), set.columns().size(),
                r.lookback());
        TrainingListener listener = r.progress() ? new ProgressBarListener(out) : TrainingListener.SILENT;
        boolean weekly = org.quantlstm.model.Networks.shape(r.net()).name().equals("weekly-12");
        var spec = new ForecastSpec(set.name(), r.target(), r.lookback(), 0.7, 0.1, r.net(), r.cell(), weekly ? 256 : 64,
                2, 0.2, tc, Retraining.NONE, r.seed());
        try (ForecastStage.Outcome f = ForecastStage.run(spec, series, null, listener)) {
            out.printf(Locale.ROOT, "windows: train %d, validation %d, test %d; %d epochs (best %d)%n", f.trainWindows(),
                    f.validWindows(), f.testWindows(), f.history().epochs(), f.history().bestEpoch() + 1);
            out.print(f.report().table());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("ticker", series.symbol().value());
            meta.put("interval", series.interval().code());
            meta.put("net", r.net());
            meta.put("cell", r.cell().code());
            meta.put("source", loaded.describe());
            meta.put("feature_set", set.name());
            meta.put("target", r.target().code());
            meta.put("lookback", r.lookback());
            meta.put("feature_scaler", ScalerJson.toJson(f.featureScaler()));
            meta.put("target_scaler", ScalerJson.toJson(f.targetScaler()));
            meta.put("valid_start", MarketData.label(series, series.indexAtOrAfter(f.boundary().validStart())));
            meta.put("test_start", MarketData.label(series, series.indexAtOrAfter(f.boundary().testStart())));
            meta.put("data_sha256", DataFingerprint.sha256(series));
            meta.put("rmse", f.report().model().rmse());
            meta.put("rmse_persistence", f.report().persistence().rmse());
            meta.put("theil_u", f.report().theilU());
            Path dir = r.out() != null ? r.out()
                    : Path.of("models", series.symbol().value().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + r.net());
            f.forecaster().save(dir, meta);
            out.println("Model saved to " + dir);
            return dir;
        }
    }

    /** A forecast of the bar after {@code decision}. */
    public record Forecast(String decision, double close, double predictedNextClose, double actualNextClose) {
        public double predictedReturn() {
            return predictedNextClose / close - 1;
        }
    }

    /**
     * Loads a saved model and forecasts the next close after each of the last {@code last} bars of the ticker's
     * data from {@code data} (the newest has no actual yet).
     */
    public static List<Forecast> predict(Path modelDir, Symbol tickerOverride, int last,
                                         org.quantlstm.data.DataResolver data) {
        try (Forecaster f = Forecaster.load(modelDir)) {
            Map<String, Object> meta = f.metadata();
            String setName = (String) meta.get("feature_set");
            if (setName == null || meta.get("feature_scaler") == null) {
                throw new UserInputException("model directory " + modelDir + " was not saved by 'quantlstm train' "
                        + "(no feature set or scalers in metadata.json)");
            }
            Symbol ticker = tickerOverride != null ? tickerOverride : Symbol.of((String) meta.get("ticker"));
            Interval interval = Interval.parse((String) meta.get("interval"));
            int lookback = ((Number) meta.get("lookback")).intValue();
            Scaler fx = ScalerJson.fromJson((String) meta.get("feature_scaler"));
            Scaler fy = ScalerJson.fromJson((String) meta.get("target_scaler"));
            BarSeries series = data.load(ticker, interval).series();
            FeatureMatrix m = fx.transform(FeatureSets.byName(setName).compute(series, null));
            double[] close = series.adjusted().closes();
            ForecastStage.TargetKind kind = ForecastStage.TargetKind.parse((String) meta.getOrDefault("target", "next-close"));
            double[] target = kind == ForecastStage.TargetKind.NEXT_CLOSE ? Targets.nextClose(close) : Targets.nextLogReturn(close);
            int n = series.size();
            Windows w = Windowing.forInference(m, fy.transform(0, target), lookback, Math.max(0, n - last), n);
            double[] z = f.predict(w);
            Forecast[] out = new Forecast[w.samples()];
            for (int i = 0; i < w.samples(); i++) {
                int t = w.endIndex()[i];
                double y = fy.inverse(0, z[i]);
                out[i] = new Forecast(MarketData.label(series, t), close[t],
                        kind == ForecastStage.TargetKind.NEXT_CLOSE ? y : close[t] * Math.exp(y),
                        t + 1 < n ? close[t + 1] : Double.NaN);
            }
            return Arrays.asList(out);
        }
    }
}
