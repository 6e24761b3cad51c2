package org.quantlstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.quantlstm.common.UserInputException;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void localEngineTakesItsThreadCountFromTheMaster() {
        try (TaskRunner r = Engines.open("local", "local[3]", s -> { })) {
            assertThat(r.parallelism()).isEqualTo(3);
            assertThat(r.describe()).isEqualTo("local (3 threads)");
        }
        try (TaskRunner r = Engines.open(null, null, s -> { })) {
            assertThat(r.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
        assertThat(Engines.localThreads("local")).isEqualTo(1);
        assertThat(Engines.localThreads("local[*]")).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void badEnginesAndMastersAreUserErrors() {
        assertThatThrownBy(() -> Engines.open("local", "spark://h:7077", s -> { }))
                .isInstanceOf(UserInputException.class).hasMessageContaining("local, local[N] or local[*]");
        assertThatThrownBy(() -> Engines.open("local", "local[0]", s -> { }))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> Engines.open("flink", null, s -> { }))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown engine").hasMessageContaining("local");
    }
}
