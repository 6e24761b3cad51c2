package org.quantlstm.model;

/**
 * What one fit did, per epoch: mean training loss, validation loss (NaN when no validation windows were
 * given) and the learning rate used. {@code bestEpoch} is 0-based; when {@code restoredBest} the model ends
 * with that epoch's weights.
 */
public record TrainingHistory(double[] trainLoss, double[] validLoss, double[] learningRate, int bestEpoch,
                              boolean stoppedEarly, boolean restoredBest, long steps)
        implements java.io.Serializable {
    public TrainingHistory {
        trainLoss = trainLoss.clone();
        validLoss = validLoss.clone();
        learningRate = learningRate.clone();
        if (validLoss.length != trainLoss.length || learningRate.length != trainLoss.length) {
            throw new IllegalArgumentException("history columns differ in length");
        }
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] validLoss() {
        return validLoss.clone();
    }

    @Override
    public double[] learningRate() {
        return learningRate.clone();
    }

    public int epochs() {
        return trainLoss.length;
    }

    /** The monitored loss of the best epoch (validation when present, else training). */
    public double bestLoss() {
        return Double.isNaN(validLoss[bestEpoch]) ? trainLoss[bestEpoch] : validLoss[bestEpoch];
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "TrainingHistory[epochs=%d, best=%d, bestLoss=%.6g, stoppedEarly=%s,"
                + " steps=%d]", epochs(), bestEpoch, bestLoss(), stoppedEarly, steps);
    }
}
