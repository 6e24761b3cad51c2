package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.features.Windows;

/** The caller's path end to end: windows → fit → predict → metrics with baselines → save/load. */
class UsageExampleTest {

    @Test
    void windowsToVerdictToSavedModel(@TempDir Path tmp) {
        Windows windows = SpyWindows.closes(260, 10, 3, 180); // scaled SPY closes, target = next scaled close
        Segments seg = Segments.chronological(windows);      // 70/30, validation = end of the 70 %, purged
        try (Forecaster model = Forecaster.create(LstmSpec.spyAnalyser(10, 3), 42)) {
            TrainingHistory history = model.fit(seg.train(), seg.valid(),
                    TrainConfig.defaults().withEpochs(3).withBatchSize(32).withThreads(1));
            double[] forecast = model.predict(seg.test());

            double[] actual = new double[forecast.length];
            double[] last = new double[forecast.length];
            Windows test = seg.test();
            for (int i = 0; i < actual.length; i++) {
                actual[i] = test.y()[i];
                last[i] = test.x()[(i * test.lookback() + test.lookback() - 1) * test.features()]; // close at decision
            }
            double[] trainCloses = new double[seg.train().samples()];
            for (int i = 0; i < trainCloses.length; i++) {
                trainCloses[i] = seg.train().y()[i];
            }
            ForecastMetrics.Report report = ForecastMetrics.evaluate(actual, forecast, last,
                    ForecastMetrics.driftPerStep(trainCloses, ForecastMetrics.Target.LEVEL), ForecastMetrics.Target.LEVEL);

            assertThat(history.epochs()).isBetween(1, 3);
            assertThat(report.table()).contains("LSTM", "persistence", "drift", "Theil's U");
            assertThat(report.verdict()).containsAnyOf("beats the persistence", "does NOT beat");
            assertThat(report.beatsPersistence()).isEqualTo(report.theilU() < 1);

            model.save(tmp.resolve("spy-model"), Map.of("featureSet", "close-return-momentum", "lookback", 10));
            try (Forecaster again = Forecaster.load(tmp.resolve("spy-model"))) {
                assertThat(again.predict(test)).containsExactly(forecast);
                assertThat(again.metadata()).containsEntry("lookback", 10);
            }
            assertThat(Arrays.stream(forecast).allMatch(Double::isFinite)).isTrue();
        }
    }
}
