package org.quantlstm.systems.weekly12;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.ExecutionModel;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.common.UserInputException;
import org.quantlstm.portfolio.PredictedChangeRebalancer;
import org.quantlstm.portfolio.Rebalancer;
import org.quantlstm.portfolio.Rebalancing;
import org.quantlstm.portfolio.WeightPath;

/** The weekly portfolio loop on hand-made panels: compounding, costs on turnover, cash, the 1/3 cap. */
class WeeklyPortfolioLoopTest {
    private static final long[] T3 = {0L, 7 * 86_400_000L, 14 * 86_400_000L};
    private static final double[][] P3 = {{100, 100}, {110, 90}, {121, 99}};

    private static Rebalancer constant(double... w) {
        return ctx -> w.clone();
    }

    @Test
    void compoundsWeeklyReturnsOfTheWeightsSetAtEachClose() {
        // week 1: r = (+10 %, −10 %) → 0; week 2: r = (+10 %, +10 %) → +10 %.
        var r = WeeklyPortfolioLoop.run("half", T3, P3, null, constant(0.5, 0.5), new double[] {0.5, 0.5}, 0, 1000,
                null);
        assertThat(r.equity()).containsExactly(new double[] {1000, 1000, 1100}, within(1e-9));
        assertThat(r.returns()).containsExactly(new double[] {0, 0.1}, within(1e-12));
        assertThat(r.totalCosts()).isZero();
    }

    @Test
    void chargesCostsOnOneWayTurnoverIncludingTheBuyIn() {
        // 10 bps. Row 0: buy in from cash, turnover 1 → cost 1.0; 999 invested, week return 0 → 999.
        // Row 1: (0.5, 0.5) drifted with (+10 %, −10 %) is (0.55, 0.45); back to halves = turnover 0.1 →
        // cost 0.0001 × 999 = 0.0999; 998.9001 × 1.1 = 1098.79011.
        var r = WeeklyPortfolioLoop.run("half", T3, P3, null, constant(0.5, 0.5), new double[] {0.5, 0.5}, 10, 1000,
                null);
        assertThat(r.turnover()).containsExactly(new double[] {1.0, 0.1, 0}, within(1e-12));
        assertThat(r.costs()).containsExactly(new double[] {1.0, 0.0999, 0}, within(1e-12));
        assertThat(r.equity()).containsExactly(new double[] {1000, 999, 1098.79011}, within(1e-9));
        assertThat(r.toBacktestResult().totalCosts()).isCloseTo(1.0999, within(1e-12));
        assertThat(r.toBacktestResult().traded()).containsExactly(new double[] {1000, 99.9, 0}, within(1e-9));
    }

    @Test
    void aPortfolioLeftToDriftPaysNoCostAfterBuyingIn() {
        // The rule returns the drifted weights: no trade after row 0.
        Rebalancer hold = ctx -> ctx.driftedWeights();
        var r = WeeklyPortfolioLoop.run("hold", T3, P3, null, hold, new double[] {0.5, 0.5}, 25, 1000, null);
        assertThat(r.turnover()[0]).isCloseTo(1.0, within(1e-12));
        assertThat(r.turnover()[1]).isCloseTo(0.0, within(1e-12));
        // Buy and hold: 997.5 × (0.5 × 121/100 + 0.5 × 99/100) = 997.5 × 1.1.
        assertThat(r.equity()[2]).isCloseTo(997.5 * 1.1, within(1e-9));
    }

