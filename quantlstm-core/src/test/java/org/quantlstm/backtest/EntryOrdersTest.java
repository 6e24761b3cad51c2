package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.Hybrid;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.Side;
import org.quantlstm.signal.SizingMethod;

/**
 * Entry orders (limit, stop, stop-limit) on the event engine: hand-computed fills on three- and four-bar paths,
 * frictionless, capital 1000, decision close 100 on bar 0 unless said otherwise.
 */
class EntryOrdersTest {
    private static BacktestConfig cfg(Bracket.Type type, double offset, double limitOffset, int expiry) {
        return new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.FREE, RiskLimits.NONE, 1000)
                .withEntry(new EntryOrders(type, offset, limitOffset, expiry));
    }

    /** Bars as {open, high, low, close} rows. */
    private static Prices bars(double[]... b) {
        int n = b.length;
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            o[i] = b[i][0];
            h[i] = b[i][1];
            l[i] = b[i][2];
            c[i] = b[i][3];
        }
        return Prices.of("X", o, h, l, c);
    }

    private static final double[] FLAT100 = {100, 100, 100, 100};

    private static BacktestResult run(BacktestConfig c, Prices p, double... targets) {
        return new EventBacktester(c).run("e", p, targets);
    }

    @Test
    void buyLimitTouchedInsideTheBarFillsAtTheLevel() {
        // buy limit at 100 × 0.98 = 98; bar 1 opens at 99 and trades down to 97 → filled at 98
        BacktestResult r = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 1),
                bars(FLAT100, new double[] {99, 101, 97, 100}, new double[] {100, 103, 100, 102}), 1, 1, 1);
        assertThat(r.fills()).hasSize(1);
        Fill f = r.fills().get(0);
        assertThat(f.bar()).isEqualTo(1);
        assertThat(f.price()).isEqualTo(98.0);
        assertThat(f.sharesAfter()).isCloseTo(1000.0 / 98, within(1e-12));
        assertThat(f.orderType()).isEqualTo(Bracket.Type.LIMIT);
        assertThat(r.equity()[2]).isCloseTo(1000.0 / 98 * 102, within(1e-9));
        Trade t = r.trades().get(0);
        assertThat(t.entryPrice()).isEqualTo(98.0);
        assertThat(t.entryOrder()).isEqualTo(Bracket.Type.LIMIT);
        // the same strategy at market buys at bar 1's open, 99
        BacktestResult m = run(cfg(Bracket.Type.MARKET, 0, 0, 1),
                bars(FLAT100, new double[] {99, 101, 97, 100}, new double[] {100, 103, 100, 102}), 1, 1, 1);
        assertThat(m.fills().get(0).price()).isEqualTo(99.0);
        assertThat(m.trades().get(0).entryOrder()).isEqualTo(Bracket.Type.MARKET);
    }

    @Test
    void buyLimitGappedThroughGetsTheBetterOpen() {
        // bar 1 opens at 96, below the 98 limit → filled at the open, 96
        BacktestResult r = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 1),
                bars(FLAT100, new double[] {96, 99, 95, 97}, new double[] {97, 98, 97, 98}), 1, 1, 1);
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(96.0);
            assertThat(f.sharesAfter()).isCloseTo(1000.0 / 96, within(1e-12));
        });
        assertThat(r.equity()[2]).isCloseTo(1000.0 / 96 * 98, within(1e-9));
    }

    @Test
    void sellLimitOpensAShortAtTheLevel() {
        // sell limit at 100 × 1.02 = 102; bar 1 opens at 101, high 103 → short 1000/102 shares at 102
        BacktestResult r = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 1),
                bars(FLAT100, new double[] {101, 103, 100, 100}, new double[] {100, 100, 99, 99}), -1, -1, -1);
        Fill f = r.fills().get(0);
        assertThat(f.price()).isEqualTo(102.0);
        assertThat(f.sharesAfter()).isCloseTo(-1000.0 / 102, within(1e-12));
        assertThat(r.trades().get(0).side()).isEqualTo(Side.SHORT);
        // cash 2000, short 1000/102 × 99 at the last close
        assertThat(r.equity()[2]).isCloseTo(2000 - 1000.0 / 102 * 99, within(1e-9));
    }

    @Test
    void buyStopFillsAtTheLevelOnATouchAndAtTheOpenOnAGap() {
        // buy stop at 100 × 1.02 = 102 (a breakout)
        BacktestResult touch = run(cfg(Bracket.Type.STOP, 0.02, 0, 1),
                bars(FLAT100, new double[] {100, 103, 99, 103}, new double[] {103, 104, 103, 104}), 1, 1, 1);
        assertThat(touch.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(102.0);
            assertThat(f.orderType()).isEqualTo(Bracket.Type.STOP);
        });
        BacktestResult gap = run(cfg(Bracket.Type.STOP, 0.02, 0, 1),
                bars(FLAT100, new double[] {104, 105, 103, 104}, new double[] {104, 104, 104, 104}), 1, 1, 1);
        assertThat(gap.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(104.0));
        // a bar that never reaches 102 leaves the stop unfilled
        BacktestResult none = run(cfg(Bracket.Type.STOP, 0.02, 0, 1),
                bars(FLAT100, new double[] {100, 101.9, 99, 101}), 1, 1);
        assertThat(none.fills()).isEmpty();
        // a sell stop at 98 fills when the price breaks down through it
        BacktestResult down = run(cfg(Bracket.Type.STOP, 0.02, 0, 1),
                bars(FLAT100, new double[] {99, 99.5, 97, 97}), -1, -1);
        assertThat(down.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(98.0);
            assertThat(f.sharesAfter()).isCloseTo(-1000.0 / 98, within(1e-12));
        });
    }

    @Test
    void stopLimitRefusesAGapBeyondItsLimit() {
        // buy stop at 102, limit 102 × 1.01 = 103.02
        BacktestConfig c = cfg(Bracket.Type.STOP_LIMIT, 0.02, 0.01, 1);
        // touched inside the bar: fills at the stop, 102
        assertThat(run(c, bars(FLAT100, new double[] {100, 104, 99, 103}), 1, 1).fills())
                .singleElement().satisfies(f -> {
                    assertThat(f.price()).isEqualTo(102.0);
                    assertThat(f.orderType()).isEqualTo(Bracket.Type.STOP_LIMIT);
                });
        // a gap to 103 (inside the limit) fills at the open
        assertThat(run(c, bars(FLAT100, new double[] {103, 104, 102.5, 103}), 1, 1).fills())
                .singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(103.0));
        // a gap to 104 triggers the stop but violates the limit: no fill, and with a day order no fill later
        BacktestResult r = run(c, bars(FLAT100, new double[] {104, 106, 103.5, 105}, new double[] {105, 106, 104, 105}),
                1, 1, 1);
        assertThat(r.fills()).isEmpty();
        assertThat(r.equity()).containsOnly(1000.0);
    }

    @Test
    void anUnfilledOrderExpiresAndTheNextDecisionSendsItAgain() {
        // bar 1 never trades down to 98 and closes at 110; bar 2 opens at 109 and trades down to 97.5
        Prices p = bars(FLAT100, new double[] {100, 101, 99, 110}, new double[] {109, 110, 97.5, 108});
        // a day order is cancelled after bar 1; the strategy still wants the position, so at bar 1's close it sends
        // a new limit at 110 × 0.98 = 107.8, which bar 2 fills
        BacktestResult day = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 1), p, 1, 1, 1);
        assertThat(day.fills()).singleElement().satisfies(f -> {
            assertThat(f.bar()).isEqualTo(2);
            assertThat(f.price()).isCloseTo(107.8, within(1e-12));
        });
        // an order working 3 bars is still the first one (98) on bar 2
        BacktestResult gtc = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 3), p, 1, 1, 1);
        assertThat(gtc.fills()).singleElement().satisfies(f -> {
            assertThat(f.bar()).isEqualTo(2);
            assertThat(f.price()).isEqualTo(98.0);
        });
        // no touch and a flat target afterwards: nothing ever fills
        BacktestResult none = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 1), p, 1, 0, 0);
        assertThat(none.fills()).isEmpty();
        assertThat(none.equity()).containsOnly(1000.0);
    }

    @Test
    void aNewerDecisionReplacesAWorkingOrder() {
        // decision 1 (bar 0, close 100): buy limit 98 for 3 bars; decision 2 (bar 1, close 100): target 0.5 → a new
        // limit at 98 for half the equity replaces it; bar 2 touches 98
        Prices p = bars(FLAT100, new double[] {100, 101, 99, 100}, new double[] {99, 100, 97, 99});
        BacktestResult r = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 3), p, 1, 0.5, 0.5);
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.bar()).isEqualTo(2);
            assertThat(f.sharesAfter()).isCloseTo(500.0 / 98, within(1e-12));
            assertThat(f.targetWeight()).isEqualTo(0.5);
        });
    }

    @Test
    void reducingAndClosingOrdersStayMarketAndAFlipIsSplit() {
        // bar 1: buy limit 98 fills (1000/98 shares); bar 1's close 100: target 0.5 → reduce at bar 2's open 101
        // (market); bar 2's close 100: target −1 → close the long at bar 3's open (market), sell limit at 102
        Prices p = bars(FLAT100, new double[] {99, 101, 97, 100}, new double[] {101, 101, 100, 100},
                new double[] {99, 103, 98, 101}, new double[] {101, 101, 101, 101});
        BacktestResult r = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 1), p, 1, 0.5, -1, -1, -1);
        List<Fill> f = r.fills();
        assertThat(f).hasSize(4);
        assertThat(f.get(0).price()).isEqualTo(98.0);
        assertThat(f.get(1).orderType()).isEqualTo(Bracket.Type.MARKET);
        assertThat(f.get(1).price()).isEqualTo(101.0);
        double s1 = 1000.0 / 98, e2 = s1 * 101;               // equity at bar 2's open (cash 0 before)
        assertThat(f.get(1).sharesAfter()).isCloseTo(0.5 * e2 / 101, within(1e-12));
        assertThat(f.get(2).bar()).isEqualTo(3);
        assertThat(f.get(2).orderType()).isEqualTo(Bracket.Type.MARKET);
        assertThat(f.get(2).price()).isEqualTo(99.0);
        assertThat(f.get(2).sharesAfter()).isZero();
        assertThat(f.get(3).bar()).isEqualTo(3);
        assertThat(f.get(3).orderType()).isEqualTo(Bracket.Type.LIMIT);
        assertThat(f.get(3).price()).isEqualTo(102.0);
        // equity after the close at 99: cash (the long was 1000 at 98 → 0.5·e2 at 101 and 0.5·e2/101 × 99)
        double cash = 0.5 * e2 + 0.5 * e2 / 101 * 99;
        assertThat(f.get(3).sharesAfter()).isCloseTo(-cash / 102, within(1e-9));
        assertThat(r.trades()).hasSize(2);
        assertThat(r.trades().get(0).entryOrder()).isEqualTo(Bracket.Type.LIMIT);
        assertThat(r.trades().get(1).entryOrder()).isEqualTo(Bracket.Type.LIMIT);
        assertThat(r.trades().get(1).side()).isEqualTo(Side.SHORT);
    }

    @Test
    void withNextCloseFillsAnEntryThatFillsInsideTheBarTakesTheFlipsCloseLegWithIt() {
        BacktestConfig c = new BacktestConfig(FillTiming.NEXT_CLOSE, FeeModel.FREE, RiskLimits.NONE, 1000)
                .withEntry(new EntryOrders(Bracket.Type.LIMIT, 0.02, 0, 1));
        // bar 1: buy limit 98 fills; bar 1's close 100: target −1 → market close at bar 2's close and a sell
        // limit at 102 from bar 2's open; bar 2 reaches 103 → the sell limit flips the whole position at 102
        Prices p = bars(FLAT100, new double[] {99, 100, 97, 100}, new double[] {101, 103, 100, 101});
        BacktestResult r = new EventBacktester(c).run("e", p, new double[] {1, -1, -1});
        assertThat(r.fills()).hasSize(2);
        Fill flip = r.fills().get(1);
        assertThat(flip.price()).isEqualTo(102.0);
        assertThat(flip.sharesAfter()).isCloseTo(-1000.0 / 98, within(1e-9)); // equity 1000/98 × 102, / 102
        assertThat(r.equity()[2]).isCloseTo(1000.0 / 98 * 103, within(1e-9));
        // if bar 2 stays below 102, the close leg fills at bar 2's close and the sell limit expires
        Prices q = bars(FLAT100, new double[] {99, 100, 97, 100}, new double[] {101, 101.5, 100, 101});
        BacktestResult s = new EventBacktester(c).run("e", q, new double[] {1, -1, -1});
        assertThat(s.fills()).hasSize(2);
        assertThat(s.fills().get(1).price()).isEqualTo(101.0);
        assertThat(s.fills().get(1).sharesAfter()).isZero();
    }

    @Test
    void aBracketStopCancelsAWorkingEntryOnTheStoppedSide() {
        // long at market would be simpler, but the entry is a limit: bought at 98 on bar 1, target raised to 2 ×
        // (gross 2) at bar 1's close → a buy limit at 98 for bar 2; bar 2 opens at 92, through the 5 % stop
        // (93.1) → stopped at the open 92; the buy limit (also touched at 92) is cancelled, not filled
        BacktestConfig c = cfg(Bracket.Type.LIMIT, 0.02, 0, 1).withLimits(new RiskLimits(0.05, 0)).withMaxGross(2);
        Prices p = bars(FLAT100, new double[] {99, 100, 97, 100}, new double[] {92, 93, 91, 92});
        BacktestResult r = new EventBacktester(c).run("e", p, new double[] {1, 2, 2});
        assertThat(r.fills()).hasSize(2);
        assertThat(r.fills().get(1).reason()).isEqualTo(ExitReason.STOP);
        assertThat(r.fills().get(1).price()).isEqualTo(92.0);
        assertThat(r.position()[2]).isZero();
    }

    @Test
    void marketEntriesStayIdenticalToTheVectorizedEngine() {
        Prices p = BacktestPathsAgreeTest.PRICES;
        for (RiskLimits l : List.of(RiskLimits.NONE, new RiskLimits(0.02, 0.03))) {
            BacktestConfig c = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.DEFAULT, l, 100_000)
                    .withEntry(EntryOrders.MARKET);
            PositionSizer sizer = PositionSizer.seed(SizingMethod.BINARY, true);
            BacktestResult v = new VectorizedBacktester(c).run("v", p, sizer, BacktestPathsAgreeTest.FORECAST,
                    BacktestPathsAgreeTest.VOL);
            BacktestResult e = new EventBacktester(c).run("e", p, sizer, BacktestPathsAgreeTest.FORECAST,
                    BacktestPathsAgreeTest.VOL);
            BacktestResult b = new Backtester(c).run("b", p, sizer, BacktestPathsAgreeTest.FORECAST,
                    BacktestPathsAgreeTest.VOL);
            assertThat(v.fills()).isNotEmpty();
            assertThat(e.equity()).containsExactly(v.equity(), within(1e-9));
            assertThat(e.position()).containsExactly(v.position(), within(1e-9));
            assertThat(b.equity()).containsExactly(v.equity());
            assertThat(e.fills()).allMatch(f -> f.orderType() == Bracket.Type.MARKET);
        }
    }

    @Test
    void theFacadeRoutesLimitEntriesThroughTheEventEngine() {
        Prices p = BacktestPathsAgreeTest.PRICES;
        double[] fc = BacktestPathsAgreeTest.FORECAST, vr = BacktestPathsAgreeTest.VOL;
        EntryOrders lim = new EntryOrders(Bracket.Type.LIMIT, 0.002, 0, 1);
        BacktestConfig c = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.DEFAULT, RiskLimits.NONE, 100_000)
                .withEntry(lim);
        PositionSizer sizer = PositionSizer.seed(SizingMethod.BINARY, true);
        BacktestResult b = new Backtester(c).run("b", p, sizer, fc, vr);
        BacktestResult e = new EventBacktester(c).run("e", p, sizer, fc, vr);
        BacktestResult market = new Backtester(c.withEntry(EntryOrders.MARKET)).run("m", p, sizer, fc, vr);
        assertThat(b.equity()).containsExactly(e.equity());
        assertThat(b.finalEquity()).isNotEqualTo(market.finalEquity());
        // every limit buy filled at or below its level, every limit sell at or above (decision close ± 0.2 %)
        double[] close = p.close();
        List<Fill> limits = b.fills().stream().filter(f -> f.orderType() == Bracket.Type.LIMIT).toList();
        assertThat(limits).isNotEmpty();
        assertThat(b.fills()).anyMatch(f -> f.orderType() == Bracket.Type.MARKET); // exits
        for (Fill f : limits) {
            boolean buy = f.deltaShares() > 0;
            // the order was decided at the close of some earlier bar; day orders: the bar just before
            double level = close[f.bar() - 1] * (buy ? 0.998 : 1.002);
            assertThat(buy ? f.price() <= level + 1e-9 : f.price() >= level - 1e-9).as("%s", f).isTrue();
        }
        // a hybrid's active sleeve enters with limits, its buy-and-hold sleeve at market
        BacktestResult h = new Backtester(c).hybrid("binary", p, sizer, fc, vr, Hybrid.seed().get(0));
        assertThat(h.fills()).anyMatch(f -> f.orderType() == Bracket.Type.LIMIT);
        assertThat(new Backtester(c).buyAndHold(p).fills()).allMatch(f -> f.orderType() == Bracket.Type.MARKET);
    }

    @Test
    void onARandomPathEveryEntryFillRespectsItsLevels() {
        Prices p = BacktestPathsAgreeTest.PRICES;
        double[] close = p.close();
        PositionSizer sizer = PositionSizer.seed(SizingMethod.VOLATILITY_ADJUSTED, true);
        for (Bracket.Type type : List.of(Bracket.Type.LIMIT, Bracket.Type.STOP, Bracket.Type.STOP_LIMIT)) {
            BacktestConfig c = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.DEFAULT, new RiskLimits(0.03, 0),
                    100_000).withEntry(new EntryOrders(type, 0.003, 0.002, 1));
            BacktestResult r = new Backtester(c).run("r", p, sizer, BacktestPathsAgreeTest.FORECAST,
                    BacktestPathsAgreeTest.VOL);
            List<Fill> entries = r.fills().stream().filter(f -> f.orderType() == type).toList();
            assertThat(entries).as("%s", type).hasSizeGreaterThan(5);
            for (Fill f : entries) {
                int side = f.deltaShares() > 0 ? 1 : -1;
                double c0 = close[f.bar() - 1];
                double x = f.price() * side; // larger = worse for the trader
                switch (type) {
                    case LIMIT -> assertThat(x).as("%s", f)
                            .isLessThanOrEqualTo(c0 * (1 - side * 0.003) * side + 1e-9);
                    case STOP -> assertThat(x).as("%s", f)
                            .isGreaterThanOrEqualTo(c0 * (1 + side * 0.003) * side - 1e-9);
                    default -> {
                        double stop = c0 * (1 + side * 0.003);
                        assertThat(x).as("%s", f).isGreaterThanOrEqualTo(stop * side - 1e-9)
                                .isLessThanOrEqualTo(stop * (1 + side * 0.002) * side + 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void anEntryOrderNeverTradesAgainstItsOwnSide() {
        // a 50 % short opened by a sell limit at 102 on bar 1 (500/102 shares short, cash 1500); at bar 1's close
        // 100 the target rises to −0.51 of equity, an increase (the short is 500/102 × 100 / (1500 − 490.196…)
        // = 48.5 %); bar 2 opens at 110 and the sell limit at 102 fills at the open, 110, where the short is already
        // 500/102 × 110 / (1500 − 539.2…) = 56.1 % of equity, beyond the target: the sell order does not buy back
        Prices p = bars(FLAT100, new double[] {101, 103, 100, 100}, new double[] {110, 111, 109, 110});
        BacktestResult r = run(cfg(Bracket.Type.LIMIT, 0.02, 0, 1), p, -0.5, -0.51, -0.51);
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.bar()).isEqualTo(1);
            assertThat(f.sharesAfter()).isCloseTo(-500.0 / 102, within(1e-12));
        });
        // at market the same decision buys back at bar 2's open (the target weight is below the grown short)
        BacktestResult m = run(cfg(Bracket.Type.MARKET, 0, 0, 1), p, -0.5, -0.51, -0.51);
        assertThat(m.fills()).hasSize(2);
        assertThat(m.fills().get(1).deltaShares()).isPositive();
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new EntryOrders(Bracket.Type.TRAILING_STOP, 0.01, 0, 1))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new EntryOrders(Bracket.Type.LIMIT, 1, 0, 1)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new EntryOrders(Bracket.Type.LIMIT, 0.01, -0.1, 1))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new EntryOrders(Bracket.Type.LIMIT, 0.01, 0, 0))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> EntryOrders.parseType("iceberg")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("market, limit, stop or stop_limit");
        assertThat(EntryOrders.parseType("stop-limit")).isEqualTo(Bracket.Type.STOP_LIMIT);
        EntryOrders sl = new EntryOrders(Bracket.Type.STOP_LIMIT, 0.02, 0.01, 1);
        assertThat(sl.level(1, 100)).isCloseTo(102, within(1e-12));
        assertThat(sl.limit(1, 100)).isCloseTo(103.02, within(1e-12));
        assertThat(sl.level(-1, 100)).isCloseTo(98, within(1e-12));
        assertThat(sl.limit(-1, 100)).isCloseTo(97.02, within(1e-12));
    }
}
