package org.quantlstm.systems.crosssectional;

import org.quantlstm.workflow.ConfigSection;
import org.quantlstm.workflow.Conventions;
import org.quantlstm.workflow.DataFingerprint;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.ForecastSpec;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.Retraining;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunFolder;
import org.quantlstm.workflow.RunOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.PortfolioResult;
import org.quantlstm.backtest.Prices;
import org.quantlstm.backtest.Trade;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.Targets;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.indicators.AsOfAlignment;
import org.quantlstm.features.scale.StandardScaler;
import org.quantlstm.features.sets.CrossSectional;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.ProgressBarListener;
import org.quantlstm.model.TrainConfig;
import org.quantlstm.model.TrainingHistory;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.portfolio.TopKSchedule;
import org.quantlstm.report.Comparison;
import org.quantlstm.report.CrossSectionCharts;
import org.quantlstm.report.EquityChart;
import org.quantlstm.report.InformationCoefficient;
import org.quantlstm.report.PerformanceSummary;
import org.quantlstm.report.ResultWriter;
import org.quantlstm.report.RiskFree;

/**
 * The cross-sectional system (seed 003) end to end: a universe of stocks and SPY → the {@code cross-sectional}
 * features per stock (relative to SPY) → a vol-adjusted forward excess-return target → one pooled LSTM trained
 * on every stock's windows with a chronological split by DATE (the same dates for all stocks; scalers fitted on
 * training dates only; training and validation windows whose target horizon crosses into the next segment are
 * purged) → every stock scored on every validation and test date in one batched forward pass per date → alpha
 * scores → the seed's top-K strategy with weekly review, costs and next-bar fills on the test segment → IC and
 * rank IC, permutation feature importance on the validation segment, metrics vs SPY with PSR/DSR, run folder.
 *
 * <p><b>Walk-forward retraining</b> ({@code model.retrain: expanding|rolling}). The test dates are cut into blocks
 * by {@link Retraining#folds} with the label horizon as the purge; each block is scored by a fresh pooled model
 * (same network, same seed) trained on every stock's windows whose target was realised before the block's first
 * date (see {@link #select}), the last {@code split.validation} share of their dates serving as its
 * early-stopping validation. The model trained on the training segment still scores the validation segment
 * (IC baseline, permutation importance); the scaler stays the one fitted on the training dates, which every block
 * comes after. {@code none} (the default and the seed's choice) trains that one model and scores everything
 * with it.
 *
 * <p><b>Target.</b> {@code y[t] = clip(((P[t+h]/P[t] − 1) − (SPY[t+h]/SPY[t] − 1)) / (σ20[t]·√h), ±5)}: the
 * excess return over SPY across the holding horizon h (closes, adjusted), in units of the stock's own recent
 * daily volatility (σ20 = sample std of the last 20 daily returns, known at t) scaled to the horizon.
 *
 * <p><b>Alpha score.</b> By default ({@code strategy.score: absolute}) the seed's absolute score, 2p − 1 with p the
 * probability of beating the benchmark over the horizon (see {@link CrossSectionalBaselines}); with
 * {@code strategy.score: zscore}, on each date the model's predictions for all scored stocks are z-scored across stocks:
 * {@code score = (pred − mean_date) / std_date} (ddof = 1, at least 3 stocks). So 0 is the day's average
 * predicted risk-adjusted excess return, and 0.2 is one fifth of a cross-sectional standard deviation above it;
 * the seed's rule "enter above 0.2, exit below 0" then reads "enter only clearly above-average names, sell
 * when a holding drops below the average". The score of a date uses only that date's predictions (causal).
 *
 * <p><b>Universe.</b> The default is a bundled liquid subset of today's S&amp;P 500 members (see
 * {@code bundled/PROVENANCE.md}); {@code universe.file} (CLI {@code --universe FILE}) reads any long-format CSV
 * (e.g. the full 502-ticker file). A current-members list is survivorship-biased and the output says so.
 */
public final class CrossSectionalPipeline {
    /** The bundled liquid subset (long format, same columns as the shared S&amp;P 500 file). */
    public static final String BUNDLED_UNIVERSE = "sp500_liquid60_daily.csv.gz";
    /** Its ticker list with the ranking figures. */
    public static final String BUNDLED_TICKERS = "sp500_liquid60_tickers.csv";
    static final String SURVIVORSHIP = "SURVIVORSHIP BIAS: the universe is a list of CURRENT S&P 500 members "
            + "(as of 2025-07-04) applied to the past. Stocks that were dropped, went bankrupt or were acquired "
            + "are missing, and stocks are included years before they joined the index, so every backtest on it "
            + "is biased upwards (winners were picked with hindsight).";
    private static final double CLIP = 5.0;

    /** The pipeline's own settings ({@code universe} and {@code strategy} sections). */
    public record Settings(String universeFile, List<Symbol> universeTickers, int maxTickers, int horizon, int topK,
                           double entryThreshold, double exitThreshold, int reviewDays, double positionWeight,
                           int threads, int nullRuns, boolean demeanTarget, String score) {
        /** The seed's absolute alpha score. */
        public Settings(String universeFile, List<Symbol> universeTickers, int maxTickers, int horizon, int topK,
                        double entryThreshold, double exitThreshold, int reviewDays, double positionWeight,
                        int threads, int nullRuns, boolean demeanTarget) {
            this(universeFile, universeTickers, maxTickers, horizon, topK, entryThreshold, exitThreshold, reviewDays,
                    positionWeight, threads, nullRuns, demeanTarget, CrossSectionalBaselines.Score.ABSOLUTE.code());
        }

        public Settings {
            score = CrossSectionalBaselines.Score.parse(score).code();
            universeTickers = List.copyOf(universeTickers);
            if (!universeFile.isBlank() && !universeTickers.isEmpty()) {
                throw new UserInputException("universe: give either file or tickers, not both");
            }
            if (horizon < 1) {
                throw new UserInputException("strategy.horizon must be >= 1, got " + horizon);
            }
            new TopKSchedule.Rules(topK, entryThreshold, exitThreshold, reviewDays, positionWeight); // validates
        }

        public TopKSchedule.Rules rules() {
            return new TopKSchedule.Rules(topK, entryThreshold, exitThreshold, reviewDays, positionWeight);
        }

        public static Settings of(ExperimentConfig cfg) {
            ConfigSection u = cfg.section("universe");
            String file = u.string("file", "");
            List<Symbol> tickers = u.list("tickers", List.of(), Symbol::of);
            int max = u.integer("max_tickers", 0, 0, 100_000);
            u.rejectUnknownKeys();
            ConfigSection s = cfg.section("strategy");
            int horizon = s.integer("horizon", 5, 1, 250);
            int k = s.integer("top_k", 5, 1, 1000);
            double entry = s.number("entry_threshold", 0.2, -100, 100);
            double exit = s.number("exit_threshold", 0.0, -100, 100);
            int review = s.integer("review_days", 7, 0, 3650);
            double weight = s.number("position_weight", 1.0 / k, 1e-6, 1.0);
            int threads = s.integer("threads", 1, 1, 1024);
            int nullRuns = s.integer("null_runs", 20, 0, 10_000);
            boolean demean = s.bool("demean_target", false);
            String score = s.string("score", CrossSectionalBaselines.Score.ABSOLUTE.code());
            s.rejectUnknownKeys();
            return new Settings(file, tickers, max, horizon, k, entry, exit, review, weight, threads, nullRuns, demean,
                    score);
        }
    }

    /** The stocks (on their own calendars, adjusted) and the benchmark. */
    public record Universe(List<BarSeries> stocks, BarSeries benchmark, String source) {
        public Universe {
            stocks = List.copyOf(stocks);
        }

        public List<String> tickers() {
            return stocks.stream().map(s -> s.symbol().value()).toList();
        }
    }

    /** Everything a run computes; arrays are indexed {@code [stock][date]} on {@link #times}. */
    public record Result(long[] times, List<String> tickers, int validStart, int testStart, double[][] predicted,
                         double[][] scores, double[][] realized, double[] ic, double[] rankIc, List<String> features,
                         double baselineValidIc, double[] importance, double[] importanceStd,
                         TopKBacktest.Result backtest,
                         BacktestResult strategy, BacktestResult buyAndHold, Comparison comparison, RiskFree riskFree,
                         TrainingHistory history, int trainWindows, int validWindows, long scoredWindows,
                         double scoringSeconds, double[] nullReturns, Retraining retrain, int modelsTrained,
                         List<FoldReport> folds, CrossSectionalBaselines.Report baselines) {
        public Result {
            folds = List.copyOf(folds);
        }
    }

    /**
     * One walk-forward model: it scored dates [predictFrom, predictTo), trained on windows with decision dates
     * trainFirst .. trainLast and validated on validFirst .. validLast (grid indices, inclusive; -1 when none).
     */
    public record FoldReport(int predictFrom, int predictTo, int trainFirst, int trainLast, int validFirst,
                             int validLast, int trainWindows, int validWindows, int epochs, int bestEpoch,
                             double bestLoss) {
    }

