package org.quantlstm.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.quantlstm.signal.PositionSizer;

/**
 * The event-driven path, for portfolios of several assets sharing one cash account. Bars are events; on each
 * bar j, in this order:
 * <ol>
 *   <li>carry: interest on cash (the financing rate when negative) and each short's borrow fee, from the
 *       {@link FeeModel};</li>
 *   <li>with next-open fills, the pending {@link Order}s (decided at bar j−1's close) fill at bar j's open. All
 *       orders of a bar are sized from the same equity, valued at that bar's fill prices before any of them
 *       trades, so their order does not matter. Each is cut to the fee model's participation cap; if together
 *       they would take the book's gross exposure above {@code maxGross} × (equity after their costs), all the
 *       bar's orders are scaled down by one factor so that it lands on the limit (costs recomputed once);</li>
 *   <li>each position's bracket is worked inside the bar ({@link Bracket});</li>
 *   <li>with a non-market entry type ({@link BacktestConfig#entry()}), the working entry orders are worked inside
 *       the bar by {@link Bracket#fill}: a filled one resizes its asset to target × equity at the fill price (the
 *       other assets valued at their opens), within the participation cap and the gross limit as in 2; one that
 *       reaches its last bar unfilled is cancelled;</li>
 *   <li>with next-close fills, the pending orders fill at the close as in 2 (an order for the side a bracket just
 *       closed is dropped, and so is one whose asset an entry order has just filled);</li>
 *   <li>the {@link Portfolio} is marked at the closes; then each asset's target at bar j's close (clipped to
 *       ±maxGross) becomes an order if it changed.</li>
 * </ol>
 * The arithmetic per asset is {@link VectorizedBacktester}'s, which a test checks to 1e-9.
 *
 * <p><b>Entry orders</b> ({@link EntryOrders}; only this engine runs them). With market entries (the default)
 * every order is a market order and nothing above changes. Otherwise, at step 6 an order that only reduces or
 * closes a position stays a market order (a strategy can always get out); one that opens or increases exposure
 * becomes a working limit, stop or stop-limit order at levels from the decision close, for bars j+1 … j+expiry;
 * a flip becomes a market order closing the old side plus an entry order for the new side. A new decision for an
 * asset cancels its working order. When a working order expires unfilled, the asset's next decision sends an
 * order again even if the target is unchanged (with a level from that bar's close), so a day limit is re-posted
 * every bar until it fills or the target changes. A bracket that stops a side out cancels a working entry on that
 * side. A position opened inside a bar by an entry order has its bracket worked from the next bar on (the path
 * inside the bar after the fill is unknown), with the fill price as its first best price. An entry order trades
 * only on its own side: if at its fill price the position already is at or beyond the target (a short that grew
 * as the price rose to a sell limit), it is spent without a trade.
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
     * Runs targets ({@code targets[asset][bar]}, fractions of equity) over assets on identical bar times.
     */
    public PortfolioResult run(List<Prices> assets, double[][] targets) {
        int m = assets.size();
        if (m == 0 || targets.length != m) {
            throw new IllegalArgumentException("need one target row per asset: " + m + " assets, "
                    + targets.length + " rows");
        }
        long[] times = assets.get(0).times();
        int n = times.length;
        double[][] open = new double[m][], high = new double[m][], low = new double[m][], close = new double[m][],
                vol = new double[m][];
        for (int a = 0; a < m; a++) {
            Prices p = assets.get(a);
            if (!Arrays.equals(p.times(), times)) {
                throw new IllegalArgumentException(p.name() + " is not on the same bar times as " + assets.get(0).name());
            }
            VectorizedBacktester.checkTargets(p, targets[a]);
            open[a] = p.open();
            high[a] = p.high();
            low[a] = p.low();
            close[a] = p.close();
            vol[a] = p.volume();
        }
        VectorizedBacktester.checkCashRate(cashRate, n);
        FeeModel fees = config.fees();
        int ppy = config.periodsPerYear();
        boolean stops = config.limits().active();
        Portfolio pf = new Portfolio(m, config.initialCapital());
        double[] eq = new double[n], traded = new double[n], costs = new double[n], gross = new double[n];
        double[][] weights = new double[m][n], borrow = new double[m][n];
        double[] financing = new double[n], borrowAll = new double[n];
        List<Fill> fills = new ArrayList<>();
        List<Order> pending = new ArrayList<>();
        double[] px = new double[m];
        boolean atOpen = config.fill() == FillTiming.NEXT_OPEN;
        EntryOrders entry = config.entry();
        Order[] working = new Order[m];
        List<Order> one = new ArrayList<>(1);
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                financing[j] = pf.accrue(fees, cashRate == null ? 0 : cashRate[j - 1], ppy);
                for (int a = 0; a < m; a++) {
                    borrow[a][j] = pf.borrow(a, fees, close[a][j - 1], ppy);
                    borrowAll[j] += borrow[a][j];
                }
            }
            if (atOpen && !pending.isEmpty()) {
                fillBatch(pf, pending, j, open, vol, px, fills, traded, costs);
            }
            if (stops) {
                for (int a = 0; a < m; a++) {
                    Fill f = pf.bracket(a, j, config.limits(), open[a][j], high[a][j], low[a][j], vol[a][j], fees);
                    if (f != null) {
                        record(f, fills, traded, costs);
                        int side = pf.stopped(a);
                        pending.removeIf(o -> o.asset() == f.asset() && Math.signum(o.targetWeight()) == side);
                        for (Order o : pending) {
                            if (o.asset() == f.asset()) {
                                pf.ordered(o.asset(), o.targetWeight()); // a flip still to fill at the close
                            }
                        }
                        Order w = working[a];
                        if (w != null) {
                            if (w.side() == side) {
                                working[a] = null; // no re-entry on the stopped side until the signal resets
                            } else {
                                pf.ordered(a, w.targetWeight());
                            }
                        }
                    }
                }
            }
            if (!entry.market()) {
                workEntries(pf, working, pending, one, j, open, high, low, vol, px, fills, traded, costs);
            }
            if (!pending.isEmpty()) {
                fillBatch(pf, pending, j, close, vol, px, fills, traded, costs);
            }
            for (int a = 0; a < m; a++) {
                px[a] = close[a][j];
            }
            double e = pf.equity(px);
            eq[j] = e;
            for (int a = 0; a < m; a++) {
                weights[a][j] = pf.shares(a) * close[a][j] / e;
                gross[j] += Math.abs(weights[a][j]);
            }
            if (j < n - 1) {
                for (int a = 0; a < m; a++) {
                    Order o = pf.decide(a, j, targets[a][j], config.maxGross());
                    if (o != null) {
                        if (entry.market()) {
                            pending.add(o);
                        } else {
                            working[a] = null; // a newer decision replaces a working order
                            route(o, pf.shares(a), weights[a][j], close[a][j], entry, pending, working);
                        }
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
                    times, close[a], borrow[a]));
        }
        return new PortfolioResult(names, times, eq, weights, gross, traded, costs, borrowAll, financing, fills, trades,
                config.initialCapital());
    }

    /**
     * Sends a decision with a non-market entry type: an order that only reduces or closes the position stays a
     * market order; one that opens or increases exposure becomes a working entry order at levels from the
     * decision close; a flip is split into a market order closing the old side and an entry order for the new.
     */
    private static void route(Order o, double shares, double weight, double close, EntryOrders entry,
                              List<Order> pending, Order[] working) {
        int a = o.asset(), side = o.side();
        int held = shares > 0 ? 1 : shares < 0 ? -1 : 0;
        if (side == 0 || side == held && Math.abs(o.targetWeight()) <= Math.abs(weight)) {
            pending.add(o);
            return;
        }
        if (held != 0 && held != side) {
            pending.add(new Order(a, o.decisionBar(), 0));
        }
        working[a] = new Order(a, o.decisionBar(), o.targetWeight(), entry.type(), entry.level(side, close),
                entry.limit(side, close), o.decisionBar() + entry.expiryBars());
    }

    /**
     * Works the entry orders inside bar j ({@link Bracket#fill}): one that fills resizes its asset to target ×
     * equity at the fill price (the other assets valued at their opens), within the participation cap and the
     * gross limit, and takes the place of a market order of that asset still waiting for the close; one that
     * reaches its last bar unfilled is cancelled, and the asset's next decision sends an order again.
     */
    private void workEntries(Portfolio pf, Order[] working, List<Order> pending, List<Order> one, int j,
                             double[][] open, double[][] high, double[][] low, double[][] vol, double[] px,
                             List<Fill> fills, double[] traded, double[] costs) {
        for (int a = 0; a < working.length; a++) {
            Order w = working[a];
            if (w == null) {
                continue;
            }
            double p = Bracket.fill(w.type(), w.side(), w.level(), w.limit(), open[a][j], high[a][j], low[a][j]);
            if (p == p) {
                for (int b = 0; b < px.length; b++) {
                    px[b] = open[b][j];
                }
                px[a] = p;
                final int asset = a;
                pending.removeIf(o -> o.asset() == asset);
                one.add(w);
                fillAt(pf, one, j, vol, px, fills, traded, costs);
                working[a] = null;
            } else if (j >= w.lastBar()) {
                working[a] = null;
                pf.forget(a);
            }
        }
    }

    /** Fills a bar's pending orders at {@code price[a][j]}, within the participation cap and the gross limit. */
    private void fillBatch(Portfolio pf, List<Order> pending, int j, double[][] price, double[][] vol, double[] px,
                           List<Fill> fills, double[] traded, double[] costs) {
        int m = px.length;
        for (int a = 0; a < m; a++) {
            px[a] = price[a][j];
        }
        fillAt(pf, pending, j, vol, px, fills, traded, costs);
    }

    /** Fills {@code pending} at the prices {@code px}, within the participation cap and the gross limit; clears it. */
    private void fillAt(Portfolio pf, List<Order> pending, int j, double[][] vol, double[] px, List<Fill> fills,
                        double[] traded, double[] costs) {
        FeeModel fees = config.fees();
        int m = px.length;
        double e = pf.equity(px);
        boolean[] ordered = new boolean[m];
        int k = pending.size();
        double[] ts = new double[k], c = new double[k];
        double g = 0, cs = 0;
        for (int i = 0; i < k; i++) {
            Order o = pending.get(i);
            int a = o.asset();
            ordered[a] = true;
            double s = pf.shares(a), p = px[a], v = vol[a][j];
            ts[i] = o.targetWeight() == 0 ? s + fees.fillable(-s, v) : s + fees.fillable(o.targetWeight() * e / p - s, v);
            c[i] = fees.orderCost(ts[i] - s, p, v);
            g += Math.abs(ts[i] * p);
            cs += c[i];
        }
        double fixed = pf.grossExcept(px, ordered);
        double room = config.maxGross() * (e - cs);
        if (fixed + g > room) {
            double f = g > 0 ? Math.max(0, (room - fixed) / g) : 0;
            for (int i = 0; i < k; i++) {
                int a = pending.get(i).asset();
                ts[i] *= f;
                c[i] = fees.orderCost(ts[i] - pf.shares(a), px[a], vol[a][j]);
            }
        }
        for (int i = 0; i < k; i++) {
            Order o = pending.get(i);
            if (o.type() != Bracket.Type.MARKET && (ts[i] - pf.shares(o.asset())) * o.side() < 0) {
                // an entry order only trades on its own side: a short that has grown past its target at the sell
                // limit's price (or a scaled-down order) is left as it is rather than bought back by a sell order
                ts[i] = pf.shares(o.asset());
                c[i] = 0;
            }
            Fill f = pf.trade(o.asset(), j, px[o.asset()], ts[i], c[i], o.targetWeight(), ExitReason.SIGNAL,
                    o.type());
            if (f != null) {
                record(f, fills, traded, costs);
            }
        }
        pending.clear();
    }

    private static void record(Fill f, List<Fill> fills, double[] traded, double[] costs) {
        fills.add(f);
        traded[f.bar()] += f.notional();
        costs[f.bar()] += f.cost();
    }

    /** A single asset through the event path, as a {@link BacktestResult} comparable with the vectorized one. */
    public BacktestResult run(String name, Prices prices, double[] targets) {
        PortfolioResult r = run(List.of(prices), new double[][] {targets});
        return new BacktestResult(name, r.times(), prices.close(), r.equity(), r.weights()[0], r.gross(), r.traded(),
                r.costs(), r.borrow(), r.financing(), r.fills(), r.trades(), r.initialCapital());
    }

    /** A single asset with a sizer over forecasts (targets computed first, then run as events). */
    public BacktestResult run(String name, Prices prices, PositionSizer sizer, double[] predicted, double[] volRatio) {
        VectorizedBacktester.checkColumns(prices, predicted, volRatio);
        return run(name, prices, sizer.targets(predicted, volRatio));
    }
}
