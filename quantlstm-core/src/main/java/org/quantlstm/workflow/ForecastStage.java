package org.quantlstm.workflow;

import java.util.Arrays;
import org.quantlstm.common.DataSplit;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.sets.FeatureSets;
import org.quantlstm.features.Targets;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.scale.MinMaxScaler;
import org.quantlstm.features.scale.Scaler;
import org.quantlstm.model.ForecastMetrics;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.TrainingHistory;
import org.quantlstm.model.TrainingListener;

/**
 * Prices → features → min-max scaling fitted on the training rows only → 60-step windows → chronological
 * train/validation/test split → LSTM fit with early stopping → next-close forecasts for every test bar → forecast
 * metrics next to the persistence and drift baselines. Shared by {@code quantlstm train} and the spy-analyser run.
 *
 * <p>Leakage rules kept here: the split is by time (windows ordered by their decision bar); the feature and
 * target scalers see only rows up to the last training window's decision bar; validation windows drive early
 * stopping only; test windows are predicted once. The split can be pinned to decision times ({@link Boundary})
 * so a run on a truncated history reproduces the same model (the pipeline causality test relies on this).
 */
public final class ForecastStage {
    private ForecastStage() {
    }

    /**
     * The split as decision times: windows whose decision bar is before {@code validStart} train, those before
     * {@code testStart} validate, the rest are test.
     */
    public record Boundary(long validStart, long testStart) {
        public Boundary {
            if (validStart > testStart) {
                throw new IllegalArgumentException("validation starts after test");
            }
        }
    }

    /**
     * What the network is trained to output. {@code NEXT_CLOSE} is seed 001's choice: the next close, min-max
     * scaled on the training range — a network with a bounded output then cannot forecast prices above the
     * training maximum, which a trending market soon reaches. {@code NEXT_RETURN} trains on the next log return
     * (scaled likewise) and forecasts close·exp(r̂); errors are reported in price units either way.
     */
    public enum TargetKind {
        NEXT_CLOSE, NEXT_RETURN;

        public static TargetKind parse(String text) {
            return switch (text) {
                case "next-close" -> NEXT_CLOSE;
                case "next-return" -> NEXT_RETURN;
                default -> throw new UserInputException("unknown target '" + text + "': use next-close or next-return");
            };
        }

        public String code() {
            return this == NEXT_CLOSE ? "next-close" : "next-return";
        }
    }

    /**
     * A fitted forecaster (close it) with its scalers and forecasts. {@code predictedClose[t]} is the forecast, made
     * at bar t's close, of bar t+1's close, for every test bar t (NaN elsewhere); {@code predictedReturn[t]} the
     * implied simple return. {@code testStart} is the first test decision bar. With walk-forward retraining,
     * {@code forecaster} is the last fold's model, {@code history} the first fold's, and {@code modelsTrained} says
     * how many were trained.
     */
    public record Outcome(Forecaster forecaster, Scaler featureScaler, Scaler targetScaler, FeatureMatrix matrix,
                          TrainingHistory history, Boundary boundary, int trainWindows, int validWindows,
                          int testWindows, int testStart, double[] predictedClose, double[] predictedReturn,
                          ForecastMetrics.Report report, int modelsTrained, Retraining retrain)
            implements AutoCloseable {
        @Override
        public void close() {
            forecaster.close();
        }
    }

    /**
     * Everything before training: raw features, the split as window indices, the scalers (fitted on training rows
     * only) and the scaled labelled and inference windows. No model is involved, so tests can check leakage rules
     * quickly: nothing here may change when prices after the training cut change, except the windows after it.
     */
    public record Prepared(FeatureMatrix raw, Boundary boundary, int[] end, int validFrom, int testFrom,
                           int lastTrainBar, MinMaxScaler featureScaler, MinMaxScaler targetScaler, Windows labelled,
                           Windows test, int testStartBar) {
    }

