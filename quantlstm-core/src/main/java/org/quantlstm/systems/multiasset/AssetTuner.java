package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.Retraining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.Prices;
import org.quantlstm.common.DataSplit;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.Targets;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.scale.MinMaxScaler;
import org.quantlstm.features.scale.StandardScaler;
import org.quantlstm.features.sets.PriceRsi;
import org.quantlstm.model.EpochReport;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.TrainConfig;
import org.quantlstm.model.TrainingHistory;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.report.Drawdown;
import org.quantlstm.report.Metrics;
import org.quantlstm.report.ProbabilisticSharpe;
import org.quantlstm.signal.SizingContext;
import org.quantlstm.signal.ThresholdSizing;
import org.quantlstm.tuning.Direction;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.Objective;
import org.quantlstm.tuning.Objectives;
import org.quantlstm.tuning.Trial;
import org.quantlstm.tuning.TrialState;

/**
 * Per-asset hyperparameter tuning of the multi-asset 4-hour system (seed 000), and the single evaluation of the
 * chosen configuration on the test segment.
 *
 * <p><b>Segments.</b> The bars of one asset are split chronologically ({@link DataSplit#chronological}, e.g. 0.8
 * then a quarter of that for validation: 60 % train, 20 % validation, 20 % test). A trial sees ONLY the bars
 * before the test segment: {@link #objective} slices the series at the validation end before anything is
 * computed, so no test price can reach a feature, a scaler, a window, a loss, a pruning decision or a trial value.
 *
 * <p><b>A trial.</b> price-rsi features (close, Wilder RSI 14) min-max scaled on the training rows only; target the
 * next bar's log return, standardised on the training rows only; {@link LstmSpec#multiAsset} with the suggested
 * sequence length, hidden size, layers and dropout; Adam with the suggested learning rate for the suggested number
 * of epochs (no early stopping, no restore: the pruner is the early stop). After every epoch the validation loss is
 * reported ({@code trial.report(epoch, ±loss)}, negated when the study maximises so that the pruner, which judges in
 * the study's direction, reads "lower loss is better") and {@code trial.pruneIfNeeded()} is called. Then the
 * validation segment is traded: at each validation bar's close the predicted return r̂ (from the predicted log
 * return) gives long when {@code r̂ > τ_long·s}, short when {@code r̂ < −τ_short·s} (if shorts are allowed), flat
 * otherwise, where s is the standard deviation of the model's predicted returns over its own training windows (so
 * the thresholds are scale-free across assets and intervals); fills at the next bar with the configured costs.
 * The objective is then validation profit − λ·|max drawdown| (fractions), or the annualised validation Sharpe
 * (0 when the equity never moves), or the validation RMSE of the implied next close (price units, minimised).
 *
 * <p><b>The test.</b> {@link #evaluateOnTest} retrains the chosen configuration on train + validation (the scalers
 * re-fitted on those rows, same number of epochs) and trades the test segment once. With walk-forward retraining
 * ({@code model.retrain} expanding or rolling) the test decision bars are cut into blocks
 * ({@link Retraining#folds}, horizon one bar) and each block is forecast by its own model with the same parameters,
 * trained only on windows whose decision bars lie before the block start minus a one-bar purge, its scalers fitted on
 * those rows and its thresholds in std of its own training predictions ({@link #walkForward}); the block positions
 * are concatenated and the whole test segment is traded once. Tuning trials always fit once. Its Deflated Sharpe Ratio
 * deflates by the number of COMPLETE and PRUNED trials, with the variance of the trials' validation Sharpe ratios (per period)
 * when at least two are known to this process, else the variance of a Sharpe estimate under the null over the
 * validation length, 1/(T−1).
 *
 * <p>Cash earns nothing in this system (Sharpe ratios on raw returns, as the seed); periods per year come from the
 * asset's interval.
 */
public final class AssetTuner {

    /** What a trial is scored on. */
    public enum Goal {
        PROFIT_DD("profit-dd", Direction.MAXIMIZE), SHARPE("sharpe", Direction.MAXIMIZE), RMSE("rmse", Direction.MINIMIZE);

        private final String code;
        private final Direction direction;

        Goal(String code, Direction direction) {
            this.code = code;
            this.direction = direction;
        }

        public String code() {
            return code;
        }

        public Direction direction() {
            return direction;
        }

