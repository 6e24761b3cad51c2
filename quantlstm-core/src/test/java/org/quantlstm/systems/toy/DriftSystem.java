package org.quantlstm.systems.toy;

import java.util.LinkedHashMap;
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
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.Keys;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunFolder;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TradingSystem;

/**
 * A fifth system in one package: long when the trailing 20-bar drift is positive, flat otherwise, through the
 * shared data resolver, backtester and run folder. It shows what a new system needs: keys, a plan, a run.
 */
public final class DriftSystem implements TradingSystem {
    private static final Set<String> KEYS = Keys.of("data.ticker", "data.source", "data.interval", "backtest.cost_bps");

    /** The plan as applied. */
    public record Plan(Symbol ticker, String source, Interval interval, double costBps) {
    }

    @Override
    public String name() {
        return "toy-drift";
    }

    @Override
    public String description() {
        return "long when the trailing drift is positive (a test system)";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Record plan(ExperimentConfig c) {
        return new Plan(c.data().ticker(), c.data().source(), c.data().interval(), c.backtest().costBps());
    }

    @Override
    public RunOutcome run(ExperimentConfig c, RunContext ctx) {
        Plan p = (Plan) plan(c);
        MarketData data = MarketData.of(c.data(), ctx);
        BarSeries s = data.load(p.ticker(), p.interval()).adjusted();
        int n = s.size();
        double[] close = s.closes();
        double[] target = new double[n];
        for (int t = 20; t < n; t++) {
            target[t] = close[t] > close[t - 20] ? 1 : 0;
        }
        Prices prices = new Prices(s.symbol().value(), s.epochMillis(), s.opens(), close);
        BacktestResult r = new Backtester(BacktestConfig.DEFAULT.withFees(FeeModel.commissionOnly(p.costBps())))
                .run("drift", prices, target);
        try (RunFolder folder = RunFolder.create(ctx.runsDir(), c.name(), ctx.clock())) {
            folder.writeConfig(c, p);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("system", name());
            m.put("final_equity", r.equity()[n - 1]);
            m.put("data", data.manifest());
            folder.writeJson("metrics.json", m);
            ctx.out().printf("toy-drift %s from %s: final equity %.2f%n", s.symbol(), data.describeFirst(),
                    r.equity()[n - 1]);
            return new RunOutcome(folder.commit(), "");
        }
    }
}