    /** The stage up to training (see {@link Prepared}). */
    public static Prepared prepare(ForecastSpec spec, BarSeries series, Boundary boundary) {
        BarSeries s = series.adjusted();
        int n = s.size();
        double[] close = s.closes();
        FeatureMatrix raw = FeatureSets.byName(spec.featureSet()).compute(series, null);
        boolean nextClose = spec.target() == TargetKind.NEXT_CLOSE;
        double[] target = nextClose ? Targets.nextClose(close) : Targets.nextLogReturn(close);

        // 1. Which decision bars can be windows at all (complete features, known target)?
        Windows shape = Windowing.build(raw, target, spec.lookback(), 0, n);
        if (shape.samples() < 20) {
            throw new UserInputException(series.symbol() + ": only " + shape.samples() + " windows of "
                    + spec.lookback() + " bars after indicator warm-up (" + n + " bars); use a longer --period");
        }
        Boundary b = boundary != null ? boundary : boundaryOf(shape, s, spec.trainFraction(), spec.validFraction());
        int[] end = shape.endIndex();
        int validFrom = countBefore(end, s, b.validStart());
        int testFrom = countBefore(end, s, b.testStart());
        if (validFrom < 10 || testFrom >= shape.samples()) {
            throw new UserInputException(series.symbol() + ": the split leaves " + validFrom
                    + " training and " + (shape.samples() - testFrom) + " test windows; use a longer --period");
        }
        int lastTrainBar = end[validFrom - 1];

        // 2. Scalers fitted on training rows only: inputs up to the last training decision bar, targets of the
        //    training windows (closes up to lastTrainBar + 1, which those windows are trained to predict).
        MinMaxScaler fx = MinMaxScaler.fit(raw, 0, lastTrainBar + 1);
        MinMaxScaler fy = MinMaxScaler.fitColumn(nextClose ? "next_close" : "next_log_return", target, 0,
                lastTrainBar + 1);
        FeatureMatrix scaled = fx.transform(raw);
        double[] yScaled = fy.transform(0, target);

        Windows labelled = Windowing.build(scaled, yScaled, spec.lookback(), 0, n);
        int testStartBar = end[testFrom];
        Windows test = Windowing.forInference(scaled, yScaled, spec.lookback(), testStartBar, n);
        return new Prepared(raw, b, end, validFrom, testFrom, lastTrainBar, fx, fy, labelled, test, testStartBar);
    }