        public static Goal parse(String text) {
            for (Goal g : values()) {
                if (g.code.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return g;
                }
            }
            throw new UserInputException("objective '" + text + "': use profit-dd, sharpe or rmse");
        }
    }

    /**
     * The search space (seed 000: sequence length, hidden size, layers, dropout, learning rate, epochs, long and
     * short thresholds). Hidden size and learning rate are sampled on a log scale; thresholds are in standard
     * deviations of the model's predicted returns on its training windows, from their mean.
     */
    public record Space(int seqLow, int seqHigh, int hiddenLow, int hiddenHigh, int layersLow, int layersHigh,
                       double dropoutLow, double dropoutHigh, double lrLow, double lrHigh, int epochsLow,
                       int epochsHigh, double thresholdLow, double thresholdHigh) {
        public Space {
            if (seqLow < 2 || seqHigh < seqLow || hiddenLow < 1 || hiddenHigh < hiddenLow || layersLow < 1
                    || layersHigh < layersLow || dropoutLow < 0 || dropoutHigh < dropoutLow || dropoutHigh >= 1
                    || !(lrLow > 0) || lrHigh < lrLow || epochsLow < 1 || epochsHigh < epochsLow || thresholdLow < 0
                    || thresholdHigh < thresholdLow) {
                throw new UserInputException("tuning search space: each range must be low ≤ high (sequence length ≥ 2, "
                        + "hidden, layers, epochs ≥ 1, 0 ≤ dropout < 1, learning rate > 0, thresholds ≥ 0)");
            }
        }

        /** seq 16–64, hidden 16–64, 1–2 layers, dropout 0–0.3, lr 1e-4–1e-2, 2–8 epochs, thresholds 0–1.5 s. */
        public static Space defaults() {
            return new Space(16, 64, 16, 64, 1, 2, 0.0, 0.3, 1e-4, 1e-2, 2, 8, 0.0, 1.5);
        }
    }

    /** One configuration: what a trial suggests, or the best trial's parameters read back. */
    public record Params(int seqLen, int hidden, int layers, double dropout, double learningRate, int epochs,
                         double longThreshold, double shortThreshold) {

        /** Asks the trial for every parameter, in the seed's order. */
        static Params suggest(Trial t, Space s) {
            int seq = t.suggestInt("seq_len", s.seqLow(), s.seqHigh());
            int hidden = t.suggestInt("hidden_size", s.hiddenLow(), s.hiddenHigh(), 1, s.hiddenLow() < s.hiddenHigh());
            int layers = t.suggestInt("num_layers", s.layersLow(), s.layersHigh());
            double dropout = s.dropoutLow() == s.dropoutHigh() ? s.dropoutLow()
                    : t.suggestFloat("dropout", s.dropoutLow(), s.dropoutHigh());
            double lr = s.lrLow() == s.lrHigh() ? s.lrLow() : t.suggestFloat("lr", s.lrLow(), s.lrHigh(), true);
            int epochs = t.suggestInt("epochs", s.epochsLow(), s.epochsHigh());
            double tl = s.thresholdLow() == s.thresholdHigh() ? s.thresholdLow()
                    : t.suggestFloat("long_threshold", s.thresholdLow(), s.thresholdHigh());
            double ts = s.thresholdLow() == s.thresholdHigh() ? s.thresholdLow()
                    : t.suggestFloat("short_threshold", s.thresholdLow(), s.thresholdHigh());
            return new Params(seq, hidden, layers, dropout, lr, epochs, tl, ts);
        }

        /** A stored trial's parameters (ranges that were fixed fall back to {@code space}'s low end). */
        public static Params of(Map<String, Object> p, Space s) {
            return new Params(num(p, "seq_len", s.seqLow()).intValue(), num(p, "hidden_size", s.hiddenLow()).intValue(),
                    num(p, "num_layers", s.layersLow()).intValue(), num(p, "dropout", s.dropoutLow()).doubleValue(),
                    num(p, "lr", s.lrLow()).doubleValue(), num(p, "epochs", s.epochsLow()).intValue(),
                    num(p, "long_threshold", s.thresholdLow()).doubleValue(),
                    num(p, "short_threshold", s.thresholdLow()).doubleValue());
        }

        private static Number num(Map<String, Object> p, String k, Number dflt) {
            Object v = p.get(k);
            return v instanceof Number n ? n : dflt;
        }
    }