    /**
     * The windows one walk-forward fold uses, as index ranges into each stock's labelled windows (ascending by
     * decision date): stock i trains on {@code [trainFrom[i], trainTo[i])} and validates on
     * {@code [validFrom[i], validTo[i])}. {@code validStart} is the first validation date (the fold's first
     * decision date when there is none) and {@code dates} the number of distinct decision dates selected;
     * {@link #first}/{@link #last} give the decision dates a range actually covers.
     */
    record FoldSelection(int[] trainFrom, int[] trainTo, int[] validFrom, int[] validTo, int validStart, int dates,
                         List<int[]> decision) {
        /** The earliest decision date in the ranges [from[i], to[i]), or -1 if they are empty. */
        int first(int[] from, int[] to) {
            int best = -1;
            for (int i = 0; i < from.length; i++) {
                if (to[i] > from[i] && (best < 0 || decision.get(i)[from[i]] < best)) {
                    best = decision.get(i)[from[i]];
                }
            }
            return best;
        }

        /** The latest decision date in the ranges [from[i], to[i]), or -1 if they are empty. */
        int last(int[] from, int[] to) {
            int best = -1;
            for (int i = 0; i < from.length; i++) {
                if (to[i] > from[i]) {
                    best = Math.max(best, decision.get(i)[to[i] - 1]);
                }
            }
            return best;
        }

        int trainWindows() {
            int k = 0;
            for (int i = 0; i < trainFrom.length; i++) {
                k += trainTo[i] - trainFrom[i];
            }
            return k;
        }

        int validWindows() {
            int k = 0;
            for (int i = 0; i < validFrom.length; i++) {
                k += validTo[i] - validFrom[i];
            }
            return k;
        }
    }

    public RunOutcome run(ExperimentConfig cfg, RunContext ctx) {
        PrintStream out = ctx.out();
        Settings s = Settings.of(cfg);
        MarketData market = MarketData.of(cfg.data(), ctx);
        Universe u = load(cfg, s, market);
        try (RunFolder folder = RunFolder.create(ctx.runsDir(), cfg.name(), ctx.clock())) {
            TrainingListener listener = ctx.progress() ? new ProgressBarListener(out) : TrainingListener.SILENT;
            if (!(ctx.runner() instanceof org.quantlstm.workflow.LocalTaskRunner)) {
                // issue 15: nothing here is shipped to the engine. The default trains ONE pooled model on every
                // stock's windows (no independent units); walk-forward fold models are independent, but each scores
                // the whole universe date by date in this JVM, so they stay here too.
                out.println("Engine " + ctx.runner().describe() + ": not used by cross-sectional, which trains one "
                        + "pooled model on every stock's windows (walk-forward fold models too) in this process");
            }
            Result r = compute(cfg, s, u, listener, out);
            String summary = summary(cfg, s, u, r);
            write(folder, cfg, s, u, r, summary, market);
            folder.writeTearSheet();
            Path path = folder.commit();
            out.print(summary);
            out.println("Run folder: " + path);
            return new RunOutcome(path, summary);
        }
    }

    /**
     * Loads the universe and the benchmark, both adjusted: {@code universe.tickers} through the data source
     * ({@code data.source}: the store, bundled data, a provider or a long-format CSV); else {@code universe.file}
     * (a long-format CSV); else the bundled liquid subset. The benchmark always comes through the data source.
     */
    static Universe load(ExperimentConfig cfg, Settings s, MarketData market) {
        CsvBarReader reader = new CsvBarReader();
        CsvBarReader.Result read;
        String source;
        Symbol bench = cfg.data().benchmark();
        if (!s.universeTickers().isEmpty()) {
            List<BarSeries> stocks = new ArrayList<>();
            for (Symbol t : s.universeTickers()) {
                if (!t.equals(bench)) {
                    stocks.add(market.load(t, Interval.D1).adjusted());
                }
            }
            if (s.maxTickers() > 0 && stocks.size() > s.maxTickers()) {
                stocks = stocks.subList(0, s.maxTickers());
            }
            if (stocks.size() < 3) {
                throw new UserInputException("universe.tickers: a cross-sectional run needs at least 3 stocks, found "
                        + stocks.size());
            }
            return new Universe(stocks, market.load(bench, Interval.D1).adjusted(), market.describeAll());
        }
        if (s.universeFile().isBlank() && market.resolver().csvPath().isPresent()) {
            // data.source csv:PATH names the universe file
            read = reader.read(market.resolver().csvPath().get(), null, Interval.D1, CsvBarReader.Format.LONG);
            source = "file:" + market.resolver().csvPath().get();
        } else if (s.universeFile().isBlank()) {
            try (InputStream in = CrossSectionalPipeline.class.getResourceAsStream("/bundled/" + BUNDLED_UNIVERSE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled universe " + BUNDLED_UNIVERSE + " missing from the jar");
                }
                read = reader.read(BUNDLED_UNIVERSE, in, null, Interval.D1, CsvBarReader.Format.LONG);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled universe", e);
            }
            source = "bundled:" + BUNDLED_UNIVERSE;
        } else {
            read = reader.read(Path.of(s.universeFile()), null, Interval.D1, CsvBarReader.Format.LONG);
            source = "file:" + s.universeFile();
        }
        List<BarSeries> stocks = new ArrayList<>();
        for (var e : read.series().entrySet()) {
            if (!e.getKey().equals(bench) && e.getValue().size() > 0) {
                stocks.add(e.getValue().adjusted());
            }
        }
        if (s.maxTickers() > 0 && stocks.size() > s.maxTickers()) {
            stocks = stocks.subList(0, s.maxTickers());
        }
        if (stocks.size() < 3) {
            throw new UserInputException(source + ": a cross-sectional run needs at least 3 stocks, found " + stocks.size());
        }
        BarSeries spy = read.series().containsKey(bench) ? read.series().get(bench)
                : market.load(bench, Interval.D1);
        return new Universe(stocks, spy.adjusted(), source);
    }

