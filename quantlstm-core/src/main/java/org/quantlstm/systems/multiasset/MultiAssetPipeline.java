package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.Conventions;
import org.quantlstm.workflow.DataFingerprint;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunFolder;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.LocalTaskRunner;
import org.quantlstm.workflow.TaskRunner;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Trade;
import org.quantlstm.common.DataSplit;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.portfolio.Allocation;
import org.quantlstm.portfolio.Bounds;
import org.quantlstm.portfolio.EfficientFrontier;
import org.quantlstm.portfolio.ExpectedReturns;
import org.quantlstm.portfolio.MeanVariance;
import org.quantlstm.portfolio.MertonAllocator;
import org.quantlstm.portfolio.OptimizerSpec;
import org.quantlstm.portfolio.SampleCovariance;
import org.quantlstm.report.Drawdown;
import org.quantlstm.report.MultiAssetCharts;
import org.quantlstm.report.ResultWriter;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.InMemoryStorage;
import org.quantlstm.tuning.OptunaStyleLog;
import org.quantlstm.tuning.Study;

/**
 * The multi-asset-4h system (seed 000) end to end. For each asset: its bars at its interval (hourly CFDs resampled
 * to 4 hours, daily futures/index as they are), the last {@code data.period_days} calendar days ending at the
 * common end (the earliest last bar among the assets, so that test segments overlap in time); an Optuna-style study
 * (TPE + median pruner by default, small budget, in memory: the trials go to trials.csv) tuning the LSTM and the
 * long/short thresholds on the validation segment ({@link AssetTuner}); the best configuration retrained on train +
 * validation and traded ONCE on the test segment with 10 bps costs and next-bar fills; its Deflated Sharpe Ratio
 * over the asset's trials. Then the seed's per-asset table, and the portfolio layer over the strategies' daily
 * returns on the dates all test segments share: efficient frontier (long-only, fully invested), tangent portfolio,
 * capital market line, the Merton/HJB portfolio, and a realised comparison of the HJB path with a static tangent.
 *
 * <p>Conventions: periods per year by interval (4h 1560, 1d 252; the daily portfolio panel 252); cash earns nothing;
 * std ddof = 1; max drawdown from the starting capital. The tangent and frontier over the test panel are ex post
 * (descriptive), as in the seed's figure; the realised HJB-vs-tangent comparison is causal (estimates from earlier
 * rows only).
 */
public final class MultiAssetPipeline {

    /** One asset's outcome. */
    public record AssetResult(Symbol symbol, Interval interval, int periodsPerYear, BarSeries series, DataSplit split,
                              List<FrozenTrial> trials, FrozenTrial best, AssetTuner.Evaluation test,
                              AssetTuner.Deflation deflation, Baselines.Report baselines, TrialPbo pbo) {
        /** Without the PBO over trials. */
        public AssetResult(Symbol symbol, Interval interval, int periodsPerYear, BarSeries series, DataSplit split,
                           List<FrozenTrial> trials, FrozenTrial best, AssetTuner.Evaluation test,
                           AssetTuner.Deflation deflation, Baselines.Report baselines) {
            this(symbol, interval, periodsPerYear, series, split, trials, best, test, deflation, baselines, null);
        }
    }

