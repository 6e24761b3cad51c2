package org.quantlstm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link LstmSpec.Recurrent} layer (LSTM or GRU cells) on batch-first input (batch, time, in).
 *
 * <p>Bidirectional layers are a forward single-layer LSTM plus a single-layer LSTM over the time-reversed input
 * (its output flipped back), concatenated on the feature axis; stacked layers feed the concatenation to the
 * next pair, as PyTorch's {@code bidirectional=True, num_layers=k} does. DJL's {@code optBidirectional(true)}
 * with biases fails on the PyTorch engine (shape error with 2 layers, JVM crash with 1), hence this block.
 *
 * <p>A unidirectional layer without dropout uses PyTorch's fused multi-layer LSTM; with dropout the layers
 * are stacked here with {@link SeededDropout} in between, so that dropout masks are reproducible.
 *
 * <p>DJL's {@code LSTM.forward} appends its state arrays to the {@code NDList} it is given, so every call
 * passes a fresh list.
 */
final class LstmLayer extends AbstractBlock {
    private final LstmSpec.Recurrent spec;
    private final List<RecurrentBlock> forward = new ArrayList<>();
    private final List<RecurrentBlock> backward = new ArrayList<>();
    private final List<SeededDropout> between = new ArrayList<>();

    LstmLayer(LstmSpec.Recurrent spec, long seed, List<SeededDropout> dropouts) {
        this.spec = spec;
        boolean fused = !spec.bidirectional() && spec.dropout() == 0;
        int stacks = fused ? 1 : spec.layers();
        for (int k = 0; k < stacks; k++) {
            forward.add(addChildBlock("fwd" + k, lstm(fused ? spec.layers() : 1, seed * 31 + 2L * k)));
            if (spec.bidirectional()) {
                backward.add(addChildBlock("bwd" + k, lstm(1, seed * 31 + 2L * k + 1)));
            }
            if (k + 1 < stacks && spec.dropout() > 0) {
                SeededDropout d = addChildBlock("drop" + k, new SeededDropout(spec.dropout()));
                between.add(d);
                dropouts.add(d);
            }
        }
    }

    private RecurrentBlock lstm(int layers, long seed) {
        RecurrentBlock l = spec.cell() == LstmSpec.Cell.GRU
                ? GRU.builder().setStateSize(spec.hidden()).setNumLayers(layers).optBatchFirst(true)
                        .optReturnState(false).build()
                : LSTM.builder().setStateSize(spec.hidden()).setNumLayers(layers).optBatchFirst(true)
                        .optReturnState(false).build();
        l.setInitializer(new SeededUniform(seed, spec.hidden()), Parameter.Type.WEIGHT);
        l.setInitializer(new SeededUniform(seed ^ 0x5DEECE66DL, spec.hidden()), Parameter.Type.BIAS);
        return l;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDArray lastForward = null;
        NDArray lastBackward = null;
        for (int k = 0; k < forward.size(); k++) {
            NDArray f = forward.get(k).forward(store, new NDList(x), training).head();
            if (spec.bidirectional()) {
                NDArray b = backward.get(k).forward(store, new NDList(x.flip(1)), training).head();
                lastForward = f;
                lastBackward = b;
                x = f.concat(b.flip(1), 2);
            } else {
                lastForward = f;
                x = f;
            }
            if (k < between.size()) {
                x = between.get(k).forward(store, new NDList(x), training).head();
            }
        }
        if (spec.returnSequences()) {
            return new NDList(x);
        }
        NDArray last = lastForward.get(":, -1, :");
        return new NDList(spec.bidirectional() ? last.concat(lastBackward.get(":, -1, :"), 1) : last);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {spec.returnSequences() ? new Shape(in.get(0), in.get(1), spec.units())
                : new Shape(in.get(0), spec.units())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        for (int k = 0; k < forward.size(); k++) {
            forward.get(k).initialize(manager, dataType, in);
            if (spec.bidirectional()) {
                backward.get(k).initialize(manager, dataType, in);
            }
            Shape out = new Shape(in.get(0), in.get(1), spec.units());
            if (k < between.size()) {
                between.get(k).initialize(manager, dataType, out);
            }
            in = out;
        }
    }
}
