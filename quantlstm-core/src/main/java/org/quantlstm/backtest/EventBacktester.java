package org.quantlstm.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.quantlstm.signal.PositionSizer;

/**
 * The event-driven path, for portfolios of several assets sharing one cash account. Bars are events; on each
 * bar j: pending {@link Order}s (decided at bar j−1's close) are filled at bar j's open (or close with
 * {@link FillTiming#NEXT_CLOSE}) — all orders of a bar are sized from the same equity, valued at that bar's fill
 * prices before any of them trades, so the order in which they execute does not matter; the
 * {@link Portfolio} is marked at the closes; then each asset's target at bar j's close becomes an order if it
 * changed. The arithmetic per asset is the same as {@link VectorizedBacktester}'s, which a test checks.
 */
public final class EventBacktester {
    private final BacktestConfig config;
    private final double[] cashRate;

    public EventBacktester(BacktestConfig config) {
        this(config, null);
    }

    /** With interest on cash, as {@link VectorizedBacktester#VectorizedBacktester(BacktestConfig, double[])}. */
    public EventBacktester(BacktestConfig config, double[] cashRatePerPeriod) {
        this.config = Objects.requireNonNull(config, "config");
        this.cashRate = cashRatePerPeriod == null ? null : cashRatePerPeriod.clone();
    }

    /**
     * Runs targets ({@code targets[asset][bar]}, fractions of equity, summing to at most the leverage the
     * caller intends) over assets on identical bar times.
     */
    public PortfolioResult run(List<Prices> assets, double[][] targets) {
        int m = assets.size();
        if (m == 0 || targets.length != m) {
            throw new IllegalArgumentException("need one target row per asset: " + m + " assets, "
                    + targets.length + " rows");
        }
        long[] times = assets.get(0).times();
        int n = times.length;
        double[][] open = new double[m][], close = new double[m][];
        for (int a = 0; a < m; a++) {
            Prices p = assets.get(a);
            if (!java.util.Arrays.equals(p.times(), times)) {
                throw new IllegalArgumentException(p.name() + " is not on the same bar times as " + assets.get(0).name());
            }
            VectorizedBacktester.checkTargets(p, targets[a]);
            open[a] = p.open();
            close[a] = p.close();
        }
        VectorizedBacktester.checkCashRate(cashRate, n);
        Portfolio pf = new Portfolio(m, config.initialCapital());
        double[] eq = new double[n], traded = new double[n], costs = new double[n];
        double[][] weights = new double[m][n];
        List<Fill> fills = new ArrayList<>();
        List<Order> pending = new ArrayList<>();
        double[] px = new double[m];
        boolean atOpen = config.fill() == FillTiming.NEXT_OPEN;
        for (int j = 0; j < n; j++) {
            if (cashRate != null && j > 0) {
                pf.accrue(cashRate[j - 1]);
            }
            if (!pending.isEmpty()) {
                for (int a = 0; a < m; a++) {
                    px[a] = atOpen ? open[a][j] : close[a][j];
                }
                double e = pf.equity(px);
                for (Order o : pending) {
                    Fill f = pf.execute(o, j, px[o.asset()], e, config.costs());
                    if (f != null) {
                        fills.add(f);
                        traded[j] += f.notional();
                        costs[j] += f.cost();
                    }
                }
                pending.clear();
            }
            for (int a = 0; a < m; a++) {
                px[a] = close[a][j];
            }
            double e = pf.equity(px);
            eq[j] = e;
            for (int a = 0; a < m; a++) {
                weights[a][j] = pf.shares(a) * close[a][j] / e;
            }
            if (j < n - 1) {
                for (int a = 0; a < m; a++) {
                    Order o = pf.decide(a, j, targets[a][j], close[a][j], config.limits());
                    if (o != null) {
                        pending.add(o);
                    }
                }
            }
        }
        List<Trade> trades = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int a = 0; a < m; a++) {
            final int asset = a;
            names.add(assets.get(a).name());
            trades.addAll(TradeLog.build(assets.get(a).name(), fills.stream().filter(f -> f.asset() == asset).toList(),
                    times, close[a]));
        }
        return new PortfolioResult(names, times, eq, weights, traded, costs, fills, trades, config.initialCapital());
    }

    /** A single asset through the event path, as a {@link BacktestResult} comparable with the vectorized one. */
    public BacktestResult run(String name, Prices prices, double[] targets) {
        PortfolioResult r = run(List.of(prices), new double[][] {targets});
        return new BacktestResult(name, r.times(), prices.close(), r.equity(), r.weights()[0], r.traded(), r.costs(),
                r.fills(), r.trades(), r.initialCapital());
    }

    /** A single asset with a sizer over forecasts (targets computed first, then run as events). */
    public BacktestResult run(String name, Prices prices, PositionSizer sizer, double[] predicted, double[] volRatio) {
        VectorizedBacktester.checkColumns(prices, predicted, volRatio);
        return run(name, prices, sizer.targets(predicted, volRatio));
    }
}
