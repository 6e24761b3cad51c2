package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.signal.Hybrid;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.Side;

class BacktestBehaviourTest {
    private static final Prices P3 = Prices.of("X", new double[] {10, 11, 12}, new double[] {10.5, 12, 11});

    private static BacktestConfig free(double capital) {
        return new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.FREE, RiskLimits.NONE, capital);
    }

    @Test
    void flipClosesOneTradeAndOpensAnother() {
        // long at open 11 (90.9090… shares), flip at open 12: equity 1090.9090… → −90.9090… shares
        BacktestResult r = new VectorizedBacktester(free(1000)).run("flip", P3, new double[] {1, -1, -1});
        assertThat(r.trades()).hasSize(2);
        Trade l = r.trades().get(0), s = r.trades().get(1);
        assertThat(l.side()).isEqualTo(Side.LONG);
        assertThat(l.pnl()).isCloseTo(1000.0 / 11, within(1e-9));          // 90.909… × (12 − 11)
        assertThat(s.side()).isEqualTo(Side.SHORT);
        assertThat(s.entryPrice()).isEqualTo(12.0);
        assertThat(s.pnl()).isCloseTo(12000.0 / 11 / 12 * 1, within(1e-9)); // 90.909… × (12 − 11)
        assertThat(r.equity()[2]).isCloseTo(1000 + 2000.0 / 11, within(1e-9));
        // with 10 bps: after the buy cash is −1, so equity at open 12 is 1090.9090… − 1 = 1089.9090…; the flip
        // sells 1090.9090… of the long and shorts 1089.9090…: cost 0.1 % of 2180.8181… = 2.1808…, split by
        // notional: 1.0909… closes the long trade (which also paid 1.00 to open), 1.0899… opens the short
        BacktestResult c = new VectorizedBacktester(free(1000).withFees(FeeModel.commissionOnly(10)).withMaxGross(2)).run("flip", P3,
                new double[] {1, -1, -1});
        double longPart = 12000.0 / 11, shortPart = 12000.0 / 11 - 1;
        assertThat(c.costs()[2]).isCloseTo((longPart + shortPart) * 0.001, within(1e-9));
        assertThat(c.trades().get(0).costs()).isCloseTo(1 + longPart * 0.001, within(1e-9));
        assertThat(c.trades().get(1).costs()).isCloseTo(shortPart * 0.001, within(1e-9));
    }

    @Test
    void stopLossExitsInsideTheBarAndWaitsForTheSignalToReset() {
        double[] px = {100, 100, 98, 94, 93, 95, 97, 99};
        double[] target = {1, 1, 1, 1, 1, 0, 1, 1};
        BacktestResult r = new VectorizedBacktester(free(1000).withLimits(new RiskLimits(0.05, 0)))
                .run("stop", Prices.of("X", px, px), target);
        // bought at 100 on bar 1 (sell stop at 95); bar 3 opens at 94, through the stop → sold at that open, 94
        // the sizer still says long on bars 3 and 4 but the stop holds it flat; bar 5 says flat (reset);
        // bar 6 says long again → bought at bar 7's open 99
        assertThat(r.trades()).hasSize(2);
        assertThat(r.trades().get(0).entryBar()).isEqualTo(1);
        assertThat(r.trades().get(0).exitBar()).isEqualTo(3);
        assertThat(r.trades().get(0).exitPrice()).isEqualTo(94.0);
        assertThat(r.trades().get(0).exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(r.trades().get(1).entryBar()).isEqualTo(7);
        assertThat(r.trades().get(1).exitReason()).isEqualTo(ExitReason.END);
        assertThat(r.equity()[6]).isCloseTo(940, within(1e-9));
        // without the stop: one trade held to the end
        BacktestResult n = new VectorizedBacktester(free(1000)).run("nostop", Prices.of("X", px, px), target);
        assertThat(n.trades().get(0).exitBar()).isEqualTo(6);
    }

    @Test
    void hybridIsTheSumOfItsSleevesWithoutRebalancing() {
        Backtester bt = new Backtester(free(1000));
        BacktestResult h = bt.hybrid("short", P3, new double[] {-1, -1, -1}, Hybrid.ACTIVE_30);
        // active sleeve 300 short at 11: 27.2727… shares; close 1: 600 − 27.27…·12 = 272.7272…; close 2: 300
        // passive sleeve 700 long at 11: 63.6363… shares; close 1: 763.6363…; close 2: 700
        assertThat(h.name()).isEqualTo("short_hybrid_30_70");
        assertThat(h.equity()).containsExactly(new double[] {1000, 600 - 3600.0 / 11 + 8400.0 / 11, 1000},
                within(1e-9));
        double e1 = h.equity()[1];
        assertThat(h.position()[1]).isCloseTo((-3600.0 / 11 + 8400.0 / 11) / e1, within(1e-12));
        // same as w·active(1000) + (1 − w)·buy-and-hold(1000) when costs are proportional
        BacktestResult a = bt.run("a", P3, new double[] {-1, -1, -1});
        BacktestResult b = bt.buyAndHold(P3);
        for (int t = 0; t < 3; t++) {
            assertThat(h.equity()[t]).isCloseTo(0.3 * a.equity()[t] + 0.7 * b.equity()[t], within(1e-9));
        }
        // with a minimum cost per fill each sleeve pays it in full on its own capital
        Backtester mc = new Backtester(free(1000).withFees(FeeModel.commissionOnly(0).withSlippage(0, 2)));
        BacktestResult hm = mc.hybrid("long", P3, new double[] {1, 1, 1}, Hybrid.ACTIVE_50);
        assertThat(hm.totalCosts()).isCloseTo(4.0, within(1e-12));
        assertThat(hm.trades()).hasSize(2);
    }

    @Test
    void allThreeSeedHybridsByHand() {
        // short sleeve alone (1000): close 1 = 2000 − 1000/11·12 = 909.0909…; buy-and-hold: 1090.9090…
        // close 1 of w·short + (1 − w)·B&H: 30/70 → 1036.3636…, 50/50 → 1000, 70/30 → 963.6363…
        Backtester bt = new Backtester(free(1000));
        double[] expected = {1000 + 400.0 / 11 * 1, 1000, 1000 - 400.0 / 11};
        List<Hybrid> hs = Hybrid.seed();
        for (int i = 0; i < 3; i++) {
            BacktestResult h = bt.hybrid("short", P3, new double[] {-1, -1, -1}, hs.get(i));
            assertThat(h.equity()[1]).as(hs.get(i).label()).isCloseTo(expected[i], within(1e-9));
            assertThat(h.equity()[2]).isCloseTo(1000, within(1e-9));
        }
    }

    @Test
    void seedSuiteHasFivePureStrategiesAndTheHybridsAsked() {
        double[] px = {100, 101, 99, 102, 104, 103, 105};
        double[] pr = {0.002, -0.003, 0.01, 0.0005, -0.02, 0.004, 0.001};
        double[] vol = {1, 1, 1, 1, 1, 1, 1};
        Backtester bt = new Backtester(free(1000));
        List<BacktestResult> seed = bt.seedSuite(Prices.of("X", px, px), pr, vol, true,
                List.of(org.quantlstm.signal.SizingMethod.PROPORTIONAL));
        assertThat(seed).extracting(BacktestResult::name).containsExactly("binary", "fixed", "proportional", "kelly",
                "volatility", "proportional_hybrid_30_70", "proportional_hybrid_50_50", "proportional_hybrid_70_30");
        assertThat(bt.seedSuite(Prices.of("X", px, px), pr, vol, true,
                List.of(org.quantlstm.signal.SizingMethod.values()))).hasSize(20);
        // binary: long (bar 0) → short (bar 1) → long (bar 2) → flat (bar 3) → short (bar 4) → long (bar 5)
        assertThat(seed.get(0).fills()).extracting(Fill::bar).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void buyAndHoldBuysOnceOnTheFirstFillBar() {
        BacktestResult b = new Backtester(free(1000).withFees(FeeModel.commissionOnly(10)).withMaxGross(2)).buyAndHold(P3);
        assertThat(b.fills()).hasSize(1);
        assertThat(b.fills().get(0).bar()).isEqualTo(1);
        assertThat(b.equity()[2]).isCloseTo(999, within(1e-9));
    }

    @Test
    void portfolioOfTwoAssetsSharesOneCashAccount() {
        double[] a = {10, 10, 20}, b = {20, 20, 10};
        PortfolioResult r = new EventBacktester(free(1000)).run(List.of(Prices.of("A", a, a), Prices.of("B", b, b)),
                new double[][] {{0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}});
        // bar 1: equity 1000 → A 500/10 = 50 shares, B 500/20 = 25 shares, cash 0
        // bar 2: 50·20 + 25·10 = 1250; weights 1000/1250 = 0.8 and 250/1250 = 0.2
        assertThat(r.equity()).containsExactly(new double[] {1000, 1000, 1250}, within(1e-9));
        assertThat(r.weights()[0][2]).isCloseTo(0.8, within(1e-12));
        assertThat(r.weights()[1][2]).isCloseTo(0.2, within(1e-12));
        assertThat(r.fills()).hasSize(2);
        assertThat(r.trades()).extracting(Trade::asset).containsExactly("A", "B");
    }

    @Test
    void pricesAfterTChangeNothingUpToT() {
        int n = 300, t = 180;
        java.util.Random rnd = new java.util.Random(7);
        double[] open = new double[n], close = new double[n], pr = new double[n];
        double c = 50;
        for (int i = 0; i < n; i++) {
            open[i] = c * (1 + 0.002 * rnd.nextGaussian());
            c = open[i] * (1 + 0.012 * rnd.nextGaussian());
            close[i] = c;
            pr[i] = i == 0 ? 0 : close[i] / close[i - 1] - 1; // a causal forecast: yesterday's return
        }
        double[] open2 = open.clone(), close2 = close.clone(), pr2 = pr.clone();
        for (int i = t + 1; i < n; i++) {
            open2[i] *= 1.3 + 0.1 * Math.sin(i);
            close2[i] *= 0.7 + 0.2 * Math.cos(i);
            pr2[i] = close2[i] / close2[i - 1] - 1;
        }
        for (FillTiming f : FillTiming.values()) {
            Backtester bt = new Backtester(BacktestConfig.DEFAULT.withFill(f).withLimits(new RiskLimits(0.03, 0.05)));
            var sizer = org.quantlstm.signal.PositionSizer.seed(org.quantlstm.signal.SizingMethod.VOLATILITY_ADJUSTED,
                    true);
            BacktestResult a = bt.run("a", Prices.of("X", open, close), sizer, pr,
                    org.quantlstm.signal.VolatilityRatio.causalRatio(close, 20));
            BacktestResult b = bt.run("b", Prices.of("X", open2, close2), sizer, pr2,
                    org.quantlstm.signal.VolatilityRatio.causalRatio(close2, 20));
            Prices head = Prices.of("X", open, close).head(t + 1);
            BacktestResult h = bt.run("h", head, sizer, Arrays.copyOf(pr, t + 1),
                    org.quantlstm.signal.VolatilityRatio.causalRatio(head.close(), 20));
            assertThat(a.fills()).hasSizeGreaterThan(5);
            assertThat(Arrays.copyOf(b.equity(), t + 1)).containsExactly(Arrays.copyOf(a.equity(), t + 1));
            assertThat(Arrays.copyOf(b.position(), t + 1)).containsExactly(Arrays.copyOf(a.position(), t + 1));
            assertThat(h.equity()).containsExactly(Arrays.copyOf(a.equity(), t + 1));
            assertThat(h.position()).containsExactly(Arrays.copyOf(a.position(), t + 1));
            // and the future did change something, so the test can fail
            assertThat(b.finalEquity()).isNotEqualTo(a.finalEquity());
        }
    }
}