    @Test
    void uninvestedWeightEarnsTheRiskFreeRateAndShortsLoseWhenPricesRise() {
        var cash = WeeklyPortfolioLoop.run("quarter", T3, P3, null, constant(0.25, 0.25), new double[] {0.5, 0.5}, 0,
                1000, new double[] {0.01, 0.01});
        // week 1: 0.25 × 0.1 + 0.25 × (−0.1) + 0.5 × 0.01 = 0.005; week 2: 0.25 × 0.1 × 2 + 0.5 × 0.01 = 0.055.
        assertThat(cash.returns()).containsExactly(new double[] {0.005, 0.055}, within(1e-12));
        var longShort = WeeklyPortfolioLoop.run("ls", T3, P3, null, constant(1.5, -0.5), new double[] {0.5, 0.5}, 0,
                1000, null);
        // week 1: 1.5 × 0.1 − 0.5 × (−0.1) = 0.2; week 2: 1.5 × 0.1 − 0.5 × 0.1 = 0.1.
        assertThat(longShort.returns()).containsExactly(new double[] {0.2, 0.1}, within(1e-12));
        assertThat(longShort.equity()[2]).isCloseTo(1000 * 1.2 * 1.1, within(1e-9));
    }

    @Test
    void withoutCostsThePaperRuleEarnsWhatRebalancingRunSays() {
        Panel p = randomPanel(6, 40, 7);
        double[] equal = new double[6];
        Arrays.fill(equal, 1.0 / 6);
        var rule = PredictedChangeRebalancer.paper();
        var loop = WeeklyPortfolioLoop.run("s", p.times, p.prices, p.predicted, rule, equal, 0, 1e7, null);
        WeightPath oracle = Rebalancing.run(rule, p.prices, p.predicted, equal, 0);
        double[] r = loop.returns();
        for (int t = 0; t < r.length; t++) {
            assertThat(loop.weights()[t]).containsExactly(oracle.weightsAt(t), within(1e-12));
            assertThat(r[t]).isCloseTo(oracle.realisedReturns()[t], within(1e-12));
        }
        double growth = 1;
        for (double v : r) {
            growth *= 1 + v;
        }
        assertThat(loop.equity()[p.prices.length - 1]).isCloseTo(1e7 * growth, within(1e-3));
    }

