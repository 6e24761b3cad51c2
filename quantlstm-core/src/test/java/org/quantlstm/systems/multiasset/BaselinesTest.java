package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.backtest.Prices;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;

/**
 * The multi-asset baselines on a five-bar series whose positions and equity are worked out by hand: 10 bps per
 * side, next-open fills, 1,000 of capital; a fill resizes to target × equity at the open, then pays the cost.
 */
class BaselinesTest {

    private static final double[] OPEN = {100, 101, 102, 100, 105};
    private static final double[] CLOSE = {100, 102, 101, 103, 104};
    private static final BacktestConfig CFG = BacktestConfig.DEFAULT.withFill(FillTiming.NEXT_OPEN)
            .withFees(FeeModel.commissionOnly(10).withSlippage(0, 0)).withCapital(1000).withMaxGross(2); // cost arithmetic by hand; the gross limit is tested in backtest

    private static BarSeries series() {
        long[] t = new long[OPEN.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1_700_000_000_000L + i * 14_400_000L;
        }
        return BarSeries.of(Symbol.of("XAUUSD"), Interval.H4, t, OPEN, OPEN, OPEN, CLOSE, null, new double[OPEN.length]);
    }

    @Test
    void persistenceSignIsTheSignOfTheLastBarsReturn() {
        // returns of bars 1..4: +2, -1, +2, +1
        assertThat(Baselines.persistenceSign(CLOSE, 1, 5, true)).containsExactly(1, -1, 1, 1);
        assertThat(Baselines.persistenceSign(CLOSE, 1, 5, false)).containsExactly(1, 0, 1, 1);
        // bar 0 has no return; an unchanged close is flat
        assertThat(Baselines.persistenceSign(new double[] {5, 5, 4}, 0, 3, true)).containsExactly(0, 0, -1);
    }

    @Test
    void baselinesTradeTheSegmentWithTheLstmsFillsAndCosts() {
        // decision bars 1..4 (bar 1 = last validation bar), so the test bars are 2..4
        Prices p = Baselines.prices(series(), 1, 5);
        assertThat(p.open()).containsExactly(101, 102, 100, 105);
        assertThat(p.close()).containsExactly(102, 101, 103, 104);

        // buy-and-hold: 1000/102 shares at bar 2's open, cost 1.0; held to 104
        double bh = 1000.0 / 102 * 104 - 1.0;
        assertThat(Baselines.buyAndHold(CFG, p).finalEquity()).isCloseTo(bh, within(1e-9));

        // persistence with shorts, targets +1, -1, +1 (the last is never filled)
        double s1 = 1000.0 / 102;                      // bar 2 open 102
        double cash1 = -1.0;                           // 1000 spent plus the 1.0 cost
        double eq2 = cash1 + s1 * 100;                 // bar 3 open 100: to -1
        double s2 = -eq2 / 100;
        double cash2 = cash1 + (s1 - s2) * 100 - 0.001 * (s1 - s2) * 100;
        double eq3 = cash2 + s2 * 105;                 // bar 4 open 105: to +1
        double s3 = eq3 / 105;
        double cash3 = cash2 - (s3 - s2) * 105 - 0.001 * (s3 - s2) * 105;
        double longShort = cash3 + s3 * 104;
        BacktestResult ls = Baselines.persistence(CFG, p, CLOSE, 1, true);
        assertThat(ls.finalEquity()).isCloseTo(longShort, within(1e-9));
        assertThat(longShort).isCloseTo(917.6634, within(1e-3));

        // shorts off: +1, 0, +1
        double cashB = cash1 + s1 * 100 - 0.001 * s1 * 100;  // sold at 100
        double sB = cashB / 105;
        double longOnly = cashB - sB * 105 - 0.001 * sB * 105 + sB * 104;
        assertThat(Baselines.persistence(CFG, p, CLOSE, 1, false).finalEquity()).isCloseTo(longOnly, within(1e-9));
        assertThat(longOnly).isCloseTo(968.1151, within(1e-3));
    }

    @Test
    void reportComparesTheLstmWithBothBaselines() {
        BarSeries s = series();
        Prices p = Baselines.prices(s, 1, 5);
        double[] lstm = {0, 0, 0, 1};  // flat on every test bar; the last target is never filled
        BacktestResult bt = new Backtester(CFG).run("lstm_long_short", p, lstm);
        AssetTuner.Evaluation e = new AssetTuner.Evaluation(null, null, 1, 5, p.times(), p.close(), new double[4],
                new double[4], lstm, bt, Double.NaN, 1, 0);
        Baselines.Report r = Baselines.of(s, e, CFG, true, 1560);
        assertThat(r.lstm().totalReturn()).isZero();
        assertThat(r.lstm().sharpe()).isZero();
        assertThat(r.buyAndHold().totalReturn()).isCloseTo((1000.0 / 102 * 104 - 1.0) / 1000 - 1, within(1e-12));
        assertThat(r.buyAndHold().maxDrawdown()).isCloseTo((-1 + 1000.0 / 102 * 101) / 1000 - 1, within(1e-12));
        assertThat(r.persistence().totalReturn()).isCloseTo(0.9176634 - 1, within(1e-6));
        assertThat(r.constant()).isEqualTo(Baselines.Held.FLAT);
        assertThat(r.testBars()).isEqualTo(3);
        assertThat(Baselines.constantLine("XAUUSD", r))
                .isEqualTo("XAUUSD: the LSTM strategy is flat on 3 of 3 test bars: it never trades");
        String table = Baselines.table(java.util.List.of("XAUUSD"), java.util.List.of(r));
        assertThat(table.lines()).hasSize(6);
        assertThat(table).contains("XAUUSD   buy_and_hold           +1.86%")
                .contains("XAUUSD   persistence_sign       -8.23%");
    }

    @Test
    void constantPositionIsReadFromTheFilledTargets() {
        assertThat(Baselines.constantPosition(new double[] {1, 1, 1, -1})).isEqualTo(Baselines.Held.LONG);
        assertThat(Baselines.constantPosition(new double[] {-1, -1, -1, 0})).isEqualTo(Baselines.Held.SHORT);
        assertThat(Baselines.constantPosition(new double[] {0, 0, 0, 1})).isEqualTo(Baselines.Held.FLAT);
        assertThat(Baselines.constantPosition(new double[] {1, 1, 0, 1})).isNull();
        assertThat(Baselines.constantPosition(new double[] {-1, 1, 1})).isNull();
        assertThat(Baselines.constantPosition(new double[] {1})).isNull();
        assertThat(Baselines.testBars(new double[] {1, 1, 1, -1})).isEqualTo(3);
        Baselines.Figures f = new Baselines.Figures("lstm", 0.1, 1, -0.05);
        Baselines.Report longs = new Baselines.Report(f, f, f, Baselines.Held.LONG, 621);
        assertThat(Baselines.constantLine("XAUUSD", longs))
                .isEqualTo("XAUUSD: the LSTM strategy is long on 621 of 621 test bars: this is buy-and-hold");
        Baselines.Report shorts = new Baselines.Report(f, f, f, Baselines.Held.SHORT, 621);
        assertThat(Baselines.constantLine("XAGUSD", shorts)).startsWith("XAGUSD: the LSTM strategy is short on 621 of 621");
        assertThat(Baselines.constantLine("XAGUSD", new Baselines.Report(f, f, f, null, 621))).isNull();
    }
}
