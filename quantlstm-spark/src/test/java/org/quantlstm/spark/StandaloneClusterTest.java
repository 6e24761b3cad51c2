package org.quantlstm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.workflow.LocalTaskRunner;

/**
 * Integration: a real Spark standalone cluster (a master and two one-core workers, child JVMs on 127.0.0.1 from
 * this module's class path) runs the 3-stock weekly system with one epoch; the run folder equals the local run's.
 */
@Tag("slow")
class StandaloneClusterTest {

    @Test
    @Timeout(600)
    void aTwoWorkerClusterWritesTheSameWeeklyRunAsLocalThreads(@TempDir Path dir) throws Exception {
        WeeklyFixture.Run local;
        try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
            local = WeeklyFixture.run(threads, dir.resolve("local"));
        }
        WeeklyFixture.Run cluster;
        try (LocalStandaloneCluster c = LocalStandaloneCluster.start(dir.resolve("cluster"), 2);
             SparkTaskRunner runner = c.runner(2, 240)) {
            assertThat(runner.describe()).startsWith("spark " + c.url()).endsWith("(2 cores)");
            cluster = WeeklyFixture.run(runner, dir.resolve("remote"));
            // two executors (one per worker) and the driver: tasks never run in the driver on a cluster
            assertThat(runner.context().sc().statusTracker().getExecutorInfos()).hasSize(3);
        }
        assertThat(cluster.summary()).isEqualTo(local.summary());
        assertThat(cluster.files().keySet()).isEqualTo(local.files().keySet()).contains("forecasts.csv", "metrics.json");
        for (Map.Entry<String, byte[]> e : local.files().entrySet()) {
            assertThat(WeeklyFixture.firstDifference(e.getValue(), cluster.files().get(e.getKey()))).as(e.getKey())
                    .isNull();
        }
        assertThat(cluster.console()).contains("Tasks run on spark spark://127.0.0.1:", "[ 3/3]");
    }
}
