package org.quantlstm.model;

import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The DJL block built from an {@link LstmSpec} (the one builder for all four reference networks), with the
 * dropout blocks that must be reseeded before each fit. Initial weights depend only on {@code seed}.
 */
final class Network {
    private final Block block;
    private final List<SeededDropout> dropouts;

    private Network(Block block, List<SeededDropout> dropouts) {
        this.block = block;
        this.dropouts = List.copyOf(dropouts);
    }

    static Network build(LstmSpec spec, long seed) {
        SequentialBlock seq = new SequentialBlock();
        List<SeededDropout> dropouts = new ArrayList<>();
        int in = spec.features();
        long layerSeed = seed;
        for (LstmSpec.Layer layer : spec.layers()) {
            layerSeed = layerSeed * 6364136223846793005L + 1442695040888963407L;
            if (layer instanceof LstmSpec.Recurrent r) {
                seq.add(new LstmLayer(r, layerSeed, dropouts));
                in = r.units();
            } else if (layer instanceof LstmSpec.Dropout d) {
                SeededDropout drop = new SeededDropout(d.rate());
                dropouts.add(drop);
                seq.add(drop);
            } else if (layer instanceof LstmSpec.Dense d) {
                Linear linear = Linear.builder().setUnits(d.units()).build();
                linear.setInitializer(new SeededUniform(layerSeed, in), Parameter.Type.WEIGHT);
                linear.setInitializer(new SeededUniform(layerSeed ^ 0x9E3779B97F4A7C15L, in), Parameter.Type.BIAS);
                seq.add(linear);
                if (d.activation() != LstmSpec.Activation.LINEAR) {
                    seq.add(new ActivationBlock(d.activation()));
                }
                in = d.units();
            }
        }
        return new Network(seq, dropouts);
    }

    Block block() {
        return block;
    }

    /** Gives every dropout block its own stream derived from {@code seed}. */
    void reseedDropouts(long seed) {
        long s = seed;
        for (SeededDropout d : dropouts) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            d.reseed(s);
        }
    }
}
