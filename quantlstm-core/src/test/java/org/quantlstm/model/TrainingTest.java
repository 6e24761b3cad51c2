package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quantlstm.features.Windows;

/** Each reference network learns on a tiny slice of real SPY prices: its training loss falls. */
class TrainingTest {
    private static final int LOOKBACK = 10;
    private static final Windows WINDOWS = SpyWindows.closes(120, LOOKBACK, 3, 80);
    private static final TrainConfig CONFIG = TrainConfig.defaults().withEpochs(6).withBatchSize(16).withThreads(1).withLearningRate(3e-3)
            .withEarlyStopping(0, 0, false).withLrPlateau(0, 0.5, 1e-6);

    private static TrainingHistory train(LstmSpec spec) {
        try (Forecaster f = Forecaster.create(spec, 5)) {
            TrainingHistory h = f.fit(WINDOWS.slice(0, 64), WINDOWS.slice(64, 80), CONFIG);
            assertThat(h.epochs()).isEqualTo(6);
            assertThat(h.steps()).isEqualTo(6 * 4);
            return h;
        }
    }

    private static void assertFalls(TrainingHistory h) {
        double[] loss = h.trainLoss();
        assertThat(loss[loss.length - 1]).as("epoch losses %s", java.util.Arrays.toString(loss))
                .isLessThan(0.7 * loss[0]);
    }

    @Test
    @Tag("slow")
    void spyAnalyserLearns() {
        assertFalls(train(LstmSpec.spyAnalyser(LOOKBACK, 3)));
    }

    @Test
    @Tag("slow")
    void weekly12Learns() {
        assertFalls(train(LstmSpec.weekly12(LOOKBACK, 3)));
    }

    @Test
    void multiAssetLearns() {
        assertFalls(train(LstmSpec.multiAsset(LOOKBACK, 3, 16, 2, 0.1)));
    }

    @Test
    void crossSectionalLearnsAndScoresADateInOneForwardPass() {
        assertFalls(train(LstmSpec.crossSectional(LOOKBACK, 3, 16, 1, 0.1)));
        try (Forecaster f = Forecaster.create(LstmSpec.crossSectional(LOOKBACK, 3, 16, 1, 0.1), 5)) {
            Windows sameDate = WINDOWS.slice(0, 40); // stands in for 40 stocks' windows on one date
            long before = f.forwardPasses();
            double[] scores = f.scoreCrossSection(sameDate);
            assertThat(f.forwardPasses() - before).isEqualTo(1);
            assertThat(scores).hasSize(40).containsExactly(f.predict(sameDate));
        }
    }
}
