package org.quantlstm.systems.spyanalyser;

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
import org.quantlstm.backtest.CostModel;
import org.quantlstm.backtest.FillTiming;
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
                      ExperimentConfig.SignalConfig signal, ExperimentConfig.BacktestConfig backtest) {
    }

    /** The plan of an experiment (every key this system reads, typed and validated). */
    public static Plan plan(ExperimentConfig cfg) {
        var d = cfg.data();
        if (d.tickers().size() != 1) {
            throw new UserInputException(cfg.label() + ": data.tickers: spy-analyser trades one ticker; use data.ticker");
        }
        return new Plan(d.ticker(), d.source(), d.interval(), d.periodDays(),
                ForecastSpec.from(cfg, SpyAnalyser31.NAME), cfg.signal(), cfg.backtest());
    }

    /** The parts of a run that tests compare (positions per strategy, forecasts, the table, the verdicts). */
    public record Result(ForecastStage.Boundary boundary, long[] times, double[] predictedReturn,
                         Map<String, double[]> positions, Comparison comparison, String forecastTable,
                         Verdicts verdicts) {
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
    public record Verdicts(DieboldMariano.Result vsPersistence, DieboldMariano.Result vsDrift,
                           StationaryBootstrap bootstrap, double meanBlockLength,
                           Map<String, Map<String, StationaryBootstrap.Interval>> intervals, Pbo.Result pbo) {

        /** The console lines after the forecast table. */
        public String forecastText() {
            return dmText(vsPersistence, vsDrift);
        }

        /** The DM line and the plain verdict. */
        static String dmText(DieboldMariano.Result vsPersistence, DieboldMariano.Result vsDrift) {
            if (vsPersistence == null) {
                return "Diebold-Mariano: too few test forecasts for a test (at least 3 needed).\n";
            }
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Diebold-Mariano (HLN, squared errors): LSTM vs persistence DM=%.3f, "
                    + "p=%.3f; LSTM vs drift DM=%.3f, p=%.3f%n", vsPersistence.statistic(), vsPersistence.pValue(),
                    vsDrift.statistic(), vsDrift.pValue()));
            b.append("Verdict at 5 %: the LSTM's squared errors are ").append(against(vsPersistence, "persistence's"))
                    .append(", and ").append(against(vsDrift, "drift's")).append(String.format(Locale.ROOT,
                            " (two-sided, n=%d, Newey-West lag %d).%n", vsPersistence.n(), vsPersistence.lag()));
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
            String summary = summary(r) + r.verdicts().strategyText();
            folder.writeText("summary.txt", r.forecastTable() + r.verdicts().forecastText() + "\n" + summary);
            folder.writeTearSheet();
            var path = folder.commit();
            out.print(summary);
            out.println("Run folder: " + path);
            return new RunOutcome(path, r.forecastTable() + r.verdicts().forecastText() + summary);
        }
    }

    /**
     * The whole computation on a prepared series. With {@code boundary} given the split is pinned to those decision
     * times (used to show that truncating the history does not change earlier signals); {@code folder} may be null
     * (nothing written).
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
            String forecastTable = "Next-close forecasts on the test segment (price units):\n" + f.report().table();
            out.print(forecastTable);
            DieboldMariano.Result[] dm = dieboldMariano(spec, series, f);
            out.print(Verdicts.dmText(dm[0], dm[1]));

            // Backtest on the test segment: decisions at each test bar's close, fills at the next bar.
            BarSeries adj = series.adjusted();
            int from = f.testStart();
            int n = adj.size();
            long[] times = Arrays.copyOfRange(adj.epochMillis(), from, n);
            Prices prices = new Prices(series.symbol().value(), times, Arrays.copyOfRange(adj.opens(), from, n),
                    Arrays.copyOfRange(adj.closes(), from, n));
            double[] predicted = Arrays.copyOfRange(f.predictedReturn(), from, n);
            double[] volRatio = Arrays.copyOfRange(VolatilityRatio.causalRatio(adj.closes(), VolatilityRatio.SEED_WINDOW),
                    from, n);
            int ppy = series.interval().periodsPerYear();
            RiskFree rf = RiskFree.fromSpec(cfg.backtest().riskFree(), times, ppy);
            var b = cfg.backtest();
            var sig = cfg.signal();
            BacktestConfig bc = BacktestConfig.DEFAULT.withFill(FillTiming.parse(b.fill()))
                    .withCosts(new CostModel(b.costBps(), b.slippageBps(), b.minCost())).withCapital(b.initialCapital())
                    .withLimits(new RiskLimits(sig.stopLoss(), sig.takeProfit()));
            Backtester bt = new Backtester(bc, rf.perPeriod());
            out.printf(Locale.ROOT, "Testing 5 sizing methods, pure and as 30/70, 50/50, 70/30 hybrids (%s fills, %.1f bps costs%s)...%n",
                    b.fill(), b.costBps(), limitsText(sig));
            List<BacktestResult> runs = bt.seedSuite(prices, predicted, volRatio, sig.allowShort(), sig.threshold(),
                    List.of(SizingMethod.values()));
            // the benchmark is plain buy-and-hold: no stop-loss or take-profit
            BacktestResult bh = new Backtester(bc.withLimits(RiskLimits.NONE), rf.perPeriod()).buyAndHold(prices);
            Comparison cmp = Comparison.of(runs, bh, rf, ppy);
            Map<String, double[]> positions = new LinkedHashMap<>();
            runs.forEach(run -> positions.put(run.name(), run.position()));

            Verdicts v = verdicts(spec.seed(), dm, runs, bh, rf, ppy);
            if (folder != null) {
                write(folder, cfg, series, f, from, runs, bh, cmp, rf, ppy, v);
            }
            return new Result(f.boundary(), times, predicted, positions, cmp, forecastTable, v);
        }
    }

    /**
     * DM of the model's next-close forecasts against persistence (next = last close) and drift (last close + the
     * training segment's mean one-step change), on the same test bars as the forecast table.
     */
    private static DieboldMariano.Result[] dieboldMariano(ForecastSpec spec, BarSeries series, ForecastStage.Outcome f) {
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
        int k = 0;
        for (int t = f.testStart(); t + 1 < n; t++) {
            if (!Double.isNaN(pc[t])) {
                actual[k] = close[t + 1];
                model[k] = pc[t];
                persistence[k] = close[t];
                drifted[k] = close[t] + drift;
                k++;
            }
        }
        if (m < 3) {
            return new DieboldMariano.Result[]{null, null};
        }
        var loss = DieboldMariano.Loss.SQUARED;
        return new DieboldMariano.Result[]{DieboldMariano.test(actual, model, persistence, loss, 1),
                DieboldMariano.test(actual, model, drifted, loss, 1)};
    }

    /** Bootstrap intervals of every strategy and buy-and-hold, and the PBO of the strategies, seeded by the run. */
    private static Verdicts verdicts(long seed, DieboldMariano.Result[] dm, List<BacktestResult> runs,
                                     BacktestResult bh, RiskFree rf, int ppy) {
        double[] rfp = rf.perPeriod();
        double[] bhExcess = minus(bh.returns(), rfp);
        double b = StationaryBootstrap.optimalBlockLength(bhExcess);
        StationaryBootstrap boot = new StationaryBootstrap(RESAMPLES, b, seed);
        Map<String, Map<String, StationaryBootstrap.Interval>> intervals = new LinkedHashMap<>();
        if (bhExcess.length < 2) {
            return new Verdicts(dm[0], dm[1], boot, b, intervals, null);
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
        return new Verdicts(dm[0], dm[1], boot, b, intervals, pbo);
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
        return t.toString();
    }

    private static void write(RunFolder folder, ExperimentConfig cfg, BarSeries series, ForecastStage.Outcome f,
                              int from, List<BacktestResult> runs, BacktestResult bh, Comparison cmp, RiskFree rf,
                              int ppy, Verdicts v) {
        ResultWriter w = new ResultWriter();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("system", cfg.system());
        metrics.put("conventions", conventions(cfg, rf, ppy));
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
        w.writeJson(folder.file("metrics.json"), metrics);
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
    }

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
        return c;
    }

    private static String summary(Result r) {
        Comparison c = r.comparison();
        var best = c.rows().get(c.best());
        StringBuilder b = new StringBuilder();
        b.append("=".repeat(98)).append('\n').append("STRATEGY COMPARISON SUMMARY (test segment, after costs)\n");
        b.append("=".repeat(98)).append('\n').append(c.table());
        b.append(String.format(Locale.ROOT, "BEST STRATEGY: %s  (%s)  return %.1f%%  Sharpe %.2f  PSR %.3f  DSR %.3f%n",
                best.name().toUpperCase(Locale.ROOT), Comparison.typeOf(best.name()), best.totalReturn() * 100,
                best.sharpe(), best.psr(), best.dsr()));
        List<String> notes = new ArrayList<>();
        if (best.dsr() < 0.95) {
            notes.add(String.format(Locale.ROOT, "The best Sharpe is not significant after deflating for %d strategies "
                    + "(DSR %.3f < 0.95): treat it as luck until shown otherwise.", c.trials(), best.dsr()));
        }
        if (best.totalReturn() < c.benchmark().totalReturn()) {
            notes.add("The best strategy returned less than buy-and-hold over the same bars.");
        }
        notes.forEach(nline -> b.append("Note: ").append(nline).append('\n'));
        return b.toString();
    }
}
