package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quantlstm.features.Windows;

/** Every step closes its own native scope: memory stays flat over 1,000 training steps. */
class NativeMemoryTest {

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    @Tag("slow")
    void nativeMemoryIsFlatOverAThousandSteps() throws IOException {
        Windows w = SpyWindows.returns(100, 10, 80);
        Windows train = w.slice(0, 80); // 10 batches of 8 per epoch
        Windows valid = w.slice(80, 90);
        TrainConfig config = TrainConfig.defaults().withBatchSize(8).withThreads(1).withEarlyStopping(0, 0, true)
                .withLrPlateau(0, 0.5, 1e-6);
        try (Forecaster f = Forecaster.create(LstmSpec.multiAsset(10, 1, 16, 2, 0.1), 1)) {
            f.fit(train, valid, config.withEpochs(30)); // warm-up: allocator pools, Adam state, JIT
            int arraysBefore = f.managedArrays();
            System.gc(); // RSS includes the Java heap and direct buffers; measure native growth after a GC
            long before = rssKb();
            TrainingHistory h = f.fit(train, valid, config.withEpochs(100));
            System.gc();
            long after = rssKb();
            assertThat(h.steps()).isEqualTo(1000);
            // one leaked array per step would show here exactly
            assertThat(f.managedArrays()).isLessThanOrEqualTo(arraysBefore + params(f));
            // leaking a step's tensors (activations and gradients of a 2x16 LSTM over 8x10 inputs, ~100 arrays)
            // would add hundreds of MB over 1,000 steps; glibc arenas make RSS noisy by tens of MB
            assertThat(after - before).as("RSS growth in kB over 1,000 steps").isLessThan(64 * 1024);
        }
    }

    /** Adam's two moment arrays per parameter are created lazily by the new optimizer of the second fit. */
    private static int params(Forecaster f) {
        return 3 * (int) LstmSpec.multiAsset(10, 1, 16, 2, 0.1).layers().stream()
                .mapToLong(l -> l instanceof LstmSpec.Recurrent r ? 4L * r.layers() : 2).sum();
    }
}
