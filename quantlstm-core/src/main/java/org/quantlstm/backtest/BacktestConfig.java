package org.quantlstm.backtest;

import java.util.Objects;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.RiskLimits;

/**
 * How a backtest trades: fill timing, costs, risk limits and starting capital. Positions are fractions of
 * equity, compounded: at each fill the position is resized to target × current equity (valued at the fill
 * price, before costs), so gains and losses carry into later sizes. Shorts are negative shares, their sale
 * proceeds are credited to cash; equity = cash + shares × price. Between changes of target nothing is traded,
 * so a constant 50 % target drifts with the price rather than being rebalanced every bar (rebalancing would pay
 * costs each bar for no signal). Cash earns nothing unless the engine is given a per-period cash rate (see
 * {@link VectorizedBacktester#VectorizedBacktester(BacktestConfig, double[])}).
 *
 * @param fill           next-bar open (default) or next-bar close
 * @param costs          cost model (default 10 bps)
 * @param limits         stop-loss / take-profit (default none)
 * @param initialCapital starting equity in currency units (default 100,000)
 */
public record BacktestConfig(FillTiming fill, CostModel costs, RiskLimits limits, double initialCapital) {
    public static final BacktestConfig DEFAULT =
            new BacktestConfig(FillTiming.NEXT_OPEN, CostModel.DEFAULT, RiskLimits.NONE, 100_000);

    public BacktestConfig {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(limits, "limits");
        if (!(initialCapital > 0) || Double.isInfinite(initialCapital)) {
            throw new UserInputException("initial capital must be finite and > 0: " + initialCapital);
        }
    }

    public BacktestConfig withFill(FillTiming f) {
        return new BacktestConfig(f, costs, limits, initialCapital);
    }

    public BacktestConfig withCosts(CostModel c) {
        return new BacktestConfig(fill, c, limits, initialCapital);
    }

    public BacktestConfig withLimits(RiskLimits l) {
        return new BacktestConfig(fill, costs, l, initialCapital);
    }

    public BacktestConfig withCapital(double capital) {
        return new BacktestConfig(fill, costs, limits, capital);
    }
}
