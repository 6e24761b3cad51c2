package org.quantlstm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** An element-wise activation (ReLU or tanh) without parameters. */
final class ActivationBlock extends AbstractBlock {
    private final LstmSpec.Activation activation;

    ActivationBlock(LstmSpec.Activation activation) {
        this.activation = activation;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        switch (activation) {
            case RELU:
                return new NDList(x.maximum(0f));
            case TANH:
                return new NDList(x.tanh());
            default:
                return new NDList(x);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
