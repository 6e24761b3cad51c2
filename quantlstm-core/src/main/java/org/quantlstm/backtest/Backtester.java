package org.quantlstm.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quantlstm.signal.Hybrid;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.Thresholds;
import org.quantlstm.signal.SizingMethod;

/**
 * Entry point for single-asset backtests: pure strategies, buy-and-hold and seed 001's hybrids, all with the
 * same fill timing, costs and capital (from {@link BacktestConfig}) so that their rows are comparable.
 *
 * <p>Buy-and-hold is the target 100 % long from bar 0's close on, so it is bought at bar 1's open (or close)
 * and pays the cost of that one fill, exactly as a strategy would. A hybrid gives {@code activeWeight} of the
 * capital to the strategy and the rest to buy-and-hold, each sleeve run on its own capital (so a minimum cost
 * per fill weighs on the smaller sleeve as it would in reality), then the sleeves are summed without
 * rebalancing.
 *
 * <p><b>Entry orders.</b> With market entries (the default) every strategy runs on the vectorized engine. With a
 * limit, stop or stop-limit entry type ({@link BacktestConfig#entry()}, see {@link EntryOrders}) the strategies
 * and the active sleeves of hybrids run on the event engine's single-asset path ({@link EventBacktester}), the
 * one engine that works entry orders; buy-and-hold and the passive sleeves are the benchmark and keep buying at
 * market.
 */
public final class Backtester {
    private final BacktestConfig config;
    private final VectorizedBacktester fast;
    private final double[] cashRate;

    /** Cash earns nothing. */
    public Backtester(BacktestConfig config) {
        this(config, null);
    }

    /**
     * Cash earns {@code cashRatePerPeriod} (length bars − 1; null = nothing), see
     * {@link VectorizedBacktester#VectorizedBacktester(BacktestConfig, double[])}. Applies to every sleeve,
     * buy-and-hold included.
     */
    public Backtester(BacktestConfig config, double[] cashRatePerPeriod) {
        this.config = Objects.requireNonNull(config, "config");
        this.fast = new VectorizedBacktester(config, cashRatePerPeriod);
        this.cashRate = cashRatePerPeriod == null ? null : cashRatePerPeriod.clone();
    }

    /** The event engine for a sleeve of {@code capital} (non-market entry types only). */
    private EventBacktester events(double capital) {
        return new EventBacktester(config.withCapital(capital), cashRate);
    }

    public BacktestConfig config() {
        return config;
    }

    /** A pure strategy from a sizer over forecasts (vectorized path; event path for non-market entries). */
    public BacktestResult run(String name, Prices prices, PositionSizer sizer, double[] predicted, double[] volRatio) {
        if (!config.entry().market()) {
            return events(config.initialCapital()).run(name, prices, sizer, predicted, volRatio);
        }
        return fast.run(name, prices, sizer, predicted, volRatio);
    }

    /** A pure strategy from target positions (vectorized path; event path for non-market entries). */
    public BacktestResult run(String name, Prices prices, double[] targets) {
        if (!config.entry().market()) {
            return events(config.initialCapital()).run(name, prices, targets);
        }
        return fast.run(name, prices, targets);
    }

    /**
     * Buy-and-hold: 100 % long, bought on the first fill bar, never sold; named "buy_and_hold". Always a market
     * order, whatever the entry type.
     */
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
        BacktestResult active = config.entry().market()
                ? fast.full(baseName, prices, targets, null, null, null, c * h.activeWeight())
                : events(c * h.activeWeight()).run(baseName, prices, targets);
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

    /**
     * Seed 001's comparison set: each of the five sizing methods (seed settings, {@code allowShort} as given;
     * the seed's default is true) as a pure strategy, then the three hybrids (30/70, 50/50, 70/30 active/passive)
     * of each method in {@code hybridBases}. The seed itself builds hybrids of PROPORTIONAL only ("testing hybrid
     * approaches with PROPORTIONAL strategy"), i.e. 5 + 3 = 8 strategies; passing all five methods gives 20.
     * Names: {@code binary}, …, {@code proportional_hybrid_30_70}, … Every strategy compared here counts as a
     * trial for the Deflated Sharpe Ratio.
     *
     * @param predicted forecast at each bar's close of the simple return from that close to the next (NaN = none)
     * @param volRatio  causal median/current volatility ({@code VolatilityRatio.causalRatio}), same length
     */
    public List<BacktestResult> seedSuite(Prices prices, double[] predicted, double[] volRatio, boolean allowShort,
                                          List<SizingMethod> hybridBases) {
        return seedSuite(prices, predicted, volRatio, allowShort, Thresholds.SEED_BAND, hybridBases);
    }

    /**
     * {@link #seedSuite(Prices, double[], double[], boolean, List)} with another band for the two methods that use
     * one (binary and volatility-adjusted; the seed's band is 0.1 %).
     */
    public List<BacktestResult> seedSuite(Prices prices, double[] predicted, double[] volRatio, boolean allowShort,
                                          double band, List<SizingMethod> hybridBases) {
        VectorizedBacktester.checkColumns(prices, predicted, volRatio);
        List<BacktestResult> out = new ArrayList<>();
        Map<SizingMethod, double[]> targets = new EnumMap<>(SizingMethod.class);
        for (SizingMethod m : SizingMethod.values()) {
            PositionSizer sizer = PositionSizer.seed(m, allowShort);
            if (sizer.thresholds().longAbove() == Thresholds.SEED_BAND) {
                sizer = sizer.withThresholds(Thresholds.symmetric(band, allowShort));
            }
            double[] t = sizer.targets(predicted, volRatio);
            targets.put(m, t);
            out.add(run(m.code(), prices, t));
        }
        for (SizingMethod m : hybridBases) {
            for (Hybrid h : Hybrid.seed()) {
                out.add(hybrid(m.code(), prices, targets.get(m), h));
            }
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] t = new double[n];
        Arrays.fill(t, 1.0);
        return t;
    }
}
