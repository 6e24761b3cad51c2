package org.quantlstm.backtest;

import java.util.Arrays;
import java.util.Objects;
import org.quantlstm.signal.Hybrid;
import org.quantlstm.signal.PositionSizer;

/**
 * Entry point for single-asset backtests: pure strategies, buy-and-hold and seed 001's hybrids, all with the
 * same fill timing, costs and capital (from {@link BacktestConfig}) so that their rows are comparable.
 *
 * <p>Buy-and-hold is the target 100 % long from bar 0's close on, so it is bought at bar 1's open (or close)
 * and pays the cost of that one fill, exactly as a strategy would. A hybrid gives {@code activeWeight} of the
 * capital to the strategy and the rest to buy-and-hold, each sleeve run on its own capital (so a minimum cost
 * per fill weighs on the smaller sleeve as it would in reality), then the sleeves are summed without
 * rebalancing.
 */
public final class Backtester {
    private final BacktestConfig config;
    private final VectorizedBacktester fast;

    public Backtester(BacktestConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.fast = new VectorizedBacktester(config);
    }

    public BacktestConfig config() {
        return config;
    }

    /** A pure strategy from a sizer over forecasts (vectorized path). */
    public BacktestResult run(String name, Prices prices, PositionSizer sizer, double[] predicted, double[] volRatio) {
        return fast.run(name, prices, sizer, predicted, volRatio);
    }

    /** A pure strategy from target positions (vectorized path). */
    public BacktestResult run(String name, Prices prices, double[] targets) {
        return fast.run(name, prices, targets);
    }

    /** Buy-and-hold: 100 % long, bought on the first fill bar, never sold; named "buy_and_hold". */
    public BacktestResult buyAndHold(Prices prices) {
        return fast.full("buy_and_hold", prices, ones(prices.size()), null, null, null, config.initialCapital());
    }

    /**
     * A hybrid: the strategy on {@code h.activeWeight()} of the capital plus buy-and-hold on the rest, summed.
     * The name is {@code baseName + "_" + h.suffix()}, e.g. {@code proportional_hybrid_30_70}.
     */
    public BacktestResult hybrid(String baseName, Prices prices, double[] targets, Hybrid h) {
        VectorizedBacktester.checkTargets(prices, targets);
        double c = config.initialCapital();
        String name = baseName + "_" + h.suffix();
        if (h.activeWeight() == 0) {
            return buyAndHold(prices).named(name);
        }
        if (h.activeWeight() == 1) {
            return run(name, prices, targets);
        }
        BacktestResult active = fast.full(baseName, prices, targets, null, null, null, c * h.activeWeight());
        BacktestResult passive = fast.full("buy_and_hold", prices, ones(prices.size()), null, null, null,
                c * h.passiveWeight());
        return BacktestResult.combine(name, active, passive);
    }

    /** A hybrid from a sizer over forecasts. */
    public BacktestResult hybrid(String baseName, Prices prices, PositionSizer sizer, double[] predicted,
                                 double[] volRatio, Hybrid h) {
        VectorizedBacktester.checkColumns(prices, predicted, volRatio);
        return hybrid(baseName, prices, sizer.targets(predicted, volRatio), h);
    }

    private static double[] ones(int n) {
        double[] t = new double[n];
        Arrays.fill(t, 1.0);
        return t;
    }
}
