package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.Trade;
import org.quantlstm.signal.Side;

/**
 * Hand-computed fixture: returns r = +10 %, −10 %, +10 %, +10 % (equity 100 → 110 → 99 → 108.9 → 119.79),
 * with N = 4 periods per year so that annualising is easy to follow.
 */
class MetricsTest {
    private static final double[] R = {0.1, -0.1, 0.1, 0.1};
    private static final double[] EQ = {100, 110, 99, 108.9, 119.79};
    private static final double[] RF0 = new double[4];
    private static final double E = 1e-12;

    @Test
    void returnsAndVolatility() {
        // total = 1.1 · 0.9 · 1.1 · 1.1 − 1 = 0.1979
        assertThat(Metrics.totalReturn(R)).isCloseTo(0.1979, within(E));
        // CAGR = 1.1979^(N/n) − 1: N = n = 4 → 0.1979; N = 8 → 1.1979² − 1 = 0.43496441
        assertThat(Metrics.cagr(0.1979, 4, 4)).isCloseTo(0.1979, within(E));
        assertThat(Metrics.cagr(0.1979, 4, 8)).isCloseTo(0.43496441, within(E));
        // mean 0.05; deviations .05, −.15, .05, .05 → Σd² = 0.03; ddof 1 → var 0.01, std 0.1; ×√4 = 0.2
        assertThat(Metrics.volatility(R, 4)).isCloseTo(0.2, within(E));
    }

    @Test
    void sharpeAndSortino() {
        // Sharpe = 0.05/0.1 · √4 = 1.0
        assertThat(Metrics.sharpe(R, RF0, 4)).isCloseTo(1.0, within(E));
        // Sortino: Σ_{r<0} r² = 0.01, /n = 0.0025, √ = 0.05 → 0.05/0.05 · 2 = 2.0
        assertThat(Metrics.sortino(R, RF0, 4)).isCloseTo(2.0, within(E));
        // rf 4.060401 %/yr with N = 4: (1.04060401)^(1/4) − 1 = 0.01 per period (1.01⁴ = 1.04060401)
        RiskFree rf = RiskFree.constant(0.04060401, 4, 4);
        assertThat(rf.perPeriod()[0]).isCloseTo(0.01, within(E));
        // excess .09, −.11, .09, .09: mean 0.04, std still 0.1 → Sharpe 0.4 · 2 = 0.8
        assertThat(Metrics.sharpe(R, rf.perPeriod(), 4)).isCloseTo(0.8, within(E));
        // downside √(0.0121/4) = 0.055 → 0.04/0.055 · 2 = 1.454545…
        assertThat(Metrics.sortino(R, rf.perPeriod(), 4)).isCloseTo(0.08 / 0.055, within(E));
    }

    @Test
    void drawdownAndCalmar() {
        Drawdown dd = Drawdown.of(EQ);
        // peak 110 (bar 1) → trough 99 (bar 2): 99/110 − 1 = −0.1; back above 110 only at bar 4: 3 bars
        assertThat(dd.maxDrawdown()).isCloseTo(-0.1, within(E));
        assertThat(dd.peakIndex()).isEqualTo(1);
        assertThat(dd.troughIndex()).isEqualTo(2);
        assertThat(dd.longestDuration()).isEqualTo(3);
        assertThat(dd.recovered()).isTrue();
        // Calmar = 0.1979 / 0.1
        assertThat(Metrics.calmar(0.1979, dd.maxDrawdown())).isCloseTo(1.979, within(E));
        // the starting capital is the first peak: a curve that only falls has a drawdown from bar 0
        Drawdown down = Drawdown.of(new double[] {100, 90, 80, 85});
        assertThat(down.maxDrawdown()).isCloseTo(-0.2, within(E));
        assertThat(down.longestDuration()).isEqualTo(3);
        assertThat(down.recovered()).isFalse();
    }

