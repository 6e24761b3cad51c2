package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.quantlstm.features.Windows;
import org.junit.jupiter.api.Test;

/** Inference runs in cache-sized passes; chunking changes no forecast beyond float rounding. */
class InferenceChunkTest {

    @Test
    void chunkSizeFollowsTheWidestRecurrentLayer() {
        // 16 MiB / (4 bytes × lookback × 4 gates × hidden × directions), clamped to [32, 1024]
        assertThat(Forecaster.inferenceChunk(LstmSpec.spyAnalyser(60, 31))).isEqualTo((16 << 20) / (4 * 60 * 4 * 256));
        assertThat(Forecaster.inferenceChunk(LstmSpec.spyAnalyser(60, 31))).isEqualTo(68);
        assertThat(Forecaster.inferenceChunk(LstmSpec.weekly12(24, 1))).isEqualTo(170);
        assertThat(Forecaster.inferenceChunk(LstmSpec.multiAsset(48, 2, 32, 2, 0.2))).isEqualTo(682);
        assertThat(Forecaster.inferenceChunk(LstmSpec.crossSectional(20, 14, 32, 1, 0.1))).isEqualTo(1024);
        assertThat(Forecaster.inferenceChunk(LstmSpec.weekly12(2000, 1))).isEqualTo(32);
    }

    @Test
    void chunkedPredictionEqualsOneWindowAtATime() {
        LstmSpec spec = LstmSpec.weekly12(24, 1); // chunk 170: 400 windows take three passes
        Windows w = SpyWindows.returns(430, 24, 300);
        assertThat(w.samples()).isGreaterThan(2 * Forecaster.inferenceChunk(spec));
        try (Forecaster f = Forecaster.create(spec, 5)) {
            double[] all = f.predict(w);
            double[] cross = f.scoreCrossSection(w);
            assertThat(all).hasSize(w.samples());
            for (int i = 0; i < w.samples(); i += 37) {
                double one = f.predict(w.slice(i, i + 1))[0];
                assertThat(all[i]).as("window %d", i).isCloseTo(one, within(1e-6));
                assertThat(cross[i]).isEqualTo(all[i]);
            }
            assertThat(f.predict(w)).containsExactly(all); // same chunking, same bits
        }
    }
}
