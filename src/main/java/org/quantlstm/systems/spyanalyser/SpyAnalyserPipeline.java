package org.quantlstm.systems.spyanalyser;

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

    /** The parts of a run that tests compare (positions per strategy, forecasts, the table). */
    public record Result(ForecastStage.Boundary boundary, long[] times, double[] predictedReturn,
                         Map<String, double[]> positions, Comparison comparison, String forecastTable) {
    }

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
            String summary = summary(r);
            folder.writeText("summary.txt", r.forecastTable() + "\n" + summary);
            folder.writeTearSheet();
            var path = folder.commit();
            out.print(summary);
            out.println("Run folder: " + path);
            return new RunOutcome(path, r.forecastTable() + summary);
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

            if (folder != null) {
                write(folder, cfg, series, f, from, runs, bh, cmp, rf, ppy);
            }
            return new Result(f.boundary(), times, predicted, positions, cmp, forecastTable);
        }
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
                              int ppy) {
        ResultWriter w = new ResultWriter();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("system", cfg.system());
        metrics.put("conventions", conventions(cfg, rf, ppy));
        metrics.put("comparison", cmp);
        metrics.put("forecast", f.report());
        metrics.put("models_trained", f.modelsTrained());
        metrics.put("training", Map.of("epochs", f.history().epochs(), "best_epoch", f.history().bestEpoch() + 1,
                "train_loss", f.history().trainLoss(), "valid_loss", f.history().validLoss(),
                "train_windows", f.trainWindows(), "valid_windows", f.validWindows(), "test_windows", f.testWindows(),
                "valid_start", LocalDate.ofEpochDay(Math.floorDiv(f.boundary().validStart(), 86_400_000L)).toString(),
                "test_start", LocalDate.ofEpochDay(Math.floorDiv(f.boundary().testStart(), 86_400_000L)).toString()));
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