    /**
     * How to tune one asset.
     *
     * @param trainFraction  share of the bars for train + validation (the rest is test), as {@link DataSplit}
     * @param validFraction  share of that part, at its end, for validation
     * @param threads        PyTorch intra-op threads per training
     * @param periodsPerYear annualisation of the Sharpe goal (from the asset's interval: 1560 for 4h, 252 daily)
     */
    public record Settings(Space space, Goal goal, double lambda, double trainFraction, double validFraction,
                           BacktestConfig backtest, boolean allowShort, int batchSize, long seed, int threads,
                           int periodsPerYear, LstmSpec.Cell cell, Retraining retrain) {
        /** LSTM cells, trained once. */
        public Settings(Space space, Goal goal, double lambda, double trainFraction, double validFraction,
                        BacktestConfig backtest, boolean allowShort, int batchSize, long seed, int threads,
                        int periodsPerYear) {
            this(space, goal, lambda, trainFraction, validFraction, backtest, allowShort, batchSize, seed, threads,
                    periodsPerYear, LstmSpec.Cell.LSTM, Retraining.NONE);
        }

        public Settings {
            cell = cell == null ? LstmSpec.Cell.LSTM : cell;
            retrain = retrain == null ? Retraining.NONE : retrain;
            if (periodsPerYear < 1) {
                throw new IllegalArgumentException("periods per year must be ≥ 1");
            }
            if (!(lambda >= 0)) {
                throw new UserInputException("drawdown penalty lambda must be ≥ 0, got " + lambda);
            }
            if (batchSize < 1 || threads < 1) {
                throw new IllegalArgumentException("batch size and threads must be ≥ 1");
            }
        }
    }

    /**
     * One fit and one traded segment. Arrays run over the segment's bars {@code [from, to)} of the series
     * (index 0 = bar {@code from}, the first decision bar; its equity is the starting capital). {@code predictedClose}
     * and {@code predictedReturn} are the forecasts made at each bar's close of the next close (NaN where no window
     * exists); {@code target} the position decided there (+1, −1, 0); {@code predictionCentre} and
     * {@code predictionStd} the mean and standard deviation of the predicted returns over the training windows, around
     * which the thresholds are set. {@code modelsTrained} is 1 for a single fit, the number of folds with walk-forward
     * retraining (then {@code history} is the first fold's and the centre and std the last fold's).
     */
    public record Evaluation(Params params, TrainingHistory history, int from, int to, long[] times, double[] close,
                             double[] predictedClose, double[] predictedReturn, double[] target,
                             BacktestResult backtest, double rmse, double predictionStd, double predictionCentre,
                             int modelsTrained) {

        /** A single fit. */
        public Evaluation(Params params, TrainingHistory history, int from, int to, long[] times, double[] close,
                          double[] predictedClose, double[] predictedReturn, double[] target, BacktestResult backtest,
                          double rmse, double predictionStd, double predictionCentre) {
            this(params, history, from, to, times, close, predictedClose, predictedReturn, target, backtest, rmse,
                    predictionStd, predictionCentre, 1);
        }

        /** Per-period Sharpe of the segment's equity returns (cash earns nothing); 0 when equity never moves. */
        public double perPeriodSharpe() {
            double[] r = backtest.returns();
            double s = std(r);
            return r.length < 2 || !(s > 0) ? 0 : mean(r) / s;
        }

        public double totalReturn() {
            return backtest.totalReturn();
        }

        public double maxDrawdown() {
            return Drawdown.of(backtest.equity()).maxDrawdown();
        }
    }

    private final Settings settings;
    private final Map<Integer, Double> validationSharpe = new ConcurrentHashMap<>();
    /** Each finished trial's per-bar validation strategy returns (at most trials × validation bars doubles), for PBO. */
    private final Map<Integer, double[]> validationReturns = new ConcurrentHashMap<>();

