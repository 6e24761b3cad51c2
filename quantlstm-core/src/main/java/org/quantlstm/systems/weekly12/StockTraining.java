package org.quantlstm.systems.weekly12;

import java.io.Serializable;
import org.quantlstm.features.Windows;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.TrainConfig;
import org.quantlstm.model.TrainingHistory;

/**
 * One model of the weekly system as a unit of work for {@link org.quantlstm.workflow.TaskRunner}: one stock (or
 * one stock × retraining fold) — its scaled training and validation windows, the windows to forecast with the
 * trained model, the network, the seed and the training settings, PyTorch thread count included. Everything is
 * plain data, so the task runs the same in this JVM or on a Spark executor, and {@link #run} is a pure function
 * of the record (its own seeds; the model lives and dies inside the call), so a retried task gives the same
 * answer.
 *
 * @param name     the stock, or {@code TICKER#fold} with walk-forward retraining
 * @param valid    validation windows for early stopping; null when there are none
 * @param forecast windows whose next close the trained model forecasts; null when the fold forecasts nothing
 */
record StockTraining(String name, LstmSpec spec, long seed, Windows train, Windows valid, TrainConfig config,
                     Windows forecast) implements Serializable {

    /** What comes back: the training history and the forecasts (scaled) of {@code forecast}'s windows. */
    record Done(String name, TrainingHistory history, double[] forecast) implements Serializable {
        Done {
            forecast = forecast.clone();
        }

        @Override
        public double[] forecast() {
            return forecast.clone();
        }
    }

    /** Trains the model, forecasts, frees the model. */
    static Done run(StockTraining t) {
        try (Forecaster f = Forecaster.create(t.spec(), t.seed())) {
            TrainingHistory h = f.fit(t.train(), t.valid(), t.config());
            double[] z = t.forecast() == null ? new double[0] : f.predict(t.forecast());
            return new Done(t.name(), h, z);
        }
    }
}