    public RunOutcome run(ExperimentConfig cfg, RunContext ctx) {
        PrintStream out = ctx.out();
        MultiAssetSettings ms = MultiAssetSettings.read(cfg);
        MarketData market = MarketData.of(cfg.data(), ctx);
        Map<Symbol, BarSeries> data = load(cfg, ms, market);
        out.println("=".repeat(100));
        out.printf(Locale.ROOT, "MULTI-ASSET 4H: %s (price + RSI) per asset, tuned on validation %s; %.0f bps costs, %s fills%n",
                cfg.model().cell().code().toUpperCase(Locale.ROOT),
                ms.goal() == AssetTuner.Goal.PROFIT_DD ? "profit - " + OptunaStyleLog.number(ms.lambda()) + " x max drawdown"
                        : ms.goal().code(), cfg.backtest().costBps(), cfg.backtest().fill());
        Integer fixedEpochs = MultiAssetSettings.fixedEpochs(cfg);
        out.printf(Locale.ROOT, "Budget: %d trials per asset (%s sampler, %s pruner), epochs %s; split %.0f/%.0f/%.0f%n",
                ms.trials(), ms.sampler(), ms.pruner(), fixedEpochs != null ? fixedEpochs + " (model.epochs)"
                        : ms.space().epochsLow() + "-" + ms.space().epochsHigh(),
                100 * cfg.split().train() * (1 - cfg.split().validation()), 100 * cfg.split().train() * cfg.split().validation(),
                100 * (1 - cfg.split().train()));
        out.printf(Locale.ROOT, "Data: %s; network %s/%s, retraining %s%n", market.describeAll(), "multi-asset",
                cfg.model().cell().code(), cfg.model().retrain().describe());
        out.print(SeedAssets.lines(data.keySet().stream().map(Symbol::value).toList()));
        out.println("=".repeat(100));
        try (RunFolder folder = RunFolder.create(ctx.runsDir(), cfg.name(), ctx.clock())) {
            List<AssetResult> results = tuneAssets(cfg, ms, data, ctx, out);
            if (cfg.model().retrain().active()) {
                out.printf(Locale.ROOT, "%nModels trained per asset for the test (walk-forward %s), besides one per tuning "
                        + "trial: %s%n", cfg.model().retrain().describe(), modelsTrained(results));
            }
            String table = table(results, cfg.backtest().initialCapital());
            Portfolio pf = portfolio(results, ms);
            StringBuilder summary = new StringBuilder();
            summary.append("=".repeat(132)).append('\n')
                    .append("PER-ASSET RESULTS (test segment, after costs; each asset traded with its own capital)\n")
                    .append("=".repeat(132)).append('\n').append(table).append('\n')
                    .append(Baselines.table(results.stream().map(r -> r.symbol().value()).toList(),
                            results.stream().map(AssetResult::baselines).toList()))
                    .append(pf.text());
            // ---- seed 000 figures (issue 14, item 9): HJB vs tangent smoothness, per-epoch training logs ----
            if (pf.comparisonOrNull() != null) {
                summary.append(SeedFigures.hjbVsTangentLine(pf.comparisonOrNull(), 252));
            }
            List<String> tickersRun = results.stream().map(r -> r.symbol().value()).toList();
            List<org.quantlstm.model.TrainingHistory> logs = results.stream().map(r -> r.test().history()).toList();
            summary.append(SeedFigures.trainingLogLines(tickersRun, logs));
            if (results.stream().noneMatch(r -> r.deflation().dsr() >= 0.95)) {
                summary.append("Note: no asset's test Sharpe is significant after deflating for its trials (all DSR < 0.95).\n");
            }
            write(folder, cfg, ms, results, pf, market);
            folder.writeText("training_log.csv", SeedFigures.trainingLogCsv(tickersRun, logs));
            if (pf.comparisonOrNull() != null) {
                SeedFigures.chart(folder, pf.dates(), pf.comparisonOrNull());
            }
            folder.writeText("summary.txt", summary.toString());
            folder.writeTearSheet();
            var path = folder.commit();
            out.print(summary);
            out.println("Run folder: " + path);
            return new RunOutcome(path, summary.toString());
        }
    }

    /** Every ticker at its interval, cut to the common end (if asked) and to the last period_days. */
    static Map<Symbol, BarSeries> load(ExperimentConfig cfg, MultiAssetSettings ms, MarketData market) {
        Map<Symbol, BarSeries> full = new LinkedHashMap<>();
        long end = Long.MAX_VALUE;
        for (Map.Entry<Symbol, Interval> e : ms.intervals().entrySet()) {
            BarSeries s = market.load(e.getKey(), e.getValue());
            full.put(e.getKey(), s);
            end = Math.min(end, s.epochMillis(s.size() - 1));
        }
        Map<Symbol, BarSeries> out = new LinkedHashMap<>();
        for (Map.Entry<Symbol, BarSeries> e : full.entrySet()) {
            BarSeries s = e.getValue();
            if (ms.commonEnd()) {
                int to = s.indexAtOrAfter(end + 1);
                s = s.slice(0, to);
            }
            out.put(e.getKey(), MarketData.lastCalendarDays(s, cfg.data().periodDays()));
        }
        return out;
    }