    public AssetTuner(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The chronological bar split of a series of {@code n} bars. */
    public DataSplit split(int n) {
        DataSplit s = DataSplit.chronological(n, settings.trainFraction(), settings.validFraction());
        if (s.trainEnd() < 2 * settings.space().seqHigh() + 30 || s.validSize() < 10 || s.testSize() < 10) {
            throw new UserInputException(n + " bars give " + s.trainEnd() + " training, " + s.validSize()
                    + " validation and " + s.testSize() + " test bars: too few for sequences of up to "
                    + settings.space().seqHigh() + " bars; use a longer period");
        }
        return s;
    }

    /**
     * The objective of one asset's study. It reads only {@code series.slice(0, split.validEnd())}: the test
     * segment is cut off before the objective exists. {@code extra} hears every epoch of every trial (e.g. to
     * count epochs); pass {@link TrainingListener#SILENT} otherwise.
     */
    public Objective objective(BarSeries series, TrainingListener extra) {
        DataSplit split = split(series.size());
        BarSeries seen = series.slice(0, split.validEnd());
        int trainEnd = split.trainEnd();
        int validEnd = split.validEnd();
        return trial -> {
            Params p = Params.suggest(trial, settings.space());
            boolean negate = settings.goal().direction() == Direction.MAXIMIZE;
            TrainingListener reporter = new TrainingListener() {
                @Override
                public void epochFinished(EpochReport r) {
                    extra.epochFinished(r);
                    double v = r.validLoss();
                    trial.report(r.epoch(), negate ? -v : v);
                    trial.pruneIfNeeded();
                }
            };
            Evaluation e = fitAndTrade(seen, trainEnd, trainEnd - 1, validEnd, true, p, reporter);
            validationSharpe.put(trial.number(), e.perPeriodSharpe());
            validationReturns.put(trial.number(), e.backtest().returns());
            return DegenerateTrials.apply(trial, e, score(e), settings.goal(), settings.allowShort());
        };
    }

    /** The trial value of an evaluation under this tuner's goal. */
    double score(Evaluation e) {
        return switch (settings.goal()) {
            case PROFIT_DD -> Objectives.profitMinusDrawdown(e.totalReturn(), e.maxDrawdown(), settings.lambda());
            case SHARPE -> e.perPeriodSharpe() * Math.sqrt(settings.periodsPerYear());
            case RMSE -> e.rmse();
        };
    }

    /**
     * Retrains {@code p} on every bar before the test segment and trades the test segment once (decisions from
     * the last validation bar's close on, so the first fill is the first test bar). With walk-forward retraining the
     * test segment is forecast block by block ({@link #walkForward}) and still traded once.
     */
    public Evaluation evaluateOnTest(BarSeries series, Params p, TrainingListener listener) {
        DataSplit split = split(series.size());
        if (settings.retrain().active()) {
            return walkForward(series, split.validEnd() - 1, series.size(), p, listener);
        }
        return fitAndTrade(series, split.validEnd(), split.validEnd() - 1, series.size(), false, p, listener);
    }

    /** Bars between the last training decision bar of a fold and its block start, beyond the label horizon. */
    static final int PURGE = 1;

    /**
     * One walk-forward block as it is trained and traded: decision bars {@code [predictFrom, predictTo)} are forecast
     * by a model trained on the windows whose decision bars lie in {@code [trainFrom, trainTo]}; its feature scaler
     * is fitted on rows {@code [scalerFrom, trainTo]} (the rows those windows read), its target scaler on the targets
     * of those decision bars (the last realised at bar {@code trainTo + 1}). Every training bar lies before
     * {@code predictFrom − PURGE}.
     */
    record FoldRows(int predictFrom, int predictTo, int trainFrom, int trainTo, int scalerFrom) {
        FoldRows {
            if (predictTo <= predictFrom || trainFrom > trainTo || scalerFrom < 0 || scalerFrom > trainFrom) {
                throw new IllegalArgumentException("fold rows " + predictFrom + ".." + predictTo + " trained on "
                        + trainFrom + ".." + trainTo + " from row " + scalerFrom);
            }
            if (trainTo >= predictFrom - PURGE) {
                throw new IllegalStateException("fold starting at bar " + predictFrom + " would train on decision bar "
                        + trainTo + " (must be before " + (predictFrom - PURGE) + ")");
            }
        }
    }

    /**
     * The walk-forward blocks over decision bars {@code [from, to)}: {@link Retraining#folds} with a one-bar horizon,
     * {@code firstBar} the earliest decision bar with a complete window of {@code seqLen} rows.
     */
    static List<FoldRows> foldRows(Retraining retrain, int from, int to, int firstBar, int seqLen) {
        List<FoldRows> out = new ArrayList<>();
        for (Retraining.Fold f : retrain.folds(from, to, 1, firstBar)) {
            if (f.trainTo() < f.trainFrom()) {
                throw new UserInputException("a retraining fold starting at bar " + f.predictFrom()
                        + " has no training bars; use a longer model.retrain_window or period");
            }
            out.add(new FoldRows(f.predictFrom(), f.predictTo(), f.trainFrom(), f.trainTo(),
                    Math.max(0, f.trainFrom() - seqLen + 1)));
        }
        return out;
    }

    /**
     * Walk-forward evaluation of {@code p} over decision bars {@code [from, to)} (see {@link FoldRows}): each block's
     * positions come from its own model, scalers and thresholds; the concatenated positions are traded once with the
     * same backtest settings as a single fit. Only bars below {@code to} are read, and a block reads nothing at or
     * after its own start, so cutting the series at a bar inside the segment leaves every earlier position as it was.
     */
    Evaluation walkForward(BarSeries series, int from, int to, Params p, TrainingListener listener) {
        BarSeries s = series.slice(0, to).adjusted();
        double[] close = s.closes();
        FeatureMatrix raw = new PriceRsi().compute(s, null);
        double[] target = Targets.nextLogReturn(close);
        Windows complete = Windowing.forInference(raw, target, p.seqLen(), 0, from);
        if (complete.samples() == 0) {
            throw new UserInputException(series.symbol() + ": no complete window of " + p.seqLen()
                    + " bars before the test segment; use a longer period");
        }
        List<FoldRows> folds = foldRows(settings.retrain(), from, to, complete.endIndex()[0], p.seqLen());
        TrainConfig tc = TrainConfig.defaults().withEpochs(p.epochs()).withBatchSize(settings.batchSize())
                .withLearningRate(p.learningRate()).withEarlyStopping(0, 0.0, false).withLrPlateau(0, 1.0, 0.0)
                .withSeed(settings.seed()).withThreads(settings.threads());
        LstmSpec spec = LstmSpec.multiAsset(p.seqLen(), raw.width(), p.hidden(), p.layers(), p.dropout())
                .withCell(settings.cell());
        int m = to - from;
        double[] pc = new double[m];
        double[] pr = new double[m];
        double[] pos = new double[m];
        Arrays.fill(pc, Double.NaN);
        Arrays.fill(pr, Double.NaN);
        TrainingHistory first = null;
        double sd = Double.NaN;
        double lastCentre = Double.NaN;
        int models = 0;
        for (FoldRows fold : folds) {
            MinMaxScaler fx = MinMaxScaler.fit(raw, fold.scalerFrom(), fold.trainTo() + 1);
            StandardScaler fy = StandardScaler.fitColumn("next_log_return", target, fold.trainFrom(), fold.trainTo() + 1);
            FeatureMatrix scaled = fx.transform(raw);
            double[] y = fy.transform(0, target);
            Windows train = Windowing.build(scaled, y, p.seqLen(), fold.trainFrom(), fold.trainTo() + 1);
            if (train.samples() < 20) {
                throw new UserInputException(series.symbol() + ": the retraining fold starting "
                        + MarketData.label(s, fold.predictFrom()) + " has only " + train.samples()
                        + " training windows of " + p.seqLen() + " bars; use a longer model.retrain_window or period");
            }
            Windows infer = Windowing.forInference(scaled, y, p.seqLen(), fold.predictFrom(), fold.predictTo());
            try (Forecaster f = Forecaster.create(spec, settings.seed())) {
                TrainingHistory h = f.fit(train, null, tc, listener);
                first = first == null ? h : first;
                models++;
                double[] trainPred = fy.inverse(0, f.predict(train));
                double[] simple = new double[trainPred.length];
                for (int i = 0; i < simple.length; i++) {
                    simple[i] = Math.expm1(trainPred[i]);
                }
                double centre = mean(simple);
                lastCentre = centre;
                sd = std(simple);
                if (!(sd > 0)) {
                    sd = Double.MIN_NORMAL;
                }
                ThresholdSizing rule = new ThresholdSizing(centre, sd, p.longThreshold(), p.shortThreshold(),
                        settings.allowShort());
                double[] z = infer.samples() == 0 ? new double[0] : f.predict(infer);
                for (int i = 0; i < infer.samples(); i++) {
                    int t = infer.endIndex()[i];
                    double logR = fy.inverse(0, z[i]);
                    double r = Math.expm1(logR);
                    pc[t - from] = close[t] * Math.exp(logR);
                    pr[t - from] = r;
                    pos[t - from] = rule.size(SizingContext.of(r));
                }
            }
        }
        return traded(series, s, p, first, from, to, close, pc, pr, pos, sd, lastCentre, models);
    }

    /**
     * Trades positions {@code pos} over bars [from, to) of {@code s} (adjusted) and scores the next-close forecasts
     * {@code pc} by RMSE: the one evaluation every fit ends in.
     */
    Evaluation traded(BarSeries series, BarSeries s, Params p, TrainingHistory history, int from, int to,
                              double[] close, double[] pc, double[] pr, double[] pos, double sd, double centre,
                              int models) {
        double se = 0;
        int count = 0;
        for (int i = 0; i < to - from; i++) {
            int t = from + i;
            if (t + 1 < to && Double.isFinite(pc[i])) {
                double err = pc[i] - close[t + 1];
                se += err * err;
                count++;
            }
        }
        long[] times = Arrays.copyOfRange(s.epochMillis(), from, to);
        double[] cl = Arrays.copyOfRange(close, from, to);
        Prices prices = new Prices(series.symbol().value(), times, Arrays.copyOfRange(s.opens(), from, to), cl);
        BacktestResult bt = new Backtester(settings.backtest()).run("lstm_long_short", prices, pos);
        return new Evaluation(p, history, from, to, times, cl, pc, pr, pos, bt,
                count == 0 ? Double.NaN : Math.sqrt(se / count), sd, centre, models);
    }

    /** The validation per-period Sharpe ratios of the trials this process ran, by trial number. */
    public Map<Integer, Double> validationSharpes() {
        return Map.copyOf(validationSharpe);
    }

    /**
     * The per-bar strategy returns on the validation segment of every trial this process evaluated to the end, by trial
     * number (all over the same bars); {@link TrialPbo} keeps the COMPLETE ones.
     */
    public Map<Integer, double[]> validationReturns() {
        return Map.copyOf(validationReturns);
    }

    /**
     * DSR and PSR of a test evaluation: deflated by the number of configurations tried (COMPLETE and PRUNED trials
     * of the study: a pruned configuration was looked at too, so counting it is the conservative choice), with the variance
     * of the known validation Sharpes (≥ 2 known) or the null variance 1/(T−1) of a Sharpe over {@code validBars}.
     */
    public Deflation deflate(Evaluation test, List<FrozenTrial> trials, int validBars) {
        return deflate(test, trials, validBars, validationSharpe);
    }

    /** As {@link #deflate(Evaluation, List, int)} with the trials' validation Sharpes given by trial number. */
    public Deflation deflate(Evaluation test, List<FrozenTrial> trials, int validBars, Map<Integer, Double> sharpes) {
        int k = (int) Math.max(1, trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED).count());
        List<Double> known = new ArrayList<>();
        for (FrozenTrial t : trials) {
            Double s = sharpes.get(t.number());
            if (t.state() == TrialState.COMPLETE && s != null) {
                known.add(s);
            }
        }
        double v;
        String source;
        if (known.size() >= 2) {
            v = ProbabilisticSharpe.sharpeVariance(known.stream().mapToDouble(Double::doubleValue).toArray());
            source = "variance of " + known.size() + " trials' validation Sharpe ratios";
        } else {
            v = 1.0 / Math.max(1, validBars - 1);
            source = "null variance 1/(T-1) of a Sharpe over " + validBars + " validation bars";
        }
        double[] r = test.backtest().returns();
        return new Deflation(k, v, source, ProbabilisticSharpe.psr(r, 0), ProbabilisticSharpe.dsr(r, k, v));
    }

