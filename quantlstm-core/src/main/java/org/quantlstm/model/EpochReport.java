package org.quantlstm.model;

/**
 * The end of one epoch, for progress display: 1-based {@code epoch} of at most {@code maxEpochs}, mean
 * training loss, validation loss (NaN without validation), learning rate used, wall time of the epoch and
 * an estimate of the time left if training runs to {@code maxEpochs} (early stopping may end it sooner).
 */
public record EpochReport(int epoch, int maxEpochs, double trainLoss, double validLoss, double learningRate,
                          boolean improved, long epochMillis, long etaMillis) {
}
