package org.quantlstm.systems.toy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.Prices;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.report.ResultWriter;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.Keys;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunFolder;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TradingSystem;

/**
 * A toy system for the leakage audit: over the last 120 bars, long when the trailing 20-bar drift is positive
 * (honest), or, as {@code toy-peek}, long when the NEXT close is higher (a deliberate one-bar look-ahead). It
 * writes {@code data.json}, {@code forecasts.csv} and {@code equity.csv} like the real systems.
 */
public final class PeekSystem implements TradingSystem {
    private static final Set<String> KEYS = Keys.of("data.ticker", "data.source", "backtest.cost_bps");
    private final boolean peek;

    /** The plan as applied. */
    public record Plan(Symbol ticker, String source, double costBps, boolean peek) {
    }

    private PeekSystem(boolean peek) {
        this.peek = peek;
    }

    /** The honest toy ({@code toy-honest}). */
    public static PeekSystem honest() {
        return new PeekSystem(false);
    }

    /** The toy that peeks one bar ahead ({@code toy-peek}). */
    public static PeekSystem peeking() {
        return new PeekSystem(true);
    }

    @Override
    public String name() {
        return peek ? "toy-peek" : "toy-honest";
    }

    @Override
    public String description() {
        return peek ? "long when the next close is higher (look-ahead, a test system)"
                : "long when the trailing drift is positive (a test system)";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Record plan(ExperimentConfig c) {
        return new Plan(c.data().ticker(), c.data().source(), c.backtest().costBps(), peek);
    }

    @Override
    public RunOutcome run(ExperimentConfig c, RunContext ctx) {
        Plan p = (Plan) plan(c);
        MarketData data = MarketData.of(c.data(), ctx);
        BarSeries all = data.load(p.ticker(), Interval.D1);
        BarSeries s = all.slice(all.size() - 120, all.size()).adjusted();
        int n = s.size();
        double[] close = s.closes();
        double[] target = new double[n];
        double[] predicted = new double[n];
        for (int t = 20; t < n; t++) {
            predicted[t] = peek ? (t + 1 < n ? close[t + 1] / close[t] - 1 : 0) : close[t] / close[t - 20] - 1;
            target[t] = predicted[t] > 0 ? 1 : 0;
        }
        Prices prices = new Prices(s.symbol().value(), s.epochMillis(), s.opens(), close);
        BacktestResult r = new Backtester(BacktestConfig.DEFAULT.withFees(FeeModel.commissionOnly(p.costBps())))
                .run(name(), prices, target);
        try (RunFolder folder = RunFolder.create(ctx.runsDir(), c.name(), ctx.clock())) {
            folder.writeConfig(c, p);
            folder.writeJson("data.json", Map.of("series", data.manifest()));
            StringBuilder fc = new StringBuilder("date,close,predicted_return,actual_next_close\n");
            for (int t = 20; t < n; t++) {
                fc.append(String.format(Locale.ROOT, "%s,%.6f,%.8f,%s%n", s.date(t), close[t], predicted[t],
                        t + 1 < n ? String.format(Locale.ROOT, "%.6f", close[t + 1]) : ""));
            }
            folder.writeText("forecasts.csv", fc.toString());
            new ResultWriter().writeEquity(folder.file("equity.csv"), List.of(r));
            ctx.out().printf(Locale.ROOT, "%s %s: final equity %.2f%n", name(), s.symbol(), r.equity()[n - 1]);
            return new RunOutcome(folder.commit(), "");
        }
    }
}
