package org.quantlstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalTaskRunnerTest {

    @Test
    void resultsComeBackInTaskOrderWhateverTheCompletionOrder() {
        List<Integer> tasks = IntStream.range(0, 20).boxed().toList();
        try (LocalTaskRunner runner = new LocalTaskRunner(4)) {
            // later tasks finish first
            List<String> out = runner.map("t", tasks, i -> {
                Thread.sleep((20 - i) * 2L);
                return "r" + i;
            });
            assertThat(out).containsExactlyElementsOf(tasks.stream().map(i -> "r" + i).toList());
        }
    }

    @Test
    void progressIsToldOnTheCallersThreadOncePerTask() {
        Thread caller = Thread.currentThread();
        List<Integer> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (LocalTaskRunner runner = new LocalTaskRunner(3)) {
            runner.map("t", List.of(1, 2, 3, 4, 5), i -> i * i, (stage, index, done, total) -> {
                seen.add(index);
                threads.add(Thread.currentThread());
                assertThat(total).isEqualTo(5);
                assertThat(stage).isEqualTo("t");
            });
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(threads).allMatch(t -> t == caller);
    }

    @Test
    void aFailingTaskFailsTheCallWithItsOwnError() {
        try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
            assertThatThrownBy(() -> runner.map("sweep", List.of(1, 2, 3), i -> {
                if (i == 2) {
                    throw new IllegalArgumentException("bad task " + i);
                }
                return i;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad task 2");
            assertThatThrownBy(() -> new LocalTaskRunner(1).map("train", List.of(1), i -> {
                throw new java.io.IOException("disk");
            })).hasMessageContaining("train task 0 failed: disk");
        }
    }

    @Test
    void oneThreadRunsOnTheCallerInOrderAndAClosedRunnerRefuses() {
        LocalTaskRunner runner = new LocalTaskRunner(1);
        List<Integer> order = new ArrayList<>();
        assertThat(runner.map("t", List.of(3, 1, 2), i -> {
            order.add(i);
            return i + 1;
        })).containsExactly(4, 2, 3);
        assertThat(order).containsExactly(3, 1, 2);
        assertThat(runner.describe()).isEqualTo("local (1 thread)");
        runner.close();
        assertThatThrownBy(() -> runner.map("t", List.of(1), i -> i)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LocalTaskRunner(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
