package org.quantlstm.systems.weekly12;

import org.quantlstm.workflow.DataFingerprint;
import org.quantlstm.workflow.LocalTaskRunner;
import org.quantlstm.workflow.TaskRunner;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.ConfigSection;
import org.quantlstm.workflow.ForecastSpec;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.Retraining;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunFolder;
import org.quantlstm.workflow.RunOutcome;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.ExecutionModel;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.data.RiskFreeRates;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.Targets;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.scale.MinMaxScaler;
import org.quantlstm.features.sets.CloseOnly;
import org.quantlstm.features.sets.FeatureSets;
import org.quantlstm.model.ForecastMetrics;
import org.quantlstm.model.LinearForecaster;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.TrainConfig;
import org.quantlstm.portfolio.EqualWeightRebalancer;
import org.quantlstm.portfolio.PredictedChangeRebalancer;
import org.quantlstm.report.Comparison;
import org.quantlstm.report.PerformanceSummary;
import org.quantlstm.report.ResultWriter;
import org.quantlstm.report.RiskFree;

/**
 * The weekly-12 system (seed 002, Liu, "Portfolio Management Strategy Based on LSTM") end to end: weekly Friday
 * adjusted closes of 12 stocks → one LSTM per stock (2 × 256 → Linear, 24-week window of the {@code close-only}
 * feature, min-max scaled on training rows only) trained on data up to 2022-06-24 with early stopping on a
 * validation part carved from the end of the training weeks → each Friday of the 52 test weeks, next week's close
 * forecast per stock → {@link PredictedChangeRebalancer} (buy the predicted risers, sell the predicted decliners,
 * z-scores when all move the same way, shorts allowed, |w| ≤ 1/3) → the weekly portfolio loop
 * ({@link WeeklyPortfolioLoop}: fills at the decision close, costs on turnover, compounding) → the paper's
 * annualised tear sheet for the strategy, the Nasdaq-100 index and 1/N of the same stocks, with the paper's Table 2
 * beside ours, forecast accuracy next to persistence, PSR/DSR, charts and a run folder.
 *
 * <p>Causality: everything at decision row t is computed from weekly closes up to row t (the models and scalers see
 * only training weeks; the inference window of row t ends at row t); a test perturbs later prices and checks that
 * earlier weights are bit-identical.
 */
public final class Weekly12Pipeline {
    public static final String SYSTEM = "weekly-12";
    private static final long DAY = 86_400_000L;

    /** The paper's Table 2 (annualised tear sheet, 2022-07-01 → 2023-06-23): return %, volatility %, Sharpe, MDD %. */
    public record PaperFigures(double returnPct, double volatilityPct, double sharpe, double maxDrawdownPct) {
    }

    public static final PaperFigures PAPER_NASDAQ = new PaperFigures(21.25, 23.46, 0.780, -20.9);
    public static final PaperFigures PAPER_ONE_OVER_N = new PaperFigures(39.77, 24.81, 1.337, -19.3);
    public static final PaperFigures PAPER_STRATEGY = new PaperFigures(116.21, 26.68, 2.944, -13.1);

    /**
     * Everything the computation needs, read from the experiment (common sections plus the {@code portfolio}
     * section).
     *
     * @param historyStart first week used for training (null = all bundled history)
     * @param trainEnd     last Friday whose close the models may see in training; also the first decision date
     * @param testEnd      last Friday of the test; the last decision is the Friday before
     * @param validation   fraction of the training windows (the latest ones) held out for early stopping
     * @param trials       K of the Deflated Sharpe Ratio
     * @param cores        CPU cores: PyTorch threads per model are {@code max(1, cores / min(models, cores))}, and
     *                     the local engine trains at most this many models at once
     */
    public record Settings(List<Symbol> tickers, Symbol benchmark, LocalDate historyStart, LocalDate trainEnd,
                           LocalDate testEnd, String net, int lookback, int epochs, int batchSize, double learningRate,
                           int patience, double validation, long seed, double costBps, double capital,
                           String riskFree, double maxWeight, double tradeFraction, boolean allowShort, int trials,
                           int cores, String source, ForecastSpec forecast, FeeModel fees, double maxGross) {
        public Settings {
            tickers = List.copyOf(tickers);
            if (tickers.size() < 2) {
                throw new UserInputException("weekly-12 needs at least 2 tickers, got " + tickers.size());
            }
            if (!trainEnd.isBefore(testEnd)) {
                throw new UserInputException("portfolio.train_end " + trainEnd + " must be before portfolio.test_end "
                        + testEnd);
            }
            if (historyStart != null && !historyStart.isBefore(trainEnd)) {
                throw new UserInputException("portfolio.history_start " + historyStart + " must be before train_end "
                        + trainEnd);
            }
        }

        public static Settings of(ExperimentConfig cfg) {
            ConfigSection p = cfg.section("portfolio");
            String hs = p.string("history_start", "all");
            LocalDate historyStart = hs.equalsIgnoreCase("all") ? null : p.parsed("history_start", null, LocalDate::parse);
            LocalDate trainEnd = p.parsed("train_end", "2022-06-24", LocalDate::parse);
            LocalDate testEnd = p.parsed("test_end", "2023-06-23", LocalDate::parse);
            double maxWeight = p.number("max_weight", PredictedChangeRebalancer.PAPER_CAP, 1e-6, 1);
            double tradeFraction = p.number("trade_fraction", PredictedChangeRebalancer.DEFAULT_TRADE_FRACTION, 0, 1);
            int trials = p.integer("dsr_trials", 1, 1, 1_000_000);
            int cores = p.integer("cores", 0, 0, 1024);
            p.rejectUnknownKeys();
            var d = cfg.data();
            var m = cfg.model();
            var b = cfg.backtest();
            ForecastSpec forecast = ForecastSpec.from(cfg, CloseOnly.NAME);
            return new Settings(d.tickers(), d.benchmark(), historyStart, trainEnd, testEnd, forecast.net(),
                    m.lookback(), m.epochs(), m.batchSize(), m.learningRate(), m.patience(), cfg.split().validation(),
                    cfg.seed(), b.costBps(), b.initialCapital(), b.riskFree(), maxWeight, tradeFraction,
                    cfg.signal().allowShort(), trials, cores == 0 ? Runtime.getRuntime().availableProcessors() : cores,
                    d.source(), forecast, b.fees(), b.maxGross(d.tickers().size() * maxWeight));
        }
    }

