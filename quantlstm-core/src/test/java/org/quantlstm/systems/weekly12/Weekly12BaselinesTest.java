package org.quantlstm.systems.weekly12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class Weekly12BaselinesTest {

    @Test
    void constantSidesAreNamed() {
        double[][] w = {{0.3, -0.1, 0}, {0.2, 0.1, 0}, {0.33, -0.2, 0}};
        List<String> lines = Weekly12Baselines.constantLines("LSTM strategy", List.of("A", "B", "C"), w);
        assertThat(lines).containsExactly("LSTM strategy: A long on 3/3 weeks, C flat on 3/3 weeks (a constant side is "
                + "buy-and-hold of that stock, or its reverse)");
        assertThat(Weekly12Baselines.constantLines("x", List.of("A"), new double[][] {{0.1}, {-0.1}})).isEmpty();
    }

    @Test
    void rowFiguresByHand() {
        // equity 100 → 110 → 99: returns +10 %, −10 %; rf 0; mean 0 so Sharpe 0; drawdown 99/110 − 1
        Weekly12Baselines.Row r = Weekly12Baselines.Row.of("x", new double[] {100, 110, 99}, null);
        assertThat(r.totalReturn()).isCloseTo(-0.01, within(1e-12));
        assertThat(r.sharpe()).isCloseTo(0, within(1e-12));
        assertThat(r.maxDrawdown()).isCloseTo(99.0 / 110 - 1, within(1e-12));
    }
}
