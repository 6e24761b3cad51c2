package org.quantlstm.workflow;

import org.quantlstm.common.UserInputException;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.Networks;
import org.quantlstm.model.TrainConfig;

/**
 * Everything the forecast stage needs to turn prices into out-of-sample forecasts, stated once: the feature set,
 * the target, the lookback, the split (fractions of the windows; validation carved from the end of train), the
 * network (shape, cell and the sizes that shape reads, the shape's defaults where the experiment sets none — the
 * others are 0), the training settings, the
 * retraining scheme and the seed. Built from an experiment by {@link #from}; equal specs give identical
 * forecasts.
 */
public record ForecastSpec(String featureSet, ForecastStage.TargetKind target, int lookback, double trainFraction,
                           double validFraction, String net, LstmSpec.Cell cell, int hidden, int layers,
                           double dropout, TrainConfig train, Retraining retrain, long seed) {

    /**
     * The spec of an experiment's {@code model} and {@code split} sections for {@code featureSet}. A size key
     * ({@code model.hidden}, {@code model.layers}, {@code model.dropout}) set for a network that does not read it
     * is an error naming the key; otherwise unread sizes are 0 in the spec.
     */
    public static ForecastSpec from(ExperimentConfig cfg, String featureSet) {
        var m = cfg.model();
        Networks.Shape shape = Networks.shape(m.net());
        java.util.Set<String> present = cfg.presentKeys();
        int hidden = !sized(shape, Networks.Size.HIDDEN, "model.hidden", present) ? 0
                : present.contains("model.hidden") ? m.hidden() : shape.defaultHidden();
        int layers = !sized(shape, Networks.Size.LAYERS, "model.layers", present) ? 0
                : present.contains("model.layers") ? m.layers() : shape.defaultLayers();
        double dropout = !sized(shape, Networks.Size.DROPOUT, "model.dropout", present) ? 0
                : present.contains("model.dropout") ? m.dropout() : shape.defaultDropout();
        return new ForecastSpec(featureSet, ForecastStage.TargetKind.parse(m.target()), m.lookback(),
                cfg.split().train(), cfg.split().validation(), shape.name(), m.cell(), hidden, layers, dropout,
                trainConfig(cfg), m.retrain(), cfg.seed());
    }

    private static boolean sized(Networks.Shape shape, Networks.Size size, String key, java.util.Set<String> present) {
        if (shape.reads().contains(size)) {
            return true;
        }
        if (present.contains(key)) {
            throw new UserInputException(key + ": not read by network '" + shape.name() + "' (" + shape.description()
                    + "); remove it");
        }
        return false;
    }

    /** The training settings of an experiment's {@code model} section (the one place they are built). */
    public static TrainConfig trainConfig(ExperimentConfig cfg) {
        var m = cfg.model();
        return TrainConfig.defaults().withEpochs(m.epochs()).withBatchSize(m.batchSize())
                .withLearningRate(m.learningRate())
                .withLoss(m.loss().equals("huber") ? TrainConfig.LossKind.HUBER : TrainConfig.LossKind.MSE, 1.0)
                .withEarlyStopping(m.patience(), 0.0, true).withSeed(cfg.seed());
    }

    /** The network for {@code features} inputs per step. */
    public LstmSpec network(int features) {
        return Networks.spec(net, cell, lookback, features, hidden, layers, dropout);
    }

    /** For headers: {@code spy-analyser/lstm}. */
    public String networkLabel() {
        return net + "/" + cell.code();
    }
}