    /** Training and forecast record of one stock. */
    public record StockModel(String ticker, LocalDate historyStart, int trainWindows, int validWindows, int epochs,
                             int bestEpoch, double bestValidLoss, double[] predictedClose, double[] lastClose,
                             double[] actualNextClose, ForecastMetrics.Report report) {
    }

    /** The parts of a run that tests and the run folder use. */
    public record Result(long[] times, double[][] prices, double[][] predicted, double[] benchmark,
                         List<StockModel> models, WeeklyPortfolioLoop.Result strategy,
                         WeeklyPortfolioLoop.Result oneOverN, BacktestResult nasdaq, RiskFree riskFree,
                         Comparison comparison, String trainingTable, String forecastTable, String tearSheet,
                         WeeklyPortfolioLoop.Result platform, WeeklyPortfolioLoop.Result platformOneOverN,
                         Weekly12Baselines baselines) {
        /** A result without the baselines section (tests and the partial result of a run). */
        public Result(long[] times, double[][] prices, double[][] predicted, double[] benchmark,
                      List<StockModel> models, WeeklyPortfolioLoop.Result strategy,
                      WeeklyPortfolioLoop.Result oneOverN, BacktestResult nasdaq, RiskFree riskFree,
                      Comparison comparison, String trainingTable, String forecastTable, String tearSheet,
                      WeeklyPortfolioLoop.Result platform, WeeklyPortfolioLoop.Result platformOneOverN) {
            this(times, prices, predicted, benchmark, models, strategy, oneOverN, nasdaq, riskFree, comparison,
                    trainingTable, forecastTable, tearSheet, platform, platformOneOverN, null);
        }

        /** Weights set at decision row k (a copy). */
        public double[] weightsAt(int k) {
            return strategy.weights()[k];
        }
    }

    public RunOutcome run(ExperimentConfig cfg, RunContext ctx) {
        PrintStream out = ctx.out();
        Settings s = Settings.of(cfg);
        MarketData data = MarketData.of(cfg.data(), ctx);
        Map<Symbol, BarSeries> weekly = new LinkedHashMap<>();
        for (Symbol t : s.tickers()) {
            weekly.put(t, data.load(t, Interval.W1).adjusted());
        }
        BarSeries bench = data.load(s.benchmark(), Interval.W1).adjusted();
        out.println("=".repeat(96));
        out.printf(Locale.ROOT, "%s: LSTM-FORECAST WEEKLY PORTFOLIO OF %d STOCKS (seed 002, Liu)%n",
                cfg.name().toUpperCase(Locale.ROOT), s.tickers().size());
        out.println("Stocks: " + String.join(" ", s.tickers().stream().map(Symbol::value).toList())
                + "  (weekly Friday adjusted closes; source " + data.describeAll() + ")");
        out.printf(Locale.ROOT, "Train: %s .. %s (last %.0f%% of training windows validate); test: decisions %s .. "
                        + "%s, returns to %s%n", s.historyStart() == null ? "all history" : s.historyStart(), s.trainEnd(),
                s.validation() * 100, s.trainEnd(), s.testEnd().minusDays(7), s.testEnd());
        out.printf(Locale.ROOT, "Model: %s, %d-week window, lr %s, %s, batch %d, up to %d epochs (patience %d); "
                        + "rule: cap %.4f, trade %.2f, shorts %s; Table 2 in the paper's convention (same close, no costs), "
                        + "beside it the platform's (next open, %.1f bps on turnover, borrow, financing)%n",
                s.forecast().networkLabel(),
                s.lookback(), s.learningRate(), s.forecast().train().loss().name(), s.batchSize(), s.epochs(), s.patience(), s.maxWeight(), s.tradeFraction(),
                s.allowShort() ? "allowed" : "not allowed", s.costBps());
        out.println("=".repeat(96));
        try (RunFolder folder = RunFolder.create(ctx.runsDir(), cfg.name(), ctx.clock())) {
            Result r = compute(s, weekly, bench, out, ctx.progress(), ctx.runner());
            out.print("\n" + r.trainingTable() + "\n" + r.forecastTable());
            write(folder, cfg, s, r, weekly, bench, data);
            String extra = r.baselines() == null ? "" : "\n" + r.baselines().text();
            extra += "\n" + fidelity(s, r, data, folder);
            String summary = r.trainingTable() + "\n" + r.forecastTable() + "\n" + r.tearSheet() + extra;
            folder.writeText("summary.txt", summary);
            folder.writeTearSheet();
            var path = folder.commit();
            out.print("\n" + r.tearSheet() + extra);
            out.println("Run folder: " + path);
            return new RunOutcome(path, summary);
        }
    }

    /**
     * The whole computation on prepared weekly series (adjusted, Friday-labelled): per-stock models, weekly
     * forecasts, the strategy, 1/N and the benchmark, tables. Writes nothing; prints progress to {@code out}
     * (per stock as each model finishes when {@code progress}).
     */
    public Result compute(Settings s, Map<Symbol, BarSeries> weekly, BarSeries benchmark, PrintStream out,
                          boolean progress) {
        try (TaskRunner local = new LocalTaskRunner(s.cores())) {
            return compute(s, weekly, benchmark, out, progress, local);
        }
    }

