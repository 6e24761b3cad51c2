package org.quantlstm.systems.spyanalyser;

import java.util.Set;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.Keys;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TradingSystem;

/** Seed 001: SPY daily, 31 features, stacked BiLSTM, five sizing methods and their hybrids. */
public final class SpyAnalyserSystem implements TradingSystem {
    public static final String NAME = "spy-analyser";

    private static final Set<String> KEYS = Keys.of(
            "data.ticker", "data.source", "data.interval", "data.period_days", Keys.MODEL, "split.train",
            "split.validation", "signal.allow_short", "signal.threshold", "signal.stop_loss", "signal.take_profit",
            "signal.trailing_stop", "signal.entry_order", "signal.entry_offset", "signal.entry_limit_offset",
            "signal.entry_expiry_bars", "robustness.seeds", Keys.BACKTEST);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one ticker, daily: 31 features, stacked BiLSTM, 5 sizing methods + 3 hybrids ranked by Sharpe (seed 001)";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Record plan(ExperimentConfig config) {
        return SpyAnalyserPipeline.plan(config);
    }

    @Override
    public RunOutcome run(ExperimentConfig config, RunContext context) {
        return new SpyAnalyserPipeline().run(config, context);
    }
}