    /**
     * The whole computation. Deterministic for a given config and data (seeded weights, batches, dropout and
     * permutations); the split is by fractions of the date grid, so changing prices (not the number of dates)
     * leaves it in place.
     */
    public Result compute(ExperimentConfig cfg, Settings s, Universe u, TrainingListener listener, PrintStream out) {
        var m = cfg.model();
        int h = s.horizon();
        int lookback = m.lookback();
        long[] grid = grid(u, cfg.data().periodDays());
        int n = grid.length;
        int validStart = (int) Math.floor(n * (cfg.split().train() - cfg.split().validation()));
        int testStart = (int) Math.floor(n * cfg.split().train());
        if (validStart < lookback + 120 || testStart <= validStart + h || testStart >= n - 2) {
            throw new UserInputException("split train=" + cfg.split().train() + " validation="
                    + cfg.split().validation() + " leaves too little data on " + n + " dates");
        }
        out.printf(Locale.ROOT, "Universe: %d stocks (%s), benchmark %s, %d trading days %s .. %s%n",
                u.stocks().size(), u.source(), u.benchmark().symbol(), n, day(grid[0]), day(grid[n - 1]));
        out.printf(Locale.ROOT, "Split by date: train %s .. %s | validation %s .. %s | test %s .. %s%n", day(grid[0]),
                day(grid[validStart - 1]), day(grid[validStart]), day(grid[testStart - 1]), day(grid[testStart]),
                day(grid[n - 1]));

        // 1. features and targets per stock, on the stock's own bars (restricted to the grid's dates)
        CrossSectional set = new CrossSectional();
        int stocksN = u.stocks().size();
        List<Stock> stocks = new ArrayList<>(stocksN);
        for (BarSeries raw : u.stocks()) {
            stocks.add(Stock.of(raw, u.benchmark(), grid, set, h, validStart, testStart));
        }
        if (s.demeanTarget()) {
            demeanByDate(stocks, n);
        }
        List<String> names = set.columns();
        int f = names.size();

        // 2. scaler fitted on training dates only, pooled over all stocks
        double[][] pooled = new double[f][];
        int trainRows = stocks.stream().mapToInt(Stock::rowValid).sum();
        for (int c = 0; c < f; c++) {
            pooled[c] = new double[trainRows];
            int o = 0;
            for (Stock st : stocks) {
                System.arraycopy(st.features().column(c), 0, pooled[c], o, st.rowValid());
                o += st.rowValid();
            }
        }
        StandardScaler scaler = StandardScaler.fit(names, pooled, 0, trainRows);
        pooled = null;

        // 3. windows: training and validation purged at the segment boundaries; inference on valid + test
        List<Windows> trainParts = new ArrayList<>(), validParts = new ArrayList<>();
        List<int[]> validDates = new ArrayList<>();
        List<Windows> inferParts = new ArrayList<>();
        ForecastSpec fs = ForecastSpec.from(cfg, set.name());
        Retraining retrain = fs.retrain();
        // walk-forward only: every labelled window of each stock, with its decision and realisation dates
        List<Windows> labelled = new ArrayList<>();
        List<int[]> decisionDates = new ArrayList<>(), realisedDates = new ArrayList<>();
        for (Stock st : stocks) {
            FeatureMatrix z = scale(st.features(), scaler);
            if (retrain.active()) {
                Windows all = Windowing.build(z, st.target(), lookback, 0, st.gridIndex().length);
                labelled.add(all);
                decisionDates.add(toGrid(all.endIndex(), st.gridIndex()));
                realisedDates.add(realisationDates(all.endIndex(), st.gridIndex(), h));
            }
            trainParts.add(Windowing.build(z, st.target(), lookback, 0, Math.max(0, st.rowValid() - h)));
            Windows v = Windowing.build(z, st.target(), lookback, st.rowValid(), Math.max(st.rowValid(), st.rowTest() - h));
            validParts.add(v);
            validDates.add(toGrid(v.endIndex(), st.gridIndex()));
            inferParts.add(Windowing.forInference(z, st.target(), lookback, st.rowValid(), st.gridIndex().length));
        }
        Windows train = concat(trainParts, lookback, f);
        Windows valid = concat(validParts, lookback, f);
        trainParts = null;
        int[] validDate = concatInts(validDates);
        out.printf(Locale.ROOT, "Pooled windows: train (%d, %d, %d)  validation (%d, %d, %d); target: %d-day excess "
                + "return over %s / (vol20 x sqrt(%d))%n", train.samples(), lookback, f, valid.samples(), lookback, f,
                h, u.benchmark().symbol(), h);

        // walk-forward folds and their windows, checked before any training
        List<Retraining.Fold> folds = retrain.active() ? retrain.folds(testStart, n, h, 0) : List.of();
        List<FoldSelection> selections = new ArrayList<>();
        for (Retraining.Fold fold : folds) {
            FoldSelection sel = select(decisionDates, realisedDates, fold, cfg.split().validation());
            if (sel.trainWindows() < 10) {
                throw new UserInputException("model.retrain: the model for the test block starting "
                        + day(grid[fold.predictFrom()]) + " would have only " + sel.trainWindows()
                        + " training windows; use a longer model.retrain_window");
            }
            selections.add(sel);
        }
        LstmSpec spec = fs.network(f);
        TrainConfig tc = fs.train().withThreads(s.threads());
        String cellName = fs.cell() == LstmSpec.Cell.GRU ? "GRU" : "LSTM";
        out.printf(Locale.ROOT, "Training pooled %s (hidden %d x %d layers, lookback %d, %d parameters)...%n",
                cellName, m.hidden(), m.layers(), lookback, spec.parameterCount());
        try (Forecaster model = Forecaster.create(spec, cfg.seed())) {
            long tt = System.nanoTime();
            TrainingHistory history = model.fit(train, valid, tc, listener);
            out.printf(Locale.ROOT, "%s training complete: %d epochs in %.0f s, best epoch %d, best validation loss "
                    + "%.6f%n", cellName, history.epochs(), (System.nanoTime() - tt) / 1e9, history.bestEpoch() + 1,
                    history.bestLoss());

            // 4. one batched forward pass per date over every stock with a window on that date; with walk-forward
            //    retraining this model scores the validation segment only and each fold's model its test block
            double[][] predicted = nanMatrix(stocksN, n), realized = nanMatrix(stocksN, n);
            long t0 = System.nanoTime();
            long scored = scoreByDate(model, stocks, inferParts, validStart, retrain.active() ? testStart : n,
                    lookback, f, predicted, realized);
            double secs = (System.nanoTime() - t0) / 1e9;
            int models = 1;
            List<FoldReport> foldReports = new ArrayList<>();
            if (retrain.active()) {
                models += folds.size();
                out.printf(Locale.ROOT, "Retraining: %s: %d models trained (1 on the training segment for the "
                        + "validation dates, %d walk-forward over the test dates, purged by the %d-day horizon; scaler "
                        + "fitted on the training dates)%n", retrain.describe(), models, folds.size(), h);
                for (int k = 0; k < folds.size(); k++) {
                    Retraining.Fold fold = folds.get(k);
                    FoldSelection sel = selections.get(k);
                    Windows ft = gather(labelled, sel.trainFrom(), sel.trainTo(), lookback, f);
                    Windows fv = gather(labelled, sel.validFrom(), sel.validTo(), lookback, f);
                    try (Forecaster fm = Forecaster.create(spec, cfg.seed())) {
                        TrainingHistory fh = fm.fit(ft, fv.samples() > 0 ? fv : null, tc, listener);
                        ft = null;
                        fv = null;
                        long t1 = System.nanoTime();
                        scored += scoreByDate(fm, stocks, inferParts, fold.predictFrom(), fold.predictTo(), lookback,
                                f, predicted, realized);
                        secs += (System.nanoTime() - t1) / 1e9;
                        FoldReport fr = new FoldReport(fold.predictFrom(), fold.predictTo(),
                                sel.first(sel.trainFrom(), sel.trainTo()), sel.last(sel.trainFrom(), sel.trainTo()),
                                sel.first(sel.validFrom(), sel.validTo()), sel.last(sel.validFrom(), sel.validTo()),
                                sel.trainWindows(), sel.validWindows(), fh.epochs(), fh.bestEpoch() + 1,
                                fh.bestLoss());
                        foldReports.add(fr);
                        out.printf(Locale.ROOT, "  model %d/%d scores %s .. %s: trained on %d windows (%s .. %s), "
                                + "validated on %d (%s .. %s); best epoch %d of %d, loss %.6f%n", k + 1, folds.size(),
                                day(grid[fold.predictFrom()]), day(grid[fold.predictTo() - 1]), fr.trainWindows(),
                                dayOrDash(grid, fr.trainFirst()), dayOrDash(grid, fr.trainLast()), fr.validWindows(),
                                dayOrDash(grid, fr.validFirst()), dayOrDash(grid, fr.validLast()), fr.bestEpoch(),
                                fr.epochs(), fr.bestLoss());
                    }
                }
                labelled = null;
            }
            out.printf(Locale.ROOT, "Scored %d windows on %d dates in %.1f s (%.0f windows/s, one forward pass per date)%n",
                    scored, n - validStart, secs, scored / Math.max(secs, 1e-9));
            // ---- alpha score (issue 14): absolute 2p - 1 (default) or the per-date z-score ----
            double[] validPred = model.predict(valid);
            double sigma = CrossSectionalBaselines.residualScale(validPred, valid.y());
            CrossSectionalBaselines.Score scoreKind = CrossSectionalBaselines.Score.parse(s.score());
            double[][] zScored = zScores(predicted, validStart, n);
            double[][] absolute = CrossSectionalBaselines.absoluteScores(predicted, validStart, n, sigma);
            double[][] scores = scoreKind == CrossSectionalBaselines.Score.ABSOLUTE ? absolute : zScored;
            double[][] otherScores = scoreKind == CrossSectionalBaselines.Score.ABSOLUTE ? zScored : absolute;
            // ---- ridge baseline (issue 14): pooled training windows, penalty chosen on the validation windows ----
            org.quantlstm.model.LinearForecaster ridgeFit = org.quantlstm.model.LinearForecaster.fit(train, valid);
            double ridgeSigma = CrossSectionalBaselines.residualScale(ridgeFit.predict(valid), valid.y());
            double[][] ridgePredicted = nanMatrix(stocksN, n);
            for (int i = 0; i < stocksN; i++) {
                double[] rp = ridgeFit.predict(inferParts.get(i));
                int[] end = inferParts.get(i).endIndex();
                int[] g = stocks.get(i).gridIndex();
                for (int w = 0; w < end.length; w++) {
                    int t = g[end[w]];
                    if (t >= validStart && t < n) {
                        ridgePredicted[i][t] = rp[w];
                    }
                }
            }
            double[][] ridgeScores = scoreKind == CrossSectionalBaselines.Score.ABSOLUTE
                    ? CrossSectionalBaselines.absoluteScores(ridgePredicted, validStart, n, ridgeSigma)
                    : zScores(ridgePredicted, validStart, n);
            double trainMean = 0;
            for (float v : train.y()) {
                trainMean += v / (double) train.samples();
            }

            // 5. IC and rank IC per date (validation + test)
            double[] ic = new double[n], rankIc = new double[n];
            Arrays.fill(ic, Double.NaN);
            Arrays.fill(rankIc, Double.NaN);
            double[] a = new double[stocksN], b = new double[stocksN];
            for (int t = validStart; t < n; t++) {
                for (int i = 0; i < stocksN; i++) {
                    a[i] = predicted[i][t];
                    b[i] = realized[i][t];
                }
                ic[t] = InformationCoefficient.pearson(a, b);
                rankIc[t] = InformationCoefficient.spearman(a, b);
            }

            // 6. permutation importance on the validation windows (drop in mean IC per date)
            out.println("Permutation feature importance on the validation segment...");
            double base = meanDailyIc(validPred, valid.y(), validDate, n);
            //    over PERMUTATIONS independent permutations per feature: mean drop and its std (ddof 1)
            double[] importance = new double[f];
            double[] importanceStd = new double[f];
            SplittableRandom rng = new SplittableRandom(cfg.seed());
            for (int c = 0; c < f; c++) {
                double[] drops = new double[PERMUTATIONS];
                for (int k = 0; k < PERMUTATIONS; k++) {
                    Windows shuffled = permuteFeature(valid, c, rng.split());
                    drops[k] = base - meanDailyIc(model.predict(shuffled), valid.y(), validDate, n);
                }
                importance[c] = org.quantlstm.analytics.Moments.mean(drops);
                importanceStd[c] = org.quantlstm.analytics.Moments.std(drops);
            }

            // 7. the seed's strategy on the test segment
            long[] times = Arrays.copyOfRange(grid, testStart, n);
            List<Prices> prices = new ArrayList<>(stocksN);
            double[][] testScores = new double[stocksN][];
            for (int i = 0; i < stocksN; i++) {
                prices.add(stocks.get(i).prices(grid, testStart));
                testScores[i] = Arrays.copyOfRange(scores[i], testStart, n);
            }
            BarSeries spy = u.benchmark();
            Prices spyPrices = new Prices(spy.symbol().value(), times, onGrid(spy, grid, testStart, true),
                    onGrid(spy, grid, testStart, false));
            int ppy = Interval.D1.periodsPerYear();
            RiskFree rf = RiskFree.fromSpec(cfg.backtest().riskFree(), times, ppy);
            var bcfg = cfg.backtest();
            BacktestConfig bc = bcfg.engine(ppy, 1.0);
            out.printf(Locale.ROOT, "Backtesting top-%d (enter > %.2f, exit < %.2f on review every %d days, %.0f%% of "
                    + "current equity each; %s fills, %.1f bps costs, gross <= %.0f%%)...%n", s.topK(), s.entryThreshold(),
                    s.exitThreshold(), s.reviewDays(), s.positionWeight() * 100, bcfg.fill(), bcfg.costBps(),
                    bc.maxGross() * 100);
            TopKBacktest.Result bt = TopKBacktest.run(new TopKSchedule(s.rules()), prices, testScores, bc, rf.perPeriod());
            PortfolioResult pr = bt.portfolio();
            BacktestResult strategy = new BacktestResult("alpha_top" + s.topK(), times, spyPrices.close(), pr.equity(),
                    pr.net(), pr.gross(), pr.traded(), pr.costs(), pr.borrow(), pr.financing(), pr.fills(), pr.trades(),
                    pr.initialCapital());
            BacktestResult bh = new Backtester(bc, rf.perPeriod()).buyAndHold(spyPrices).named("spy_buy_and_hold");
            Comparison cmp = Comparison.of(List.of(strategy), bh, rf, ppy);

            // 8. no-skill baseline: the same rules on random N(0,1) scores (same stocks, same dates)
            double[] nullReturns = new double[s.nullRuns()];
            SplittableRandom nr = new SplittableRandom(cfg.seed() * 31 + 17);
            for (int k = 0; k < nullReturns.length; k++) {
                double[][] rs = new double[stocksN][];
                for (int i = 0; i < stocksN; i++) {
                    rs[i] = testScores[i].clone();
                    for (int j = 0; j < rs[i].length; j++) {
                        if (Double.isFinite(rs[i][j])) {
                            rs[i][j] = nr.nextGaussian();
                        }
                    }
                }
                double[] eq = TopKBacktest.run(new TopKSchedule(s.rules()), prices, rs, bc, rf.perPeriod()).portfolio()
                        .equity();
                nullReturns[k] = eq[eq.length - 1] / eq[0] - 1;
            }
            // ---- baselines (issue 14): the other score, the ridge, equal-weight buy-and-hold, forecasts ----
            CrossSectionalBaselines.Report baselines;
            {
                double[][] otherTest = new double[stocksN][];
                double[][] ridgeTest = new double[stocksN][];
                for (int i = 0; i < stocksN; i++) {
                    otherTest[i] = Arrays.copyOfRange(otherScores[i], testStart, n);
                    ridgeTest[i] = Arrays.copyOfRange(ridgeScores[i], testStart, n);
                }
                TopKBacktest.Result otherBt = TopKBacktest.run(new TopKSchedule(s.rules()), prices, otherTest, bc,
                        rf.perPeriod());
                TopKBacktest.Result ridgeBt = TopKBacktest.run(new TopKSchedule(s.rules()), prices, ridgeTest, bc,
                        rf.perPeriod());
                double[] ew = new double[times.length];
                int counted = 0;
                for (Prices p : prices) {
                    double[] c = p.close();
                    int first = 0;
                    while (first < c.length && !(c[first] > 0)) {
                        first++;
                    }
                    if (first > 0 || c.length == 0) {
                        continue; // a stock without a price on the first test date is left out
                    }
                    counted++;
                    for (int t = 0; t < c.length; t++) {
                        ew[t] += c[t] / c[0];
                    }
                }
                for (int t = 0; t < ew.length; t++) {
                    ew[t] = counted == 0 ? 1 : ew[t] / counted;
                }
                String chosenName = "LSTM top-" + s.topK() + ", " + scoreKind.code() + " score (chosen)";
                String otherName = "LSTM top-" + s.topK() + ", " + (scoreKind == CrossSectionalBaselines.Score.ABSOLUTE
                        ? "zscore" : "absolute") + " score";
                List<String> constants = new ArrayList<>();
                for (var e : List.of(java.util.Map.entry(chosenName, pr), java.util.Map.entry(otherName,
                        otherBt.portfolio()), java.util.Map.entry("ridge", ridgeBt.portfolio()))) {
                    String line = CrossSectionalBaselines.constantLine(e.getKey(), e.getValue(), u.tickers());
                    if (line != null) {
                        constants.add(line);
                    }
                }
                baselines = new CrossSectionalBaselines.Report(scoreKind, sigma,
                        CrossSectionalBaselines.Figures.of(chosenName, pr.equity(), pr.gross(), rf.perPeriod()),
                        CrossSectionalBaselines.Figures.of(otherName, otherBt.portfolio().equity(),
                                otherBt.portfolio().gross(), rf.perPeriod()),
                        CrossSectionalBaselines.Figures.of("ridge top-" + s.topK() + ", " + scoreKind.code() + " score",
                                ridgeBt.portfolio().equity(), ridgeBt.portfolio().gross(), rf.perPeriod()),
                        CrossSectionalBaselines.Figures.of("equal-weight buy-and-hold (" + counted + " stocks, no costs)",
                                ew, null, rf.perPeriod()),
                        CrossSectionalBaselines.Figures.of(u.benchmark().symbol() + " buy-and-hold", bh.equity(), null, rf.perPeriod()),
                        List.of(CrossSectionalBaselines.forecastLine("lstm", predicted, realized, testStart, n),
                                CrossSectionalBaselines.forecastLine("ridge", ridgePredicted, realized, testStart, n),
                                CrossSectionalBaselines.forecastLine("persistence",
                                        CrossSectionalBaselines.constant(predicted, testStart, 0), realized, testStart, n),
                                CrossSectionalBaselines.forecastLine("drift",
                                        CrossSectionalBaselines.constant(predicted, testStart, trainMean), realized,
                                        testStart, n)),
                        ridgeFit.describe() + "; persistence = no excess return, drift = training mean target",
                        constants);
            }
            return new Result(grid, u.tickers(), validStart, testStart, predicted, scores, realized, ic, rankIc, names,
                    base, importance, importanceStd, bt, strategy, bh, cmp, rf, history, train.samples(),
                    valid.samples(), scored, secs, nullReturns, retrain, models, foldReports, baselines);
        }
    }

