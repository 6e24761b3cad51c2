package org.quantlstm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;

/**
 * Inverted dropout (kept values scaled by 1/(1−rate), identity at inference) whose masks come from this
 * block's own seeded generator. PyTorch's dropout draws from one process-wide generator; two models training
 * on two threads would interleave its draws and lose reproducibility. Owned by one model, reseeded at the
 * start of each fit; not thread-safe (one model trains on one thread).
 */
final class SeededDropout extends AbstractBlock {
    private final float rate;
    private SplittableRandom random = new SplittableRandom(0);
    /** The last mask, reused while the shape stays the same (one allocation per fit, not per step). */
    private float[] mask = new float[0];

    SeededDropout(double rate) {
        this.rate = (float) rate;
    }

    void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        if (!training || rate == 0f) {
            return new NDList(x);
        }
        int n = Math.toIntExact(x.getShape().size());
        float keep = 1f / (1f - rate);
        if (mask.length != n) {
            mask = new float[n];
        }
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextFloat() < rate ? 0f : keep;
        }
        NDManager m = x.getManager();
        return new NDList(x.mul(m.create(mask, x.getShape())));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