    /**
     * As {@link #compute(Settings, Map, BarSeries, PrintStream, boolean)}, training the models as independent
     * {@link StockTraining} tasks on {@code runner} (local threads or a cluster; same answers either way, since
     * each task carries its data, seed and PyTorch thread count).
     */
    public Result compute(Settings s, Map<Symbol, BarSeries> weekly, BarSeries benchmark, PrintStream out,
                          boolean progress, TaskRunner runner) {
        // 1. The decision panel: every Friday from train_end to test_end, common to all stocks and the index.
        BarSeries first = weekly.get(s.tickers().get(0));
        long trainEnd = atMidnight(s.trainEnd());
        long testEnd = atMidnight(s.testEnd());
        int from = lastAtOrBefore(first, trainEnd);
        int to = lastAtOrBefore(first, testEnd);
        if (from < 0 || to <= from) {
            throw new UserInputException(first.symbol() + ": no weekly bars between " + s.trainEnd() + " and "
                    + s.testEnd());
        }
        long[] times = Arrays.copyOfRange(first.epochMillis(), from, to + 1);
        int rows = times.length;
        int n = s.tickers().size();
        double[][] prices = new double[rows][n];
        double[][] predicted = new double[rows - 1][n];
        double[] bench = column(benchmark, times);

        // 2. Windows, scalers and training jobs per stock (per stock and fold with walk-forward retraining).
        LstmSpec spec = s.forecast().network(1);
        TrainConfig train = s.forecast().train();
        Retraining retrain = s.forecast().retrain();
        List<Prepared> prepared = new ArrayList<>();
        List<StockTraining> jobs = new ArrayList<>();
        List<List<Retraining.Fold>> folds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Symbol t = s.tickers().get(i);
            BarSeries w = weekly.get(t);
            if (w == null) {
                throw new UserInputException("no weekly prices for " + t);
            }
            Prepared p = prepare(s, w, times);
            for (int k = 0; k < rows; k++) {
                prices[k][i] = p.panelClose()[k];
            }
            prepared.add(p);
            if (!retrain.active()) {
                jobs.add(new StockTraining(t.value(), spec, s.seed() + i, p.train(), p.valid(), train, p.test()));
                folds.add(List.of());
            } else {
                List<Retraining.Fold> fs = retrain.folds(p.decisionFrom(), p.decisionFrom() + rows - 1, 1,
                        p.labelled().endIndex()[0]);
                folds.add(fs);
                int[] end = p.labelled().endIndex();
                int[] testBars = p.test().endIndex();
                for (int k = 0; k < fs.size(); k++) {
                    Retraining.Fold f = fs.get(k);
                    int a = firstAtOrAfter(end, f.trainFrom());
                    int b = firstAtOrAfter(end, f.trainTo() + 1);
                    int v = (int) Math.round((b - a) * s.validation());
                    if (b - a - v < 10) {
                        throw new UserInputException(t + ": a retraining fold has only " + (b - a - v)
                                + " training windows; use a longer model.retrain_window");
                    }
                    // the block of decision weeks this fold's model forecasts
                    int pa = firstAtOrAfter(testBars, f.predictFrom());
                    int pb = firstAtOrAfter(testBars, f.predictTo());
                    jobs.add(new StockTraining(t.value() + "#" + (k + 1), spec, s.seed() + i,
                            p.labelled().slice(a, b - v), v > 0 ? p.labelled().slice(b - v, b) : null, train,
                            pb > pa ? p.test().slice(pa, pb) : null));
                }
            }
        }
        // PyTorch threads per model depend only on the settings and the number of models, never on the engine:
        // results are bit-identical only for the same thread count, so local and cluster runs agree.
        int jobCount = jobs.size();
        int threads = Math.max(1, s.cores() / Math.max(1, Math.min(jobCount, s.cores())));
        for (int j = 0; j < jobCount; j++) {
            StockTraining job = jobs.get(j);
            jobs.set(j, new StockTraining(job.name(), job.spec(), job.seed(), job.train(), job.valid(),
                    job.config().withThreads(threads), job.forecast()));
        }
        // The local engine trains at most `cores` models at once, as before the task runner.
        TaskRunner shared = runner;
        TaskRunner own = runner instanceof LocalTaskRunner && runner.parallelism() > s.cores()
                ? new LocalTaskRunner(s.cores()) : null;
        TaskRunner engine = own != null ? own : shared;
        String cellName = spec.layers().get(0) instanceof LstmSpec.Recurrent r0 ? r0.cell().name() : "LSTM";
        out.printf(Locale.ROOT, "Training %d %ss (%,d weights each) with %d workers x %d PyTorch thread(s); "
                        + "retraining %s...%n", jobCount, cellName, spec.parameterCount(),
                Math.max(1, Math.min(jobCount, engine.parallelism())), threads, retrain.describe());
        if (!(engine instanceof LocalTaskRunner)) {
            out.println("Tasks run on " + engine.describe());
        }
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        List<StockTraining.Done> trained;
        try {
            trained = engine.map("train", jobs, StockTraining::run, (stage, index, finished, total) -> {
                if (progress) {
                    out.printf(Locale.ROOT, "  [%2d/%d] %-5s trained  (%.0f s)%n", done.incrementAndGet(), total,
                            jobs.get(index).name(), (System.nanoTime() - started) / 1e9);
                }
            });
        } finally {
            if (own != null) {
                own.close();
            }
        }

