package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialImportanceTest {
    @Test
    void theParameterThatDrivesTheObjectiveComesFirst() {
        List<String[]> rows = new ArrayList<>();
        // value rises with lr; units cycle independently of the trial order; pruned trials are ignored
        int[] units = {64, 32, 128, 64, 128, 32, 64, 32, 128, 32};
        for (int i = 0; i < 10; i++) {
            double lr = 0.001 * (i + 1);
            rows.add(new String[] {"GC", String.valueOf(i), "COMPLETE", String.valueOf(10 * lr), "12",
                "{\"lr\":" + lr + ",\"units\":" + units[i] + ",\"act\":\"" + (i % 2 == 0 ? "tanh" : "relu") + "\"}"});
        }
        rows.add(new String[] {"GC", "10", "PRUNED", "-100", "3", "{\"lr\":0.5,\"units\":64,\"act\":\"tanh\"}"});
        CsvTable t = new CsvTable(List.of("ticker", "number", "state", "value", "duration_ms", "params"), rows);
        Map<String, Double> imp = TrialImportance.of(t);
        assertThat(imp.keySet()).first().isEqualTo("lr");
        assertThat(imp.get("lr")).isGreaterThan(imp.get("units"));
        assertThat(imp.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void tooFewTrialsGiveNothing() {
        CsvTable t = new CsvTable(List.of("number", "state", "value", "params"), List.of(
                new String[] {"0", "COMPLETE", "1", "{\"a\":1}"}, new String[] {"1", "COMPLETE", "2", "{\"a\":2}"}));
        assertThat(TrialImportance.of(t)).isEmpty();
    }
}
