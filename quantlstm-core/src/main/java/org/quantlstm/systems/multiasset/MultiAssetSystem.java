package org.quantlstm.systems.multiasset;

import java.util.Set;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.Keys;
import org.quantlstm.workflow.Retraining;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TradingSystem;

/** Seed 000: several assets on 4-hour (or daily) bars, a tuned price + RSI LSTM each, tangent vs HJB portfolio. */
public final class MultiAssetSystem implements TradingSystem {
    public static final String NAME = "multi-asset-4h";

    private static final Set<String> KEYS = Keys.of("data.tickers", "data.source", "data.interval", "data.period_days",
            "model.cell", "model.epochs", "model.batch_size", "model.retrain", "model.retrain_every",
            "model.retrain_window", "split.train", "split.validation", "signal.allow_short", "backtest.cost_bps",
            "backtest.slippage_bps", "backtest.min_cost", "backtest.fill", "backtest.initial_capital", "backtest.per_share",
            "backtest.impact", "backtest.impact_bps", "backtest.max_participation", "backtest.borrow_bps",
            "backtest.financing_spread_bps", "backtest.max_gross", "tuning.*",
            "universe.*", "portfolio.*");

    /**
     * The plan as applied: the assets and their source, the system's own settings, and the common settings the
     * tuner reads (split, shorts, batch size, cell, retraining, execution and costs). {@code epochs} is
     * {@code model.epochs} when set (every trial trains exactly that many), null when the epochs are tuned.
     */
    public record Plan(ExperimentConfig.DataConfig data, MultiAssetSettings settings, ExperimentConfig.SplitConfig split,
                       boolean allowShort, int batchSize, LstmSpec.Cell cell, Retraining retrain,
                       Integer epochs, ExperimentConfig.BacktestConfig backtest, long seed) {
    }

    /** The plan of an experiment. */
    public static Plan planOf(ExperimentConfig cfg) {
        var m = cfg.model();
        var b = cfg.backtest();
        // risk_free is not read: cash earns nothing in this system's per-asset books (recorded in the conventions)
        var backtest = new ExperimentConfig.BacktestConfig(b.costBps(), b.slippageBps(), b.minCost(), b.fill(),
                b.initialCapital(), "", b.perShare(), b.impact(), b.impactBps(), b.maxParticipation(), b.borrowBps(),
                b.financingSpreadBps(), b.maxGross(1.0));
        return new Plan(cfg.data(), MultiAssetSettings.read(cfg), cfg.split(), cfg.signal().allowShort(),
                m.batchSize(), m.cell(), m.retrain(), MultiAssetSettings.fixedEpochs(cfg), backtest, cfg.seed());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "several assets on 4h/daily bars: a tuned price + RSI LSTM each, 10 bps, next-bar fills, tangent vs HJB (seed 000)";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Record plan(ExperimentConfig config) {
        return planOf(config);
    }

    @Override
    public RunOutcome run(ExperimentConfig config, RunContext context) {
        return new MultiAssetPipeline().run(config, context);
    }
}