        // 3. Forecasts for each decision row, from the window ending at that row.
        List<StockModel> models = new ArrayList<>();
        // ---- baseline (issue 14): ridge on each stock's own windows, penalty chosen on its validation windows ----
        double[][] ridgePredicted = new double[rows - 1][n];
        double[] drifts = new double[n];
        List<LinearForecaster> ridgeFits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Prepared p = prepared.get(i);
            LinearForecaster lf = LinearForecaster.fit(p.train(), p.valid());
            ridgeFits.add(lf);
            double[] zr = lf.predict(p.test());
            for (int k = 0; k < rows - 1; k++) {
                ridgePredicted[k][i] = p.scaler().inverse(0, zr[k]);
            }
            drifts[i] = p.drift();
        }
        // ---- end of the ridge baseline ----
        int job = 0;
        for (int i = 0; i < n; i++) {
            Prepared p = prepared.get(i);
            StockTraining.Done m = trained.get(job);
            double[] z;
            if (!retrain.active()) {
                z = m.forecast();
                job++;
            } else {
                // each block of decision weeks from the model of its fold
                z = new double[p.test().samples()];
                int[] testBars = p.test().endIndex();
                for (Retraining.Fold f : folds.get(i)) {
                    int a = firstAtOrAfter(testBars, f.predictFrom());
                    int b = firstAtOrAfter(testBars, f.predictTo());
                    if (b > a) {
                        double[] part = trained.get(job).forecast();
                        System.arraycopy(part, 0, z, a, part.length);
                    }
                    job++;
                }
            }
            double[] pred = new double[rows - 1];
            double[] last = new double[rows - 1];
            double[] actual = new double[rows - 1];
            for (int k = 0; k < rows - 1; k++) {
                pred[k] = p.scaler().inverse(0, z[k]);
                last[k] = prices[k][i];
                actual[k] = prices[k + 1][i];
                predicted[k][i] = pred[k];
            }
            ForecastMetrics.Report report = ForecastMetrics.evaluate(actual, pred, last, p.drift(),
                    ForecastMetrics.Target.LEVEL);
            models.add(new StockModel(s.tickers().get(i).value(), p.historyStart(), p.train().samples(), p.valid().samples(),
                    m.history().epochs(), m.history().bestEpoch() + 1, m.history().bestLoss(), pred, last, actual,
                    report));
        }

        // 4. Portfolios: the strategy and 1/N through the weekly loop, the index as buy-and-hold.
        RiskFree rf = riskFree(s.riskFree(), times);
        double[] equal = new double[n];
        Arrays.fill(equal, 1.0 / n);
        var rule = new PredictedChangeRebalancer(s.tradeFraction(), s.maxWeight(), s.allowShort());
        // the paper's convention: filled at the decision's own close, no costs, no borrow fee, no financing spread,
        // gross up to N x the per-stock cap (the seed's own bound); then the platform's: next Monday open, the
        // experiment's fee model (10 bps, borrow, financing) and backtest.max_gross
        double paperGross = n * s.maxWeight();
        WeeklyPortfolioLoop.Result strategy = WeeklyPortfolioLoop.run("strategy", times, prices, null, predicted, rule,
                equal, FeeModel.FREE, paperGross, 52, ExecutionModel.SAME_CLOSE, s.capital(), rf.perPeriod());
        WeeklyPortfolioLoop.Result oneOverN = WeeklyPortfolioLoop.run("one_over_n", times, prices, null, null,
                new EqualWeightRebalancer(), equal, FeeModel.FREE, paperGross, 52, ExecutionModel.SAME_CLOSE,
                s.capital(), rf.perPeriod());
        double[][] opens = new double[rows][n];
        for (int i = 0; i < n; i++) {
            double[] o = opensOnRows(weekly.get(s.tickers().get(i)), times);
            for (int k = 0; k < rows; k++) {
                opens[k][i] = o[k];
            }
        }
        WeeklyPortfolioLoop.Result platform = WeeklyPortfolioLoop.run("strategy_platform", times, prices, opens,
                predicted, rule, equal, s.fees(), s.maxGross(), 52, ExecutionModel.NEXT_OPEN, s.capital(),
                rf.perPeriod());
        WeeklyPortfolioLoop.Result platformOneOverN = WeeklyPortfolioLoop.run("one_over_n_platform", times, prices,
                opens, null, new EqualWeightRebalancer(), equal, s.fees(), s.maxGross(), 52, ExecutionModel.NEXT_OPEN,
                s.capital(), rf.perPeriod());
        double[] ndxEquity = new double[rows];
        double[] ones = new double[rows];
        for (int k = 0; k < rows; k++) {
            ndxEquity[k] = s.capital() * bench[k] / bench[0];
            ones[k] = 1;
        }
        BacktestResult nasdaq = new BacktestResult("nasdaq", times, bench, ndxEquity, ones, new double[rows],
                new double[rows], List.of(), List.of(), s.capital());
        BacktestResult strat = strategy.toBacktestResult();
        Comparison cmp = deflateOver(Comparison.of(List.of(strat, oneOverN.toBacktestResult(), nasdaq), nasdaq, rf,
                52), strat, rf, s.trials());
        Result partial = new Result(times, prices, predicted, bench, models, strategy, oneOverN, nasdaq, rf, cmp,
                trainingTable(models, s), forecastTable(models), "", platform, platformOneOverN);
        // baselines under the paper's convention, like the strategy column they sit beside: same close, no costs
        Weekly12Baselines baselines = Weekly12Baselines.of(s.tickers().stream().map(Symbol::value).toList(), times,
                prices, predicted, ridgePredicted, drifts, ridgeFits, strategy, rule, equal, 0.0, s.capital(),
                rf.perPeriod());
        return new Result(times, prices, predicted, bench, models, strategy, oneOverN, nasdaq, rf, cmp,
                partial.trainingTable(), partial.forecastTable(), tearSheet(partial, s), platform, platformOneOverN,
                baselines);
    }
    /** The opens of a weekly series on the panel's rows (each row's own weekly bar). */
    private static double[] opensOnRows(BarSeries w, long[] times) {
        double[] out = new double[times.length];
        double[] o = w.opens();
        for (int k = 0; k < times.length; k++) {
            int i = w.indexAtOrAfter(times[k]);
            if (i < 0 || i >= w.size() || w.epochMillis(i) != times[k]) {
                throw new UserInputException(w.symbol() + ": no weekly bar on " + date(times[k]));
            }
            out[k] = o[i];
        }
        return out;
    }

    /** The benchmark fidelity section (issue 14, item 9): the Composite, the paper's and this run's windows. */
    private static String fidelity(Settings s, Result r, MarketData data, RunFolder folder) {
        BarSeries composite;
        try {
            composite = data.load(Symbol.of("^IXIC"), Interval.D1);
        } catch (RuntimeException e) {
            composite = null;
        }
        double[] b = r.benchmark();
        LocalDate from = date(r.times()[0]);
        LocalDate to = date(r.times()[r.times().length - 1]);
        double ret = b[b.length - 1] / b[0] - 1;
        folder.writeJson("benchmark_fidelity.json", BenchmarkFidelity.json(composite, s.benchmark().value(), ret, from,
                to));
        return BenchmarkFidelity.text(composite, s.benchmark().value(), ret, from, to);
    }

    /** One stock's training data and inference windows. */
    private record Prepared(Windows train, Windows valid, Windows test, MinMaxScaler scaler, double drift,
                            double[] panelClose, LocalDate historyStart, Windows labelled, int decisionFrom) {
    }

    private static int firstAtOrAfter(int[] sorted, int bar) {
        int k = Arrays.binarySearch(sorted, bar);
        return k >= 0 ? k : -k - 1;
    }

    /**
     * Windows of one stock: training and validation windows are those whose target week is at or before
     * train_end (validation = the latest {@code validation} share of them); the scaler (one for inputs and target,
     * both prices) is fitted on the closes the training windows see, validation weeks excluded; the inference
     * windows end at each decision row.
     */
    private static Prepared prepare(Settings s, BarSeries w, long[] times) {
        int firstRow = s.historyStart() == null ? 0 : w.indexAtOrAfter(atMidnight(s.historyStart()));
        int lastRow = lastAtOrBefore(w, times[times.length - 1]);
        if (lastRow < 0 || w.epochMillis(lastRow) != times[times.length - 1]) {
            throw new UserInputException(w.symbol() + ": no weekly close on " + date(times[times.length - 1]));
        }
        BarSeries series = w.slice(firstRow, lastRow + 1);
        double[] close = series.closes();
        int decisionFrom = series.indexAtOrAfter(times[0]);
        int rows = times.length;
        if (decisionFrom + rows != series.size()) {
            throw new UserInputException(w.symbol() + ": weekly bars between " + date(times[0]) + " and "
                    + date(times[rows - 1]) + " do not match the first stock's (" + (series.size() - decisionFrom)
                    + " vs " + rows + " weeks)");
        }
        double[] panelClose = new double[rows];
        for (int k = 0; k < rows; k++) {
            if (series.epochMillis(decisionFrom + k) != times[k]) {
                throw new UserInputException(w.symbol() + ": no weekly close on " + date(times[k]));
            }
            panelClose[k] = close[decisionFrom + k];
        }
        FeatureMatrix raw = FeatureSets.byName(CloseOnly.NAME).compute(series, null);
        double[] target = Targets.nextClose(close);
        // Labelled windows: decision bars before the first decision row (their target is at or before train_end).
        Windows shape = Windowing.build(raw, target, s.lookback(), 0, decisionFrom);
        int windows = shape.samples();
        int valid = (int) Math.round(windows * s.validation());
        int trainCount = windows - valid;
        if (trainCount < 10) {
            throw new UserInputException(w.symbol() + ": only " + trainCount + " training windows of " + s.lookback()
                    + " weeks before " + s.trainEnd() + "; use an earlier portfolio.history_start");
        }
        int lastTrainBar = shape.endIndex()[trainCount - 1];
        MinMaxScaler scaler = MinMaxScaler.fit(raw, 0, lastTrainBar + 2);
        FeatureMatrix scaled = scaler.transform(raw);
        double[] y = scaler.transform(0, target);
        Windows labelled = Windowing.build(scaled, y, s.lookback(), 0, decisionFrom);
        Windows test = Windowing.forInference(scaled, y, s.lookback(), decisionFrom, decisionFrom + rows - 1);
        if (test.samples() != rows - 1) {
            throw new UserInputException(w.symbol() + ": " + test.samples() + " forecast windows for " + (rows - 1)
                    + " decision weeks (too little history before " + date(times[0]) + ")");
        }
        double drift = ForecastMetrics.driftPerStep(Arrays.copyOfRange(close, 0, lastTrainBar + 2),
                ForecastMetrics.Target.LEVEL);
        // every labelled window up to the last known target, for walk-forward folds inside the test weeks
        Windows all = Windowing.build(scaled, y, s.lookback(), 0, series.size());
        return new Prepared(labelled.slice(0, trainCount), labelled.slice(trainCount, windows), test, scaler, drift,
                panelClose, series.date(0), all, decisionFrom);
    }

    /** The risk-free return of each week (row k → k+1): a bundled FRED series name or an annual rate. */
    static RiskFree riskFree(String spec, long[] times) {
        long[] starts = Arrays.copyOf(times, times.length - 1);
        try {
            double annual = Double.parseDouble(spec);
            return RiskFree.constant(annual, 52, starts.length);
        } catch (NumberFormatException e) {
            double[] r = RiskFreeRates.bundled().perPeriod(starts, spec, 52);
            return new RiskFree(r, "FRED " + spec.toUpperCase(Locale.ROOT)
                    + " (bundled), yield at each Friday, (1+y)^(1/52)-1 per week");
        }
    }

    /**
     * The DSR over the real trials: K = {@code trials} configurations of the strategy (1 = the paper's, the only one
     * this run tries; the benchmarks 1/N and the index are never trials, so their DSR is NaN). With K > 1 the other
     * trials are not observed here, so V[SR] is the sampling variance of an unskilled strategy's per-period Sharpe
     * over n returns, 1/(n − 1) (Lo 2002, SR = 0).
     */
    private static Comparison deflateOver(Comparison base, BacktestResult strategy, RiskFree rf, int trials) {
        double[] x = excess(strategy.returns(), rf.perPeriod());
        double v = trials > 1 && x.length > 1 ? 1.0 / (x.length - 1) : 0;
        List<PerformanceSummary> out = new ArrayList<>();
        out.add(base.rows().get(0).withDsr(org.quantlstm.report.ProbabilisticSharpe.dsr(x, trials, v)));
        for (int i = 1; i < base.rows().size(); i++) {
            out.add(base.rows().get(i).withDsr(Double.NaN));
        }
        return new Comparison(out, base.benchmark(), 0, trials, v);
    }

    private static double[] excess(double[] r, double[] rf) {
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i] - rf[i];
        }
        return x;
    }

    private static String trainingTable(List<StockModel> models, Settings s) {
        StringBuilder b = new StringBuilder("Per-stock LSTM training (MSE on min-max scaled prices; validation = "
                + "latest training weeks):\n");
        b.append(String.format(Locale.ROOT, "%-6s %-10s %7s %7s %7s %5s %12s%n", "stock", "from", "train", "valid",
                "epochs", "best", "valid MSE"));
        for (StockModel m : models) {
            b.append(String.format(Locale.ROOT, "%-6s %-10s %7d %7d %7d %5d %12.4g%n", m.ticker(), m.historyStart(),
                    m.trainWindows(), m.validWindows(), m.epochs(), m.bestEpoch(), m.bestValidLoss()));
        }
        return b.toString();
    }

    private static String forecastTable(List<StockModel> models) {
        StringBuilder b = new StringBuilder("Next-week close forecasts over the test weeks (LSTM vs persistence "
                + "'next = last'; direction = sign of the predicted change):\n");
        b.append(String.format(Locale.ROOT, "%-6s %11s %11s %8s %8s %8s %8s  %s%n", "stock", "RMSE LSTM",
                "RMSE pers.", "Theil U", "MAPE%", "dir.acc", "IC", "beats persistence?"));
        int beats = 0;
        double dirSum = 0;
        for (StockModel m : models) {
            var r = m.report();
            beats += r.beatsPersistence() ? 1 : 0;
            dirSum += r.model().directionalAccuracy();
            b.append(String.format(Locale.ROOT, "%-6s %11.4f %11.4f %8.3f %8.2f %8.3f %8.3f  %s%n", m.ticker(),
                    r.model().rmse(), r.persistence().rmse(), r.theilU(), r.model().mapePercent(),
                    r.model().directionalAccuracy(), r.model().ic(), r.beatsPersistence() ? "yes" : "NO"));
        }
        int n = models.size();
        double meanDir = dirSum / n;
        b.append(String.format(Locale.ROOT, "Verdict: the LSTM beats persistence on %d of %d stocks; mean "
                + "directional accuracy %.1f%% (50%% = coin flip). ", beats, n, meanDir * 100));
        if (beats <= n / 2) {
            b.append("As price forecasts the models add little or nothing over 'next week = this week'; any edge of "
                    + "the strategy comes from the sign and ranking of small predicted changes.\n");
        } else {
            b.append("The models improve on 'next week = this week' for most stocks.\n");
        }
        return b.toString();
    }

    private static String tearSheet(Result r, Settings s) {
        Comparison c = r.comparison();
        PerformanceSummary st = c.rows().get(0), eq = c.rows().get(1), nd = c.rows().get(2);
        int weeks = r.times().length - 1;
        StringBuilder b = new StringBuilder();
        b.append("=".repeat(96)).append('\n');
        b.append(String.format(Locale.ROOT, "ANNUALISED TEAR SHEET, %s .. %s (%d weekly returns, N = 52; risk-free %s)%n",
                date(r.times()[1]), date(r.times()[weeks]), weeks, "DGS2".equalsIgnoreCase(s.riskFree())
                        ? "2-year Treasury" : s.riskFree()));
        b.append("=".repeat(96)).append('\n');
        b.append(String.format(Locale.ROOT, "%-20s %12s %12s %12s %12s %12s %12s%n", "", "NASDAQ-100", "paper",
                "1/N", "paper", "Strategy", "paper"));
        b.append(String.format(Locale.ROOT, "%-20s %12.2f %12.2f %12.2f %12.2f %12.2f %12.2f%n", "Returns (%)",
                nd.cagr() * 100, PAPER_NASDAQ.returnPct(), eq.cagr() * 100, PAPER_ONE_OVER_N.returnPct(),
                st.cagr() * 100, PAPER_STRATEGY.returnPct()));
        b.append(String.format(Locale.ROOT, "%-20s %12.2f %12.2f %12.2f %12.2f %12.2f %12.2f%n", "Volatility (%)",
                nd.volatility() * 100, PAPER_NASDAQ.volatilityPct(), eq.volatility() * 100,
                PAPER_ONE_OVER_N.volatilityPct(), st.volatility() * 100, PAPER_STRATEGY.volatilityPct()));
        b.append(String.format(Locale.ROOT, "%-20s %12.3f %12.3f %12.3f %12.3f %12.3f %12.3f%n", "Sharpe Ratio",
                nd.sharpe(), PAPER_NASDAQ.sharpe(), eq.sharpe(), PAPER_ONE_OVER_N.sharpe(), st.sharpe(),
                PAPER_STRATEGY.sharpe()));
        b.append(String.format(Locale.ROOT, "%-20s %12.1f %12.1f %12.1f %12.1f %12.1f %12.1f%n", "Max Drawdown (%)",
                nd.maxDrawdown() * 100, PAPER_NASDAQ.maxDrawdownPct(), eq.maxDrawdown() * 100,
                PAPER_ONE_OVER_N.maxDrawdownPct(), st.maxDrawdown() * 100, PAPER_STRATEGY.maxDrawdownPct()));
        b.append(String.format(Locale.ROOT, "%-20s %12.3f %12s %12.3f %12s %12.3f %12s%n", "PSR (SR* = 0)",
                nd.psr(), "-", eq.psr(), "-", st.psr(), "-"));
        b.append(String.format(Locale.ROOT, "%-20s %12s %12s %12s %12s %12.3f %12s%n",
                "DSR (K = " + c.trials() + ")", "-", "-", "-", "-", st.dsr(), "-"));
        b.append(String.format(Locale.ROOT, "%-20s %12s %12s %12s %12s %12s %12s%n", "Gross exp. avg/max",
                grossText(nd), "-", grossText(eq), "-", grossText(st), "-"));
        b.append("-".repeat(96)).append('\n');
        b.append(String.format(Locale.ROOT, "Columns above: the paper's convention (filled at the decision's own Friday "
                + "close, no costs, no borrow fee; gross <= %.0f%% = %d stocks x %.4f).%n", s.tickers().size()
                * s.maxWeight() * 100, s.tickers().size(), s.maxWeight()));
        b.append(platformText(r, s));
        b.append("-".repeat(96)).append('\n');
        WeeklyPortfolioLoop.Result sp = r.strategy();
        b.append(String.format(Locale.ROOT, "Strategy: final equity $%,.0f from $%,.0f; mean one-way turnover %.1f%% "
                        + "a week; costs $%,.0f (paper's convention: none); beta to NASDAQ-100 %.2f%n",
                sp.equity()[weeks], s.capital(), sp.meanTurnover() * 100, sp.totalCosts(), st.beta()));
        b.append("Returns = CAGR (1+R)^(52/n)-1, here the 52-week total return; volatility = std(ddof=1)*sqrt(52); "
                + "Sharpe on weekly excess returns; MDD from weekly closes.\n");
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "DSR K = %d: configurations of the strategy tried in this run (the "
                + "benchmarks are never trials); choices made outside the run (the paper's network, window and rule) are "
                + "not counted: set portfolio.dsr_trials to count them.", c.trials()));
        if (st.dsr() < 0.95) {
            notes.add(String.format(Locale.ROOT, "The strategy's Sharpe is not significant after deflating for K = %d "
                    + "(DSR %.3f < 0.95); one year of 52 weekly returns is a short sample.", c.trials(), st.dsr()));
        }
        if (st.sharpe() < eq.sharpe()) {
            notes.add("The strategy did not beat 1/N of the same stocks on Sharpe ratio.");
        }
        if (st.cagr() < nd.cagr()) {
            notes.add("The strategy returned less than the NASDAQ-100 index.");
        }
        notes.forEach(x -> b.append("Note: ").append(x).append('\n'));
        return b.toString();
    }

    private static String grossText(PerformanceSummary p) {
        return String.format(Locale.ROOT, "%.2f/%.2f", p.grossMean(), p.grossMax());
    }

    /** Summaries of the platform-convention runs, against the same index and risk-free rate. */
    private static List<PerformanceSummary> platformRows(Result r) {
        return List.of(PerformanceSummary.of(r.platform().toBacktestResult(), r.nasdaq(), r.riskFree(), 52),
                PerformanceSummary.of(r.platformOneOverN().toBacktestResult(), r.nasdaq(), r.riskFree(), 52));
    }

    /** The platform's convention beside Table 2: next Monday open, the fee model, borrow, financing, gross limit. */
    private static String platformText(Result r, Settings s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "PLATFORM CONVENTION: filled at the next Monday open, %s; gross <= %.0f%%%n",
                s.fees().describe(), s.maxGross() * 100));
        b.append(String.format(Locale.ROOT, "%-20s %12s %12s %12s %12s %14s %12s %12s %12s%n", "", "Returns (%)",
                "Vol (%)", "Sharpe", "MDD (%)", "Gross avg/max", "Costs $", "Borrow $", "Financing $"));
        List<PerformanceSummary> rows = platformRows(r);
        String[] names = {"Strategy", "1/N"};
        for (int i = 0; i < 2; i++) {
            PerformanceSummary p = rows.get(i);
            b.append(String.format(Locale.ROOT, "%-20s %12.2f %12.2f %12.3f %12.1f %14s %,12.0f %,12.0f %,12.0f%n",
                    names[i], p.cagr() * 100, p.volatility() * 100, p.sharpe(), p.maxDrawdown() * 100, grossText(p),
                    p.totalCosts(), p.totalBorrow(), p.totalFinancing()));
        }
        return b.toString();
    }

    private void write(RunFolder folder, ExperimentConfig cfg, Settings s, Result r, Map<Symbol, BarSeries> weekly,
                       BarSeries bench, MarketData loaded) {
        folder.writeConfig(cfg, s);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", loaded.describeAll());
        data.put("sources", loaded.manifest());
        data.put("interval", "1wk");
        List<Object> series = new ArrayList<>();
        for (Symbol t : s.tickers()) {
            series.add(describe(weekly.get(t)));
        }
        series.add(describe(bench));
        data.put("series", series);
        folder.writeJson("data.json", data);

        ResultWriter w = new ResultWriter();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("system", SYSTEM);
        metrics.put("conventions", conventions(s, r));
        Map<String, Object> sheet = new LinkedHashMap<>();
        String[] keys = {"strategy", "one_over_n", "nasdaq"};
        PaperFigures[] paper = {PAPER_STRATEGY, PAPER_ONE_OVER_N, PAPER_NASDAQ};
        for (int i = 0; i < 3; i++) {
            PerformanceSummary p = r.comparison().rows().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("annualised_return", p.cagr());
            row.put("volatility", p.volatility());
            row.put("sharpe", p.sharpe());
            row.put("max_drawdown", p.maxDrawdown());
            row.put("total_return", p.totalReturn());
            row.put("psr", p.psr());
            row.put("dsr", p.dsr());
            row.put("paper", paper[i]);
            sheet.put(keys[i], row);
        }
        metrics.put("tear_sheet", sheet);
        metrics.put("comparison", r.comparison());
        metrics.put("benchmarks", List.of("one_over_n", "nasdaq")); // never the "best strategy" in reports or runs
        metrics.put("platform_convention", org.quantlstm.common.Ordered.map("fill", "next Monday open",
                "fees", s.fees().describe(), "max_gross", s.maxGross(), "rows", platformRows(r)));
        Map<String, Object> turnover = new LinkedHashMap<>();
        turnover.put("strategy_mean_weekly", r.strategy().meanTurnover());
        turnover.put("one_over_n_mean_weekly", r.oneOverN().meanTurnover());
        turnover.put("strategy_costs", r.strategy().totalCosts());
        turnover.put("one_over_n_costs", r.oneOverN().totalCosts());
        metrics.put("turnover", turnover);
        Map<String, Object> forecast = new LinkedHashMap<>();
        Map<String, Object> training = new LinkedHashMap<>();
        for (StockModel m : r.models()) {
            forecast.put(m.ticker(), m.report());
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("history_start", m.historyStart().toString());
            t.put("train_windows", m.trainWindows());
            t.put("valid_windows", m.validWindows());
            t.put("epochs", m.epochs());
            t.put("best_epoch", m.bestEpoch());
            t.put("best_valid_loss", m.bestValidLoss());
            training.put(m.ticker(), t);
        }
        metrics.put("forecast", forecast);
        metrics.put("training", training);
        if (r.baselines() != null) {
            metrics.put("baselines", r.baselines().json());
        }
        w.writeJson(folder.file("metrics.json"), metrics);
        w.writeEquity(folder.file("equity.csv"), List.of(r.strategy().toBacktestResult(),
                r.oneOverN().toBacktestResult(), r.nasdaq()));

        long[] times = r.times();
        StringBuilder wt = new StringBuilder("time");
        s.tickers().forEach(t -> wt.append(',').append(t.value()));
        wt.append('\n');
        double[][] weights = r.strategy().weights();
        for (int k = 0; k < weights.length; k++) {
            wt.append(java.time.Instant.ofEpochMilli(times[k]));
            for (double v : weights[k]) {
                wt.append(',').append(String.format(Locale.ROOT, "%.10f", v));
            }
            wt.append('\n');
        }
        folder.writeText("weights.csv", wt.toString());

        StringBuilder fc = new StringBuilder("date,ticker,close,predicted_next_close,predicted_change,"
                + "actual_next_close,actual_change\n");
        for (int k = 0; k < times.length - 1; k++) {
            for (int i = 0; i < s.tickers().size(); i++) {
                StockModel m = r.models().get(i);
                fc.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.8f,%.6f,%.8f%n", date(times[k]), m.ticker(),
                        m.lastClose()[k], m.predictedClose()[k], m.predictedClose()[k] / m.lastClose()[k] - 1,
                        m.actualNextClose()[k], m.actualNextClose()[k] / m.lastClose()[k] - 1));
            }
        }
        folder.writeText("forecasts.csv", fc.toString());

        org.quantlstm.report.Weekly12Charts.cumulativeReturns(times, List.of(r.strategy().toBacktestResult(), r.oneOverN()
                        .toBacktestResult(), r.nasdaq()), List.of("Strategy", "1/N", "NASDAQ-100"),
                folder.file("charts/cumulative_returns.png"));
        org.quantlstm.report.Weekly12Charts.weights(Arrays.copyOf(times, times.length - 1), weights,
                s.tickers().stream().map(Symbol::value).toList(), folder.file("charts/weights.png"));
    }

    private static Map<String, Object> describe(BarSeries b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", b.symbol().value());
        m.put("rows", b.size());
        m.put("first", b.date(0).toString());
        m.put("last", b.date(b.size() - 1).toString());
        m.put("sha256", DataFingerprint.sha256(b));
        return m;
    }

    private static Map<String, Object> conventions(Settings s, Result r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("periods_per_year", 52);
        c.put("risk_free", r.riskFree().source());
        c.put("risk_free_conversion", "(1+rf)^(1/N) - 1");
        c.put("std_ddof", 1);
        c.put("returns", "simple, compounded weekly");
        c.put("annualised_return", "CAGR (1+R)^(52/n) - 1");
        c.put("cost_bps_on_turnover", 0);
        c.put("costs", "comparison (the paper's convention): none; platform_convention: the fee model on one-way "
                + "turnover sum|w_new - w_drifted| x equity, paid at each rebalance, plus borrow and financing");
        c.put("fill", "comparison (the paper's convention): weights decided at Friday close t from data up to t, "
                + "filled at that close, earn close t -> t+1; platform_convention: filled at the next Monday open");
        c.put("max_gross_paper", s.tickers().size() * s.maxWeight());
        c.put("max_gross_platform", s.maxGross());
        c.put("platform_fees", s.fees().describe());
        c.put("initial_capital", s.capital());
        c.put("initial_weights", "1/N (the rule adjusts it at the first decision; buying in is turnover)");
        c.put("max_weight", s.maxWeight());
        c.put("trade_fraction", s.tradeFraction());
        c.put("allow_short", s.allowShort());
        c.put("one_over_n", "rebalanced to 1/N every week, same costs");
        c.put("benchmark", s.benchmark().value() + " index, buy and hold, no costs");
        c.put("psr_kurtosis", "raw (normal = 3)");
        c.put("dsr_trials", r.comparison().trials());
        c.put("seed", s.seed());
        c.put("history_start", s.historyStart() == null ? "all" : s.historyStart().toString());
        c.put("train_end", s.trainEnd().toString());
        c.put("test_end", s.testEnd().toString());
        return c;
    }

    private static double[] column(BarSeries s, long[] times) {
        double[] out = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            int i = s.indexAtOrAfter(times[k]);
            if (i >= s.size() || s.epochMillis(i) != times[k]) {
                throw new UserInputException(s.symbol() + ": no weekly close on " + date(times[k]));
            }
            out[k] = s.close(i);
        }
        return out;
    }

    private static int lastAtOrBefore(BarSeries s, long t) {
        int i = s.indexAtOrAfter(t);
        return i < s.size() && s.epochMillis(i) == t ? i : i - 1;
    }

    private static long atMidnight(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static LocalDate date(long t) {
        return LocalDate.ofEpochDay(Math.floorDiv(t, DAY));
    }
}
