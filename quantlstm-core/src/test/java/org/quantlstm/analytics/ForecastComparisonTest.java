package org.quantlstm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastComparisonTest {

    @Test
    void rmseIcAndDmByHand() {
        Map<String, double[]> f = new LinkedHashMap<>();
        f.put("model", new double[] {1, 2, 3, 5, 9});
        f.put("flat", new double[] {2.5, 2.5, 2.5, 2.5, 2.5});
        // the last outcome is unknown: that row leaves every figure
        List<ForecastComparison.Line> lines = ForecastComparison.compare(new double[] {1, 2, 3, 4, Double.NaN}, f);
        ForecastComparison.Line model = lines.get(0);
        ForecastComparison.Line flat = lines.get(1);
        assertThat(model.n()).isEqualTo(4);
        assertThat(model.rmse()).isCloseTo(0.5, within(1e-12)); // errors 0, 0, 0, 1
        assertThat(flat.rmse()).isCloseTo(Math.sqrt(1.25), within(1e-12)); // 1.5², 0.5², 0.5², 1.5²
        // Pearson by hand: Sxy = 6.5, Sxx = 8.75, Syy = 5
        assertThat(model.ic()).isCloseTo(6.5 / Math.sqrt(8.75 * 5), within(1e-12));
        assertThat(flat.ic()).isNaN(); // a constant forecast ranks nothing
        assertThat(model.dm()).isNull();
        // losses 0,0,0,1 against 2.25,0.25,0.25,2.25: the model is better, d̄ = −1
        assertThat(flat.dm().meanDifference()).isCloseTo(-1.0, within(1e-12));
        assertThat(flat.dm().statistic()).isNegative();
        String table = ForecastComparison.table("", lines, 1, "");
        assertThat(table).contains("model").contains("flat").contains("n/a").contains("DM -");
    }

    @Test
    void identicalForecastsHaveNoTest() {
        Map<String, double[]> f = new LinkedHashMap<>();
        f.put("a", new double[] {1, 2, 3});
        f.put("b", new double[] {1, 2, 3});
        List<ForecastComparison.Line> lines = ForecastComparison.compare(new double[] {1, 3, 2}, f);
        assertThat(lines.get(1).dm()).isNull();
        assertThat(ForecastComparison.dmText(lines.get(0), lines.get(1))).isEqualTo("n/a");
    }
}
