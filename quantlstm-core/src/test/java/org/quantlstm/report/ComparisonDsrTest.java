package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestResult;

/** The DSR counts every strategy tried in K but takes V[SR] only from the strategies that held a position. */
class ComparisonDsrTest {
    private static BacktestResult of(String name, double position, double... returns) {
        int n = returns.length + 1;
        long[] times = new long[n];
        double[] equity = new double[n];
        double[] pos = new double[n];
        equity[0] = 100;
        for (int t = 1; t < n; t++) {
            times[t] = t * 86_400_000L;
            equity[t] = equity[t - 1] * (1 + returns[t - 1]);
            pos[t] = position;
        }
        return new BacktestResult(name, times, equity.clone(), equity, pos, new double[n], new double[n], List.of(),
                List.of(), 100);
    }

    @Test
    void neverTradingStrategiesAreTrialsButNotInTheSharpeVariance() {
        // per-period Sharpe (rf = 0, ddof = 1): a = {1,2,3}% → 0.02/0.01 = 2; b = {3,−1,1}% → 0.01/0.02 = 0.5;
        // idle never holds a position (no Sharpe). V over {2, 0.5} = 2·0.75² = 1.125 (with idle as 0: 1.0833)
        BacktestResult a = of("a", 1, 0.01, 0.02, 0.03);
        BacktestResult b = of("b", 1, 0.03, -0.01, 0.01);
        BacktestResult idle = of("idle", 0, 0, 0, 0);
        BacktestResult bh = of("buy_and_hold", 1, 0.01, 0.0, 0.01);
        Comparison c = Comparison.of(List.of(a, b, idle), bh, RiskFree.zero(3), 252);
        assertThat(c.trials()).isEqualTo(3);
        assertThat(c.sharpeVariance()).isCloseTo(1.125, within(1e-12));
        assertThat(c.neverTraded()).containsExactly("idle");
        assertThat(c.rows().get(c.best()).name()).isEqualTo("a");
        // the DSR of a is its PSR against SR0 = √1.125·((1−γ)Φ⁻¹(2/3) + γΦ⁻¹(1 − 1/(3e)))
        double sr0 = ProbabilisticSharpe.expectedMaxSharpe(3, 1.125);
        assertThat(c.rows().get(0).dsr()).isCloseTo(ProbabilisticSharpe.psr(a.returns(), sr0), within(1e-12));
        assertThat(c.table()).contains("K=3 strategies tried", "from the 2 that held a position",
                "left out of V[SR]: idle.");
    }
}
