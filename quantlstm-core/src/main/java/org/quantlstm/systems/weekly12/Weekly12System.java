package org.quantlstm.systems.weekly12;

import java.util.Set;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.Keys;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TradingSystem;

/** Seed 002: 12 stocks, weekly closes, one LSTM per stock, the paper's rebalancing rule against NDX and 1/N. */
public final class Weekly12System implements TradingSystem {
    private static final Set<String> KEYS = Keys.of("data.tickers", "data.benchmark", "data.source",
            Keys.without(Keys.MODEL, "model.target", "model.dropout"), "split.validation", "signal.allow_short", "backtest.cost_bps", "backtest.initial_capital",
            "backtest.slippage_bps", "backtest.min_cost", "backtest.borrow_bps", "backtest.financing_spread_bps",
            "backtest.max_gross",
            "backtest.risk_free", "portfolio.*");

    @Override
    public String name() {
        return Weekly12Pipeline.SYSTEM;
    }

    @Override
    public String description() {
        return "stocks on weekly closes: one LSTM per stock, weekly rebalancing (|w| <= 1/3, shorts) vs an index and 1/N (seed 002)";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Record plan(ExperimentConfig config) {
        return Weekly12Pipeline.Settings.of(config);
    }

    @Override
    public RunOutcome run(ExperimentConfig config, RunContext context) {
        return new Weekly12Pipeline().run(config, context);
    }
}