    @Test
    void thePaperRuleKeepsEveryWeightWithinOneThirdAndFullyInvested() {
        Panel p = randomPanel(5, 80, 11);
        double[] equal = new double[5];
        Arrays.fill(equal, 0.2);
        var loop = WeeklyPortfolioLoop.run("s", p.times, p.prices, p.predicted, PredictedChangeRebalancer.paper(),
                equal, 5, 1e7, null);
        boolean capped = false;
        boolean shorted = false;
        for (double[] w : loop.weights()) {
            double sum = 0;
            for (double v : w) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo(1.0 / 3 + 1e-12);
                capped |= Math.abs(Math.abs(v) - 1.0 / 3) < 1e-9;
                shorted |= v < 0;
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
        assertThat(capped).as("some weight reached the cap").isTrue();
        assertThat(shorted).as("some stock was shorted").isTrue();
        assertThat(loop.totalCosts()).isPositive();
    }

    @Test
    void rejectsNegativeCostsAndShortPanels() {
        assertThatThrownBy(() -> WeeklyPortfolioLoop.run("x", T3, P3, null, constant(0.5, 0.5),
                new double[] {0.5, 0.5}, -1, 1000, null)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("basis points");
        assertThatThrownBy(() -> WeeklyPortfolioLoop.run("x", new long[] {0}, new double[][] {{1, 1}}, null,
                constant(0.5, 0.5), new double[] {0.5, 0.5}, 0, 1000, null)).isInstanceOf(UserInputException.class);
    }

    private record Panel(long[] times, double[][] prices, double[][] predicted) {
    }

    /** Random walks with noisy, often extreme forecasts (some weeks all up, some mixed). */
    private static Panel randomPanel(int n, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] times = new long[rows];
        double[][] prices = new double[rows][n];
        double[][] predicted = new double[rows][n];
        for (int i = 0; i < n; i++) {
            prices[0][i] = 50 + 10 * i;
        }
        for (int t = 0; t < rows; t++) {
            times[t] = t * 7 * 86_400_000L;
            if (t > 0) {
                for (int i = 0; i < n; i++) {
                    prices[t][i] = prices[t - 1][i] * (1 + 0.05 * rnd.nextGaussian());
                }
            }
            boolean allUp = t % 4 == 0;
            for (int i = 0; i < n; i++) {
                double change = allUp ? 0.01 + 0.2 * rnd.nextDouble() : 0.15 * rnd.nextGaussian();
                predicted[t][i] = prices[t][i] * (1 + change);
            }
        }
        return new Panel(times, prices, predicted);
    }

    @Test
    void nextOpenFillsLetTheOldWeightsRideTheGap() {
        double[][] opens = {{100, 100}, {105, 95}, {120, 100}};
        var r = WeeklyPortfolioLoop.run("half", T3, P3, opens, null, constant(0.5, 0.5), new double[] {0.5, 0.5},
                FeeModel.FREE, 1, 52, ExecutionModel.NEXT_OPEN, 1000, null);
        // row 0's decision is bought at row 1's opens: 500/105 and 500/95 shares, marked at closes 110 and 90
        double e1 = 500 * 110 / 105.0 + 500 * 90 / 95.0;
        // at row 2's opens the book is worth v; back to halves there, then marked at closes 121 and 99
        double v = 500 * 120 / 105.0 + 500 * 100 / 95.0;
        double e2 = v / 2 * (121 / 120.0 + 99 / 100.0);
        assertThat(r.equity()).containsExactly(new double[] {1000, e1, e2}, within(1e-9));
        // the paper's convention on the same panel earns close to close
        var paper = WeeklyPortfolioLoop.run("half", T3, P3, null, null, constant(0.5, 0.5), new double[] {0.5, 0.5},
                FeeModel.FREE, 1, 52, ExecutionModel.SAME_CLOSE, 1000, null);
        assertThat(paper.equity()).containsExactly(new double[] {1000, 1000, 1100}, within(1e-9));
    }

    @Test
    void grossLimitBorrowAndFinancing() {
        // 1.5 long / 0.5 short is 200 % gross: a 100 % limit scales it to 0.75 / −0.25
        var capped = WeeklyPortfolioLoop.run("ls", T3, P3, null, null, constant(1.5, -0.5), new double[] {0.5, 0.5},
                FeeModel.FREE, 1.0, 52, ExecutionModel.SAME_CLOSE, 1000, null);
        assertThat(capped.weights()[0]).containsExactly(new double[] {0.75, -0.25}, within(1e-12));
        // 150 % long: cash −0.5 pays the financing spread, 5,200 bps/yr = 1 % a week: 1 + 0.15 − 0.005 = 1.145
        FeeModel carry = FeeModel.FREE.withCarry(5200, 5200);
        var lev = WeeklyPortfolioLoop.run("lev", T3, P3, null, null, constant(1.5, 0), new double[] {0.5, 0.5},
                carry, 2.0, 52, ExecutionModel.SAME_CLOSE, 1000, null);
        assertThat(lev.equity()[1]).isCloseTo(1145.0, within(1e-9));
        assertThat(lev.financing()[1]).isCloseTo(5.0, within(1e-9));
        // 100 % long, 50 % short, week 1 r = (+10 %, −10 %), cash +0.5 earns rf = 0, the short pays 1 % a week:
        // 1 + 1.0·0.1 − 0.5·(−0.1) − 0.5·0.01 = 1.145
        var shortBook = WeeklyPortfolioLoop.run("s", T3, P3, null, null, constant(1.0, -0.5), new double[] {0.5, 0.5},
                carry, 2.0, 52, ExecutionModel.SAME_CLOSE, 1000, null);
        assertThat(shortBook.borrow()[1]).isCloseTo(5.0, within(1e-9));
        assertThat(shortBook.equity()[1]).isCloseTo(1145.0, within(1e-9));
        assertThat(shortBook.toBacktestResult().gross()[1]).isCloseTo(1.5, within(1e-12));
        assertThat(shortBook.toBacktestResult().position()[1]).isCloseTo(0.5, within(1e-12));
    }
}