    /**
     * Subtracts each date's cross-sectional mean target (over the stocks with a target on that date), so the
     * network learns the ranking rather than the market-wide move. Targets are future values in any case; the
     * purged windows keep them inside their own segment.
     */
    static void demeanByDate(List<Stock> stocks, int n) {
        double[] sum = new double[n];
        int[] count = new int[n];
        for (Stock st : stocks) {
            for (int r = 0; r < st.target().length; r++) {
                if (Double.isFinite(st.target()[r])) {
                    sum[st.gridIndex()[r]] += st.target()[r];
                    count[st.gridIndex()[r]]++;
                }
            }
        }
        for (Stock st : stocks) {
            for (int r = 0; r < st.target().length; r++) {
                if (Double.isFinite(st.target()[r])) {
                    st.target()[r] -= sum[st.gridIndex()[r]] / count[st.gridIndex()[r]];
                }
            }
        }
    }

    /** Scores every date in [from, to) with one forward pass over all stocks' windows ending on that date. */
    static long scoreByDate(Forecaster model, List<Stock> stocks, List<Windows> infer, int from, int to, int lookback,
                            int f, double[][] predicted, double[][] realized) {
        int stocksN = stocks.size();
        // windowAt[i][t - from] = index of stock i's inference window ending at grid date t, or -1
        int[][] windowAt = new int[stocksN][to - from];
        for (int i = 0; i < stocksN; i++) {
            Arrays.fill(windowAt[i], -1);
            int[] end = infer.get(i).endIndex();
            int[] g = stocks.get(i).gridIndex();
            for (int w = 0; w < end.length; w++) {
                int t = g[end[w]];
                if (t >= from && t < to) {
                    windowAt[i][t - from] = w;
                }
            }
        }
        int per = lookback * f;
        float[] x = new float[stocksN * per];
        int[] who = new int[stocksN];
        long total = 0;
        for (int t = from; t < to; t++) {
            int k = 0;
            for (int i = 0; i < stocksN; i++) {
                int w = windowAt[i][t - from];
                if (w >= 0) {
                    System.arraycopy(infer.get(i).x(), w * per, x, k * per, per);
                    who[k++] = i;
                }
            }
            if (k == 0) {
                continue;
            }
            Windows day = new Windows(k == stocksN ? x : Arrays.copyOf(x, k * per), new float[k], new int[k], k,
                    lookback, f);
            double[] p = model.scoreCrossSection(day);
            for (int j = 0; j < k; j++) {
                int i = who[j];
                predicted[i][t] = p[j];
                float y = infer.get(i).y()[windowAt[i][t - from]];
                realized[i][t] = Float.isNaN(y) ? Double.NaN : y;
            }
            total += k;
        }
        return total;
    }

