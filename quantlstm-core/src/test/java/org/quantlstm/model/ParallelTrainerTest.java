package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quantlstm.features.Windows;

class ParallelTrainerTest {

    @Test
    void neverOversubscribesTheCores() {
        ParallelTrainer two = new ParallelTrainer(2);
        assertThat(two.workers(12)).isEqualTo(2);
        assertThat(two.threadsPerWorker(12)).isEqualTo(1);
        ParallelTrainer sixteen = new ParallelTrainer(16);
        assertThat(sixteen.workers(4)).isEqualTo(4);
        assertThat(sixteen.threadsPerWorker(4)).isEqualTo(4);
        assertThat(sixteen.workers(1) * sixteen.threadsPerWorker(1)).isEqualTo(16);
        for (int jobs = 1; jobs < 40; jobs++) {
            assertThat(sixteen.workers(jobs) * sixteen.threadsPerWorker(jobs)).isLessThanOrEqualTo(16);
        }
    }

    @Test
    @Tag("slow")
    void parallelTrainingEqualsSequentialTraining() {
        Windows w = SpyWindows.returns(140, 10, 90);
        Segments s = Segments.chronological(w);
        TrainConfig config = TrainConfig.defaults().withEpochs(3).withBatchSize(16);
        List<ParallelTrainer.Job> jobs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            jobs.add(new ParallelTrainer.Job("asset" + k, LstmSpec.multiAsset(10, 1, 12, 2, 0.2), 10 + k, s.train(),
                    s.valid(), config.withSeed(7 + k)));
        }
        List<double[]> sequential = new ArrayList<>();
        for (ParallelTrainer.Job job : jobs) {
            try (Forecaster f = Forecaster.create(job.spec(), job.seed())) {
                f.fit(job.train(), job.valid(), job.config().withThreads(1));
                sequential.add(f.predict(s.test()));
            }
        }
        List<ParallelTrainer.Trained> trained = new ParallelTrainer(2).trainAll(jobs);
        try {
            assertThat(trained).extracting(ParallelTrainer.Trained::name).containsExactly("asset0", "asset1", "asset2");
            for (int k = 0; k < jobs.size(); k++) {
                assertThat(trained.get(k).forecaster().predict(s.test())).containsExactly(sequential.get(k));
            }
            assertThat(sequential.get(0)).isNotEqualTo(sequential.get(1));
        } finally {
            trained.forEach(ParallelTrainer.Trained::close);
        }
    }
}