    /**
     * Every asset as an independent {@link AssetTask} on the run's task runner (local threads or a cluster), results
     * in asset order. Each asset's console block is printed when its task finishes, followed by a progress line.
     * The PyTorch threads per training are fixed here, in the driver, so that local and cluster runs agree; the
     * local engine runs at most cores / (jobs × threads) assets at once, so it uses the cores it used before.
     */
    static List<AssetResult> tuneAssets(ExperimentConfig cfg, MultiAssetSettings ms, Map<Symbol, BarSeries> data,
                                        RunContext ctx, PrintStream out) {
        int threads = ms.threadsPerTraining();
        List<BarSeries> series = new ArrayList<>(data.values());
        List<AssetTask> tasks = new ArrayList<>();
        List<DataSplit> splits = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            BarSeries s = series.get(k);
            int ppy = ms.periodsPerYear(s.symbol(), s.interval());
            // the split is checked here, before any task starts (too few bars is the user's error)
            splits.add(new AssetTuner(ms.tunerSettings(cfg, ppy, threads)).split(s.size()));
            tasks.add(AssetTask.of(cfg, s, cfg.seed() + k, threads));
        }
        TaskRunner shared = ctx.runner();
        int cap = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, ms.jobs() * threads));
        TaskRunner own = shared instanceof LocalTaskRunner && shared.parallelism() > cap ? new LocalTaskRunner(cap)
                : null;
        TaskRunner engine = own != null ? own : shared;
        out.printf(Locale.ROOT, "Tuning %d assets as independent tasks on %s: %d at once, %d trial job%s x %d PyTorch "
                        + "thread%s each%n", tasks.size(), engine.describe(),
                Math.max(1, Math.min(tasks.size(), engine.parallelism())), ms.jobs(), ms.jobs() == 1 ? "" : "s",
                threads, threads == 1 ? "" : "s");
        long started = System.nanoTime();
        List<AssetTask.Done> done = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        // progress runs on this thread once per finished task; the task's result is not known here, so the
        // console block is printed from the results below, and the progress line says which asset finished
        try {
            done = engine.map("tune", tasks, AssetTask::run, (stage, index, n, total) -> {
                if (ctx.progress()) {
                    out.printf(Locale.ROOT, "  [%d/%d] %s tuned and tested  (%.0f s)%n", finished.incrementAndGet(),
                            total, tasks.get(index).series().symbol(), (System.nanoTime() - started) / 1e9);
                }
            });
        } finally {
            if (own != null) {
                own.close();
            }
        }
        List<AssetResult> results = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            BarSeries s = series.get(k);
            out.print(done.get(k).console());
            results.add(AssetTask.result(done.get(k), s, splits.get(k), ms.periodsPerYear(s.symbol(), s.interval())));
        }
        return results;
    }

    /**
     * Tunes one asset ({@code samplerSeed} differs per asset so that assets do not share proposals) with
     * {@code threads} PyTorch threads per training; prints its block to {@code out}.
     */
    static AssetResult tuneAsset(ExperimentConfig cfg, MultiAssetSettings ms, BarSeries s, long samplerSeed,
                                 int threads, PrintStream out, TrainingListener listener) {
        int ppy = ms.periodsPerYear(s.symbol(), s.interval());
        AssetTuner tuner = new AssetTuner(ms.tunerSettings(cfg, ppy, threads));
        DataSplit split = tuner.split(s.size());
        out.printf(Locale.ROOT, "%n--- %s (%s, %d bars %s .. %s; train %d / validation %d / test %d) ---%n", s.symbol(),
                s.interval(), s.size(), s.date(0), s.date(s.size() - 1), split.trainEnd(), split.validSize(),
                split.testSize());
        Study study = Study.builder(new InMemoryStorage(), s.symbol().value()).direction(ms.goal().direction())
                .sampler(ms.newSampler(samplerSeed)).pruner(ms.newPruner()).listener(new OptunaStyleLog(out::println))
                .open();
        study.optimizeUntil(tuner.objective(s, listener), ms.trials(), ms.jobs());
        List<FrozenTrial> trials = study.trials();
        FrozenTrial best = AssetTuner.requireBest(study.bestTrial(), s.symbol().value());
        out.println(OptunaStyleLog.bestSummary(study.bestTrial()));
        AssetTuner.Evaluation test = tuner.evaluateOnTest(s, AssetTuner.Params.of(best.params(), tuner.settings().space()),
                listener);
        AssetTuner.Deflation d = tuner.deflate(test, trials, split.validSize());
        String how = cfg.model().retrain().active()
                ? "walk-forward " + cfg.model().retrain().describe() + ", " + test.modelsTrained() + " models, traded once"
                : "retrained on train+validation, traded once";
        out.printf(Locale.ROOT, "Test (%s): %s  DSR %.3f over %d trials%n", how, AssetTuner.describe(test, ppy), d.dsr(),
                d.trials());
        RidgeBaseline.Result ridge = RidgeBaseline.onTest(tuner, s, AssetTuner.Params.of(best.params(),
                tuner.settings().space()));
        Baselines.Report base = Baselines.of(s, test, tuner.settings().backtest(), tuner.settings().allowShort(), ppy,
                ridge);
        // issue 14 item 5: PBO over this asset's completed tuning trials on the validation segment
        TrialPbo pbo = TrialPbo.of(trials, tuner.validationReturns());
        out.println(pbo.line());
        return new AssetResult(s.symbol(), s.interval(), ppy, s, split, trials, best, test, d, base, pbo);
    }

    /** {@code XAUUSD 5, XAGUSD 5, …}: the models trained for each asset's test evaluation. */
    static String modelsTrained(List<AssetResult> results) {
        StringBuilder b = new StringBuilder();
        for (AssetResult r : results) {
            b.append(b.length() == 0 ? "" : ", ").append(r.symbol().value()).append(' ').append(r.test().modelsTrained());
        }
        return b.toString();
    }

    /** The seed's table (figure 7) plus the DSR; σ annualised by each asset's interval. */
    static String table(List<AssetResult> results, double capital) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-8s %-4s %13s %12s %8s %8s %11s %11s %8s %8s %6s %6s %6s%n", "Ticker",
                "Bar", "Final value", "P/L", "P/L %", "Win rate", "Avg profit", "Avg loss", "Max DD", "Sigma", "Trades",
                "PSR", "DSR"));
        double sumFinal = 0;
        for (AssetResult r : results) {
            BacktestResult bt = r.test().backtest();
            Row row = Row.of(bt, r.periodsPerYear());
            sumFinal += bt.finalEquity();
            b.append(String.format(Locale.ROOT, "%-8s %-4s %13.2f %+12.2f %+7.2f%% %8s %11s %11s %7.2f%% %7.2f%% %6d %6.3f %6.3f%n",
                    r.symbol().value(), r.interval().code(), bt.finalEquity(), row.pnl(), row.pnlPct() * 100,
                    pct(row.winRate()), cash(row.avgProfit()), cash(row.avgLoss()), row.maxDrawdown() * 100,
                    row.sigma() * 100, row.trades(), r.deflation().psr(), r.deflation().dsr()));
        }
        double avg = sumFinal / results.size();
        b.append(String.format(Locale.ROOT, "%-13s %13.2f %+12.2f %+7.2f%%  (equal capital in every asset)%n", "AVERAGE",
                avg, avg - capital, (avg / capital - 1) * 100));
        return b.toString();
    }

    /** One row of the table. */
    record Row(double pnl, double pnlPct, double winRate, double avgProfit, double avgLoss, double maxDrawdown,
               double sigma, int trades) {
        static Row of(BacktestResult bt, int ppy) {
            int wins = 0;
            int losses = 0;
            double sw = 0;
            double sl = 0;
            for (Trade t : bt.trades()) {
                if (t.pnl() > 0) {
                    wins++;
                    sw += t.pnl();
                } else if (t.pnl() < 0) {
                    losses++;
                    sl += t.pnl();
                }
            }
            int n = bt.trades().size();
            double sd = AssetTuner.std(bt.returns());
            return new Row(bt.finalEquity() - bt.initialCapital(), bt.totalReturn(), n == 0 ? Double.NaN : (double) wins / n,
                    wins == 0 ? Double.NaN : sw / wins, losses == 0 ? Double.NaN : sl / losses,
                    Drawdown.of(bt.equity()).maxDrawdown(), Double.isNaN(sd) ? 0 : sd * Math.sqrt(ppy), n);
        }
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String cash(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.2f", v);
    }

    /** The daily panel of strategy returns and what the portfolio layer made of it. */
    record Portfolio(List<LocalDate> dates, String[] names, double[][] equity, double[][] returns, double[] mu,
                     double[][] sigma, EfficientFrontier frontierOrNull, double[] hjbPoint, double[] hjbWeights,
                     MertonAllocator.Comparison comparisonOrNull, String text) {
    }

    /**
     * Daily equity of each strategy (its last bar of each UTC date) on the dates every test segment has, their
     * returns, and the frontier / tangent / HJB over them. Returns a text-only record when the shared dates are too
     * few.
     */
    static Portfolio portfolio(List<AssetResult> results, MultiAssetSettings ms) {
        List<TreeMap<LocalDate, Double>> daily = new ArrayList<>();
        TreeSet<LocalDate> common = null;
        for (AssetResult r : results) {
            TreeMap<LocalDate, Double> m = new TreeMap<>();
            long[] t = r.test().times();
            double[] e = r.test().backtest().equity();
            for (int i = 0; i < t.length; i++) {
                m.put(LocalDate.ofInstant(Instant.ofEpochMilli(t[i]), ZoneOffset.UTC), e[i]);
            }
            daily.add(m);
            if (common == null) {
                common = new TreeSet<>(m.keySet());
            } else {
                common.retainAll(m.keySet());
            }
        }
        String[] names = results.stream().map(r -> r.symbol().value()).toArray(String[]::new);
        List<LocalDate> dates = new ArrayList<>(common == null ? List.of() : common);
        int n = names.length;
        int rows = dates.size() - 1;
        StringBuilder text = new StringBuilder();
        text.append('\n').append("=".repeat(100)).append('\n')
                .append("PORTFOLIO OF THE STRATEGIES (daily returns on the ").append(dates.size())
                .append(" dates all test segments share; 252 periods/yr; cash earns nothing)\n")
                .append("=".repeat(100)).append('\n');
        if (n < 2 || rows < ms.merton().warmup() + 2) {
            text.append(String.format(Locale.ROOT, "Skipped: %d shared dates are too few (need %d for the HJB warm-up).%n",
                    dates.size(), ms.merton().warmup() + 3));
            return new Portfolio(dates, names, new double[0][], new double[0][], null, null, null, null, null, null,
                    text.toString());
        }
        double[][] eq = new double[dates.size()][n];
        for (int k = 0; k < dates.size(); k++) {
            for (int i = 0; i < n; i++) {
                eq[k][i] = daily.get(i).get(dates.get(k));
            }
        }
        double[][] ret = new double[rows][n];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < n; i++) {
                ret[k][i] = eq[k + 1][i] / eq[k][i] - 1;
            }
        }
        double[] mu = ExpectedReturns.historicalMean(ret);
        double[][] cov = SampleCovariance.estimate(ret);
        double rf = 0;
        int ppy = Interval.D1.periodsPerYear();
        OptimizerSpec spec = OptimizerSpec.of(Bounds.longOnly(n, Math.max(ms.maxWeight(), 1.0 / n)));
        EfficientFrontier frontier = null;
        try {
            frontier = new MeanVariance(spec).frontier(mu, cov, rf, 30);
        } catch (UserInputException | IllegalArgumentException | ArithmeticException e) {
            text.append("Efficient frontier unavailable: ").append(e.getMessage()).append('\n');
        }
        MertonAllocator merton = new MertonAllocator(ms.merton());
        double[] hw = merton.weightsAt(ret, rows - 1, rf);
        Allocation hjb = Allocation.evaluate(hw, mu, cov, rf);
        double hjbMu = rf;
        for (int i = 0; i < n; i++) {
            hjbMu += hw[i] * (mu[i] - rf);
        }
        double[] hjbPoint = {hjb.volatility(), hjbMu};
        MertonAllocator.Comparison cmp = null;
        try {
            cmp = merton.compareWithTangent(ret, rf, spec);
        } catch (UserInputException | IllegalArgumentException | ArithmeticException e) {
            text.append("HJB vs tangent comparison unavailable: ").append(e.getMessage()).append('\n');
        }
        text.append(String.format(Locale.ROOT, "%-24s %10s %10s %8s  %s%n", "portfolio (ex post, test)", "return/yr",
                "sigma/yr", "Sharpe", "weights"));
        if (frontier != null && frontier.tangent().isPresent()) {
            Allocation t = frontier.tangent().get();
            text.append(String.format(Locale.ROOT, "%-24s %9.2f%% %9.2f%% %8.2f  %s%n", "Tangent (max Sharpe)",
                    t.expectedReturn() * ppy * 100, t.volatility() * Math.sqrt(ppy) * 100,
                    t.sharpe() * Math.sqrt(ppy), weights(names, t.weights())));
        } else if (frontier != null) {
            text.append("Tangent: none (no portfolio beats the risk-free rate)\n");
        }
        text.append(String.format(Locale.ROOT, "%-24s %9.2f%% %9.2f%% %8.2f  %s (%s)%n", "HJB / Merton (gamma "
                        + OptunaStyleLog.number(ms.merton().riskAversion()) + ")", hjbMu * ppy * 100,
                hjb.volatility() * Math.sqrt(ppy) * 100, hjb.volatility() > 0 ? (hjbMu - rf) / hjb.volatility() * Math.sqrt(ppy) : 0,
                weights(names, hw), cashText(hw)));
        if (cmp != null) {
            text.append(String.format(Locale.ROOT, "Realised after a %d-day warm-up (causal): HJB dynamic return %+.2f%%, "
                            + "Sharpe %.2f, max DD %.2f%%; static tangent return %+.2f%%, Sharpe %.2f, max DD %.2f%%%n",
                    ms.merton().warmup(), cmp.dynamicStats().totalReturn() * 100, cmp.dynamicStats().annualSharpe(ppy),
                    cmp.dynamicStats().maxDrawdown() * 100, cmp.tangentStats().totalReturn() * 100,
                    cmp.tangentStats().annualSharpe(ppy), cmp.tangentStats().maxDrawdown() * 100));
        }
        return new Portfolio(dates, names, eq, ret, mu, cov, frontier, hjbPoint, hw, cmp, text.toString());
    }

    /**
     * The gross exposure of a weight vector and the cash it implies: 1 − Σw in cash when positive, else borrowed
     * (financed at the risk-free rate plus the fee model's spread in a backtest), e.g. "gross 200%, borrowing 100%".
     */
    static String cashText(double[] w) {
        double gross = 0, net = 0;
        for (double v : w) {
            gross += Math.abs(v);
            net += v;
        }
        double cash = 1 - net;
        return String.format(Locale.ROOT, "gross %.0f%%, %s %.0f%%", gross * 100, cash >= 0 ? "cash" : "borrowing",
                Math.abs(cash) * 100);
    }

    private static String weights(String[] names, double[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            if (Math.abs(w[i]) >= 0.005) {
                b.append(b.length() == 0 ? "" : " ").append(names[i]).append(String.format(Locale.ROOT, " %.0f%%", w[i] * 100));
            }
        }
        return b.length() == 0 ? "(none)" : b.toString();
    }

    private static void write(RunFolder folder, ExperimentConfig cfg, MultiAssetSettings ms, List<AssetResult> results,
                              Portfolio pf, MarketData market) {
        ResultWriter w = new ResultWriter();
        folder.writeConfig(cfg, MultiAssetSystem.planOf(cfg));
        Map<String, String> origin = new LinkedHashMap<>();
        market.loaded().forEach(l -> origin.put(l.series().symbol().value(), l.describe()));
        List<Map<String, Object>> data = new ArrayList<>();
        for (AssetResult r : results) {
            BarSeries s = r.series();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("symbol", s.symbol().value());
            d.put("source", origin.getOrDefault(s.symbol().value(), cfg.data().source()));
            d.put("interval", s.interval().code());
            d.put("rows", s.size());
            d.put("first", s.time(0).toString());
            d.put("last", s.time(s.size() - 1).toString());
            d.put("sha256", DataFingerprint.sha256(s));
            data.add(d);
        }
        folder.writeJson("data.json", org.quantlstm.common.Ordered.map("assets", data));

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("system", cfg.system());
        Map<String, Object> conv = new LinkedHashMap<>();
        Map<String, Integer> ppy = new LinkedHashMap<>();
        results.forEach(r -> ppy.put(r.symbol().value(), r.periodsPerYear()));
        conv.put("periods_per_year", ppy);
        conv.put("portfolio_periods_per_year", 252);
        conv.put("risk_free", "zero (cash earns nothing)");
        conv.put("risk_free_conversion", "(1+rf)^(1/N) - 1");
        conv.put("std_ddof", 1);
        conv.put("returns", "simple, compounded");
        conv.put("cost_bps_per_side", cfg.backtest().costBps());
        conv.put("slippage_bps", cfg.backtest().slippageBps());
        conv.put("fill", cfg.backtest().fill());
        conv.put("psr_kurtosis", "raw (normal = 3)");
        conv.put("split", org.quantlstm.common.Ordered.map("train_plus_validation", cfg.split().train(), "validation_share", cfg.split().validation()));
        conv.put("seed", cfg.seed());
        metrics.put("conventions", conv);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cell", cfg.model().cell().code());
        model.put("retrain", cfg.model().retrain().scheme().code());
        model.put("retrain_every", cfg.model().retrain().every());
        model.put("retrain_window", cfg.model().retrain().window());
        model.put("retrain_purge_bars", AssetTuner.PURGE);
        model.put("epochs", MultiAssetSettings.fixedEpochs(cfg) == null ? "tuned" : MultiAssetSettings.fixedEpochs(cfg));
        metrics.put("model", model);
        metrics.put("tuning", org.quantlstm.common.Ordered.map("trials_per_asset", ms.trials(), "objective", ms.goal().code(), "lambda", ms.lambda(),
                "sampler", ms.sampler(), "pruner", ms.pruner(), "space", ms.space(),
                "thresholds_unit", "std of the model's predicted returns on its training windows, from their mean"));
        List<Map<String, Object>> assets = new ArrayList<>();
        for (AssetResult r : results) {
            BacktestResult bt = r.test().backtest();
            Row row = Row.of(bt, r.periodsPerYear());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("ticker", r.symbol().value());
            a.put("interval", r.interval().code());
            a.put("test_start", Instant.ofEpochMilli(r.test().times()[0]).toString());
            a.put("test_end", Instant.ofEpochMilli(r.test().times()[r.test().times().length - 1]).toString());
            a.put("best_trial", r.best().number());
            a.put("best_value", r.best().value());
            a.put("best_params", r.best().params());
            a.put("final_value", bt.finalEquity());
            a.put("pnl", row.pnl());
            a.put("pnl_pct", row.pnlPct());
            a.put("win_rate_per_trade", nan(row.winRate()));
            a.put("avg_profit", nan(row.avgProfit()));
            a.put("avg_loss", nan(row.avgLoss()));
            a.put("max_drawdown", row.maxDrawdown());
            a.put("sigma_annual", row.sigma());
            a.put("trades", row.trades());
            a.put("psr", nan(r.deflation().psr()));
            a.put("dsr", nan(r.deflation().dsr()));
            a.put("dsr_trials", r.deflation().trials());
            a.put("dsr_sharpe_variance_source", r.deflation().varianceSource());
            a.put("test_rmse", nan(r.test().rmse()));
            a.put("models_trained", r.test().modelsTrained());
            if (r.pbo() != null) {
                a.put("pbo", r.pbo().json());
            }
            if (r.test().history() != null) {
                a.put("training_loss", r.test().history().trainLoss());
            }
            Baselines.Report base = r.baselines();
            a.put("constant_position", base.constant() == null ? null : base.constant().code());
            a.put("test_bars", base.testBars());
            Map<String, Object> bl = new LinkedHashMap<>();
            for (Baselines.Figures f : base.baselines()) {
                bl.put(f.name(), org.quantlstm.common.Ordered.map("total_return", nan(f.totalReturn()),
                        "sharpe", nan(f.sharpe()), "max_drawdown", nan(f.maxDrawdown())));
            }
            a.put("baselines", bl);
            if (base.ridge() != null) {
                a.put("ridge_constant_position", base.ridgeConstant() == null ? null : base.ridgeConstant().code());
                a.put("ridge_fit", base.ridgeFit());
                a.put("forecast_baselines", org.quantlstm.analytics.ForecastComparison.toMaps(base.forecasts()));
            }
            assets.add(a);
        }
        metrics.put("assets", assets);
        if (pf.mu() != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("dates", pf.dates().size());
            p.put("first", pf.dates().get(0).toString());
            p.put("last", pf.dates().get(pf.dates().size() - 1).toString());
            pf.frontierOrNull().tangent().ifPresent(t -> p.put("tangent_weights", named(pf.names(), t.weights())));
            p.put("hjb_weights", named(pf.names(), pf.hjbWeights()));
            if (pf.comparisonOrNull() != null) {
                p.put("hjb_realised", pf.comparisonOrNull().dynamicStats());
                p.put("tangent_realised", pf.comparisonOrNull().tangentStats());
            }
            metrics.put("portfolio", p);
        }
        w.writeJson(folder.file("metrics.json"), metrics);

        StringBuilder tc = new StringBuilder("ticker,number,state,value,duration_ms,params,degenerate\n");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (AssetResult r : results) {
            for (FrozenTrial t : r.trials()) {
                tc.append(r.symbol().value()).append(',').append(t.number()).append(',').append(t.state()).append(',')
                        .append(Double.isNaN(t.value()) ? "" : Double.toString(t.value())).append(',')
                        .append(t.durationMs()).append(',').append(csv(paramsJson(json, t.params()))).append(',')
                        .append(csv(t.userAttrs().getOrDefault("degenerate", ""))).append('\n');
            }
        }
        folder.writeText("trials.csv", tc.toString());

        List<BacktestResult> tests = results.stream().map(r -> r.test().backtest().named(r.symbol().value())).toList();
        w.writeTrades(folder.file("trades.csv"), tests);
        StringBuilder fc = new StringBuilder("ticker,time,close,predicted_next_close,predicted_return,position,actual_next_close\n");
        for (AssetResult r : results) {
            AssetTuner.Evaluation e = r.test();
            for (int i = 0; i < e.times().length; i++) {
                fc.append(String.format(Locale.ROOT, "%s,%s,%.6f,%s,%s,%.0f,%s%n", r.symbol().value(),
                        Instant.ofEpochMilli(e.times()[i]), e.close()[i], num(e.predictedClose()[i]),
                        num(e.predictedReturn()[i]), e.target()[i],
                        i + 1 < e.times().length ? String.format(Locale.ROOT, "%.6f", e.close()[i + 1]) : ""));
            }
        }
        folder.writeText("forecasts.csv", fc.toString());
        for (BacktestResult bt : tests) {
            w.writeEquity(folder.file("equity_" + safe(bt.name()) + ".csv"), List.of(bt));
        }
        writeCharts(folder, results, pf, w);
    }

    private static void writeCharts(RunFolder folder, List<AssetResult> results, Portfolio pf, ResultWriter w) {
        String ts = folder.timestamp();
        Map<String, List<Date>> times = new LinkedHashMap<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (AssetResult r : results) {
            List<Date> x = new ArrayList<>();
            for (long t : r.test().times()) {
                x.add(new Date(t));
            }
            times.put(r.symbol().value(), x);
            values.put(r.symbol().value(), r.test().backtest().equity());
            String name = safe(r.symbol().value());
            MultiAssetCharts.forecastVsActual(r.symbol().value() + " " + r.interval() + ": forecast vs actual, long/short entries"
                            + " (test segment)", x, r.test().close(), r.test().predictedClose(), r.test().target(),
                    r.test().backtest().equity(), folder.file("charts/" + name + "_forecast_" + ts + ".png"));
        }
        List<Date> avgX = new ArrayList<>();
        double[] avg = new double[0];
        if (pf.mu() != null) {
            int n = pf.names().length;
            avg = new double[pf.dates().size()];
            List<BacktestResult> daily = new ArrayList<>();
            long[] dt = new long[pf.dates().size()];
            for (int k = 0; k < dt.length; k++) {
                dt[k] = pf.dates().get(k).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                avgX.add(new Date(dt[k]));
                for (int i = 0; i < n; i++) {
                    avg[k] += pf.equity()[k][i] / n;
                }
            }
            for (int i = 0; i < n; i++) {
                double[] e = new double[dt.length];
                for (int k = 0; k < dt.length; k++) {
                    e[k] = pf.equity()[k][i];
                }
                daily.add(dailyResult(pf.names()[i], dt, e, results.get(i).test().backtest().initialCapital()));
            }
            daily.add(dailyResult("average", dt, avg, results.get(0).test().backtest().initialCapital()));
            w.writeEquity(folder.file("equity.csv"), daily);
        }
        MultiAssetCharts.portfolioValue(times, values, avgX, avg, "Portfolio value by ticker (test segments, after costs)",
                folder.file("charts/portfolio_value_" + ts + ".png"));
        int n = results.size();
        String[] names = new String[n];
        double[] sig = new double[n];
        double[] ret = new double[n];
        for (int i = 0; i < n; i++) {
            AssetResult r = results.get(i);
            Row row = Row.of(r.test().backtest(), r.periodsPerYear());
            names[i] = r.symbol().value();
            sig[i] = row.sigma() * 100;
            ret[i] = row.pnlPct() * 100;
        }
        MultiAssetCharts.returnVsSigma(names, sig, ret, 0, "Sigma (annualised, %)", "Return over the test segment (%)",
                folder.file("charts/return_vs_sigma_" + ts + ".png"));
        if (pf.frontierOrNull() != null) {
            int ppy = 252;
            List<Allocation> pts = pf.frontierOrNull().points();
            double[] fs = new double[pts.size()];
            double[] fm = new double[pts.size()];
            for (int i = 0; i < fs.length; i++) {
                fs[i] = pts.get(i).volatility() * Math.sqrt(ppy) * 100;
                fm[i] = pts.get(i).expectedReturn() * ppy * 100;
            }
            double[] tan = pf.frontierOrNull().tangent().map(t -> new double[] {t.volatility() * Math.sqrt(ppy) * 100,
                    t.expectedReturn() * ppy * 100}).orElse(null);
            double[] hjb = {pf.hjbPoint()[0] * Math.sqrt(ppy) * 100, pf.hjbPoint()[1] * ppy * 100};
            double[] as = new double[n];
            double[] am = new double[n];
            for (int i = 0; i < n; i++) {
                as[i] = Math.sqrt(pf.sigma()[i][i]) * Math.sqrt(ppy) * 100;
                am[i] = pf.mu()[i] * ppy * 100;
            }
            MultiAssetCharts.frontier(fs, fm, tan, hjb, 0, pf.names(), as, am, "Sigma (annualised, %)",
                    "Expected return (annualised, %)", folder.file("charts/efficient_frontier_" + ts + ".png"));
        }
    }

    private static BacktestResult dailyResult(String name, long[] times, double[] equity, double capital) {
        int m = times.length;
        return new BacktestResult(name, times, equity.clone(), equity.clone(), new double[m], new double[m], new double[m],
                List.of(), List.of(), capital);
    }

    private static Map<String, Double> named(String[] names, double[] w) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], w[i]);
        }
        return m;
    }

    private static Object nan(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.8f", v) : "";
    }

    private static String paramsJson(com.fasterxml.jackson.databind.ObjectMapper json, Map<String, Object> params) {
        try {
            return json.writeValueAsString(params);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise trial parameters", e);
        }
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
