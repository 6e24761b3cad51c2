package org.quantlstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Trade;
import org.quantlstm.signal.Side;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.TrialState;
import org.quantlstm.tuning.WorkerId;

class PlainDataTest {

    /** Through Java serialisation, as a task result travels to the driver (none of these records is Serializable). */
    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PlainData.encode(value));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return PlainData.decode(in.readObject());
        }
    }

    private record Holder(List<FrozenTrial> trials, BacktestResult backtest, Trade[] trades, double[][] grid,
                          String note) {
    }

    @Test
    void recordsThatAreNotSerializableComeBackEqualComponentByComponent() throws Exception {
        assertThat(Serializable.class.isAssignableFrom(FrozenTrial.class)).isFalse();
        assertThat(Serializable.class.isAssignableFrom(BacktestResult.class)).isFalse();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("seq_len", 16);
        params.put("lr", 0.003);
        params.put("cell", "lstm");
        SortedMap<Integer, Double> steps = new TreeMap<>(Map.of(0, -0.5, 1, -0.25));
        FrozenTrial trial = new FrozenTrial(3, TrialState.PRUNED, Double.NaN, params, steps, 10, 25, 25,
                new WorkerId("h", 7, 1), Map.of("degenerate", "flat"));
        Trade trade = new Trade("XAUUSD", Side.LONG, 1, 3, 100, 300, 10.0, 11.0, 1.0, 2.0, 2.0, 0.1, 2, 0.01,
                false);
        BacktestResult bt = new BacktestResult("XAUUSD", new long[] {100, 200, 300}, new double[] {10, 10.5, 11},
                new double[] {1000, 1050, 1100}, new double[] {1, 1, 0}, new double[] {0, 0, 1},
                new double[] {0.01, 0, 0.01}, List.of(), List.of(trade), 1000);
        Holder h = new Holder(List.of(trial), bt, new Trade[] {trade, null}, new double[][] {{1, 2}, {3}}, null);

        Holder back = (Holder) roundTrip(h);

        // Double.equals: bit for bit, NaN equal to NaN
        assertThat(back).isNotSameAs(h).usingRecursiveComparison()
                .withEqualsForType((a, b) -> a.equals(b), Double.class).isEqualTo(h);
        FrozenTrial t = back.trials().get(0);
        assertThat(t.params()).containsExactly(Map.entry("seq_len", 16), Map.entry("lr", 0.003),
                Map.entry("cell", "lstm"));
        assertThat(t.params().get("seq_len")).isInstanceOf(Integer.class);
        assertThat(t.intermediateValues().firstKey()).isEqualTo(0);
        assertThat(t.value()).isNaN();
        assertThat(t.durationMs()).isEqualTo(15);
        assertThat(back.backtest().equity()).containsExactly(1000, 1050, 1100);
        assertThat(back.backtest().trades().get(0).side()).isSameAs(Side.LONG);
        assertThat(back.trades()).hasSize(2).containsNull();
        assertThat(PlainData.decode(PlainData.encode(null))).isNull();
    }

    @Test
    void aClassThatIsNeitherARecordNorSerializableIsRefusedByName() {
        Object live = new Object();
        assertThatThrownBy(() -> PlainData.encode(List.of(live))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }
}
