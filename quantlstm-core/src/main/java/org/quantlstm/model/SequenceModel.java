package org.quantlstm.model;

import java.nio.file.Path;
import java.util.Map;
import org.quantlstm.features.Windows;

/**
 * The model contract the forecast stage relies on: fit on windows, predict windows, save and close. The DJL
 * {@link Forecaster} implements it; a model from another library (a tree ensemble, ridge) can implement it too
 * without any DJL type crossing this interface.
 */
public interface SequenceModel extends AutoCloseable {
    /** Fits on {@code train}, early-stopping on {@code valid} (may be null). */
    TrainingHistory fit(Windows train, Windows valid, TrainConfig config, TrainingListener listener);

    /** One output per window. */
    double[] predict(Windows windows);

    /** Writes the model into {@code dir} (atomically), with extra metadata. */
    void save(Path dir, Map<String, Object> extraMetadata);

    /** Number of trainable weights. */
    long parameterCount();

    @Override
    void close();
}