    /**
     * The windows a walk-forward fold may use. {@code decision.get(i)[k]} is the grid date of stock i's labelled
     * window k, {@code realised.get(i)[k]} the grid date on which its target is realised (its stock's bar h rows
     * later), both ascending in k. Selected: decision date in [fold.trainFrom, fold.trainTo] and target realised
     * before fold.predictFrom (the second rule only bites for a stock with gaps in the grid, whose h-th next bar
     * lies more than h dates ahead). Of the selected decision dates, the last {@code validation} share (by date,
     * not by window) validate; the rest train, purged like the training segment: a training window's target is
     * realised before the first validation date.
     */
    static FoldSelection select(List<int[]> decision, List<int[]> realised, Retraining.Fold fold, double validation) {
        int m = decision.size();
        int[] lo = new int[m], hi = new int[m];
        boolean[] seen = new boolean[Math.max(0, fold.predictFrom())];
        for (int i = 0; i < m; i++) {
            int[] d = decision.get(i), r = realised.get(i);
            int k = 0;
            while (k < d.length && d[k] < fold.trainFrom()) {
                k++;
            }
            lo[i] = k;
            while (k < d.length && d[k] <= fold.trainTo() && r[k] < fold.predictFrom()) {
                seen[d[k]] = true;
                k++;
            }
            hi[i] = k;
        }
        int dates = 0;
        for (boolean b : seen) {
            dates += b ? 1 : 0;
        }
        int validDates = (int) Math.floor(dates * validation);
        int validStart = fold.predictFrom();
        for (int t = seen.length - 1, c = 0; t >= 0 && c < validDates; t--) {
            if (seen[t]) {
                validStart = t;
                c++;
            }
        }
        int[] trainTo = new int[m], validFrom = new int[m];
        for (int i = 0; i < m; i++) {
            int[] d = decision.get(i), r = realised.get(i);
            int v = lo[i];
            while (v < hi[i] && d[v] < validStart) {
                v++;
            }
            int k = lo[i];
            while (k < v && r[k] < validStart) {
                k++;
            }
            validFrom[i] = v;
            trainTo[i] = k;
        }
        return new FoldSelection(lo, trainTo, validFrom, hi, validStart, dates, decision);
    }

    /** The grid date of each window's target realisation: the stock's bar {@code h} rows after the decision bar. */
    static int[] realisationDates(int[] endRows, int[] gridIndex, int h) {
        int[] g = new int[endRows.length];
        for (int i = 0; i < endRows.length; i++) {
            int r = endRows[i] + h;
            g[i] = r < gridIndex.length ? gridIndex[r] : Integer.MAX_VALUE;
        }
        return g;
    }

    /** Windows [from[i], to[i]) of every part, pooled into one (one copy). */
    static Windows gather(List<Windows> parts, int[] from, int[] to, int lookback, int f) {
        int n = 0;
        for (int i = 0; i < parts.size(); i++) {
            n += to[i] - from[i];
        }
        int per = lookback * f;
        float[] x = new float[n * per];
        float[] y = new float[n];
        int[] end = new int[n];
        int o = 0;
        for (int i = 0; i < parts.size(); i++) {
            Windows w = parts.get(i);
            int k = to[i] - from[i];
            System.arraycopy(w.x(), from[i] * per, x, o * per, k * per);
            System.arraycopy(w.y(), from[i], y, o, k);
            System.arraycopy(w.endIndex(), from[i], end, o, k);
            o += k;
        }
        return new Windows(x, y, end, n, lookback, f);
    }

