package org.quantlstm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.UserInputException;
import org.quantlstm.workflow.LocalTaskRunner;
import org.quantlstm.workflow.TaskRunner;

/** The Spark runner on {@code local[2]} (with retries, as the factory configures it). */
@Timeout(300)
class SparkTaskRunnerTest {
    private static SparkTaskRunner spark;

    @BeforeAll
    static void start() {
        SparkConf conf = SparkTaskRunnerFactory.configure(new SparkConf(), "local[2]");
        assertThat(conf.get("spark.master")).isEqualTo("local[2,4]");
        spark = new SparkTaskRunner(new JavaSparkContext(conf), true);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void resultsComeBackInTaskOrderWithOneProgressCallPerTask() {
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tasks.add(i);
        }
        List<int[]> calls = new ArrayList<>();
        long caller = Thread.currentThread().getId();
        List<Long> threads = new ArrayList<>();
        // later tasks finish first: order must still follow the task list
        List<String> out = spark.map("square", tasks, (Integer t) -> {
            Thread.sleep((7 - t) * 30L);
            return t + "^2=" + t * t;
        }, (stage, index, done, total) -> {
            calls.add(new int[] {index, done, total});
            threads.add(Thread.currentThread().getId());
        });
        assertThat(out).containsExactly("0^2=0", "1^2=1", "2^2=4", "3^2=9", "4^2=16", "5^2=25", "6^2=36");
        assertThat(calls).hasSize(7);
        assertThat(calls.stream().map(c -> c[0]).sorted().toList()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(calls.stream().map(c -> c[1]).toList()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(calls).allSatisfy(c -> assertThat(c[2]).isEqualTo(7));
        assertThat(threads).containsOnly(caller);
        assertThat(spark.parallelism()).isEqualTo(2);
        assertThat(spark.describe()).isEqualTo("spark local[2,4] (2 cores)");
        assertThat(spark.map("none", List.<Integer>of(), (Integer t) -> t)).isEmpty();
    }

    @Test
    void aUsersMistakeInsideATaskStaysAOneLineUserError() {
        assertThatThrownBy(() -> spark.map("check", List.of(1, 2), (Integer t) -> {
            if (t == 2) {
                throw new UserInputException("task 2: bad input");
            }
            return t;
        })).isInstanceOf(UserInputException.class).hasMessage("task 2: bad input");
        assertThatThrownBy(() -> spark.map("boom", List.of(1), (Integer t) -> {
            throw new ArithmeticException("always");
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("boom failed on Spark: ")
                .hasMessageContaining("always");
    }

    /** Fails the first attempt of every task (as a lost executor would), then runs the real work. */
    private record FirstAttemptFails(TaskRunner inner) implements TaskRunner {
        @Override
        public <T extends Serializable, R extends Serializable> List<R> map(String stage, List<T> tasks,
                Work<T, R> work, Progress progress) {
            return inner.map(stage, tasks, (T t) -> {
                if (TaskContext.get().attemptNumber() == 0) {
                    throw new IllegalStateException("injected failure of the first attempt");
                }
                return work.apply(t);
            }, progress);
        }

        @Override
        public int parallelism() {
            return inner.parallelism();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public void close() {
        }
    }

    @Test
    @Tag("slow")
    void weeklyOnSparkWithFailedFirstAttemptsWritesTheSameRunAsLocal(@TempDir Path dir) {
        WeeklyFixture.Run local;
        try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
            local = WeeklyFixture.run(threads, dir.resolve("local"));
        }
        WeeklyFixture.Run onSpark = WeeklyFixture.run(new FirstAttemptFails(spark), dir.resolve("spark"));

        assertThat(onSpark.summary()).isEqualTo(local.summary());
        assertThat(onSpark.files().keySet()).isEqualTo(local.files().keySet())
                .contains("forecasts.csv", "metrics.json", "plan.json", "summary.txt");
        for (Map.Entry<String, byte[]> e : local.files().entrySet()) {
            assertThat(WeeklyFixture.firstDifference(e.getValue(), onSpark.files().get(e.getKey()))).as(e.getKey())
                    .isNull();
        }
        assertThat(onSpark.console()).contains("Tasks run on spark local[2,4]", "[ 3/3]");
        // the check can fail: a different seed trains different models
        assertThat(local.summary()).contains("TSLA", "NVDA", "PEP");
    }
}
