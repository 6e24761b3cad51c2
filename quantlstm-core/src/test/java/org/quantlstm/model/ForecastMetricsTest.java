package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed fixtures (worked by hand, checked once with a calculator). */
class ForecastMetricsTest {
    // level target: last observed closes, next closes, forecasts
    private static final double[] LAST = {10, 11, 9, 12};
    private static final double[] ACTUAL = {11, 9, 12, 12};
    private static final double[] FORECAST = {10.5, 10, 10, 13};

    @Test
    void levelTargetAgainstPersistenceAndDrift() {
        ForecastMetrics.Report r = ForecastMetrics.evaluate(ACTUAL, FORECAST, LAST, 1.0, ForecastMetrics.Target.LEVEL);
        // errors f-a = -0.5, 1, -2, 1 -> squares sum 6.25
        assertThat(r.model().rmse()).isCloseTo(1.25, within(1e-12));
        assertThat(r.model().mae()).isCloseTo(1.125, within(1e-12));
        assertThat(r.model().mapePercent()).isCloseTo(100 * (0.5 / 11 + 1.0 / 9 + 2.0 / 12 + 1.0 / 12) / 4, within(1e-12));
        // moves f-last = .5,-1,1,1 vs a-last = 1,-2,3,0: three non-zero realised moves, all signs right
        assertThat(r.model().directionalAccuracy()).isEqualTo(1.0);
        assertThat(r.model().ic()).isCloseTo(4.75 / Math.sqrt(2.6875 * 13), within(1e-12));
        // ranks (2,1,3.5,3.5) vs (3,1,4,2)
        assertThat(r.model().rankIc()).isCloseTo(0.6324555320336759, within(1e-12));
        // persistence errors -1, 2, -3, 0 -> RMSE sqrt(3.5); drift (last+1) errors 0, 3, -2, 1 -> sqrt(3.5)
        assertThat(r.persistence().rmse()).isCloseTo(Math.sqrt(3.5), within(1e-12));
        assertThat(r.persistence().mae()).isCloseTo(1.5, within(1e-12));
        assertThat(r.persistence().directionalAccuracy()).isNaN();
        assertThat(r.drift().rmse()).isCloseTo(Math.sqrt(3.5), within(1e-12));
        assertThat(r.drift().directionalAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.theilU()).isCloseTo(1.25 / Math.sqrt(3.5), within(1e-12));
        assertThat(r.beatsPersistence()).isTrue();
        assertThat(r.verdict()).startsWith("LSTM beats the persistence baseline");
        assertThat(r.table()).contains("persistence").contains("drift").contains("Theil's U");
    }

    @Test
    void saysPlainlyWhenPersistenceWins() {
        double[] bad = {12, 12, 8, 14}; // errors 1, 3, -4, 2 -> RMSE sqrt(7.5)
        ForecastMetrics.Report r = ForecastMetrics.evaluate(ACTUAL, bad, LAST, 1.0, ForecastMetrics.Target.LEVEL);
        assertThat(r.model().rmse()).isCloseTo(Math.sqrt(7.5), within(1e-12));
        assertThat(r.theilU()).isCloseTo(Math.sqrt(7.5 / 3.5), within(1e-12));
        assertThat(r.beatsPersistence()).isFalse();
        assertThat(r.verdict()).contains("does NOT beat the naive persistence forecast");
    }

    @Test
    void changeTargetMeasuresDirectionAgainstZero() {
        double[] last = {0.01, -0.02, 0.005, 0.0};
        double[] actual = {-0.02, 0.005, 0.0, 0.01};
        double[] forecast = {-0.01, 0.01, 0.002, -0.005};
        ForecastMetrics.Report r = ForecastMetrics.evaluate(actual, forecast, last, 0.001, ForecastMetrics.Target.CHANGE);
        assertThat(r.model().rmse()).isCloseTo(Math.sqrt(3.54e-4 / 4), within(1e-12));
        assertThat(r.persistence().rmse()).isCloseTo(Math.sqrt(1.65e-3 / 4), within(1e-12));
        assertThat(r.drift().rmse()).isCloseTo(Math.sqrt(5.39e-4 / 4), within(1e-12));
        // realised non-zero: -, +, + ; forecast -, +, - -> 2 of 3
        assertThat(r.model().directionalAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.persistence().directionalAccuracy()).isEqualTo(0.0);
        assertThat(r.beatsPersistence()).isTrue();
    }

    @Test
    void rankCorrelationIsOneForMonotoneAndDriftIsTrainOnly() {
        assertThat(ForecastMetrics.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16})).isEqualTo(1.0);
        assertThat(ForecastMetrics.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(ForecastMetrics.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
        assertThat(ForecastMetrics.driftPerStep(new double[] {8, 9, 10}, ForecastMetrics.Target.LEVEL)).isEqualTo(1.0);
        assertThat(ForecastMetrics.driftPerStep(new double[] {0.01, 0.03}, ForecastMetrics.Target.CHANGE))
                .isCloseTo(0.02, within(1e-15));
        assertThat(ForecastMetrics.mapePercent(new double[] {0, 2}, new double[] {1, 1})).isEqualTo(50.0);
    }
}
