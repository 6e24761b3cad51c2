package org.quantlstm.model;

import org.quantlstm.common.UserInputException;

/**
 * How a {@link Forecaster} trains: Adam on mini-batches, early stopping and reduce-LR-on-plateau on the
 * validation loss (the training loss when no validation windows are given), global-norm gradient clipping.
 *
 * @param epochs            maximum epochs
 * @param batchSize         samples per step (the last batch of an epoch may be smaller)
 * @param learningRate      Adam's initial learning rate (β1 0.9, β2 0.999, ε 1e-8)
 * @param loss              MSE or Huber
 * @param huberDelta        Huber's switch point δ (quadratic below, linear above), in target units
 * @param patience          epochs without improvement before stopping (0 = never stop early)
 * @param minDelta          an epoch improves only when the monitored loss drops by more than this
 * @param lrPatience        epochs without improvement before the learning rate is cut (0 = never)
 * @param lrFactor          the cut: lr ← max(minLearningRate, lr · lrFactor)
 * @param minLearningRate   floor of the learning rate
 * @param clipNorm          gradients are rescaled when their global L2 norm exceeds this (0 = no clipping)
 * @param seed              seeds batch shuffling and dropout masks (weights are seeded at construction)
 * @param shuffle           shuffle training samples within the training segment each epoch (the split
 *                          itself stays chronological)
 * @param restoreBest       end with the weights of the best epoch
 * @param threads           PyTorch intra-op threads for this training (results are bit-identical only for
 *                          the same thread count)
 */
public record TrainConfig(int epochs, int batchSize, double learningRate, LossKind loss, double huberDelta,
                          int patience, double minDelta, int lrPatience, double lrFactor, double minLearningRate,
                          double clipNorm, long seed, boolean shuffle, boolean restoreBest, int threads)
        implements java.io.Serializable {
    public TrainConfig {
        if (epochs <= 0 || batchSize <= 0 || threads <= 0) {
            throw new UserInputException("epochs, batchSize and threads must be positive: " + epochs + ", "
                    + batchSize + ", " + threads);
        }
        if (!(learningRate > 0) || !(huberDelta > 0) || !(lrFactor > 0 && lrFactor <= 1) || minLearningRate < 0
                || clipNorm < 0 || patience < 0 || lrPatience < 0 || minDelta < 0) {
            throw new UserInputException("bad training settings: " + "lr=" + learningRate + " huberDelta="
                    + huberDelta + " lrFactor=" + lrFactor + " minLr=" + minLearningRate + " clipNorm=" + clipNorm
                    + " patience=" + patience + " lrPatience=" + lrPatience + " minDelta=" + minDelta);
        }
        java.util.Objects.requireNonNull(loss, "loss");
    }

    /** Loss function. */
    public enum LossKind { MSE, HUBER }

    /**
     * Seed-001-like defaults: 100 epochs, batch 32, lr 1e-3, MSE, early stopping after 10 flat epochs with the
     * best weights restored, lr halved after 5 flat epochs down to 1e-6, clip norm 1, seed 42, all cores.
     */
    public static TrainConfig defaults() {
        return new TrainConfig(100, 32, 1e-3, LossKind.MSE, 1.0, 10, 0.0, 5, 0.5, 1e-6, 1.0, 42L, true, true,
                Runtime.getRuntime().availableProcessors());
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(e, batchSize, learningRate, loss, huberDelta, patience, minDelta, lrPatience, lrFactor,
                minLearningRate, clipNorm, seed, shuffle, restoreBest, threads);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(epochs, b, learningRate, loss, huberDelta, patience, minDelta, lrPatience, lrFactor,
                minLearningRate, clipNorm, seed, shuffle, restoreBest, threads);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(epochs, batchSize, lr, loss, huberDelta, patience, minDelta, lrPatience, lrFactor,
                minLearningRate, clipNorm, seed, shuffle, restoreBest, threads);
    }

    public TrainConfig withLoss(LossKind l, double delta) {
        return new TrainConfig(epochs, batchSize, learningRate, l, delta, patience, minDelta, lrPatience, lrFactor,
                minLearningRate, clipNorm, seed, shuffle, restoreBest, threads);
    }

    public TrainConfig withEarlyStopping(int p, double delta, boolean restore) {
        return new TrainConfig(epochs, batchSize, learningRate, loss, huberDelta, p, delta, lrPatience, lrFactor,
                minLearningRate, clipNorm, seed, shuffle, restore, threads);
    }

    public TrainConfig withLrPlateau(int p, double factor, double minLr) {
        return new TrainConfig(epochs, batchSize, learningRate, loss, huberDelta, patience, minDelta, p, factor,
                minLr, clipNorm, seed, shuffle, restoreBest, threads);
    }

    public TrainConfig withClipNorm(double c) {
        return new TrainConfig(epochs, batchSize, learningRate, loss, huberDelta, patience, minDelta, lrPatience,
                lrFactor, minLearningRate, c, seed, shuffle, restoreBest, threads);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, learningRate, loss, huberDelta, patience, minDelta, lrPatience,
                lrFactor, minLearningRate, clipNorm, s, shuffle, restoreBest, threads);
    }

    public TrainConfig withShuffle(boolean s) {
        return new TrainConfig(epochs, batchSize, learningRate, loss, huberDelta, patience, minDelta, lrPatience,
                lrFactor, minLearningRate, clipNorm, seed, s, restoreBest, threads);
    }

    public TrainConfig withThreads(int t) {
        return new TrainConfig(epochs, batchSize, learningRate, loss, huberDelta, patience, minDelta, lrPatience,
                lrFactor, minLearningRate, clipNorm, seed, shuffle, restoreBest, t);
    }
}
