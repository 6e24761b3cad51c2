package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.signal.RiskLimits;

/** Intrabar fills of stop, limit, stop-limit and trailing orders and the bracket, by hand; gap cases included. */
class BracketTest {
    private static final double NaN = Double.NaN;

    @Test
    void stopsFillAtTheLevelOrAtAGappedOpen() {
        // sell stop at 95: bar O 98 H 99 L 94 → touched at 95; bar O 93 (gap below) → the open, 93
        assertThat(Bracket.fill(Bracket.Type.STOP, -1, 95, NaN, 98, 99, 94)).isEqualTo(95.0);
        assertThat(Bracket.fill(Bracket.Type.STOP, -1, 95, NaN, 93, 96, 92)).isEqualTo(93.0);
        assertThat(Bracket.fill(Bracket.Type.STOP, -1, 95, NaN, 98, 99, 95.5)).isNaN();
        // buy stop at 105: touched at 105, gap above fills at the open 107
        assertThat(Bracket.fill(Bracket.Type.STOP, 1, 105, NaN, 101, 106, 100)).isEqualTo(105.0);
        assertThat(Bracket.fill(Bracket.Type.STOP, 1, 105, NaN, 107, 108, 104)).isEqualTo(107.0);
    }

    @Test
    void limitsFillAtTheLevelOrAtTheBetterOpen() {
        // sell limit at 110: H 111 → 110; gap open 112 → 112 (better); H 109 → none
        assertThat(Bracket.fill(Bracket.Type.LIMIT, -1, 110, NaN, 105, 111, 104)).isEqualTo(110.0);
        assertThat(Bracket.fill(Bracket.Type.LIMIT, -1, 110, NaN, 112, 113, 108)).isEqualTo(112.0);
        assertThat(Bracket.fill(Bracket.Type.LIMIT, -1, 110, NaN, 105, 109, 104)).isNaN();
        // buy limit at 90: L 89 → 90; gap open 88 → 88
        assertThat(Bracket.fill(Bracket.Type.LIMIT, 1, 90, NaN, 95, 96, 89)).isEqualTo(90.0);
        assertThat(Bracket.fill(Bracket.Type.LIMIT, 1, 90, NaN, 88, 91, 87)).isEqualTo(88.0);
        assertThat(Bracket.fill(Bracket.Type.MARKET, 1, NaN, NaN, 88, 91, 87)).isEqualTo(88.0);
    }

    @Test
    void stopLimitNeedsItsLimitToBeMet() {
        // sell stop 95, limit 94: touched at 95 ≥ 94 → 95; a gap open at 93 < 94 → no fill this bar
        assertThat(Bracket.fill(Bracket.Type.STOP_LIMIT, -1, 95, 94, 98, 99, 90)).isEqualTo(95.0);
        assertThat(Bracket.fill(Bracket.Type.STOP_LIMIT, -1, 95, 94, 93, 96, 90)).isNaN();
        // a gap open at 94.5 ≥ 94 → fills at the open
        assertThat(Bracket.fill(Bracket.Type.STOP_LIMIT, -1, 95, 94, 94.5, 96, 90)).isEqualTo(94.5);
    }

    @Test
    void stopBeforeTakeProfitInsideOneBarUnlessTheOpenGaps() {
        RiskLimits l = new RiskLimits(0.05, 0.10);
        // long from 100: stop 95, take-profit 110; bar H 111 L 94: both inside → the stop first, 95
        assertThat(Bracket.exit(1, 100, 100, l, 100, 111, 94)).isEqualTo(95.0);
        assertThat(Bracket.reason(1, 100, 100, l, 95)).isEqualTo(ExitReason.STOP);
        // the open gaps above 110 → take-profit at the open 112
        assertThat(Bracket.exit(1, 100, 100, l, 112, 113, 94)).isEqualTo(112.0);
        assertThat(Bracket.reason(1, 100, 100, l, 112)).isEqualTo(ExitReason.TAKE_PROFIT);
        // only the high touches → 110
        assertThat(Bracket.exit(1, 100, 100, l, 101, 110.5, 99)).isCloseTo(110.0, within(1e-12));
        // short from 100: stop 105, take-profit 90; L 89 → 90; open 106 → stop at the open
        assertThat(Bracket.exit(-1, 100, 100, l, 99, 101, 89)).isEqualTo(90.0);
        assertThat(Bracket.exit(-1, 100, 100, l, 106, 107, 104)).isEqualTo(106.0);
        assertThat(Bracket.reason(-1, 100, 100, l, 106)).isEqualTo(ExitReason.STOP);
    }

    @Test
    void trailingStopFollowsTheHighestHighOfEarlierBars() {
        RiskLimits l = new RiskLimits(0.05, 0, 0.03);
        // long from 100, highest high so far 110: trailing 106.7 is tighter than the stop at 95
        assertThat(Bracket.exit(1, 100, 110, l, 108, 109, 106)).isCloseTo(106.7, within(1e-12));
        assertThat(Bracket.reason(1, 100, 110, l, 106.7)).isEqualTo(ExitReason.TRAILING);
        // with the peak still at the entry a 2 % fixed stop (98) is tighter than the 3 % trail (97)
        RiskLimits l2 = new RiskLimits(0.02, 0, 0.03);
        assertThat(Bracket.exit(1, 100, 100, l2, 99, 100, 96)).isCloseTo(98.0, within(1e-12));
        assertThat(Bracket.reason(1, 100, 100, l2, 98)).isEqualTo(ExitReason.STOP);
    }

    @Test
    void enginesWorkTheBracketInsideTheBarAndLogTheReason() {
        // opens, highs, lows, closes of 6 bars
        double[] o = {100, 100, 104, 108, 107, 100};
        double[] h = {101, 105, 109, 110, 107, 101};
        double[] lo = {99, 99, 103, 106, 102, 99};
        double[] c = {100, 104, 108, 107, 103, 100};
        Prices p = Prices.of("X", o, h, lo, c);
        double[] target = {1, 1, 1, 1, 1, 1};
        BacktestConfig cfg = new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.FREE, new RiskLimits(0, 0, 0.05), 1000);
        // bought at bar 1's open 100 (10 shares); highs before bar 4: 105, 109, 110 → trailing 110 × 0.95 = 104.5;
        // bar 4: O 107 H 107 L 102 → sold at 104.5. The target stays long → flat to the end.
        for (BacktestResult r : List.of(new VectorizedBacktester(cfg).run("v", p, target),
                new EventBacktester(cfg).run("e", p, target))) {
            assertThat(r.trades()).hasSize(1);
            Trade t = r.trades().get(0);
            assertThat(t.exitBar()).isEqualTo(4);
            assertThat(t.exitPrice()).isCloseTo(104.5, within(1e-12));
            assertThat(t.exitReason()).isEqualTo(ExitReason.TRAILING);
            assertThat(t.pnl()).isCloseTo(45.0, within(1e-9));
            assertThat(r.equity()[5]).isCloseTo(1045.0, within(1e-9));
        }
        // a take-profit at +8 %: bar 2's high 109 ≥ 108 → sold at 108
        BacktestResult tp = new VectorizedBacktester(cfg.withLimits(new RiskLimits(0, 0.08))).run("tp", p, target);
        assertThat(tp.trades().get(0).exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(tp.trades().get(0).exitPrice()).isEqualTo(108.0);
        assertThat(tp.trades().get(0).exitBar()).isEqualTo(2);
    }
}
