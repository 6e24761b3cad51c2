package org.quantlstm.systems.spyanalyser;

import org.quantlstm.analytics.CorrelationTest;
import org.quantlstm.analytics.DieboldMariano;
import org.quantlstm.analytics.Pbo;
import org.quantlstm.analytics.StationaryBootstrap;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.Thresholds;
import org.quantlstm.workflow.Conventions;
import org.quantlstm.workflow.DataFingerprint;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.ForecastSpec;
import org.quantlstm.workflow.ForecastStage;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunFolder;
import org.quantlstm.workflow.RunOutcome;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.Prices;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.sets.SpyAnalyser31;
import org.quantlstm.model.ProgressBarListener;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.report.Comparison;
import org.quantlstm.report.EquityChart;
import org.quantlstm.report.ResultWriter;
import org.quantlstm.report.RiskFree;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.VolatilityRatio;

/**
 * The spy-analyser system (seed 001) end to end: prices → {@code spy-analyser-31} features → stacked BiLSTM on
 * 60-bar windows (70/30 chronological split, validation carved from the end of train) → next-close forecasts
 * with the naive baselines → five sizing methods, pure and as 30/70, 50/50, 70/30 hybrids → next-bar fills with
 * costs → the seed's table with trades and the Deflated Sharpe Ratio over every strategy compared → a run
 * folder with metrics, trades, equity, forecasts, the resolved config, the data hash and one chart per strategy.
 *
 * <p>Departures from the seed, all towards honesty: costs (10 bps) and next-open fills are on by default; cash
 * earns the Treasury bill rate; hybrids are built for all five methods (the seed built them for proportional
 * only), so the DSR deflates over 20 strategies.
 */
public final class SpyAnalyserPipeline {

    /**
     * The plan as applied: the series, the forecast spec, the signal and backtest settings. Built from the
     * experiment before any data is read; equal plans give identical runs.
     */
    public record Plan(Symbol ticker, String source, Interval interval, int periodDays, ForecastSpec forecast,
                      ExperimentConfig.SignalConfig signal, ExperimentConfig.BacktestConfig backtest, int seeds) {
    }

    /** The plan of an experiment (every key this system reads, typed and validated). */
    public static Plan plan(ExperimentConfig cfg) {
        var d = cfg.data();
        if (d.tickers().size() != 1) {
            throw new UserInputException(cfg.label() + ": data.tickers: spy-analyser trades one ticker; use data.ticker");
        }
        var robustness = cfg.section("robustness");
        int seeds = robustness.integer("seeds", 1, 1, 1000);
        robustness.rejectUnknownKeys();
        return new Plan(d.ticker(), d.source(), d.interval(), d.periodDays(),
                ForecastSpec.from(cfg, SpyAnalyser31.NAME), cfg.signal(), cfg.backtest(), seeds);
    }

    /** The parts of a run that tests compare (positions per strategy, forecasts, the table, the verdicts). */
    public record Result(ForecastStage.Boundary boundary, long[] times, double[] predictedReturn,
                         Map<String, double[]> positions, Comparison comparison, String forecastTable,
                         Verdicts verdicts, Selection.Choice choice, SeedRepeats.Figures figures,
                         Map<String, Object> metrics, List<String> warnings, String ticker) {
    }

    /** Warnings on the test segment's data: a stale risk-free tail, annualisation from less than a year. */
    static List<String> warnings(ExperimentConfig cfg, long[] times, int ppy) {
        List<String> w = new ArrayList<>();
        RiskFree.Staleness st = RiskFree.staleness(cfg.backtest().riskFree(), times, STALE_GRACE_DAYS);
        if (st != null && st.warning() != null) {
            w.add("Stale risk-free: " + st.warning() + ".");
        }
        int periods = Math.max(0, times.length - 1);
        if (periods < ppy) {
            w.add(String.format(Locale.ROOT, "Short sample: annualised figures (CAGR, volatility, Sharpe) extrapolate "
                    + "%d returns, %.2f of a year (%d periods per year).", periods, (double) periods / ppy, ppy));
        }
        return w;
    }

    /** Calendar days after a Treasury series' last observation before a period counts as stale (weekend + holiday). */
    static final int STALE_GRACE_DAYS = 4;

    /** The forecast tests: DM against persistence and drift (null below 3 forecasts) and the IC's t-test. */
    record ForecastTests(DieboldMariano.Result vsPersistence, DieboldMariano.Result vsDrift, CorrelationTest.Result ic) {
    }

    /** Everything computed from a trained model: forecast tests, the choice on validation, the test backtests. */
    record Evaluation(ForecastTests tests, Selection.Segment validation, Selection.Choice choice,
                      Selection.Segment test, Comparison comparison) {
    }

    /** Bootstrap resamples per interval: enough for stable 2.5 % / 97.5 % quantiles, cheap next to training. */
    static final int RESAMPLES = 1000;

    /** PBO's blocks S: at most 16 (Bailey et al.'s example), at least 10 periods per block. */
    static int pboBlocks(int periods) {
        return Math.min(16, (periods / 10) & ~1);
    }