    /** Cross-sectional z-scores per date (ddof = 1; NaN on dates with fewer than 3 scores or no spread). */
    static double[][] zScores(double[][] predicted, int from, int n) {
        int m = predicted.length;
        double[][] z = nanMatrix(m, n);
        for (int t = from; t < n; t++) {
            int k = 0;
            double sum = 0;
            for (double[] p : predicted) {
                if (Double.isFinite(p[t])) {
                    k++;
                    sum += p[t];
                }
            }
            if (k < 3) {
                continue;
            }
            double mean = sum / k, ss = 0;
            for (double[] p : predicted) {
                if (Double.isFinite(p[t])) {
                    ss += (p[t] - mean) * (p[t] - mean);
                }
            }
            double sd = Math.sqrt(ss / (k - 1));
            if (!(sd > 0)) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                if (Double.isFinite(predicted[i][t])) {
                    z[i][t] = (predicted[i][t] - mean) / sd;
                }
            }
        }
        return z;
    }

    /** Mean over dates of the cross-sectional Pearson IC between predictions and targets. */
    static double meanDailyIc(double[] pred, float[] y, int[] date, int n) {
        int[] count = new int[n];
        for (int d : date) {
            count[d]++;
        }
        int[][] members = new int[n][];
        for (int d = 0; d < n; d++) {
            members[d] = new int[count[d]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < date.length; i++) {
            members[date[i]][fill[date[i]]++] = i;
        }
        double sum = 0;
        int days = 0;
        for (int d = 0; d < n; d++) {
            int k = members[d].length;
            if (k < 3) {
                continue;
            }
            double[] a = new double[k], b = new double[k];
            for (int j = 0; j < k; j++) {
                a[j] = pred[members[d][j]];
                b[j] = y[members[d][j]];
            }
            double c = InformationCoefficient.pearson(a, b);
            if (Double.isFinite(c)) {
                sum += c;
                days++;
            }
        }
        return days == 0 ? Double.NaN : sum / days;
    }

    /** Permutations per feature in the permutation importance (mean and std of the drop in IC over them). */
    static final int PERMUTATIONS = 10;

    /**
     * The no-skill warning of the permutation importance: the t-test of the validation dates' mean IC (t with n − 1
     * df, two-sided), or null when it is significant at 5 %.
     */
    static String noSkillWarning(Result r) {
        InformationCoefficient.Summary v = InformationCoefficient.summarize(Arrays.copyOfRange(r.ic(), r.validStart(),
                r.testStart()));
        double p = v.dates() < 2 || Double.isNaN(v.tStat()) ? Double.NaN
                : 2 * new org.hipparchus.distribution.continuous.TDistribution(v.dates() - 1)
                .cumulativeProbability(-Math.abs(v.tStat()));
        if (p < 0.05 && v.mean() > 0) {
            return null;
        }
        return String.format(Locale.ROOT, "the model shows no significant skill on the validation segment (mean daily "
                + "IC %.4f, t=%.2f, p=%s over %d dates), so the permutation importances measure noise", v.mean(),
                v.tStat(), Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.3f", p), v.dates());
    }

    /** A copy of {@code w} with feature {@code c}'s whole window moved between samples by a random permutation. */
    static Windows permuteFeature(Windows w, int c, SplittableRandom rng) {
        int n = w.samples(), l = w.lookback(), f = w.features();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        float[] x = w.x().clone();
        float[] src = w.x();
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < l; s++) {
                x[(i * l + s) * f + c] = src[(perm[i] * l + s) * f + c];
            }
        }
        return new Windows(x, w.y().clone(), w.endIndex().clone(), n, l, f);
    }

    /** The benchmark's dates between the first and last stock bar, cut to the last {@code periodDays}. */
    static long[] grid(Universe u, int periodDays) {
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (BarSeries s : u.stocks()) {
            first = Math.min(first, s.epochMillis(0));
            last = Math.max(last, s.epochMillis(s.size() - 1));
        }
        first = Math.max(first, last - periodDays * 86_400_000L);
        long[] b = u.benchmark().epochMillis();
        int from = 0, to = b.length;
        while (from < b.length && b[from] < first) {
            from++;
        }
        while (to > from && b[to - 1] > last) {
            to--;
        }
        if (to - from < 10) {
            throw new UserInputException("the benchmark " + u.benchmark().symbol() + " has no bars over the universe's "
                    + "dates");
        }
        return Arrays.copyOfRange(b, from, to);
    }

    /** One stock prepared: its bars on grid dates, features, target, grid index per row, segment rows. */
    record Stock(BarSeries series, FeatureMatrix features, double[] target, int[] gridIndex, int rowValid, int rowTest) {
        static Stock of(BarSeries raw, BarSeries bench, long[] grid, CrossSectional set, int h, int validStart,
                        int testStart) {
            BarSeries.Builder b = BarSeries.builder(raw.symbol(), raw.interval());
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                int g = Arrays.binarySearch(grid, raw.epochMillis(i));
                if (g >= 0) {
                    b.add(raw.epochMillis(i), raw.open(i), raw.high(i), raw.low(i), raw.close(i), raw.adjClose(i),
                            raw.volume(i));
                    idx.add(g);
                }
            }
            BarSeries s = b.build();
            int[] gi = idx.stream().mapToInt(Integer::intValue).toArray();
            FeatureMatrix fm = set.compute(s, bench);
            double[] close = s.adjCloses();
            double[] spy = AsOfAlignment.align(s.epochMillis(), bench.epochMillis(), bench.adjCloses());
            double[] y = Targets.excessReturn(close, spy, h);
            double[] vol = fm.column("volatility_20");
            double root = Math.sqrt(h);
            for (int r = 0; r < y.length; r++) {
                double v = vol[r] * root;
                y[r] = Double.isFinite(y[r]) && v > 0 ? Math.max(-CLIP, Math.min(CLIP, y[r] / v)) : Double.NaN;
            }
            return new Stock(s, fm, y, gi, firstAtOrAfter(gi, validStart), firstAtOrAfter(gi, testStart));
        }

        /** Open/close on grid dates [from, end): missing days carry the last close; days before the first bar
         *  carry the first bar's open and close (never traded: such days have no score). */
        Prices prices(long[] grid, int from) {
            int n = grid.length;
            double[] open = new double[n - from], close = new double[n - from];
            double[] o = series.opens(), c = series.closes();
            int r = 0;
            double lastClose = Double.NaN;
            for (int t = from; t < n; t++) {
                while (r < gridIndex.length && gridIndex[r] < t) {
                    lastClose = c[r];
                    r++;
                }
                if (r < gridIndex.length && gridIndex[r] == t) {
                    open[t - from] = o[r];
                    close[t - from] = c[r];
                } else if (!Double.isNaN(lastClose)) {
                    open[t - from] = lastClose;
                    close[t - from] = lastClose;
                } else {
                    int first = Math.min(r, gridIndex.length - 1);
                    open[t - from] = o[first];
                    close[t - from] = o[first];
                }
            }
            return new Prices(series.symbol().value(), Arrays.copyOfRange(grid, from, n), open, close);
        }
    }

    private static int firstAtOrAfter(int[] gridIndex, int g) {
        int i = Arrays.binarySearch(gridIndex, g);
        return i >= 0 ? i : -i - 1;
    }

    private static double[] onGrid(BarSeries s, long[] grid, int from, boolean open) {
        double[] v = new double[grid.length - from];
        for (int t = from; t < grid.length; t++) {
            int i = s.indexAtOrAfter(grid[t]);
            v[t - from] = open ? s.open(i) : s.close(i);
        }
        return v;
    }

    private static FeatureMatrix scale(FeatureMatrix m, StandardScaler sc) {
        double[][] cols = new double[m.width()][];
        for (int c = 0; c < cols.length; c++) {
            double[] src = m.column(c);
            double[] z = new double[src.length];
            for (int r = 0; r < z.length; r++) {
                double v = sc.transform(c, src[r]);
                z[r] = Double.isFinite(v) ? Math.max(-CLIP, Math.min(CLIP, v)) : Double.NaN;
            }
            cols[c] = z;
        }
        return FeatureMatrix.of(m.names(), m.epochMillis(), cols);
    }

    private static int[] toGrid(int[] rows, int[] gridIndex) {
        int[] g = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            g[i] = gridIndex[rows[i]];
        }
        return g;
    }

    static Windows concat(List<Windows> parts, int lookback, int f) {
        int n = parts.stream().mapToInt(Windows::samples).sum();
        float[] x = new float[n * lookback * f];
        float[] y = new float[n];
        int[] end = new int[n];
        int o = 0;
        for (Windows w : parts) {
            System.arraycopy(w.x(), 0, x, o * lookback * f, w.samples() * lookback * f);
            System.arraycopy(w.y(), 0, y, o, w.samples());
            System.arraycopy(w.endIndex(), 0, end, o, w.samples());
            o += w.samples();
        }
        return new Windows(x, y, end, n, lookback, f);
    }

    private static int[] concatInts(List<int[]> parts) {
        int[] out = new int[parts.stream().mapToInt(p -> p.length).sum()];
        int o = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static double[][] nanMatrix(int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            Arrays.fill(row, Double.NaN);
        }
        return a;
    }

    private static String dayOrDash(long[] grid, int t) {
        return t < 0 ? "-" : day(grid[t]);
    }

    static String day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
    }

    // ---------------------------------------------------------------------------------------------- reporting

    private static String summary(ExperimentConfig cfg, Settings s, Universe u, Result r) {
        StringBuilder b = new StringBuilder();
        String rule = "=".repeat(78) + "\n";
        int n = r.times().length;
        b.append(rule).append("CROSS-SECTIONAL ALPHA: ").append(u.stocks().size()).append(" stocks vs ")
                .append(u.benchmark().symbol()).append(", test ").append(day(r.times()[r.testStart()])).append(" .. ")
                .append(day(r.times()[n - 1])).append('\n').append(rule);
        if (CrossSectionalBaselines.Score.parse(s.score()) == CrossSectionalBaselines.Score.ZSCORE) {
            b.append(String.format(Locale.ROOT, "Alpha score = cross-sectional z-score of the predicted %d-day "
                    + "vol-adjusted excess return (0 = day's average, 0.2 = 0.2 std above it)%n", s.horizon()));
        } else {
            b.append(String.format(Locale.ROOT, "Alpha score = 2p - 1, p = probability of beating %s over %d days "
                    + "(absolute: > 0 means more likely than not; the z-score is shown below as the alternative)%n",
                    u.benchmark().symbol(), s.horizon()));
        }
        if (r.retrain().active()) {
            b.append(String.format(Locale.ROOT, "Retraining: %s: %d models trained (validation dates scored by the "
                    + "training-segment model, test dates by %d walk-forward models; scaler fitted on the training "
                    + "dates)%n", r.retrain().describe(), r.modelsTrained(), r.folds().size()));
        }
        b.append(String.format(Locale.ROOT, "%-12s %6s %9s %9s %8s %12s %9s%n", "Segment", "Dates", "Mean IC", "t-stat",
                "t(n/o)", "Mean rankIC", "t-stat"));
        for (String seg : List.of("validation", "test")) {
            int from = seg.equals("validation") ? r.validStart() : r.testStart();
            int to = seg.equals("validation") ? r.testStart() : n;
            double[] ic = Arrays.copyOfRange(r.ic(), from, to), rk = Arrays.copyOfRange(r.rankIc(), from, to);
            var si = InformationCoefficient.summarize(ic);
            var so = InformationCoefficient.summarize(InformationCoefficient.everyKth(ic, s.horizon()));
            var sr = InformationCoefficient.summarize(rk);
            b.append(String.format(Locale.ROOT, "%-12s %6d %9.4f %9.2f %8.2f %12.4f %9.2f%n", seg, si.dates(), si.mean(),
                    si.tStat(), so.tStat(), sr.mean(), sr.tStat()));
        }
        b.append(String.format(Locale.ROOT, "(t(n/o): t-statistic on every %d-th date only, the non-overlapping "
                + "targets; the daily t-stat overstates significance)%n", s.horizon()));
        b.append("\nPermutation feature importance (validation; drop in mean IC when shuffled, mean +- std over ")
                .append(PERMUTATIONS).append(" permutations, base IC ")
                .append(String.format(Locale.ROOT, "%.4f):%n", r.baselineValidIc()));
        Integer[] order = new Integer[r.features().size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(r.importance()[q], r.importance()[p]));
        for (int i : order) {
            b.append(String.format(Locale.ROOT, "  %-18s %+.4f +- %.4f%n", r.features().get(i), r.importance()[i],
                    r.importanceStd()[i]));
        }
        String noSkill = noSkillWarning(r);
        if (noSkill != null) {
            b.append("Warning: ").append(noSkill).append(".\n");
        }
        b.append('\n').append(metricsTable(r.comparison()));
        PortfolioResult pr = r.backtest().portfolio();
        long closed = pr.trades().stream().filter(t -> !t.open()).count();
        b.append(String.format(Locale.ROOT, "Trades: %d round trips (%d closed, %d open at the end), costs paid %.0f%n",
                pr.trades().size(), closed, pr.trades().size() - closed, r.strategy().totalCosts()));
        var best = r.comparison().rows().get(0);
        if (best.dsr() < 0.95) {
            b.append(String.format(Locale.ROOT, "Note: the strategy's Sharpe is not significant (DSR %.3f < 0.95 with "
                    + "K=%d configuration tried).%n", best.dsr(), r.comparison().trials()));
        }
        if (best.totalReturn() < r.comparison().benchmark().totalReturn()) {
            b.append("Note: the strategy returned less than SPY buy-and-hold over the same test dates.\n");
        }
        if (r.nullReturns().length > 0) {
            double[] nr = r.nullReturns().clone();
            Arrays.sort(nr);
            long beaten = Arrays.stream(nr).filter(x -> x < best.totalReturn()).count();
            b.append(String.format(Locale.ROOT, "No-skill baseline (same rules and stocks, random N(0,1) scores, %d "
                    + "seeded runs): median return %.1f%%, range %.1f%% .. %.1f%%; the strategy beats %d of %d.%n",
                    nr.length, 100 * median(nr), 100 * nr[0], 100 * nr[nr.length - 1], beaten, nr.length));
        }
        var validNo = InformationCoefficient.summarize(InformationCoefficient.everyKth(
                Arrays.copyOfRange(r.ic(), r.validStart(), r.testStart()), s.horizon()));
        var testNo = InformationCoefficient.summarize(InformationCoefficient.everyKth(
                Arrays.copyOfRange(r.ic(), r.testStart(), n), s.horizon()));
        if (!(validNo.tStat() >= 2) || !(testNo.tStat() >= 2)) {
            b.append(String.format(Locale.ROOT, "Note: no demonstrated forecasting skill (IC t-statistics on "
                    + "non-overlapping dates: validation %.2f, test %.2f; both should be >= 2): the return above is "
                    + "not evidence that the ranking works.%n", validNo.tStat(), testNo.tStat()));
        }
        b.append("Note: ").append(SURVIVORSHIP).append('\n');
        if (r.baselines() != null) {
            b.append('\n').append(r.baselines().text());
        }
        return b.toString();
    }

    /** Strategy vs buy-and-hold, one metric per line. */
    static String metricsTable(Comparison c) {
        PerformanceSummary s = c.rows().get(0), bh = c.benchmark();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-34s %16s %16s%n", "Metric (test segment, after costs)", s.name(),
                "SPY buy&hold"));
        b.append("-".repeat(68)).append('\n');
        row(b, "Total return", s.totalReturn(), bh.totalReturn(), true);
        row(b, "CAGR", s.cagr(), bh.cagr(), true);
        row(b, "Volatility (ann.)", s.volatility(), bh.volatility(), true);
        row(b, "Sharpe", s.sharpe(), bh.sharpe(), false);
        row(b, "Sortino", s.sortino(), bh.sortino(), false);
        row(b, "Max drawdown", s.maxDrawdown(), bh.maxDrawdown(), true);
        row(b, "Calmar", s.calmar(), bh.calmar(), false);
        row(b, "Win rate (per trade)", s.tradeWinRate(), bh.tradeWinRate(), true);
        row(b, "Profit factor (per trade)", s.tradeProfitFactor(), bh.tradeProfitFactor(), false);
        row(b, "Win rate (per day)", s.periodWinRate(), bh.periodWinRate(), true);
        row(b, "Time invested", s.timeInvested(), bh.timeInvested(), true);
        row(b, "Gross exposure (mean)", s.grossMean(), bh.grossMean(), true);
        row(b, "Gross exposure (max)", s.grossMax(), bh.grossMax(), true);
        row(b, "Net exposure (mean)", s.netMean(), bh.netMean(), true);
        row(b, "Turnover (ann.)", s.turnover(), bh.turnover(), false);
        row(b, "Alpha (ann., vs SPY)", s.alpha(), Double.NaN, true);
        row(b, "Beta (vs SPY)", s.beta(), Double.NaN, false);
        row(b, "PSR (SR* = 0)", s.psr(), bh.psr(), false);
        row(b, "DSR (K = " + c.trials() + ")", s.dsr(), Double.NaN, false);
        b.append(String.format(Locale.ROOT, "%-34s %16d %16d%n", "Trades", s.trades(), bh.trades()));
        b.append(String.format(Locale.ROOT, "%-34s %16.0f %16.0f%n", "Final equity", s.finalEquity(), bh.finalEquity()));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double v, double w, boolean pct) {
        b.append(String.format(Locale.ROOT, "%-34s %16s %16s%n", name, fmt(v, pct), fmt(w, pct)));
    }

    private static String fmt(double v, boolean pct) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return pct ? String.format(Locale.ROOT, "%.2f%%", v * 100) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void write(RunFolder folder, ExperimentConfig cfg, Settings s, Universe u, Result r, String summary,
                              MarketData market) {
        ResultWriter w = new ResultWriter();
        int n = r.times().length;
        folder.writeConfig(cfg, CrossSectionalSystem.planOf(cfg));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("universe", u.source());
        data.put("series_through_source", market.manifest());
        data.put("benchmark", u.benchmark().symbol().value());
        data.put("tickers", u.tickers());
        data.put("rows", u.stocks().stream().mapToInt(BarSeries::size).sum());
        data.put("first", day(r.times()[0]));
        data.put("last", day(r.times()[n - 1]));
        List<BarSeries> all = new ArrayList<>(u.stocks());
        all.add(u.benchmark());
        data.put("sha256", DataFingerprint.sha256(all.toArray(new BarSeries[0])));
        data.put("survivorship_bias", SURVIVORSHIP);
        folder.writeJson("data.json", data);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("system", "cross-sectional");
        Map<String, Object> conv = Conventions.of(cfg, r.riskFree(), Interval.D1.periodsPerYear());
        conv.put("target", "clip(((P[t+h]/P[t]-1) - (SPY[t+h]/SPY[t]-1)) / (vol20[t]*sqrt(h)), -5, 5), h = "
                + s.horizon() + " trading days, adjusted closes");
        conv.put("alpha_score", CrossSectionalBaselines.Score.parse(s.score()) == CrossSectionalBaselines.Score.ZSCORE
                ? "cross-sectional z-score of the prediction per date (ddof = 1, >= 3 stocks)"
                : "absolute: 2p - 1, p = Phi(prediction / validation RMSE) = P(beat the benchmark over the horizon)");
        conv.put("ic", "Pearson (IC) and Spearman (rank IC) across stocks per date; t = mean/(std/sqrt(n)), ddof 1");
        conv.put("permutation_importance", "validation segment; base mean IC minus mean IC with one feature's "
                + "windows permuted across samples (mean and std over " + PERMUTATIONS + " permutations, seed "
                + cfg.seed() + ")");
        conv.put("max_gross", cfg.backtest().maxGross(1.0));
        metrics.put("conventions", conv);
        metrics.put("universe", org.quantlstm.common.Ordered.map("source", u.source(), "stocks", u.stocks().size(),
                "survivorship_bias", SURVIVORSHIP));
        metrics.put("strategy", org.quantlstm.common.Ordered.map("top_k", s.topK(), "entry_threshold", s.entryThreshold(), "exit_threshold",
                s.exitThreshold(), "review_days", s.reviewDays(), "position_weight", s.positionWeight(), "horizon",
                s.horizon(), "compounding", "each entry sized from the equity at its fill"));
        metrics.put("comparison", r.comparison());
        metrics.put("no_skill_baseline", org.quantlstm.common.Ordered.map("description", "same rules, stocks and dates with random N(0,1) "
                + "alpha scores", "runs", r.nullReturns().length, "total_returns", r.nullReturns()));
        Map<String, Object> icm = new LinkedHashMap<>();
        for (String seg : List.of("validation", "test")) {
            int from = seg.equals("validation") ? r.validStart() : r.testStart();
            int to = seg.equals("validation") ? r.testStart() : n;
            double[] ic = Arrays.copyOfRange(r.ic(), from, to);
            icm.put(seg, org.quantlstm.common.Ordered.map("ic", InformationCoefficient.summarize(ic),
                    "ic_non_overlapping", InformationCoefficient.summarize(InformationCoefficient.everyKth(ic, s.horizon())),
                    "rank_ic", InformationCoefficient.summarize(Arrays.copyOfRange(r.rankIc(), from, to))));
        }
        metrics.put("ic", icm);
        Map<String, Object> imp = new LinkedHashMap<>();
        Map<String, Object> impStd = new LinkedHashMap<>();
        for (int i = 0; i < r.features().size(); i++) {
            imp.put(r.features().get(i), r.importance()[i]);
            impStd.put(r.features().get(i), r.importanceStd()[i]);
        }
        String noSkill = noSkillWarning(r);
        metrics.put("feature_importance", org.quantlstm.common.Ordered.map("baseline_validation_ic", r.baselineValidIc(),
                "drop_in_ic", imp, "permutations", PERMUTATIONS, "std", impStd, "no_skill_warning",
                noSkill == null ? "" : noSkill));
        TrainingHistory hist = r.history();
        Map<String, Object> tr = new LinkedHashMap<>();
        tr.put("epochs", hist.epochs());
        tr.put("best_epoch", hist.bestEpoch() + 1);
        tr.put("train_loss", hist.trainLoss());
        tr.put("valid_loss", hist.validLoss());
        tr.put("train_windows", r.trainWindows());
        tr.put("valid_windows", r.validWindows());
        tr.put("valid_start", day(r.times()[r.validStart()]));
        tr.put("test_start", day(r.times()[r.testStart()]));
        tr.put("scored_windows", r.scoredWindows());
        tr.put("scoring_seconds", r.scoringSeconds());
        metrics.put("training", tr);
        metrics.put("models_trained", r.modelsTrained());
        metrics.put("retraining", retrainingMetrics(r));
        if (r.baselines() != null) {
            metrics.put("baselines", r.baselines().json());
        }
        w.writeJson(folder.file("metrics.json"), metrics);

        w.writeTrades(folder.file("trades.csv"), List.of(r.strategy()));
        w.writeEquity(folder.file("equity.csv"), List.of(r.strategy(), r.buyAndHold()));
        folder.writeText("backtest_trades.csv", backtestTrades(r));
        StringBuilder fc = new StringBuilder("date,ticker,segment,predicted,alpha_score,actual\n");
        StringBuilder icCsv = new StringBuilder("date,segment,ic,rank_ic\n");
        for (int t = r.validStart(); t < n; t++) {
            String seg = t < r.testStart() ? "validation" : "test";
            String d = day(r.times()[t]);
            for (int i = 0; i < r.tickers().size(); i++) {
                if (Double.isFinite(r.predicted()[i][t])) {
                    fc.append(d).append(',').append(r.tickers().get(i)).append(',').append(seg).append(',')
                            .append(String.format(Locale.ROOT, "%.6f,%.6f,%s%n", r.predicted()[i][t],
                                    r.scores()[i][t], num(r.realized()[i][t])));
                }
            }
            icCsv.append(d).append(',').append(seg).append(',').append(num(r.ic()[t])).append(',')
                    .append(num(r.rankIc()[t])).append('\n');
        }
        folder.writeText("forecasts.csv", fc.toString());
        folder.writeText("ic.csv", icCsv.toString());
        StringBuilder fi = new StringBuilder("feature,drop_in_ic,std\n");
        for (int i = 0; i < r.features().size(); i++) {
            fi.append(r.features().get(i)).append(',').append(num(r.importance()[i])).append(',')
                    .append(num(r.importanceStd()[i])).append('\n');
        }
        folder.writeText("feature_importance.csv", fi.toString());
        folder.writeText("summary.txt", summary);

        String stamp = folder.timestamp();
        EquityChart.standard().write(r.strategy(), r.buyAndHold(), "Top-" + s.topK() + " alpha strategy vs SPY "
                + "(test segment, after costs)", folder.file("charts/equity_vs_spy_" + stamp + ".png"));
        List<Trade> closed = r.strategy().trades().stream().filter(t -> !t.open())
                .sorted(java.util.Comparator.comparingLong(Trade::exitTime)).toList();
        CrossSectionCharts.realizedPnl(closed.stream().mapToLong(Trade::exitTime).toArray(),
                closed.stream().mapToDouble(Trade::pnl).toArray(), "Realised P&L of closed trades",
                folder.file("charts/realized_pnl_" + stamp + ".png"));
        CrossSectionCharts.returnHistogram(closed.stream().mapToDouble(Trade::returnPct).toArray(), 30,
                "Distribution of closed-trade returns", folder.file("charts/trade_returns_" + stamp + ".png"));
        long[] icTimes = Arrays.copyOfRange(r.times(), r.validStart(), n);
        CrossSectionCharts.informationCoefficient(icTimes, Arrays.copyOfRange(r.ic(), r.validStart(), n),
                Arrays.copyOfRange(r.rankIc(), r.validStart(), n), "IC and rank IC per date (validation + test)",
                folder.file("charts/ic_" + stamp + ".png"));
        CrossSectionCharts.featureImportance(r.features(), r.importance(),
                "Permutation importance (validation segment)", folder.file("charts/feature_importance_" + stamp + ".png"));
    }

    /** The retraining scheme and, with walk-forward retraining, one entry per test-block model. */
    static Map<String, Object> retrainingMetrics(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        Retraining rt = r.retrain();
        m.put("scheme", rt.scheme().code());
        m.put("description", rt.describe());
        if (!rt.active()) {
            return m;
        }
        long[] t = r.times();
        m.put("every_bars", rt.every());
        if (rt.scheme() == Retraining.Scheme.ROLLING) {
            m.put("window_bars", rt.window());
        }
        m.put("purge", "a window trains a block's model only if its target was realised before the block's first "
                + "date (decision date + horizon < block start)");
        m.put("scaler", "fitted on the training dates (every block comes after them)");
        m.put("validation_segment_model", "the model trained on the training segment");
        List<Map<String, Object>> folds = new ArrayList<>();
        for (FoldReport f : r.folds()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("scores_from", day(t[f.predictFrom()]));
            e.put("scores_to", day(t[f.predictTo() - 1]));
            e.put("train_from", f.trainFirst() < 0 ? null : day(t[f.trainFirst()]));
            e.put("train_to", f.trainLast() < 0 ? null : day(t[f.trainLast()]));
            e.put("valid_from", f.validFirst() < 0 ? null : day(t[f.validFirst()]));
            e.put("valid_to", f.validLast() < 0 ? null : day(t[f.validLast()]));
            e.put("train_windows", f.trainWindows());
            e.put("valid_windows", f.validWindows());
            e.put("epochs", f.epochs());
            e.put("best_epoch", f.bestEpoch());
            e.put("best_loss", f.bestLoss());
            folds.add(e);
        }
        m.put("folds", folds);
        return m;
    }

    /** The seed's trade list: one row per round trip with the scores that opened and closed it. */
    static String backtestTrades(Result r) {
        StringBuilder b = new StringBuilder("ticker,decision_date,entry_date,entry_price,entry_score,exit_decision_date,"
                + "exit_date,exit_price,exit_score,shares,size,pnl,return,days_held,costs,status\n");
        int off = r.testStart();
        long[] times = r.times();
        List<TopKSchedule.Decision> decisions = r.backtest().plan().decisions();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < r.tickers().size(); i++) {
            index.put(r.tickers().get(i), i);
        }
        List<Trade> trades = new ArrayList<>(r.strategy().trades());
        trades.sort(java.util.Comparator.comparingInt(Trade::entryBar).thenComparing(Trade::asset));
        for (Trade t : trades) {
            int a = index.get(t.asset());
            double entryScore = scoreOf(decisions, a, t.entryBar() - 1, TopKSchedule.Action.ENTER);
            int exitDecision = t.open() ? -1 : t.exitBar() - 1;
            double exitScore = t.open() ? Double.NaN : scoreOf(decisions, a, exitDecision, TopKSchedule.Action.EXIT);
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%.4f,%s,%s,%.4f,%s,%.4f,%.4f,%.2f,%.6f,%d,%.2f,%s%n",
                    t.asset(), day(times[off + t.entryBar() - 1]), day(t.entryTime()), t.entryPrice(), entryScore,
                    t.open() ? "" : day(times[off + exitDecision]), t.open() ? "" : day(t.exitTime()), t.exitPrice(),
                    num(exitScore), t.shares(), t.size(), t.pnl(), t.returnPct(),
                    (t.exitTime() - t.entryTime()) / 86_400_000L, t.costs(), t.open() ? "open" : "closed"));
        }
        return b.toString();
    }

    private static double scoreOf(List<TopKSchedule.Decision> ds, int asset, int bar, TopKSchedule.Action action) {
        for (TopKSchedule.Decision d : ds) {
            if (d.bar() == bar && d.asset() == asset && d.action() == action) {
                return d.score();
            }
        }
        return Double.NaN;
    }

    private static double median(double[] sorted) {
        int k = sorted.length;
        return k % 2 == 1 ? sorted[k / 2] : 0.5 * (sorted[k / 2 - 1] + sorted[k / 2]);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }
}
