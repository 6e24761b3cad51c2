package org.quantlstm.systems.crosssectional;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.Fill;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.backtest.PortfolioResult;
import org.quantlstm.backtest.Prices;
import org.quantlstm.backtest.Trade;
import org.quantlstm.portfolio.TopKSchedule;

/**
 * The top-K engine end to end on a hand-made universe of four stocks, checked against hand-computed cash
 * flows: entries at the next open sized from the equity at that open (compounding), the K cap, exits only on
 * a review day, 10 bps costs on each fill.
 */
class TopKBacktestTest {
    private static final long DAY = 86_400_000L;
    private static final int N = 12;

    private static Prices flat(String name, double... byBar) {
        long[] t = new long[N];
        for (int i = 0; i < N; i++) {
            t[i] = i * DAY;
        }
        return new Prices(name, t, byBar, byBar);
    }

    @Test
    void entriesCapWeeklyExitAndCompounding() {
        double[] pa = new double[N];
        for (int i = 0; i < N; i++) {
            pa[i] = i < 4 ? 100 : 110; // A gains 10 % on day 4
        }
        double[] pb = new double[N], pc = new double[N], pd = new double[N];
        Arrays.fill(pb, 50);
        Arrays.fill(pc, 20);
        Arrays.fill(pd, 10);
        List<Prices> prices = List.of(flat("A", pa), flat("B", pb), flat("C", pc), flat("D", pd));
        double[] a = new double[N], b = new double[N], c = new double[N], d = new double[N];
        Arrays.fill(a, 1.0);
        Arrays.fill(b, 0.5);
        Arrays.fill(c, 0.1);
        Arrays.fill(d, 0.15);
        d[0] = 0.4;         // eligible on day 0, but A and B rank higher and K = 2
        a[3] = -0.5;        // negative before the first review: no exit
        a[7] = -1.0;        // review on day 7: exit, filled on day 8 at 110
        for (int t = 8; t < N; t++) {
            a[t] = -1.0;
            c[t] = 0.9;     // enters on day 8's close, filled on day 9
        }
        BacktestConfig cfg = BacktestConfig.DEFAULT.withFill(FillTiming.NEXT_OPEN).withFees(FeeModel.commissionOnly(10).withSlippage(0, 0))
                .withCapital(100_000).withMaxGross(2); // cost arithmetic by hand; the limit: the test below
        TopKBacktest.Result r = TopKBacktest.run(new TopKSchedule(new TopKSchedule.Rules(2, 0.2, 0.0, 7, 0.5)), prices,
                new double[][] {a, b, c, d}, cfg, null);
        PortfolioResult p = r.portfolio();

        // day 1: A 500 shares (50,000 / 100), B 1,000 shares (50,000 / 50), 50 + 50 costs
        // day 8: A sold, 500 × 110 = 55,000, cost 55
        // day 9: equity at the open = cash + B = (-100 + 55,000 - 55) + 50,000 = 104,845;
        //        C gets 0.5 × 104,845 / 20 = 2,621.125 shares, cost 52.4225
        List<Fill> fills = p.fills();
        assertThat(fills).hasSize(4);
        assertFill(fills.get(0), 0, 1, 100, 500, 50);
        assertFill(fills.get(1), 1, 1, 50, 1000, 50);
        assertFill(fills.get(2), 0, 8, 110, -500, 55);
        assertFill(fills.get(3), 2, 9, 20, 2621.125, 52.4225);
        double cash = -100 + 55_000 - 55 - 52_422.5 - 52.4225;
        assertThat(p.equity()[N - 1]).isCloseTo(cash + 1000 * 50 + 2621.125 * 20, within(1e-6));
        assertThat(p.equity()[5]).isCloseTo(-100 + 500 * 110 + 1000 * 50, within(1e-6));

        // never more than K positions; D (eligible on day 0) never bought
        for (int t = 0; t < N; t++) {
            int held = 0;
            for (double[] w : p.weights()) {
                held += w[t] != 0 ? 1 : 0;
            }
            assertThat(held).isLessThanOrEqualTo(2);
        }
        assertThat(Arrays.stream(p.weights()[3]).allMatch(w -> w == 0)).isTrue();

        Trade ta = p.trades().stream().filter(t -> t.asset().equals("A")).findFirst().orElseThrow();
        assertThat(ta.entryBar()).isEqualTo(1);
        assertThat(ta.exitBar()).isEqualTo(8);
        assertThat(ta.pnl()).isCloseTo(55_000 - 55 - 50_000 - 50, within(1e-6));
        assertThat(ta.open()).isFalse();
    }

    private static void assertFill(Fill f, int asset, int bar, double price, double delta, double cost) {
        assertThat(f.asset()).isEqualTo(asset);
        assertThat(f.bar()).isEqualTo(bar);
        assertThat(f.price()).isEqualTo(price);
        assertThat(f.deltaShares()).isCloseTo(delta, within(1e-9));
        assertThat(f.cost()).isCloseTo(cost, within(1e-9));
    }
}