    /**
     * The statistics behind the verdict: Diebold–Mariano tests of the model against persistence and drift,
     * stationary-bootstrap intervals of every strategy's (and buy-and-hold's) Sharpe, CAGR and maximum drawdown, and
     * the PBO of the strategy family. On a test segment too short for a statistic it is left out: the DM results
     * are null with fewer than 3 forecasts, {@code intervals} is empty with fewer than 2 returns, {@code pbo} is null
     * when there are too few periods for S ≥ 2 blocks of 10.
     */
    public record Verdicts(DieboldMariano.Result vsPersistence, DieboldMariano.Result vsDrift, CorrelationTest.Result ic,
                           StationaryBootstrap bootstrap, double meanBlockLength,
                           Map<String, Map<String, StationaryBootstrap.Interval>> intervals, Pbo.Result pbo) {

        /** The console lines after the forecast table. */
        public String forecastText() {
            return dmText(vsPersistence, vsDrift, ic);
        }

        /** The DM line, the IC's t-test and the plain verdict. */
        static String dmText(DieboldMariano.Result vsPersistence, DieboldMariano.Result vsDrift, CorrelationTest.Result ic) {
            if (vsPersistence == null) {
                return "Diebold-Mariano: too few test forecasts for a test (at least 3 needed).\n";
            }
            String icText = ic == null || Double.isNaN(ic.pValue()) ? "its IC is undefined (no variation in the "
                    + "forecast moves)" : "its IC is " + (ic.significant(0.05) ? (ic.r() > 0 ? "significantly above 0"
                    : "significantly BELOW 0") : "not significantly different from 0") + String.format(Locale.ROOT,
                    " (t=%.2f, p=%.3f)", ic.t(), ic.pValue());
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Diebold-Mariano (HLN, squared errors): LSTM vs persistence DM=%.3f, "
                    + "p=%.3f; LSTM vs drift DM=%.3f, p=%.3f%n", vsPersistence.statistic(), vsPersistence.pValue(),
                    vsDrift.statistic(), vsDrift.pValue()));
            if (ic != null && !Double.isNaN(ic.r())) {
                b.append(String.format(Locale.ROOT, "IC test (Pearson correlation of predicted and realised moves, t with "
                        + "n-2 df): IC=%.3f, t=%.3f, p=%.3f, n=%d%n", ic.r(), ic.t(), ic.pValue(), ic.n()));
            }
            b.append("Verdict at 5 %: the LSTM's squared errors are ").append(against(vsPersistence, "persistence's"))
                    .append(", and ").append(against(vsDrift, "drift's")).append(String.format(Locale.ROOT,
                            " (two-sided, n=%d, Newey-West lag %d); ", vsPersistence.n(), vsPersistence.lag()))
                    .append(icText).append(".\n");
            if (!vsPersistence.significant(0.05)) {
                b.append("So the forecast's edge over 'tomorrow = today' is not significant at 5 %: any lower RMSE above "
                        + "may be luck.\n");
            }
            return b.toString();
        }

        private static String against(DieboldMariano.Result r, String what) {
            if (!r.significant(0.05)) {
                return "not significantly different from " + what;
            }
            return (r.statistic() < 0 ? "significantly smaller than " : "significantly LARGER than ") + what;
        }

        /** The console block after the strategy summary. */
        public String strategyText() {
            StringBuilder b = new StringBuilder();
            if (intervals.isEmpty()) {
                return "UNCERTAINTY: the test segment has too few returns for bootstrap intervals or PBO.\n";
            }
            b.append(String.format(Locale.ROOT, "UNCERTAINTY: 95%% stationary-bootstrap intervals (Politis-Romano; %d "
                    + "resamples, mean block length %.1f bars by Politis-White on buy-and-hold, seed %d)%n",
                    bootstrap.resamples(), meanBlockLength, bootstrap.seed()));
            b.append(String.format(Locale.ROOT, "%-34s %8s   %s%n", "Method", "Sharpe", "95% interval"));
            intervals.forEach((name, m) -> {
                StationaryBootstrap.Interval s = m.get("sharpe");
                String iv = Double.isNaN(s.lower()) ? "-" : String.format(Locale.ROOT, "[%.2f, %.2f]", s.lower(),
                        s.upper());
                b.append(String.format(Locale.ROOT, "%-34s %8s   %s%n", name.equals(BENCHMARK) ? "Buy & Hold "
                        + "(Benchmark)" : name, Double.isNaN(s.estimate()) ? "-" : String.format(Locale.ROOT, "%.2f",
                        s.estimate()), iv));
            });
            List<StationaryBootstrap.Interval> withInterval = intervals.entrySet().stream()
                    .filter(e -> !e.getKey().equals(BENCHMARK)).map(e -> e.getValue().get("sharpe"))
                    .filter(i -> !Double.isNaN(i.lower())).toList();
            long straddle = withInterval.stream().filter(i -> i.contains(0)).count();
            int without = intervals.size() - 1 - withInterval.size();
            b.append(String.format(Locale.ROOT, "Sharpe intervals that contain 0: %d of %d%s.%n", straddle,
                    withInterval.size(), without == 0 ? "" : " (" + without + (without == 1 ? " strategy" : " strategies")
                            + " never held a position: no interval)"));
            if (pbo == null) {
                b.append("PBO: the test segment is too short for combinatorially symmetric cross-validation.\n");
            } else {
                b.append(String.format(Locale.ROOT, "PBO (CSCV, S=%d blocks of %d bars, %d splits, %d strategies by "
                        + "Sharpe of excess returns): %.3f - the in-sample best strategy ranks at or below the "
                        + "out-of-sample median in %.1f%% of splits%s.%n", pbo.blocks(), pbo.blockSize(), pbo.splits(),
                        pbo.strategies(), pbo.pbo(), pbo.pbo() * 100,
                        pbo.pbo() >= 0.5 ? " (choosing the best by its backtest is no better than chance)" : ""));
            }
            return b.toString();
        }
    }

    /** The key of buy-and-hold in {@link Verdicts#intervals()}. */
    static final String BENCHMARK = "buy_and_hold";

    public RunOutcome run(ExperimentConfig cfg, RunContext ctx) {
        PrintStream out = ctx.out();
        Plan plan = plan(cfg);
        MarketData data = MarketData.of(cfg.data(), ctx);
        BarSeries all = data.load(plan.ticker(), plan.interval());
        BarSeries series = MarketData.lastCalendarDays(all, plan.periodDays());
        out.println("=".repeat(78));
        out.printf(Locale.ROOT, "%s PREDICTION & STRATEGY ANALYSIS: %s%n", cfg.name().toUpperCase(Locale.ROOT), series.symbol());
        out.printf(Locale.ROOT, "Period: %d days (%.1f years), %d bars %s .. %s, source %s%n", plan.periodDays(),
                plan.periodDays() / 365.0, series.size(), series.date(0), series.date(series.size() - 1),
                data.describeFirst());
        out.println("=".repeat(78));

        try (RunFolder folder = RunFolder.create(ctx.runsDir(), cfg.name(), ctx.clock())) {
            TrainingListener listener = ctx.progress() ? new ProgressBarListener(out) : TrainingListener.SILENT;
            Result r = compute(cfg, series, null, listener, out, folder);
            String seedText = "";
            if (plan.seeds() > 1) {
                SeedRepeats.Summary seeds = repeat(cfg, series, r, plan.seeds(), ctx, out);
                r.metrics().put("seed_variance", seeds.json());
                seedText = seeds.text();
            }
            new ResultWriter().writeJson(folder.file("metrics.json"), r.metrics());
            folder.writeConfig(cfg, plan);
            Map<String, Object> dataJson = new LinkedHashMap<>();
            dataJson.put("symbol", series.symbol().value());
            dataJson.put("source", data.describeFirst());
            dataJson.put("interval", series.interval().code());
            dataJson.put("rows", series.size());
            dataJson.put("first", series.date(0).toString());
            dataJson.put("last", series.date(series.size() - 1).toString());
            dataJson.put("sha256", DataFingerprint.sha256(series));
            dataJson.put("series", data.manifest());
            folder.writeJson("data.json", dataJson);
            String summary = summary(r) + r.verdicts().strategyText() + seedText;
            folder.writeText("summary.txt", r.forecastTable() + r.verdicts().forecastText() + "\n" + summary);
            folder.writeTearSheet();
            var path = folder.commit();
            out.print(summary);
            out.println("Run folder: " + path);
            return new RunOutcome(path, r.forecastTable() + r.verdicts().forecastText() + summary);
        }
    }

    /**
     * The seed repeats: the run's own seed (already computed) plus seeds s+1 … s+N−1, each an independent task on the
     * run's task runner (train, forecast, choose on validation, read test; plain figures back), split pinned to the
     * run's. Each task's PyTorch threads are the cores divided among the tasks that run at once; progress per seed.
     */
    private static SeedRepeats.Summary repeat(ExperimentConfig cfg, BarSeries series, Result first, int n,
                                              RunContext ctx, PrintStream out) {
        long seed = cfg.seed();
        List<SeedRepeats.Task> tasks = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            tasks.add(new SeedRepeats.Task(seed + i));
        }
        var runner = ctx.runner();
        int parallel = Math.max(1, Math.min(runner.parallelism(), tasks.size()));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
        out.printf(Locale.ROOT, "Seed variance: %d more seeds (%d..%d) on %s, %d at a time...%n", tasks.size(), seed + 1,
                seed + n - 1, runner.describe(), parallel);
        SeedRepeats.Context context = SeedRepeats.Context.of(cfg, series, first.boundary(), threads);
        List<SeedRepeats.Figures> done = runner.map("seed", tasks, context::evaluate,
                (stage, index, count, total) -> out.printf(Locale.ROOT, "  seed %d finished (%d/%d)%n",
                        tasks.get(index).seed(), count, total));
        List<SeedRepeats.Figures> all = new ArrayList<>();
        all.add(first.figures());
        all.addAll(done);
        return new SeedRepeats.Summary(all);
    }

    /** One seed repeat: the run's computation with another seed, nothing printed or written. */
    static SeedRepeats.Figures figuresOf(ExperimentConfig cfg, BarSeries series, ForecastStage.Boundary boundary,
                                         long seed, int threads) {
        ForecastSpec base = plan(cfg).forecast();
        ForecastSpec spec = new ForecastSpec(base.featureSet(), base.target(), base.lookback(), base.trainFraction(),
                base.validFraction(), base.net(), base.cell(), base.hidden(), base.layers(), base.dropout(),
                base.train().withSeed(seed).withThreads(threads), base.retrain(), seed);
        try (ForecastStage.Outcome f = ForecastStage.run(spec, series, boundary, TrainingListener.SILENT)) {
            return figures(seed, f, evaluate(cfg, spec, series, f));
        }
    }

    private static SeedRepeats.Figures figures(long seed, ForecastStage.Outcome f, Evaluation ev) {
        var m = f.report().model();
        LinkedHashMap<String, double[]> strategies = new LinkedHashMap<>();
        double[] chosen = {Double.NaN, Double.NaN, Double.NaN};
        for (var row : ev.comparison().rows()) {
            double[] v = {row.sharpe(), row.totalReturn(), row.maxDrawdown()};
            strategies.put(row.name(), v);
            if (row.name().equals(ev.choice().chosen())) {
                chosen = v;
            }
        }
        return new SeedRepeats.Figures(seed, m.rmse(), m.ic(), m.directionalAccuracy(), ev.choice().chosen(), chosen,
                strategies);
    }

    /**
     * The whole computation on a prepared series. With {@code boundary} given the split is pinned to those decision
     * times (used to show that truncating the history does not change earlier signals); {@code folder} may be null
     * (nothing written). With a folder, every file but {@code metrics.json} is written; its content is
     * {@link Result#metrics()} (the caller may add to it, then writes it).
     */
    public Result compute(ExperimentConfig cfg, BarSeries series, ForecastStage.Boundary boundary,
                          TrainingListener listener, PrintStream out, RunFolder folder) {
        Plan plan = plan(cfg);
        ForecastSpec spec = plan.forecast();
        int lookback = spec.lookback();
        out.printf(Locale.ROOT, "Training %s model (%s, lookback=%d steps, target %s, retraining %s)...%n",
                spec.cell() == org.quantlstm.model.LstmSpec.Cell.GRU ? "GRU" : "LSTM", spec.networkLabel(), lookback,
                spec.target().code(), spec.retrain().describe());
        try (ForecastStage.Outcome f = ForecastStage.run(spec, series, boundary, listener)) {
            int feats = f.matrix().width();
            out.printf(Locale.ROOT, "Training sequences: (%d, %d, %d)  validation: (%d, %d, %d)  test: (%d, %d, %d)%n",
                    f.trainWindows(), lookback, feats, f.validWindows(), lookback, feats, f.testWindows(),
                    lookback, feats);
            if (f.modelsTrained() == 1) {
                out.printf(Locale.ROOT, "LSTM training complete: %d epochs, best epoch %d, best validation loss %.6f%n",
                        f.history().epochs(), f.history().bestEpoch() + 1, f.history().bestLoss());
            } else {
                out.printf(Locale.ROOT, "Walk-forward training complete: %d models (%s); the first: %d epochs, best "
                                + "validation loss %.6f%n", f.modelsTrained(), f.retrain().describe(),
                        f.history().epochs(), f.history().bestLoss());
            }
            // ridge baseline (issue 14): added lines after the forecast table, and ridge.json
            RidgeLine ridge = RidgeLine.of(spec, series, f);
            if (folder != null) {
                folder.writeJson("ridge.json", ridge.json());
            }
            String forecastTable = "Next-close forecasts on the test segment (price units):\n" + f.report().table()
                    + ridge.text();
            out.print(forecastTable);
            Evaluation ev = evaluate(cfg, spec, series, f);
            ForecastTests ft = ev.tests();
            out.print(Verdicts.dmText(ft.vsPersistence(), ft.vsDrift(), ft.ic()));
            var b = cfg.backtest();
            int ppy = series.interval().periodsPerYear();
            out.printf(Locale.ROOT, "Testing 5 sizing methods, pure and as 30/70, 50/50, 70/30 hybrids (%s fills, %.1f bps costs, "
                            + "borrow %.0f bps/yr, financing rf + %.0f bps/yr, gross <= %.0f%%%s)...%n",
                    b.fill(), b.costBps(), b.borrowBps(), b.financingSpreadBps(), b.engine(ppy, 1.0).maxGross() * 100,
                    limitsText(cfg.signal()));
            Selection.Segment test = ev.test();
            Comparison cmp = ev.comparison();
            Map<String, double[]> positions = new LinkedHashMap<>();
            test.runs().forEach(run -> positions.put(run.name(), run.position()));
            Verdicts v = verdicts(spec.seed(), ft, test.runs(), test.buyAndHold(), test.riskFree(), ppy);
            Map<String, Object> metrics = null;
            if (folder != null) {
                metrics = write(folder, cfg, series, f, f.testStart(), test.runs(), test.buyAndHold(), cmp,
                        test.riskFree(), ppy, v, ev);
            }
            double[] predicted = Arrays.copyOfRange(f.predictedReturn(), f.testStart(), series.size());
            return new Result(f.boundary(), test.times(), predicted, positions, cmp, forecastTable, v, ev.choice(),
                    figures(spec.seed(), f, ev), metrics, warnings(cfg, test.times(), ppy), series.symbol().value());
        }
    }

    /** Forecast tests, validation forecasts and the choice there, and the test backtests, from a trained model. */
    static Evaluation evaluate(ExperimentConfig cfg, ForecastSpec spec, BarSeries series, ForecastStage.Outcome f) {
        int ppy = series.interval().periodsPerYear();
        ForecastTests tests = forecastTests(spec, series, f);
        double[] vp = Selection.validationForecasts(spec, series, f);
        Selection.Segment valid = null;
        Selection.Choice choice;
        if (vp == null) {
            choice = Selection.Choice.unavailable("with walk-forward retraining (model.retrain) the test models are "
                    + "trained after the validation segment, so no train-only model forecasts it");
        } else {
            int vFrom = Selection.firstForecast(vp, 0, f.testStart());
            if (vFrom >= f.testStart()) {
                choice = Selection.Choice.unavailable("the split has no validation segment (split.validation = 0)");
            } else {
                valid = Selection.backtest(cfg, series, vp, vFrom, f.testStart());
                choice = Selection.choose(valid, ppy);
            }
        }
        Selection.Segment test = Selection.backtest(cfg, series, f.predictedReturn(), f.testStart(), series.size());
        Comparison cmp = Comparison.of(test.runs(), test.buyAndHold(), test.riskFree(), ppy);
        return new Evaluation(tests, valid, choice, test, cmp);
    }

    /**
     * DM of the model's next-close forecasts against persistence (next = last close) and drift (last close + the
     * training segment's mean one-step change), on the same test bars as the forecast table, and the t-test of the
     * IC (predicted against realised moves from the last close).
     */
    private static ForecastTests forecastTests(ForecastSpec spec, BarSeries series, ForecastStage.Outcome f) {
        double[] close = series.adjusted().closes();
        int n = close.length;
        int lastTrainBar = ForecastStage.prepare(spec, series, f.boundary()).lastTrainBar();
        double drift = org.quantlstm.model.ForecastMetrics.driftPerStep(Arrays.copyOfRange(close, 0, lastTrainBar + 2),
                org.quantlstm.model.ForecastMetrics.Target.LEVEL);
        double[] pc = f.predictedClose();
        int m = 0;
        for (int t = f.testStart(); t + 1 < n; t++) {
            if (!Double.isNaN(pc[t])) {
                m++;
            }
        }
        double[] actual = new double[m], model = new double[m], persistence = new double[m], drifted = new double[m];
        double[] predictedMove = new double[m], actualMove = new double[m];
        int k = 0;
        for (int t = f.testStart(); t + 1 < n; t++) {
            if (!Double.isNaN(pc[t])) {
                actual[k] = close[t + 1];
                model[k] = pc[t];
                persistence[k] = close[t];
                drifted[k] = close[t] + drift;
                predictedMove[k] = pc[t] - close[t];
                actualMove[k] = close[t + 1] - close[t];
                k++;
            }
        }
        CorrelationTest.Result ic = CorrelationTest.of(predictedMove, actualMove);
        if (m < 3) {
            return new ForecastTests(null, null, ic);
        }
        var loss = DieboldMariano.Loss.SQUARED;
        return new ForecastTests(DieboldMariano.test(actual, model, persistence, loss, 1),
                DieboldMariano.test(actual, model, drifted, loss, 1), ic);
    }

    /** Bootstrap intervals of every strategy and buy-and-hold, and the PBO of the strategies, seeded by the run. */
    private static Verdicts verdicts(long seed, ForecastTests dm, List<BacktestResult> runs,
                                     BacktestResult bh, RiskFree rf, int ppy) {
        double[] rfp = rf.perPeriod();
        double[] bhExcess = minus(bh.returns(), rfp);
        double b = StationaryBootstrap.optimalBlockLength(bhExcess);
        StationaryBootstrap boot = new StationaryBootstrap(RESAMPLES, b, seed);
        Map<String, Map<String, StationaryBootstrap.Interval>> intervals = new LinkedHashMap<>();
        if (bhExcess.length < 2) {
            return new Verdicts(dm.vsPersistence(), dm.vsDrift(), dm.ic(), boot, b, intervals, null);
        }
        List<double[]> excess = new ArrayList<>();
        for (BacktestResult r : runs) {
            double[] x = minus(r.returns(), rfp);
            excess.add(x);
            intervals.put(r.name(), intervalsOf(boot, r.returns(), x, ppy));
        }
        intervals.put(BENCHMARK, intervalsOf(boot, bh.returns(), bhExcess, ppy));
        int periods = bhExcess.length;
        int s = pboBlocks(periods);
        Pbo.Result pbo = null;
        if (s >= 2) {
            double[][] panel = new double[periods][runs.size()];
            for (int j = 0; j < runs.size(); j++) {
                for (int t = 0; t < periods; t++) {
                    panel[t][j] = excess.get(j)[t];
                }
            }
            pbo = Pbo.of(panel, s);
        }
        return new Verdicts(dm.vsPersistence(), dm.vsDrift(), dm.ic(), boot, b, intervals, pbo);
    }

    private static Map<String, StationaryBootstrap.Interval> intervalsOf(StationaryBootstrap boot, double[] r,
                                                                          double[] excess, int ppy) {
        Map<String, StationaryBootstrap.Interval> m = new LinkedHashMap<>();
        m.put("sharpe", boot.interval(excess, StationaryBootstrap.sharpe(ppy)));
        m.put("cagr", boot.interval(r, StationaryBootstrap.cagr(ppy)));
        m.put("max_drawdown", boot.interval(r, StationaryBootstrap.maxDrawdown()));
        return m;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static String limitsText(ExperimentConfig.SignalConfig sig) {
        StringBuilder t = new StringBuilder();
        if (sig.threshold() != Thresholds.SEED_BAND) {
            t.append(String.format(Locale.ROOT, ", binary band %.4f%%", sig.threshold() * 100));
        }
        if (sig.stopLoss() > 0) {
            t.append(String.format(Locale.ROOT, ", stop-loss %.2f%%", sig.stopLoss() * 100));
        }
        if (sig.takeProfit() > 0) {
            t.append(String.format(Locale.ROOT, ", take-profit %.2f%%", sig.takeProfit() * 100));
        }
        if (sig.trailingStop() > 0) {
            t.append(String.format(Locale.ROOT, ", trailing stop %.2f%%", sig.trailingStop() * 100));
        }
        if (!sig.entry().market()) {
            t.append(", ").append(sig.entry().describe());
        }
        return t.toString();
    }

    private static Map<String, Object> write(RunFolder folder, ExperimentConfig cfg, BarSeries series,
                                             ForecastStage.Outcome f, int from, List<BacktestResult> runs,
                                             BacktestResult bh, Comparison cmp, RiskFree rf, int ppy, Verdicts v,
                                             Evaluation ev) {
        ResultWriter w = new ResultWriter();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("system", cfg.system());
        Map<String, Object> conv = conventions(cfg, rf, ppy);
        RiskFree.Staleness stale = RiskFree.staleness(cfg.backtest().riskFree(), ev.test().times(), STALE_GRACE_DAYS);
        if (stale != null) {
            conv.put("risk_free_last_observation", stale.lastObservation().toString());
            conv.put("risk_free_stale_periods", stale.stalePeriods());
        }
        conv.put("test_periods", Math.max(0, ev.test().times().length - 1));
        conv.put("short_sample_annualisation", ev.test().times().length - 1 < ppy);
        metrics.put("conventions", conv);
        metrics.put("comparison", cmp);
        metrics.put("forecast", f.report());
        metrics.put("models_trained", f.modelsTrained());
        metrics.put("training", org.quantlstm.common.Ordered.map("epochs", f.history().epochs(), "best_epoch", f.history().bestEpoch() + 1,
                "train_loss", f.history().trainLoss(), "valid_loss", f.history().validLoss(),
                "train_windows", f.trainWindows(), "valid_windows", f.validWindows(), "test_windows", f.testWindows(),
                "valid_start", LocalDate.ofEpochDay(Math.floorDiv(f.boundary().validStart(), 86_400_000L)).toString(),
                "test_start", LocalDate.ofEpochDay(Math.floorDiv(f.boundary().testStart(), 86_400_000L)).toString()));
        metrics.put("forecast_tests", forecastTestsJson(v));
        metrics.put("bootstrap", bootstrapJson(v));
        metrics.put("pbo", pboJson(v));
        metrics.put("selection", selectionJson(ev.choice(), cmp, v));
        metrics.put("dsr", dsrJson(cmp));
        w.writeTrades(folder.file("trades.csv"), runs);
        w.writeEquity(folder.file("equity.csv"), Stream.concat(runs.stream(), Stream.of(bh)).toList());
        StringBuilder fc = new StringBuilder("date,close,predicted_next_close,predicted_return,actual_next_close\n");
        BarSeries adj = series.adjusted();
        for (int t = from; t < adj.size(); t++) {
            fc.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.8f,%s%n", adj.date(t), adj.close(t), f.predictedClose()[t],
                    f.predictedReturn()[t], t + 1 < adj.size() ? String.format(Locale.ROOT, "%.6f", adj.close(t + 1)) : ""));
        }
        folder.writeText("forecasts.csv", fc.toString());
        String ticker = series.symbol().value().replaceAll("[^A-Za-z0-9._-]", "_");
        EquityChart chart = EquityChart.standard();
        for (BacktestResult r : runs) {
            chart.write(r, bh, ticker + " " + r.name() + " (test segment, after costs)",
                    folder.file("charts/" + ticker + "_" + r.name() + "_" + folder.timestamp() + ".png"));
        }
        return metrics;
    }

    /** metrics.json "selection": the choice on validation and the chosen strategy's test figures. */
    private static Map<String, Object> selectionJson(Selection.Choice c, Comparison cmp, Verdicts v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "highest annualised Sharpe of excess returns on the validation segment (forecasts of the "
                + "trained model, same fills, costs and risk-free rate) among strategies that held a position there; "
                + "the test segment read once for the chosen strategy");
        m.put("segment", "validation");
        m.put("from", c.from() == null ? null : c.from().toString());
        m.put("to", c.to() == null ? null : c.to().toString());
        m.put("validation_returns", c.returns());
        m.put("chosen", c.chosen());
        if (c.unavailable() != null) {
            m.put("unavailable", c.unavailable());
        }
        m.put("not_eligible_never_held_a_position", c.notEligible());
        m.put("validation_sharpe", c.validationSharpe());
        cmp.rows().stream().filter(r -> r.name().equals(c.chosen())).findFirst().ifPresent(r -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("total_return", r.totalReturn());
            t.put("cagr", r.cagr());
            t.put("sharpe", r.sharpe());
            t.put("max_drawdown", r.maxDrawdown());
            t.put("psr", r.psr());
            t.put("dsr", r.dsr());
            t.put("trades", r.trades());
            var iv = v.intervals().get(r.name());
            if (iv != null) {
                t.put("sharpe_95", List.of(iv.get("sharpe").lower(), iv.get("sharpe").upper()));
            }
            m.put("test", t);
        });
        String best = cmp.rows().get(cmp.best()).name();
        m.put("best_on_test", best);
        m.put("best_on_test_note", "the seed's pick, ranked on the test segment itself: for reference, not a choice");
        return m;
    }

    /** metrics.json "dsr": K, V[SR] and where they come from. */
    private static Map<String, Object> dsrJson(Comparison cmp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trials", cmp.trials());
        m.put("trials_are", "every strategy configuration tried in this run; buy-and-hold is a benchmark, never a trial");
        m.put("sharpe_variance", cmp.sharpeVariance());
        m.put("variance_from", cmp.trials() - cmp.neverTraded().size());
        m.put("never_traded", cmp.neverTraded());
        m.put("outside_the_run", OUTSIDE_THE_RUN);
        return m;
    }

    /** The note on choices made before the run, which K does not count. */
    static final String OUTSIDE_THE_RUN = "K counts only the configurations tried in this run; the sizing rules, the "
            + "band, the network and the features were chosen outside it (by seed 001), so the DSR overstates the "
            + "significance if other variants were tried before.";

    private static Map<String, Object> forecastTestsJson(Verdicts v) {
        Map<String, Object> dm = new LinkedHashMap<>();
        if (v.vsPersistence() == null) {
            dm.put("note", "too few test forecasts (at least 3 needed)");
            return Map.of("diebold_mariano", dm);
        }
        dm.put("method", "Diebold-Mariano with the Harvey-Leybourne-Newbold correction, Newey-West (Bartlett) "
                + "long-run variance, two-sided Student t with n-1 df; negative statistic: the LSTM has smaller losses");
        dm.put("loss", "squared error of next-close forecasts (price units)");
        dm.put("horizon", v.vsPersistence().horizon());
        dm.put("lag", v.vsPersistence().lag());
        dm.put("vs_persistence", dmJson(v.vsPersistence()));
        dm.put("vs_drift", dmJson(v.vsDrift()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("diebold_mariano", dm);
        m.put("ic_test", icJson(v.ic()));
        return m;
    }

    private static Map<String, Object> icJson(CorrelationTest.Result ic) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "Pearson correlation of predicted and realised next-close moves from the last close; t = "
                + "r*sqrt((n-2)/(1-r^2)), two-sided Student t with n-2 df");
        m.put("ic", ic == null ? Double.NaN : ic.r());
        m.put("t", ic == null ? Double.NaN : ic.t());
        m.put("p_value", ic == null ? Double.NaN : ic.pValue());
        m.put("n", ic == null ? 0 : ic.n());
        m.put("significant_5pct", ic != null && ic.significant(0.05));
        return m;
    }

    private static Map<String, Object> dmJson(DieboldMariano.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statistic", r.statistic());
        m.put("p_value", r.pValue());
        m.put("mean_loss_difference", r.meanDifference());
        m.put("n", r.n());
        m.put("significant_5pct", r.significant(0.05));
        return m;
    }

    private static Map<String, Object> bootstrapJson(Verdicts v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "stationary bootstrap (Politis-Romano 1994), percentile intervals; Sharpe of excess returns, "
                + "CAGR and max drawdown of returns; every series resampled with the same indices");
        m.put("resamples", v.bootstrap().resamples());
        m.put("mean_block_length", v.meanBlockLength());
        m.put("block_length_rule", "Politis-White (2004, corrected 2009) on buy-and-hold excess returns");
        m.put("seed", v.bootstrap().seed());
        m.put("level", 0.95);
        Map<String, Object> rows = new LinkedHashMap<>();
        v.intervals().forEach((name, stats) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            stats.forEach((stat, iv) -> {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("estimate", iv.estimate());
                cell.put("lower", iv.lower());
                cell.put("upper", iv.upper());
                cell.put("valid_resamples", iv.valid());
                row.put(stat, cell);
            });
            rows.put(name, row);
        });
        m.put("intervals", rows);
        return m;
    }

    private static Map<String, Object> pboJson(Verdicts v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "combinatorially symmetric cross-validation (Bailey, Borwein, Lopez de Prado, Zhu 2017) over "
                + "the strategies' excess returns, performance = per-period Sharpe");
        Pbo.Result p = v.pbo();
        if (p == null) {
            m.put("pbo", Double.NaN);
            m.put("note", "test segment too short for S >= 2 blocks of 10 periods");
            return m;
        }
        m.put("pbo", p.pbo());
        m.put("blocks", p.blocks());
        m.put("block_size", p.blockSize());
        m.put("splits", p.splits());
        m.put("strategies", p.strategies());
        m.put("logits", p.logits());
        return m;
    }

    /** The base conventions plus this system's signal settings, network and retraining. */
    static Map<String, Object> conventions(ExperimentConfig cfg, RiskFree rf, int ppy) {
        Map<String, Object> c = Conventions.of(cfg, rf, ppy);
        c.put("binary_band", cfg.signal().threshold());
        c.put("stop_loss", cfg.signal().stopLoss());
        c.put("take_profit", cfg.signal().takeProfit());
        c.put("trailing_stop", cfg.signal().trailingStop());
        if (!cfg.signal().entry().market()) {
            c.put("entry_order", cfg.signal().entry().code());
            c.put("entry_offset", cfg.signal().entry().offset());
            c.put("entry_limit_offset", cfg.signal().entry().limitOffset());
            c.put("entry_expiry_bars", cfg.signal().entry().expiryBars());
        }
        c.put("max_gross", cfg.backtest().maxGross(1.0));
        return c;
    }

    private static String summary(Result r) {
        Comparison c = r.comparison();
        var best = c.rows().get(c.best());
        StringBuilder b = new StringBuilder();
        b.append(choiceText(r));
        b.append("=".repeat(98)).append('\n').append("STRATEGY COMPARISON SUMMARY (test segment, after costs)\n");
        b.append("Ranked on test, as the seed does: for reference only (a choice made from this table has seen the test "
                + "segment).\n");
        b.append("=".repeat(98)).append('\n').append(c.table());
        b.append(String.format(Locale.ROOT, "BEST ON TEST (the seed's pick, not an honest choice): %s  (%s)  return %.1f%%"
                        + "  Sharpe %.2f  PSR %.3f  DSR %.3f%n", best.name().toUpperCase(Locale.ROOT),
                Comparison.typeOf(best.name()), best.totalReturn() * 100, best.sharpe(), best.psr(), best.dsr()));
        List<String> notes = new ArrayList<>();
        var chosen = c.rows().stream().filter(x -> x.name().equals(r.choice().chosen())).findFirst().orElse(null);
        if (chosen != null) {
            if (Double.isNaN(chosen.sharpe())) {
                notes.add("The strategy chosen on validation never held a position on test.");
            } else if (!(chosen.dsr() >= 0.95)) {
                notes.add(String.format(Locale.ROOT, "The chosen strategy's test Sharpe is not significant after "
                        + "deflating for %d strategies (DSR %.3f < 0.95): treat it as luck until shown otherwise.",
                        c.trials(), chosen.dsr()));
            }
            if (chosen.totalReturn() < c.benchmark().totalReturn()) {
                notes.add("The chosen strategy returned less than buy-and-hold over the same bars.");
            }
            if (chosen.exposure() < NEAR_CASH) {
                notes.add(String.format(Locale.ROOT, "The chosen strategy held on average %.2f%% of equity in %s (time "
                        + "invested %.0f%%): its result is mostly cash earning the risk-free rate.",
                        chosen.exposure() * 100, r.ticker(), chosen.timeInvested() * 100));
            }
        }
        if (best.dsr() < 0.95) {
            notes.add(String.format(Locale.ROOT, "The best Sharpe on test is not significant after deflating for %d "
                    + "strategies (DSR %.3f < 0.95) either.", c.trials(), best.dsr()));
        }
        notes.add(OUTSIDE_THE_RUN);
        notes.addAll(r.warnings());
        notes.forEach(nline -> b.append("Note: ").append(nline).append('\n'));
        b.append(c.exposureTable());
        return b.toString();
    }

    /** Mean |weight| below which a strategy is called mostly cash. */
    static final double NEAR_CASH = 0.05;

    /** The honest choice: made on validation, then the test segment read once. */
    private static String choiceText(Result r) {
        Selection.Choice ch = r.choice();
        Comparison c = r.comparison();
        StringBuilder b = new StringBuilder();
        b.append("=".repeat(98)).append('\n');
        if (ch.chosen() == null) {
            b.append("CHOSEN ON VALIDATION: none - ").append(ch.unavailable()).append(".\n");
            if (!ch.notEligible().isEmpty()) {
                b.append("Cannot be chosen (never held a position on validation): ")
                        .append(String.join(", ", ch.notEligible())).append(".\n");
            }
            return b.toString();
        }
        long eligible = ch.validationSharpe().size() - ch.notEligible().size();
        b.append(String.format(Locale.ROOT, "CHOSEN ON VALIDATION (%d returns, %s .. %s, before the test segment; the "
                + "highest validation Sharpe of the %d strategies that held a position there)%n", ch.returns(),
                ch.from(), ch.to(), eligible));
        var row = c.rows().stream().filter(x -> x.name().equals(ch.chosen())).findFirst().orElseThrow();
        var iv = r.verdicts().intervals().get(ch.chosen());
        String interval = iv == null || Double.isNaN(iv.get("sharpe").lower()) ? "" : String.format(Locale.ROOT,
                " [95%%: %.2f, %.2f]", iv.get("sharpe").lower(), iv.get("sharpe").upper());
        b.append(String.format(Locale.ROOT, "chosen on validation: %s  (%s)  validation Sharpe %.2f%n",
                ch.chosen(), Comparison.typeOf(ch.chosen()), ch.validationSharpe().get(ch.chosen())));
        b.append(String.format(Locale.ROOT, "  on test (read once): return %.1f%%  Sharpe %s%s  Max DD %.1f%%  trades %d"
                        + "  PSR %.3f  DSR %.3f (K=%d)%n", row.totalReturn() * 100,
                Double.isNaN(row.sharpe()) ? "-" : String.format(Locale.ROOT, "%.2f", row.sharpe()), interval,
                row.maxDrawdown() * 100, row.trades(), row.psr(), row.dsr(), c.trials()));
        if (!ch.notEligible().isEmpty()) {
            b.append("Cannot be chosen (never held a position on validation): ")
                    .append(String.join(", ", ch.notEligible())).append(".\n");
        }
        if (ch.returns() < 60) {
            b.append(String.format(Locale.ROOT, "Note: %d validation returns is a short sample for choosing among %d "
                    + "strategies; the choice itself is noisy.%n", ch.returns(), ch.validationSharpe().size()));
        }
        return b.toString();
    }
}
