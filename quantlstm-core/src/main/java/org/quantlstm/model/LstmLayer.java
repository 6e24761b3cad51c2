package org.quantlstm.model;

import ai.djl.Device;
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
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link LstmSpec.Recurrent} layer (LSTM or GRU cells) on batch-first input (batch, time, in).
 *
 * <p>GRU layers run through DJL's {@code GRU} blocks (the reverse direction over the flipped input, as the
 * earlier LSTM construction did); the fused native call below is PyTorch's LSTM and serves LSTM cells only.
 *
 * <p>The weights live in single-direction DJL {@code LSTM} blocks: for a bidirectional layer, per stacked layer
 * one block for the forward direction ({@code fwd k}) and one for the reverse direction ({@code bwd k}); for a
 * unidirectional layer without dropout one multi-layer block. The forward pass does not call those blocks: it
 * hands their parameters, in the order PyTorch expects ({@code w_ih, w_hh, b_ih, b_hh} per direction, forward
 * before reverse, layer after layer), to PyTorch's fused LSTM ({@code torch::lstm} with {@code bidirectional}
 * set). DJL's own {@code optBidirectional(true)} registers its parameters with shapes that PyTorch rejects
 * ("size of tensor a (31) must match the size of tensor b (128)", DJL 0.32 and 0.36); calling the native op with
 * parameters shaped here avoids that and runs both directions in one kernel, with no flips or copies of the
 * input. The saved parameter names and the initial weights are those of the earlier construction (a forward
 * LSTM plus an LSTM over the time-reversed input, concatenated), and the outputs are the same values
 * ({@code LstmLayerTest} checks forward outputs and gradients against that construction).
 *
 * <p>With dropout between stacked layers, each stacked layer is its own fused call and {@link SeededDropout}
 * sits in between, so that dropout masks are reproducible; without dropout all stacked layers are one call.
 *
 * <p>Output: with {@code returnSequences} the whole sequence (batch, time, units); otherwise the last step,
 * taken from PyTorch's final hidden state (forward direction after the last step, reverse direction after
 * reading the whole window backwards), which equals the sequence output at those positions.
 */
final class LstmLayer extends AbstractBlock {
    private final LstmSpec.Recurrent spec;
    private final boolean fusedDirections;
    private final List<RecurrentBlock> forward = new ArrayList<>();
    private final List<RecurrentBlock> backward = new ArrayList<>();
    private final List<SeededDropout> between = new ArrayList<>();

    LstmLayer(LstmSpec.Recurrent spec, long seed, List<SeededDropout> dropouts) {
        this(spec, seed, dropouts, true);
    }

    /**
     * @param fusedDirections false only in tests: run the earlier construction (each direction through DJL's
     *                        LSTM, the reverse one over the flipped input) to compare against
     */
    LstmLayer(LstmSpec.Recurrent spec, long seed, List<SeededDropout> dropouts, boolean fusedDirections) {
        this.spec = spec;
        this.fusedDirections = fusedDirections && spec.cell() == LstmSpec.Cell.LSTM;
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
        if (!fusedDirections) {
            return forwardSplit(store, inputs, training);
        }
        NDArray x = inputs.head();
        Device device = x.getDevice();
        int directions = spec.bidirectional() ? 2 : 1;
        // without dropout between them, all stacked layers run in one native call
        int calls = between.isEmpty() ? 1 : forward.size();
        int perCall = forward.size() / calls;
        int layersPerCall = spec.bidirectional() ? perCall : (between.isEmpty() ? spec.layers() : 1);
        NDArray lastState = null;
        for (int c = 0; c < calls; c++) {
            NDList weights = new NDList(perCall * directions * 4);
            for (int k = c * perCall; k < (c + 1) * perCall; k++) {
                addValues(weights, forward.get(k), store, device, training);
                if (spec.bidirectional()) {
                    addValues(weights, backward.get(k), store, device, training);
                }
            }
            NDArray zeros = x.getManager().zeros(new Shape((long) layersPerCall * directions, x.getShape().get(0),
                    spec.hidden()));
            NDList out = x.getNDArrayInternal().lstm(x, new NDList(zeros, zeros), weights, true, layersPerCall, 0.0,
                    training, spec.bidirectional(), true);
            x = out.get(0);
            lastState = out.get(1);
            if (c < between.size()) {
                x = between.get(c).forward(store, new NDList(x), training).head();
            }
        }
        if (spec.returnSequences()) {
            return new NDList(x);
        }
        long rows = lastState.getShape().get(0);
        if (!spec.bidirectional()) {
            return new NDList(lastState.get(rows - 1));
        }
        return new NDList(lastState.get(rows - 2).concat(lastState.get(rows - 1), 1));
    }

    private static void addValues(NDList into, RecurrentBlock block, ParameterStore store, Device device,
                                  boolean training) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            into.add(store.getValue(p.getValue(), device, training));
        }
    }

    /** The earlier construction: forward LSTM, LSTM over the flipped input, flipped back and concatenated. */
    private NDList forwardSplit(ParameterStore store, NDList inputs, boolean training) {
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
