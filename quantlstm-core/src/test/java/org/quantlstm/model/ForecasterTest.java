package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.DataSplit;
import org.quantlstm.common.UserInputException;
import org.quantlstm.features.Windows;

class ForecasterTest {
    private static final Windows W = SpyWindows.returns(200, 12, 120);
    private static final LstmSpec SPEC = LstmSpec.multiAsset(12, 1, 12, 2, 0.2);
    private static final TrainConfig CONFIG = TrainConfig.defaults().withEpochs(4).withBatchSize(16).withThreads(1);

    private static double[] trainAndPredict(long seed, long trainSeed) {
        Segments s = Segments.chronological(W);
        try (Forecaster f = Forecaster.create(SPEC, seed)) {
            f.fit(s.train(), s.valid(), CONFIG.withSeed(trainSeed));
            return f.predict(s.test());
        }
    }

    @Test
    void sameSeedGivesIdenticalPredictionsAndAnotherSeedDoesNot() {
        double[] a = trainAndPredict(1, 42);
        double[] b = trainAndPredict(1, 42);
        assertThat(b).containsExactly(a);
        assertThat(trainAndPredict(2, 42)).isNotEqualTo(a);
        assertThat(trainAndPredict(1, 43)).isNotEqualTo(a);
    }

    @Test
    void saveThenLoadPredictsIdenticallyAndKeepsMetadata(@TempDir Path tmp) throws Exception {
        Segments s = Segments.chronological(W);
        Path dir = tmp.resolve("models/spy");
        double[] before;
        try (Forecaster f = Forecaster.create(SPEC, 9)) {
            f.fit(s.train(), s.valid(), CONFIG);
            before = f.predict(s.test());
            f.save(dir, Map.of("featureSet", "returns", "scaler", Map.of("mean", 0.0004, "sd", 0.011)));
            f.save(dir, Map.of("featureSet", "returns-v2")); // replaces the model atomically
        }
        try (Forecaster g = Forecaster.load(dir)) {
            assertThat(g.predict(s.test())).containsExactly(before);
            assertThat(g.spec()).isEqualTo(SPEC);
            assertThat(g.metadata()).containsEntry("featureSet", "returns-v2");
        }
        try (Stream<Path> files = Files.list(dir.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("spy");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("metadata.json", "params.bin", "spec.json");
        }
        assertThatThrownBy(() -> Forecaster.load(tmp.resolve("nothing"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("not a saved model");
    }

    @Test
    void testWindowsNeverReachFitting() {
        // poison every test-segment window: if fit touched them, the trained weights would change
        Windows poisoned = new Windows(W.x().clone(), W.y().clone(), W.endIndex(), W.samples(), W.lookback(), W.features());
        Segments clean = Segments.chronological(W);
        int testStart = DataSplit.chronological(W.samples(), 0.7, 0.1).validEnd();
        Arrays.fill(poisoned.x(), testStart * W.lookback(), poisoned.x().length, Float.NaN);
        Arrays.fill(poisoned.y(), testStart, poisoned.y().length, 1e9f);
        Segments dirty = Segments.chronological(poisoned);
        assertThat(dirty.test().samples()).isEqualTo(W.samples() - testStart);
        int lastFit = Math.max(dirty.train().endIndex()[dirty.train().samples() - 1],
                dirty.valid().endIndex()[dirty.valid().samples() - 1]);
        assertThat(lastFit + 1).as("targets of fitted windows are known before the first test decision")
                .isLessThan(dirty.test().endIndex()[0]);
        try (Forecaster a = Forecaster.create(SPEC, 4); Forecaster b = Forecaster.create(SPEC, 4)) {
            a.fit(clean.train(), clean.valid(), CONFIG);
            b.fit(dirty.train(), dirty.valid(), CONFIG);
            assertThat(b.predict(clean.test())).containsExactly(a.predict(clean.test()));
        }
    }

    @Test
    void earlyStoppingRestoresBestWeightsAndPlateauCutsTheRate() {
        Segments s = Segments.chronological(W);
        // minDelta 10: only the first epoch counts as an improvement
        TrainConfig c = CONFIG.withEpochs(20).withEarlyStopping(4, 10, true).withLrPlateau(2, 0.5, 1e-6);
        try (Forecaster f = Forecaster.create(SPEC, 3)) {
            TrainingHistory h = f.fit(s.train(), s.valid(), c);
            assertThat(h.epochs()).isEqualTo(5);
            assertThat(h.stoppedEarly()).isTrue();
            assertThat(h.bestEpoch()).isZero();
            assertThat(h.learningRate()).containsExactly(1e-3, 1e-3, 1e-3, 5e-4, 5e-4);
            double restored = Forecaster.loss(f.predict(s.valid()), s.valid().y(), c);
            assertThat(restored).isCloseTo(h.validLoss()[0], within(1e-9));
            assertThat(restored).isNotEqualTo(h.validLoss()[4]);
        }
    }

    @Test
    void huberLossTrainsAndProgressIsReported() {
        Segments s = Segments.chronological(W);
        StringBuilder log = new StringBuilder();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport r) {
                log.append(ProgressBarListener.message(r)).append('\n');
            }
        };
        try (Forecaster f = Forecaster.create(SPEC, 3)) {
            TrainingHistory h = f.fit(s.train(), s.valid(), CONFIG.withLoss(TrainConfig.LossKind.HUBER, 1.0)
                    .withEpochs(2), listener);
            assertThat(Arrays.stream(h.trainLoss()).allMatch(Double::isFinite)).isTrue();
        }
        List<String> lines = log.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("loss \\S+ val \\S+ lr 0\\.0010 \\* eta \\d+m\\d\\ds");
    }

    @Test
    void trainingAndHostLossesAgreeWithHandValues() {
        TrainConfig huber = CONFIG.withLoss(TrainConfig.LossKind.HUBER, 1.0);
        // errors -1 and 3: Huber(1) = (0.5 * 1 + (1 * (3 - 1) + 0.5 * 1)) / 2 = 1.5; MSE = (1 + 9) / 2 = 5
        assertThat(Forecaster.loss(new double[] {0, 3}, new float[] {1, 0}, huber)).isEqualTo(1.5);
        assertThat(Forecaster.loss(new double[] {0, 3}, new float[] {1, 0}, CONFIG)).isEqualTo(5.0);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(TorchRuntime.device(),
                TorchRuntime.ENGINE)) {
            var pred = m.create(new float[] {0, 3}, new ai.djl.ndarray.types.Shape(2, 1));
            var y = m.create(new float[] {1, 0}, new ai.djl.ndarray.types.Shape(2, 1));
            assertThat(Forecaster.lossArray(pred, y, huber).getFloat()).isEqualTo(1.5f);
            assertThat(Forecaster.lossArray(pred, y, CONFIG).getFloat()).isEqualTo(5f);
        }
    }

    @Test
    void rejectsWindowsOfAnotherShape() {
        try (Forecaster f = Forecaster.create(SPEC, 1)) {
            Windows other = SpyWindows.returns(60, 8, 40);
            assertThatThrownBy(() -> f.predict(other)).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("lookback 8");
        }
    }

    @Test
    void engineLoadsOfflineFromTheNativeJar() {
        // the CPU build runs PyTorch 2.7.1 (DJL 0.36), the -Pcuda build 2.5.1 (DJL 0.32)
        assertThat(Forecaster.runtimeDescription()).matches("PyTorch 2\\.(7\\.1|5\\.1) on .*");
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }
}