    /**
     * Runs the stage on one series. With {@code boundary} given the split is pinned to those decision times (a run
     * on a truncated history then reproduces the same model); otherwise it comes from the spec's fractions.
     */
    public static Outcome run(ForecastSpec spec, BarSeries series, Boundary boundary, TrainingListener listener) {
        Prepared prep = prepare(spec, series, boundary);
        BarSeries s = series.adjusted();
        int n = s.size();
        double[] close = s.closes();
        boolean nextClose = spec.target() == TargetKind.NEXT_CLOSE;
        FeatureMatrix raw = prep.raw();
        int[] end = prep.end();
        int validFrom = prep.validFrom();
        int testFrom = prep.testFrom();
        int lastTrainBar = prep.lastTrainBar();
        MinMaxScaler fx = prep.featureScaler();
        MinMaxScaler fy = prep.targetScaler();
        Windows labelled = prep.labelled();
        Windows test = prep.test();
        int testStartBar = prep.testStartBar();
        Boundary b = prep.boundary();
        LstmSpec net = spec.network(raw.width());

        double[] z = new double[test.samples()];
        Forecaster last = null;
        TrainingHistory firstHistory = null;
        int models = 0;
        try {
            if (!spec.retrain().active()) {
                last = Forecaster.create(net, spec.seed());
                firstHistory = last.fit(labelled.slice(0, validFrom), labelled.slice(validFrom, testFrom),
                        spec.train(), listener);
                z = last.predict(test);
                models = 1;
            } else {
                // 3. Walk-forward: each block of test bars is forecast by a model trained only on windows whose
                //    targets were realised before the block (purged by the one-bar horizon); the scalers stay
                //    those of the first training segment, which every block comes after.
                int[] testEnd = test.endIndex();
                for (Retraining.Fold fold : spec.retrain().folds(testStartBar, n, 1, end[0])) {
                    int from = firstAtOrAfter(end, fold.trainFrom());
                    int to = firstAtOrAfter(end, fold.trainTo() + 1);
                    int count = to - from;
                    int validCount = (int) Math.floor(count * spec.validFraction());
                    if (count - validCount < 10) {
                        throw new UserInputException(series.symbol() + ": a retraining fold starting "
                                + MarketData.label(s, fold.predictFrom()) + " has only " + (count - validCount)
                                + " training windows; use a longer model.retrain_window or --period");
                    }
                    Forecaster f = Forecaster.create(net, spec.seed());
                    if (last != null) {
                        last.close();
                    }
                    last = f;
                    TrainingHistory h = f.fit(labelled.slice(from, to - validCount),
                            validCount > 0 ? labelled.slice(to - validCount, to) : null, spec.train(), listener);
                    firstHistory = firstHistory == null ? h : firstHistory;
                    models++;
                    int pFrom = firstAtOrAfter(testEnd, fold.predictFrom());
                    int pTo = firstAtOrAfter(testEnd, fold.predictTo());
                    if (pTo > pFrom) {
                        double[] p = f.predict(test.slice(pFrom, pTo));
                        System.arraycopy(p, 0, z, pFrom, p.length);
                    }
                }
            }
            double[] predictedClose = new double[n];
            double[] predictedReturn = new double[n];
            Arrays.fill(predictedClose, Double.NaN);
            Arrays.fill(predictedReturn, Double.NaN);
            for (int i = 0; i < test.samples(); i++) {
                int t = test.endIndex()[i];
                double out = fy.inverse(0, z[i]);
                predictedClose[t] = nextClose ? out : close[t] * Math.exp(out);
                predictedReturn[t] = predictedClose[t] / close[t] - 1;
            }
            ForecastMetrics.Report report = evaluate(test, predictedClose, close, lastTrainBar);
            return new Outcome(last, fx, fy, raw, firstHistory, b, validFrom, testFrom - validFrom, test.samples(),
                    testStartBar, predictedClose, predictedReturn, report, models, spec.retrain());
        } catch (RuntimeException e) {
            if (last != null) {
                last.close();
            }
            throw e;
        }
    }

    private static int firstAtOrAfter(int[] sorted, int bar) {
        int k = java.util.Arrays.binarySearch(sorted, bar);
        return k >= 0 ? k : -k - 1;
    }

    /** Next-close forecasts of test bars whose next close is known, against persistence and drift. */
    private static ForecastMetrics.Report evaluate(Windows test, double[] predictedClose, double[] close, int lastTrainBar) {
        int n = close.length;
        int m = 0;
        for (int t : test.endIndex()) {
            if (t + 1 < n) {
                m++;
            }
        }
        double[] actual = new double[m];
        double[] forecast = new double[m];
        double[] last = new double[m];
        int k = 0;
        for (int t : test.endIndex()) {
            if (t + 1 < n) {
                actual[k] = close[t + 1];
                forecast[k] = predictedClose[t];
                last[k] = close[t];
                k++;
            }
        }
        double drift = ForecastMetrics.driftPerStep(Arrays.copyOfRange(close, 0, lastTrainBar + 2),
                ForecastMetrics.Target.LEVEL);
        return ForecastMetrics.evaluate(actual, forecast, last, drift, ForecastMetrics.Target.LEVEL);
    }

    private static Boundary boundaryOf(Windows w, BarSeries s, double trainFraction, double validFraction) {
        DataSplit split = DataSplit.chronological(w.samples(), trainFraction, validFraction);
        int[] end = w.endIndex();
        if (split.trainEnd() < 1 || split.validEnd() >= w.samples()) {
            throw new UserInputException(s.symbol() + ": " + w.samples() + " windows are too few for a "
                    + trainFraction + " train fraction; use a longer --period");
        }
        return new Boundary(s.epochMillis(end[split.trainEnd()]), s.epochMillis(end[split.validEnd()]));
    }

    private static int countBefore(int[] end, BarSeries s, long time) {
        int k = 0;
        while (k < end.length && s.epochMillis(end[k]) < time) {
            k++;
        }
        return k;
    }
}
