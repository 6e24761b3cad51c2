package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.Side;

/**
 * Costs and fill timing on three bars, checked by hand. Opens 10, 11, 12; closes 10.5, 12, 11; capital 1000;
 * 10 bps per fill. The target decided at bar 0's close can only be filled on bar 1.
 */
class ThreeBarTest {
    private static final Prices P = Prices.of("X", new double[] {10, 11, 12}, new double[] {10.5, 12, 11});
    private static final BacktestConfig C = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.commissionOnly(10),
            RiskLimits.NONE, 1000).withMaxGross(2); // these goldens check cost arithmetic; GrossLimitTest the limit

    @Test
    void buyAtNextOpenAndHold() {
        BacktestResult r = new VectorizedBacktester(C).run("hold", P, new double[] {1, 1, 1});
        // bar 0: nothing held, equity 1000 (the decision at 10.5 is NOT filled at 10.5)
        // bar 1: buy at open 11: shares = 1000/11 = 90.9090…, notional 1000, cost 10 bps = 1.00,
        //        cash = 1000 − 1000 − 1 = −1; equity at close 12 = −1 + 90.9090…·12 = 1089.0909…
        // bar 2: equity at close 11 = −1 + 90.9090…·11 = 999
        assertThat(r.equity()[0]).isEqualTo(1000.0);
        assertThat(r.position()[0]).isEqualTo(0.0);
        assertThat(r.equity()[1]).isCloseTo(12000.0 / 11 - 1, within(1e-9));
        assertThat(r.equity()[2]).isCloseTo(999.0, within(1e-9));
        assertThat(r.costs()).containsExactly(new double[] {0, 1.0, 0}, within(1e-12));
        assertThat(r.traded()).containsExactly(new double[] {0, 1000, 0}, within(1e-9));
        // position at close 2 = 1000/999 of equity
        assertThat(r.position()[2]).isCloseTo(1000.0 / 999, within(1e-12));
        // one open trade, marked at the last close: pnl = −1000 − 1 + 90.909…·11 = −1; return −1/1000
        assertThat(r.trades()).hasSize(1);
        Trade t = r.trades().get(0);
        assertThat(t.open()).isTrue();
        assertThat(t.side()).isEqualTo(Side.LONG);
        assertThat(t.entryBar()).isEqualTo(1);
        assertThat(t.entryPrice()).isEqualTo(11.0);
        assertThat(t.pnl()).isCloseTo(-1.0, within(1e-9));
        assertThat(t.returnPct()).isCloseTo(-0.001, within(1e-12));
    }

    @Test
    void buyAtNextCloseInstead() {
        BacktestResult r = new VectorizedBacktester(C.withFill(FillTiming.NEXT_CLOSE)).run("hold", P,
                new double[] {1, 1, 1});
        // bar 1: buy at close 12: shares = 1000/12 = 83.333…, cost 1.00, cash −1, equity = −1 + 1000 = 999
        // bar 2: equity = −1 + 83.333…·11 = 915.6666…
        assertThat(r.equity()).containsExactly(new double[] {1000, 999, 11000.0 / 12 - 1}, within(1e-9));
        assertThat(r.trades().get(0).entryPrice()).isEqualTo(12.0);
    }

    @Test
    void roundTripWithCostsSlippageAndMinimum() {
        // decide long at bar 0, flat at bar 1: buy at open 11 (bar 1), sell at open 12 (bar 2)
        BacktestResult r = new VectorizedBacktester(C).run("rt", P, new double[] {1, 0, 0});
        // sell 90.9090… shares at 12: notional 1090.9090…, cost 1.0909…;
        // cash = −1 + 1090.9090… − 1.0909… = 1088.8181…; flat, equity at close 2 = 1088.8181…
        double sellNotional = 12000.0 / 11;
        assertThat(r.equity()[2]).isCloseTo(-1 + sellNotional * (1 - 0.001), within(1e-9));
        Trade t = r.trades().get(0);
        assertThat(t.open()).isFalse();
        assertThat(t.exitBar()).isEqualTo(2);
        assertThat(t.barsHeld()).isEqualTo(1);
        assertThat(t.exitPrice()).isEqualTo(12.0);
        assertThat(t.costs()).isCloseTo(1 + sellNotional * 0.001, within(1e-9));
        assertThat(t.pnl()).isCloseTo(r.equity()[2] - 1000, within(1e-9));
        assertThat(t.returnPct()).isCloseTo((r.equity()[2] - 1000) / 1000, within(1e-12));

        // 10 bps + 5 bps slippage with a minimum of 2 per fill: buy 1000 → max(2, 1.5) = 2;
        // sell 1000/11·12 = 1090.9090… → max(2, 1.636…) = 2; equity = 1000 − 2 + (1090.9090… − 1000) − 2
        BacktestResult m = new VectorizedBacktester(C.withFees(FeeModel.commissionOnly(10).withSlippage(5, 2))).run("rt", P,
                new double[] {1, 0, 0});
        assertThat(m.costs()).containsExactly(new double[] {0, 2, 2}, within(1e-12));
        assertThat(m.equity()[2]).isCloseTo(1000 - 2 + (sellNotional - 1000) - 2, within(1e-9));
    }

    @Test
    void shortThreeBars() {
        // −100 % from bar 0: short 90.9090… at 11 (cost 1); cash = 1000 + 1000 − 1 = 1999;
        // equity close 1 = 1999 − 90.9090…·12 = 908.0909…, close 2 = 1999 − 1000 = 999
        BacktestResult r = new VectorizedBacktester(C).run("short", P, new double[] {-1, -1, -1});
        assertThat(r.equity()).containsExactly(new double[] {1000, 1999 - 12000.0 / 11, 999}, within(1e-9));
        assertThat(r.position()[1]).isCloseTo(-(12000.0 / 11) / (1999 - 12000.0 / 11), within(1e-12));
        assertThat(r.trades().get(0).side()).isEqualTo(Side.SHORT);
    }

    @Test
    void cashEarnsTheGivenRateWhenAsked() {
        double[] rate = {0.01, 0.02}; // per period: bar 0→1, bar 1→2
        // all in cash: 1000 → 1010 → 1030.2
        BacktestResult flat = new VectorizedBacktester(C, rate).run("cash", P, new double[] {0, 0, 0});
        assertThat(flat.equity()).containsExactly(new double[] {1000, 1010, 1030.2}, within(1e-9));
        // long from bar 1: interest first (cash 1010), then buy 1010/11 shares at 11 paying 1.01 → cash −1.01;
        // close 1: −1.01 + 1010/11·12; bar 2: the −1.01 overdraft is charged 2 % → −1.0302; + 1010/11·11
        BacktestResult r = new VectorizedBacktester(C, rate).run("long", P, new double[] {1, 1, 1});
        assertThat(r.equity()).containsExactly(new double[] {1000, -1.01 + 12120.0 / 11, -1.0302 + 1010},
                within(1e-9));
        BacktestResult e = new EventBacktester(C, rate).run("long", P, new double[] {1, 1, 1});
        assertThat(e.equity()).containsExactly(r.equity(), within(1e-12));
    }

    @Test
    void lastDecisionIsNeverFilled() {
        BacktestResult r = new VectorizedBacktester(C).run("late", P, new double[] {0, 0, 1});
        assertThat(r.fills()).isEmpty();
        assertThat(r.equity()).containsExactly(1000, 1000, 1000);
    }
}
