package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.signal.RiskLimits;

/** The gross limit, the borrow fee and financing, by hand, in both engines. */
class GrossAndCarryTest {
    private static final Prices P = Prices.of("X", new double[] {10, 11, 12}, new double[] {10.5, 12, 11});

    @Test
    void aFullTargetIsBoughtWithinTheLimitAfterCosts() {
        BacktestConfig c = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.commissionOnly(10), RiskLimits.NONE, 1000);
        // bar 1 open 11: 1000/11 shares would cost 1.00 and leave cash at −1 (gross 1000/999); the limit allows
        // 1 × (1000 − 1.00) = 999 of stock: 90.8181… shares, cost 0.999, cash 0.001
        for (BacktestResult r : List.of(new VectorizedBacktester(c).run("v", P, new double[] {1, 1, 1}),
                new EventBacktester(c).run("e", P, new double[] {1, 1, 1}))) {
            assertThat(r.fills().get(0).deltaShares()).isCloseTo(999.0 / 11, within(1e-9));
            assertThat(r.costs()[1]).isCloseTo(0.999, within(1e-12));
            assertThat(r.equity()[1]).isCloseTo(0.001 + 999.0 / 11 * 12, within(1e-9));
            for (int t = 0; t < 3; t++) {
                assertThat(r.gross()[t]).isLessThanOrEqualTo(1.0);
            }
            assertThat(r.financing()).containsOnly(0.0);
        }
        // a target above the limit is clipped to it
        BacktestResult two = new VectorizedBacktester(c.withFees(FeeModel.FREE)).run("v", P, new double[] {2, 2, 2});
        assertThat(two.fills().get(0).deltaShares()).isCloseTo(1000.0 / 11, within(1e-9));
    }

    @Test
    void ordersOfOneBarAreScaledTogetherSoTheBookStaysWithinTheLimit() {
        double[] a = {10, 10, 20, 20, 20}, b = {20, 20, 20, 20, 20};
        List<Prices> assets = List.of(Prices.of("A", a, a), Prices.of("B", b, b));
        double[][] targets = {{0.5, 0.5, 0.5, 0.5, 0.5}, {0, 0, 0.5, 0.5, 0.5}};
        BacktestConfig c = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.FREE, RiskLimits.NONE, 1000);
        // bar 1: A 50 shares (500), cash 500; bar 2: A doubles, equity 1500, A is 2/3 of it.
        // bar 3: B's order for 0.5 × 1500 = 750 would make the book 1750 = 1.167 × equity; the limit leaves
        // 1500 − 1000 = 500 for B: 25 shares, cash 0, gross exactly 1
        PortfolioResult r = new EventBacktester(c).run(assets, targets);
        assertThat(r.fills().get(1).deltaShares()).isCloseTo(25.0, within(1e-9));
        assertThat(r.gross()[3]).isCloseTo(1.0, within(1e-12));
        for (double g : r.gross()) {
            assertThat(g).isLessThanOrEqualTo(1.0 + 1e-12);
        }
        // two orders on one bar over the limit share the cut: 0.6 + 0.6 → 0.5 + 0.5
        PortfolioResult both = new EventBacktester(c).run(assets, new double[][] {{0.6, 0.6, 0.6, 0.6, 0.6},
                {0.6, 0.6, 0.6, 0.6, 0.6}});
        assertThat(both.fills().get(0).deltaShares()).isCloseTo(50.0, within(1e-9));
        assertThat(both.fills().get(1).deltaShares()).isCloseTo(25.0, within(1e-9));
        // with room for leverage the same book drifts to 1.167
        PortfolioResult lev = new EventBacktester(c.withMaxGross(2)).run(assets, targets);
        assertThat(lev.gross()[3]).isCloseTo(1750.0 / 1500, within(1e-12));
    }

    @Test
    void aShortPaysTheBorrowFeeEveryBarItIsHeld() {
        double[] px = {100, 100, 100, 100, 100};
        // 252 bps a year on 252 bars: 1 bp of the short's notional a bar
        BacktestConfig c = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.FREE.withCarry(252, 0),
                RiskLimits.NONE, 1000);
        double[] target = {-1, -1, -1, -1, -1};
        for (BacktestResult r : List.of(new VectorizedBacktester(c).run("v", Prices.of("X", px, px), target),
                new EventBacktester(c).run("e", Prices.of("X", px, px), target))) {
            // short 10 shares at bar 1's open; borrow 10 × 100 × 0.0001 = 0.1 at the start of bars 2, 3, 4
            assertThat(r.borrow()).containsExactly(new double[] {0, 0, 0.1, 0.1, 0.1}, within(1e-12));
            assertThat(r.finalEquity()).isCloseTo(999.7, within(1e-9));
            Trade t = r.trades().get(0);
            assertThat(t.borrow()).isCloseTo(0.3, within(1e-12));
            assertThat(t.pnl()).isCloseTo(-0.3, within(1e-9));
            assertThat(r.totalBorrow()).isCloseTo(0.3, within(1e-12));
        }
    }

    @Test
    void negativeCashPaysTheRiskFreeRatePlusTheSpread() {
        double[] px = {100, 100, 100, 100, 100};
        double[] rf = {0.0002, 0.0002, 0.0002, 0.0002};
        BacktestConfig c = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.FREE.withCarry(0, 252), RiskLimits.NONE,
                1000).withMaxGross(2);
        double[] target = {2, 2, 2, 2, 2};
        // bar 1: the 1000 in cash earns rf first (1000.2), then 2 × 1000.2 of stock is bought: cash −1000.2;
        // each later bar pays (0.0002 + 0.0001) of the debt
        double debt = 1000.2, paid = 0;
        double[] fin = new double[5];
        for (int t = 2; t < 5; t++) {
            fin[t] = debt * 0.0003;
            paid += fin[t];
            debt += fin[t];
        }
        for (BacktestResult r : List.of(new VectorizedBacktester(c, rf).run("v", Prices.of("X", px, px), target),
                new EventBacktester(c, rf).run("e", Prices.of("X", px, px), target))) {
            assertThat(r.financing()).containsExactly(fin, within(1e-12));
            assertThat(r.finalEquity()).isCloseTo(1000.2 - paid, within(1e-9));
            assertThat(r.gross()[1]).isCloseTo(2.0, within(1e-12));
        }
    }

    @Test
    void exposureStatisticsByHand() {
        // closes 1..4: gross 0, 1, 0.5, 1.5; net 0, 1, −0.5, 1.5; traded 0, 100, 0, 50, 0 on equity 100
        Exposure x = Exposure.of(new double[] {0, 0, 1, 0.5, 1.5}, new double[] {0, 0, 1, -0.5, 1.5},
                new double[] {0, 100, 0, 50, 0}, new double[] {100, 100, 100, 100, 100}, 252);
        assertThat(x.grossMean()).isCloseTo(0.75, within(1e-12));
        assertThat(x.grossMax()).isEqualTo(1.5);
        assertThat(x.netMean()).isCloseTo(0.5, within(1e-12));
        assertThat(x.netMax()).isEqualTo(1.5);
        assertThat(x.timeInvested()).isCloseTo(0.75, within(1e-12));
        assertThat(x.turnover()).isCloseTo(1.5 / 4 * 252, within(1e-9));
    }
}
