package org.quantlstm.systems.crosssectional;

import java.util.Set;
import org.quantlstm.common.Symbol;
import org.quantlstm.features.sets.CrossSectional;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.ForecastSpec;
import org.quantlstm.workflow.Keys;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TradingSystem;

/** Seed 003: a pooled LSTM alpha score over a stock universe against a benchmark; top-K with weekly review. */
public final class CrossSectionalSystem implements TradingSystem {
    public static final String NAME = "cross-sectional";

    private static final Set<String> KEYS = Keys.of("data.benchmark", "data.source", "data.period_days",
            Keys.without(Keys.MODEL, "model.target"), "split.train", "split.validation", Keys.BACKTEST, "universe.*",
            "strategy.*");

    /** The plan as applied. */
    public record Plan(Symbol benchmark, String source, int periodDays, CrossSectionalPipeline.Settings settings,
                       ForecastSpec forecast, ExperimentConfig.SplitConfig split,
                       ExperimentConfig.BacktestConfig backtest) {
    }

    /** The plan of an experiment (the model's target is this system's own: the horizon's excess return). */
    public static Plan planOf(ExperimentConfig cfg) {
        var d = cfg.data();
        return new Plan(d.benchmark(), d.source(), d.periodDays(), CrossSectionalPipeline.Settings.of(cfg),
                ForecastSpec.from(cfg, new CrossSectional().name()), cfg.split(), cfg.backtest());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a stock universe: pooled LSTM alpha score vs a benchmark, top-5 x 20 %, weekly review (seed 003)";
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
        return new CrossSectionalPipeline().run(config, context);
    }
}
