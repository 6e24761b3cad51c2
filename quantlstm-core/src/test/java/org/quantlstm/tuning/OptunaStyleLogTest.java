package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The per-trial line reads like Optuna's. */
class OptunaStyleLogTest {
    private static final WorkerId ME = new WorkerId("h", 1, 0);

    @Test
    void completeTrialLine() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("seq_len", 48);
        params.put("lr", 0.001);
        params.put("opt", "adam");
        FrozenTrial t = new FrozenTrial(7, TrialState.COMPLETE, 0.0123, params, new TreeMap<>(), 0, 1_000, 0, ME);
        FrozenTrial best = new FrozenTrial(3, TrialState.COMPLETE, 1e-5, Map.of(), new TreeMap<>(), 0, 10, 0, ME);
        assertThat(OptunaStyleLog.line(t, Optional.of(best), Optional.empty())).isEqualTo(
                "[I 1970-01-01 00:00:01,000] Trial 7 finished with value: 0.0123 and parameters: "
                        + "{'seq_len': 48, 'lr': 0.001, 'opt': 'adam'}. Best is trial 3 with value: 1e-05.");
        assertThat(OptunaStyleLog.bestSummary(Optional.of(best))).isEqualTo("Best trial: 3 with value: 1e-05 and parameters: {} (10 ms)");
    }

    @Test
    void prunedAndFailedLines() {
        TreeMap<Integer, Double> iv = new TreeMap<>(Map.of(0, 1.0, 1, 2.0));
        FrozenTrial pruned = new FrozenTrial(4, TrialState.PRUNED, Double.NaN, Map.of(), iv, 0, 0, 0, ME);
        assertThat(OptunaStyleLog.line(pruned, Optional.empty(), Optional.empty())).endsWith("Trial 4 pruned at step 1.");
        FrozenTrial failed = new FrozenTrial(5, TrialState.FAIL, Double.NaN, Map.of("x", 2.0), new TreeMap<>(), 0, 0, 0, ME);
        assertThat(OptunaStyleLog.line(failed, Optional.empty(), Optional.of("boom")))
                .startsWith("[W ").endsWith("Trial 5 failed with parameters: {'x': 2.0} because of the following error: boom.");
    }

    @Test
    void numbersPrintLikePythonRepr() {
        assertThat(OptunaStyleLog.number(2.0)).isEqualTo("2.0");
        assertThat(OptunaStyleLog.number(0.0001)).isEqualTo("0.0001");
        assertThat(OptunaStyleLog.number(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(OptunaStyleLog.number(-12345.678)).isEqualTo("-12345.678");
        assertThat(OptunaStyleLog.number(1e16)).isEqualTo("1e+16");
        assertThat(OptunaStyleLog.number(Double.NaN)).isEqualTo("nan");
    }
}
