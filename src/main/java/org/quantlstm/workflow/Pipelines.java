package org.quantlstm.workflow;

import org.quantlstm.common.UserInputException;

/** Chooses the pipeline for an experiment's system. */
public final class Pipelines {
    private Pipelines() {
    }

    public static RunOutcome run(ExperimentConfig config, RunContext ctx) {
        return switch (config.system()) {
            case "spy-analyser" -> new SpyAnalyserPipeline().run(config, ctx);
            case "cross-sectional" -> new CrossSectionalPipeline().run(config, ctx);
            case "multi-asset-4h" -> new MultiAssetPipeline().run(config, ctx);
            case "weekly-12" -> new Weekly12Pipeline().run(config, ctx);
            default -> throw new UserInputException("system '" + config.system()
                    + "' has no pipeline in this version of quantlstm; available: " + String.join(", ", ExperimentConfig.SYSTEMS));
        };
    }
}
