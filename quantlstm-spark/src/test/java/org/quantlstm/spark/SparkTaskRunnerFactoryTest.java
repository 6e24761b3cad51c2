package org.quantlstm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;
import org.quantlstm.workflow.Engines;

/** How {@code --engine spark --master …} becomes a Spark configuration (no Spark context is started here). */
class SparkTaskRunnerFactoryTest {

    private static String master(String given) {
        return SparkTaskRunnerFactory.configure(new SparkConf(false), given).get("spark.master");
    }

    @Test
    void localMastersGetTaskRetriesLikeACluster() {
        assertThat(master("local[2]")).isEqualTo("local[2,4]");
        assertThat(master("local[*]")).isEqualTo("local[*,4]");
        assertThat(master("local")).isEqualTo("local[1,4]");
        assertThat(master("local[3,2]")).isEqualTo("local[3,2]");
        assertThat(SparkTaskRunnerFactory.configure(new SparkConf(false).set("spark.task.maxFailures", "7"),
                "local[2]").get("spark.master")).isEqualTo("local[2,7]");
        // no --master: Spark's own setting (spark-submit's), else local[*]
        assertThat(SparkTaskRunnerFactory.configure(new SparkConf(false).set("spark.master", "spark://h:7077"), null)
                .get("spark.master")).isEqualTo("spark://h:7077");
        assertThat(master(null)).isEqualTo("local[*,4]");
    }

    @Test
    void clusterMastersPassThroughAndExecutorsRunOffline() {
        SparkConf conf = SparkTaskRunnerFactory.configure(new SparkConf(false), "spark://10.0.0.5:7077");
        assertThat(conf.get("spark.master")).isEqualTo("spark://10.0.0.5:7077");
        assertThat(conf.get("spark.executor.extraJavaOptions")).contains("-Dai.djl.offline=true");
        assertThat(conf.get("spark.executorEnv.OMP_WAIT_POLICY")).isEqualTo("PASSIVE");
        // the user's own settings win
        SparkConf own = new SparkConf(false).set("spark.executor.extraJavaOptions", "-Xss4m");
        assertThat(SparkTaskRunnerFactory.configure(own, "local[2]").get("spark.executor.extraJavaOptions"))
                .isEqualTo("-Xss4m");
    }

    @Test
    void aBadMasterIsOneLineUserError() {
        assertThatThrownBy(() -> master("sparkk://x"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--master sparkk://x: Spark takes local[N]");
        assertThatThrownBy(() -> master("local[two]")).isInstanceOf(UserInputException.class);
    }

    @Test
    void theCoreFindsTheSparkEngineThroughItsServiceFile() {
        List<String> log = new ArrayList<>();
        // the bad master is rejected by this module's factory, so the core found it by name
        assertThatThrownBy(() -> Engines.open("spark", "nonsense", log::add))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Spark takes");
        assertThat(new SparkTaskRunnerFactory().engine()).isEqualTo("spark");
    }
}
