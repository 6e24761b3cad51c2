package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused path (PyTorch's own bidirectional / multi-layer LSTM fed with our parameters) against the earlier
 * construction it replaced (each direction through DJL's LSTM, the reverse one over the flipped input): same
 * initial weights, same outputs and same gradients, for every kind of recurrent layer the specs use.
 */
class LstmLayerTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(new LstmSpec.Recurrent(6, 1, true, 0, true)),
                Arguments.of(new LstmSpec.Recurrent(6, 1, true, 0, false)),
                Arguments.of(new LstmSpec.Recurrent(5, 2, true, 0, true)),
                Arguments.of(new LstmSpec.Recurrent(5, 2, true, 0, false)),
                Arguments.of(new LstmSpec.Recurrent(4, 2, true, 0.3, false)),
                Arguments.of(new LstmSpec.Recurrent(7, 1, false, 0, false)),
                Arguments.of(new LstmSpec.Recurrent(7, 2, false, 0, true)),
                Arguments.of(new LstmSpec.Recurrent(7, 2, false, 0.2, false)));
    }

    @ParameterizedTest
    @MethodSource("layers")
    void fusedMatchesTheFlippedConstructionInValuesAndGradients(LstmSpec.Recurrent spec) {
        TorchRuntime.engine();
        Shape in = new Shape(3, 9, 4);
        float[] data = new float[(int) in.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i * 0.37) + 0.1f * (i % 5);
        }
        for (boolean training : new boolean[] {false, true}) {
            try (NDManager m = NDManager.newBaseManager(TorchRuntime.device(), TorchRuntime.ENGINE)) {
                Result fused = run(m, new LstmLayer(spec, 11, new ArrayList<>(), true), in, data, training);
                Result split = run(m, new LstmLayer(spec, 11, new ArrayList<>(), false), in, data, training);
                assertThat(fused.output.length).isEqualTo(split.output.length);
                assertThat(fused.shape).isEqualTo(split.shape)
                        .isEqualTo(spec.returnSequences() ? new Shape(3, 9, spec.units()) : new Shape(3, spec.units()));
                for (int i = 0; i < fused.output.length; i++) {
                    assertThat(fused.output[i]).as("output %d", i).isCloseTo(split.output[i], within(1e-6f));
                }
                assertThat(fused.grads).hasSameSizeAs(split.grads);
                for (int p = 0; p < fused.grads.size(); p++) {
                    float[] a = fused.grads.get(p);
                    float[] b = split.grads.get(p);
                    assertThat(a.length).isEqualTo(b.length);
                    for (int i = 0; i < a.length; i++) {
                        assertThat(a[i]).as("gradient %d[%d]", p, i).isCloseTo(b[i], within(1e-5f));
                    }
                }
            }
        }
    }

    private static org.assertj.core.data.Offset<Float> within(float v) {
        return org.assertj.core.data.Offset.offset(v);
    }

    private record Result(float[] output, Shape shape, List<float[]> grads) {
    }

    /** Forward (and, when training, backward of a weighted sum) of one block on fixed data. */
    private static Result run(NDManager m, LstmLayer block, Shape in, float[] data, boolean training) {
        block.initialize(m, DataType.FLOAT32, in);
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().setRequiresGradient(true);
            params.add(p.getValue());
        }
        try (NDManager scope = m.newSubManager()) {
            NDArray x = scope.create(data, in);
            TorchRuntime.gradMode(training);
            NDArray out;
            try {
                out = block.forward(new ParameterStore(scope, false), new NDList(x), training).singletonOrThrow();
                if (training) {
                    NDArray w = scope.arange((float) out.size()).reshape(out.getShape()).mul(0.01f).sin();
                    NDArray loss = out.mul(w).sum();
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) scope.ones(loss.getShape()), false, false);
                }
            } finally {
                TorchRuntime.gradMode(false);
            }
            List<float[]> grads = new ArrayList<>();
            if (training) {
                for (Parameter p : params) {
                    grads.add(p.getArray().getGradient().toFloatArray());
                }
            }
            return new Result(out.toFloatArray(), out.getShape(), grads);
        }
    }
}
