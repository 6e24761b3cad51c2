package org.quantlstm.model;

/**
 * Receives training progress so that a CLI can draw it and a batch job can stay silent. All methods are
 * called on the training thread; the defaults do nothing.
 */
public interface TrainingListener {
    /** Does nothing. */
    TrainingListener SILENT = new TrainingListener() {
    };

    /** An epoch starts: 1-based {@code epoch}, {@code batches} steps to come. */
    default void epochStarted(int epoch, int maxEpochs, int batches) {
    }

    /** A step finished with this mini-batch loss. */
    default void batchFinished(int epoch, int batch, double loss) {
    }

    /** An epoch finished. */
    default void epochFinished(EpochReport report) {
    }

    /** Training finished (after best weights were restored). */
    default void trainingFinished(TrainingHistory history) {
    }
}
