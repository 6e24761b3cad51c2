package org.quantlstm.systems.spyanalyser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.report.RiskFree;

/** The choice on validation: the highest validation Sharpe among strategies that held a position there. */
class SelectionTest {
    private static final long DAY = 86_400_000L;

    private static BacktestResult of(String name, double position, double... returns) {
        int n = returns.length + 1;
        long[] times = new long[n];
        double[] equity = new double[n];
        double[] pos = new double[n];
        equity[0] = 100;
        for (int t = 0; t < n; t++) {
            times[t] = (20_000 + t) * DAY;
        }
        for (int t = 1; t < n; t++) {
            equity[t] = equity[t - 1] * (1 + returns[t - 1]);
            pos[t] = position;
        }
        return new BacktestResult(name, times, equity.clone(), equity, pos, new double[n], new double[n], List.of(),
                List.of(), 100);
    }

    private static Selection.Segment segment(BacktestResult... runs) {
        return new Selection.Segment(runs[0].times(), List.of(runs), runs[0], RiskFree.zero(runs[0].size() - 1));
    }

    @Test
    void choosesTheHighestValidationSharpeAmongStrategiesThatHeldAPosition() {
        // per-period Sharpe (rf = 0): a = {1,2,3}% → 2, b = {3,−1,1}% → 0.5; annualised ×√252
        // idle never held a position: it has the smallest risk (none) but cannot be chosen
        Selection.Choice c = Selection.choose(segment(of("idle", 0, 0, 0, 0), of("b", 1, 0.03, -0.01, 0.01),
                of("a", 1, 0.01, 0.02, 0.03)), 252);
        assertThat(c.chosen()).isEqualTo("a");
        assertThat(c.notEligible()).containsExactly("idle");
        assertThat(c.validationSharpe().get("a")).isCloseTo(2 * Math.sqrt(252), within(1e-9));
        assertThat(c.validationSharpe().get("b")).isCloseTo(0.5 * Math.sqrt(252), within(1e-9));
        assertThat(c.validationSharpe().get("idle")).isNaN();
        assertThat(c.returns()).isEqualTo(3);
        assertThat(c.from()).isEqualTo(java.time.LocalDate.ofEpochDay(20_000));
        assertThat(c.to()).isEqualTo(java.time.LocalDate.ofEpochDay(20_003));
        assertThat(c.unavailable()).isNull();
    }

    @Test
    void nothingCanBeChosenWhenNoStrategyHeldAPosition() {
        Selection.Choice c = Selection.choose(segment(of("x", 0, 0, 0, 0), of("y", 0, 0, 0, 0)), 252);
        assertThat(c.chosen()).isNull();
        assertThat(c.notEligible()).containsExactly("x", "y");
        assertThat(c.unavailable()).contains("no strategy held a position");
    }

    @Test
    void firstForecastSkipsBarsWithoutOne() {
        double[] p = {Double.NaN, Double.NaN, 0.1, 0.2, Double.NaN};
        assertThat(Selection.firstForecast(p, 0, 5)).isEqualTo(2);
        assertThat(Selection.firstForecast(p, 4, 5)).isEqualTo(5);
    }
}