    /** The deflation of one chosen configuration. */
    public record Deflation(int trials, double sharpeVariance, String varianceSource, double psr, double dsr) {
    }

    /**
     * Fits on bars {@code [0, fitEnd)} (training windows: decision bars before {@code fitEnd − 1}, so every
     * target is inside), optionally monitors the validation windows (decision bars in {@code [from, to − 1)}), and
     * trades bars {@code [from, to)}. Only bars below {@code to} are read.
     */
    Evaluation fitAndTrade(BarSeries series, int fitEnd, int from, int to, boolean withValidation, Params p,
                           TrainingListener listener) {
        BarSeries s = series.slice(0, to).adjusted();
        double[] close = s.closes();
        FeatureMatrix raw = new PriceRsi().compute(s, null);
        double[] target = Targets.nextLogReturn(close);
        MinMaxScaler fx = MinMaxScaler.fit(raw, 0, fitEnd);
        StandardScaler fy = StandardScaler.fitColumn("next_log_return", target, 0, fitEnd - 1);
        FeatureMatrix scaled = fx.transform(raw);
        double[] y = fy.transform(0, target);
        Windows train = Windowing.build(scaled, y, p.seqLen(), 0, fitEnd - 1);
        Windows valid = withValidation ? Windowing.build(scaled, y, p.seqLen(), from, to - 1) : null;
        Windows infer = Windowing.forInference(scaled, y, p.seqLen(), from, to);
        if (train.samples() < 20) {
            throw new UserInputException(series.symbol() + ": only " + train.samples() + " training windows of "
                    + p.seqLen() + " bars; use a longer period");
        }
        TrainConfig tc = TrainConfig.defaults().withEpochs(p.epochs()).withBatchSize(settings.batchSize())
                .withLearningRate(p.learningRate()).withEarlyStopping(0, 0.0, false).withLrPlateau(0, 1.0, 0.0)
                .withSeed(settings.seed()).withThreads(settings.threads());
        LstmSpec spec = LstmSpec.multiAsset(p.seqLen(), raw.width(), p.hidden(), p.layers(), p.dropout())
                .withCell(settings.cell());
        try (Forecaster f = Forecaster.create(spec, settings.seed())) {
            TrainingHistory history = f.fit(train, valid, tc, listener);
            return tradeForecasts(series, s, p, history, from, to, close, fy.inverse(0, f.predict(train)), infer,
                    f.predict(infer), fy);
        }
    }

