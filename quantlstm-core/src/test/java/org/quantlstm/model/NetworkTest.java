package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bidirectional trap, shapes and the spec builder. */
class NetworkTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void bidirectionalBlockWorksWithOneAndTwoLayers(int layers) {
        TorchRuntime.engine();
        try (NDManager m = NDManager.newBaseManager(TorchRuntime.device(), TorchRuntime.ENGINE)) {
            for (boolean sequences : new boolean[] {true, false}) {
                LstmLayer block = new LstmLayer(new LstmSpec.Recurrent(5, layers, true, 0, sequences), 11,
                        new ArrayList<>());
                block.initialize(m, DataType.FLOAT32, new Shape(3, 7, 4));
                float[] data = new float[3 * 7 * 4];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) Math.sin(i * 0.37);
                }
                NDList input = new NDList(m.create(data, new Shape(3, 7, 4)));
                NDArray out = block.forward(new ParameterStore(m, false), input, false).singletonOrThrow();
                assertThat(input).hasSize(1); // DJL's LSTM appends states to the list it gets: we pass copies
                assertThat(out.getShape()).isEqualTo(sequences ? new Shape(3, 7, 10) : new Shape(3, 10));
                if (sequences) {
                    // the backward half at step 0 has read the whole window; in a single layer the forward
                    // half at step 0 has read step 0 only (with 2 layers it sees layer 1's backward half)
                    float[] changed = data.clone();
                    for (int f = 0; f < 4; f++) {
                        changed[(6) * 4 + f] += 1f; // last step of sample 0
                    }
                    NDArray out2 = block.forward(new ParameterStore(m, false),
                            new NDList(m.create(changed, new Shape(3, 7, 4))), false).singletonOrThrow();
                    float[] a = out.get("0, 0, :").toFloatArray();
                    float[] b = out2.get("0, 0, :").toFloatArray();
                    for (int k = 0; k < 5 && layers == 1; k++) {
                        assertThat(b[k]).isEqualTo(a[k]);
                    }
                    boolean backwardMoved = false;
                    for (int k = 5; k < 10; k++) {
                        backwardMoved |= a[k] != b[k];
                    }
                    assertThat(backwardMoved).isTrue();
                }
            }
        }
    }

    @Test
    void allFourNetworksHaveTheDocumentedShapesAndParameterCounts() {
        List<LstmSpec> specs = List.of(LstmSpec.spyAnalyser(60, 31), LstmSpec.weekly12(24, 1),
                LstmSpec.multiAsset(30, 2, 32, 2, 0.2), LstmSpec.crossSectional(20, 8, 16, 1, 0.1),
                LstmSpec.spyAnalyser(60, 31).withCell(LstmSpec.Cell.GRU),
                LstmSpec.weekly12(24, 1).withCell(LstmSpec.Cell.GRU),
                LstmSpec.multiAsset(30, 2, 32, 2, 0.2).withCell(LstmSpec.Cell.GRU));
        try (NDManager m = NDManager.newBaseManager(TorchRuntime.device(), TorchRuntime.ENGINE)) {
            for (LstmSpec spec : specs) {
                Network net = Network.build(spec, 3);
                net.block().initialize(m, DataType.FLOAT32, new Shape(2, spec.lookback(), spec.features()));
                long count = 0;
                for (var p : net.block().getParameters()) {
                    count += p.getValue().getArray().size();
                }
                assertThat(count).as(spec.name()).isEqualTo(spec.parameterCount());
                NDArray out = net.block().forward(new ParameterStore(m, false),
                        new NDList(m.zeros(new Shape(2, spec.lookback(), spec.features()))), false).singletonOrThrow();
                assertThat(out.getShape()).isEqualTo(new Shape(2, 1));
            }
        }
        // seed 002: 2 x 256 on one price: 4*256*(1+256)+8*256 + 4*256*(256+256)+8*256 + 257
        assertThat(LstmSpec.weekly12(24, 1).parameterCount()).isEqualTo(4L * 256 * 257 + 2048 + 4L * 256 * 512 + 2048 + 257);
        // GRU: 3 gates, so 3·h·(in + h) weights and two bias vectors of 3·h per layer
        assertThat(LstmSpec.weekly12(24, 1).withCell(LstmSpec.Cell.GRU).parameterCount())
                .isEqualTo(3L * 256 * 257 + 1536 + 3L * 256 * 512 + 1536 + 257);
    }

    @Test
    void specsRoundTripThroughJsonAndRejectBadShapes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LstmSpec spec = LstmSpec.spyAnalyser(60, 31);
        assertThat(json.readValue(json.writeValueAsString(spec), LstmSpec.class)).isEqualTo(spec);
        assertThatThrownBy(() -> new LstmSpec("x", 5, 1, List.of(new LstmSpec.Recurrent(4, 1, false, 0, true),
                new LstmSpec.Dense(1, LstmSpec.Activation.LINEAR)))).hasMessageContaining("returnSequences=false");
        assertThatThrownBy(() -> new LstmSpec("x", 5, 1, List.of(new LstmSpec.Recurrent(4, 1, false, 0, false),
                new LstmSpec.Dense(2, LstmSpec.Activation.LINEAR)))).hasMessageContaining("Dense(1, LINEAR)");
    }
}