    @Test
    void perPeriodWinLoss() {
        // 3 wins of 4 non-zero periods; avg win 0.1; avg loss −0.1; PF = 0.3/0.1 = 3; a flat period is ignored
        Metrics.WinLoss w = Metrics.perPeriod(new double[] {0.1, -0.1, 0.1, 0.1, 0});
        assertThat(w.winRate()).isCloseTo(0.75, within(E));
        assertThat(w.avgWin()).isCloseTo(0.1, within(E));
        assertThat(w.avgLoss()).isCloseTo(-0.1, within(E));
        assertThat(w.profitFactor()).isCloseTo(3.0, within(E));
    }

    @Test
    void perTradeWinLoss() {
        List<Trade> trades = List.of(trade(10, 0.1), trade(-5, -0.05), trade(20, 0.2), trade(0, 0));
        // 2 winners of 4 trades; avg win (0.1+0.2)/2 = 0.15; avg loss −0.05; PF = 30/5 = 6
        Metrics.WinLoss w = Metrics.perTrade(trades);
        assertThat(w.winRate()).isCloseTo(0.5, within(E));
        assertThat(w.avgWin()).isCloseTo(0.15, within(E));
        assertThat(w.avgLoss()).isCloseTo(-0.05, within(E));
        assertThat(w.profitFactor()).isCloseTo(6.0, within(E));
        assertThat(w.count()).isEqualTo(4);
    }

    @Test
    void exposureTurnoverAlphaBeta() {
        // positions at closes 1..4: 1, 0, −0.5, 0.5 → 3 of 4 bars exposed
        assertThat(Metrics.timeInvested(new double[] {0, 1, 0, -0.5, 0.5})).isCloseTo(0.75, within(E));
        // mean |w| over bars 1..4: (1 + 0 + 0.5 + 0.5)/4
        assertThat(Metrics.exposure(new double[] {0, 1, 0, -0.5, 0.5})).isCloseTo(0.5, within(E));
        // a near-cash book: 0.1 % of equity every bar is invested all the time but exposed 0.1 %
        assertThat(Metrics.exposure(new double[] {0, 0.001, 0.001})).isCloseTo(0.001, within(E));
        assertThat(Metrics.timeInvested(new double[] {0, 0.001, 0.001})).isEqualTo(1.0);
        // traded/equity: 1.0 + 0.5 = 1.5 over 4 periods, × N = 4 → 1.5 per year (two-way)
        assertThat(Metrics.turnover(new double[] {0, 100, 0, 50, 0}, new double[] {100, 100, 100, 100, 100}, 4))
                .isCloseTo(1.5, within(E));
        // r = 2b + 0.01 exactly: β = 2, α = 0.01 per period × 4 = 0.04
        double[] b = {0.05, -0.05, 0.05, 0.05};
        double[] r = {0.11, -0.09, 0.11, 0.11};
        assertThat(Metrics.beta(r, b)).isCloseTo(2.0, within(E));
        assertThat(Metrics.alpha(r, b, 4)).isCloseTo(0.04, within(E));
        // in excess of rf = 0.002 per period: (mean(r) − rf) − 2(mean(b) − rf) = 0.01 + 0.002 → × 4 = 0.048
        double[] rf = {0.002, 0.002, 0.002, 0.002};
        assertThat(Metrics.alphaExcess(r, b, rf, 4)).isCloseTo(0.048, within(E));
        // cash earning the bill rate: β = 0; plain alpha credits it with the bill rate, alpha over rf is 0
        assertThat(Metrics.alpha(rf, b, 4)).isCloseTo(0.008, within(E));
        assertThat(Metrics.alphaExcess(rf, b, rf, 4)).isCloseTo(0.0, within(E));
    }

    private static Trade trade(double pnl, double ret) {
        return new Trade("X", Side.LONG, 0, 1, 0, 1, 10, 11, 1, 1, pnl, ret, 1, 0, false);
    }
}