    /**
     * Trades the forecasts {@code z} (scaled next-bar log returns) of the inference windows over bars
     * {@code [from, to)}: long above {@code centre + long_threshold·sd}, short below {@code centre −
     * short_threshold·sd} (where shorts are allowed), flat otherwise, where centre and sd are the mean and std of
     * the training forecasts' simple returns ({@code trainLogPred}, log returns): the sizing rule
     * {@link ThresholdSizing}. The LSTM's and the ridge baseline's evaluations both trade through here.
     */
    Evaluation tradeForecasts(BarSeries series, BarSeries s, Params p, TrainingHistory history, int from, int to,
                              double[] close, double[] trainLogPred, Windows infer, double[] z, StandardScaler fy) {
        double[] simple = new double[trainLogPred.length];
        for (int i = 0; i < simple.length; i++) {
            simple[i] = Math.expm1(trainLogPred[i]);
        }
        double centre = mean(simple);
        double sd = std(simple);
        if (!(sd > 0)) {
            sd = Double.MIN_NORMAL;
        }
        int m = to - from;
        double[] pc = new double[m];
        double[] pr = new double[m];
        double[] pos = new double[m];
        Arrays.fill(pc, Double.NaN);
        Arrays.fill(pr, Double.NaN);
        for (int i = 0; i < infer.samples(); i++) {
            int t = infer.endIndex()[i];
            double logR = fy.inverse(0, z[i]);
            pc[t - from] = close[t] * Math.exp(logR);
            pr[t - from] = Math.expm1(logR);
        }
        ThresholdSizing rule = new ThresholdSizing(centre, sd, p.longThreshold(), p.shortThreshold(),
                settings.allowShort());
        for (int i = 0; i < m; i++) {
            pos[i] = rule.size(SizingContext.of(pr[i]));
        }
        return traded(series, s, p, history, from, to, close, pc, pr, pos, sd, centre, 1);
    }

    /** A one-line description of a test evaluation, for consoles. */
    static String describe(Evaluation e, int periodsPerYear) {
        double[] r = e.backtest().returns();
        double s = std(r);
        double sharpe = r.length < 2 || !(s > 0) ? 0 : mean(r) / s * Math.sqrt(periodsPerYear);
        Metrics.WinLoss wl = Metrics.perTrade(e.backtest().trades());
        return String.format(Locale.ROOT, "return %+.2f%%  max drawdown %.2f%%  Sharpe %.2f  trades %d  win rate %s",
                e.totalReturn() * 100, e.maxDrawdown() * 100, sharpe, e.backtest().trades().size(),
                Double.isNaN(wl.winRate()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", wl.winRate() * 100));
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? Double.NaN : sum / x.length;
    }

    /** Sample standard deviation (ddof = 1); NaN below two values. */
    static double std(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** The best trial of a finished study, or a clear error when none completed. */
    static FrozenTrial requireBest(Optional<FrozenTrial> best, String what) {
        return best.orElseThrow(() -> new UserInputException(what + ": no trial completed (all pruned or failed); "
                + "raise the number of trials or widen the search space"));
    }
}
