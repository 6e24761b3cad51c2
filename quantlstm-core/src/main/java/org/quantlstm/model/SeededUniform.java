package org.quantlstm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Uniform(−k, k) weights drawn from a Java {@link SplittableRandom} owned by one block, so that a network's
 * initial weights depend only on its seed — not on PyTorch's process-wide generator, which concurrent trainings
 * would share. {@code k = 1/√fan} is PyTorch's default for LSTM ({@code fan = hidden}) and Linear
 * ({@code fan = in_features}) layers.
 */
final class SeededUniform implements Initializer {
    private final SplittableRandom random;
    private final double bound;

    SeededUniform(long seed, int fan) {
        this.random = new SplittableRandom(seed);
        this.bound = 1.0 / Math.sqrt(fan);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        int n = Math.toIntExact(shape.size());
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
