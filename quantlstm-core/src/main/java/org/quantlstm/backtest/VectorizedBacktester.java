package org.quantlstm.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;

/**
 * The fast single-asset path: one pass over primitive columns, no per-bar objects, no allocation in the
 * loop. Used for full runs (then it also fills preallocated output columns and a fill buffer) and for
 * parameter sweeps (then it only accumulates the statistics a sweep ranks by).
 *
 * <p>Per bar j, in this order: (1) the order decided at bar j−1's close, if any, is filled at bar j's open
 * (or close, with {@link FillTiming#NEXT_CLOSE}); (2) equity is marked at bar j's close; (3) the target for the
 * next bar is decided from data up to bar j's close (forecast and volatility ratio at j, the close at j for
 * stops). An order is created only when the target changes. A fill resizes the position to target × equity
 * at the fill price: {@code shares = w·(cash + shares·p)/p}, cost {@code max(min, rate·|Δshares|·p)} from cash.
 * The event-driven path ({@link EventBacktester}) does the same arithmetic with objects; a test holds them
 * equal to 1e-9.
 */
public final class VectorizedBacktester {
    /** Index of final equity in the statistics array of {@link #simulate}. */
    static final int FINAL = 0, SUM = 1, SUMSQ = 2, MDD = 3, FILLS = 4, COUNT = 5, STATS = 6;

    private final BacktestConfig config;
    private final double[] cashRate;

    /** A backtester whose cash earns nothing (the usual backtest convention; see the other constructor). */
    public VectorizedBacktester(BacktestConfig config) {
        this(config, null);
    }

    /**
     * A backtester whose cash balance earns {@code cashRatePerPeriod[t−1]} over period t (from bar t−1's close
     * to bar t's), credited at the start of bar t before any fill; a negative balance (leverage, a long bought
     * with borrowed cash) pays the same rate, and short-sale proceeds held in cash earn it (no borrow fee is
     * modelled). Pass the same per-period risk-free series that the Sharpe ratio subtracts, so that a strategy
     * sitting in cash is not charged the risk-free rate it would in fact have earned. Length: bars − 1; null =
     * no interest.
     */
    public VectorizedBacktester(BacktestConfig config, double[] cashRatePerPeriod) {
        this.config = Objects.requireNonNull(config, "config");
        this.cashRate = cashRatePerPeriod == null ? null : cashRatePerPeriod.clone();
    }

    public BacktestConfig config() {
        return config;
    }

    /** Runs given target positions (fraction of equity, decided at each bar's close). */
    public BacktestResult run(String name, Prices prices, double[] targets) {
        checkTargets(prices, targets);
        return full(name, prices, targets, null, null, null, config.initialCapital());
    }

    /** Runs a sizer over forecasts (and the volatility ratio, which may be null unless the sizer needs it). */
    public BacktestResult run(String name, Prices prices, PositionSizer sizer, double[] predicted, double[] volRatio) {
        checkColumns(prices, predicted, volRatio);
        return full(name, prices, null, sizer, predicted, volRatio, config.initialCapital());
    }

    BacktestResult full(String name, Prices prices, double[] targets, PositionSizer sizer, double[] pr, double[] vr,
                        double capital) {
        int n = prices.size();
        checkCashRate(cashRate, n);
        double[] eq = new double[n], pos = new double[n], traded = new double[n], costs = new double[n];
        FillBuffer buf = new FillBuffer(n);
        simulate(prices.open(), prices.close(), targets, sizer, pr, vr, config.fill(), config.costs().rate(),
                config.costs().minCost(), config.limits(), cashRate, capital, eq, pos, traded, costs, buf, new double[STATS]);
        List<Fill> fills = buf.toFills();
        List<Trade> trades = TradeLog.build(prices.name(), fills, prices.times(), prices.close());
        return new BacktestResult(name, prices.times(), prices.close(), eq, pos, traded, costs, fills, trades, capital);
    }

    /**
     * Runs every sizer over the same forecasts and ranks nothing: returns per-configuration final equity,
     * Sharpe (rf = 0, ddof = 1, annualised with {@code periodsPerYear}), max drawdown and fill count.
     * Configurations run in parallel on the common fork-join pool; each bar of each configuration is one
     * bar-evaluation (sizing, possible fill, marking, statistics).
     */
    public SweepResult sweep(Prices prices, double[] predicted, double[] volRatio, List<PositionSizer> sizers,
                             int periodsPerYear) {
        checkColumns(prices, predicted, volRatio);
        checkCashRate(cashRate, prices.size());
        int m = sizers.size();
        double[] fin = new double[m], sharpe = new double[m], mdd = new double[m];
        int[] fills = new int[m];
        double[] open = prices.open(), close = prices.close();
        double rate = config.costs().rate(), min = config.costs().minCost(), cap = config.initialCapital();
        double ann = Math.sqrt(periodsPerYear);
        IntStream.range(0, m).parallel().forEach(i -> {
            double[] st = new double[STATS];
            simulate(open, close, null, sizers.get(i), predicted, volRatio, config.fill(), rate, min,
                    config.limits(), cashRate, cap, null, null, null, null, null, st);
            double k = st[COUNT];
            double mean = st[SUM] / k;
            double var = (st[SUMSQ] - st[SUM] * mean) / (k - 1);
            fin[i] = st[FINAL];
            sharpe[i] = var > 0 ? mean / Math.sqrt(var) * ann : Double.NaN;
            mdd[i] = st[MDD];
            fills[i] = (int) st[FILLS];
        });
        return new SweepResult(sizers, fin, sharpe, mdd, fills, (long) m * prices.size());
    }

    /**
     * The loop shared by full runs and sweeps. Targets come from {@code targets} if not null, otherwise from
     * {@code sizer.size(pr[j], vr[j])}. {@code cashRate} (per period, may be null) accrues on cash. Output columns and the fill buffer may be null (sweeps). {@code stats}
     * receives final equity, Σr, Σr², max drawdown (≤ 0), number of fills and number of returns.
     */
    static void simulate(double[] open, double[] close, double[] targets, PositionSizer sizer, double[] pr,
                         double[] vr, FillTiming timing, double rate, double minCost, RiskLimits limits,
                         double[] cashRate, double capital, double[] eq, double[] pos, double[] traded, double[] costs,
                         FillBuffer fills, double[] stats) {
        int n = close.length;
        boolean atOpen = timing == FillTiming.NEXT_OPEN;
        boolean stops = limits.active();
        double cash = capital, shares = 0, entry = Double.NaN;
        int stopped = 0;
        boolean hasPending = false;
        double pending = 0, last = 0;
        double prevE = capital, peak = capital, mdd = 0, sum = 0, sumsq = 0;
        int nFills = 0;
        for (int j = 0; j < n; j++) {
            if (cashRate != null && j > 0) {
                cash += cash * cashRate[j - 1];
            }
            if (hasPending) {
                double p = atOpen ? open[j] : close[j];
                double e = cash + shares * p;
                double ts = pending == 0 ? 0 : pending * e / p;
                double d = ts - shares;
                if (d != 0) {
                    double notional = Math.abs(d) * p;
                    double c = Math.max(minCost, rate * notional);
                    cash -= d * p + c;
                    if (ts == 0) {
                        entry = Double.NaN;
                    } else if (shares == 0 || (ts > 0) != (shares > 0)) {
                        entry = p;
                    }
                    shares = ts;
                    nFills++;
                    if (traded != null) {
                        traded[j] += notional;
                        costs[j] += c;
                    }
                    if (fills != null) {
                        fills.add(j, p, d, ts, c, pending);
                    }
                }
                hasPending = false;
            }
            double e = cash + shares * close[j];
            if (eq != null) {
                eq[j] = e;
                pos[j] = shares * close[j] / e;
            }
            if (j > 0) {
                double r = e / prevE - 1;
                sum += r;
                sumsq += r * r;
            }
            prevE = e;
            if (e > peak) {
                peak = e;
            } else if (e < peak * (1 + mdd)) { // a possible new maximum drawdown: divide only then
                double dd = e / peak - 1;
                if (dd < mdd) {
                    mdd = dd;
                }
            }
            if (j < n - 1) {
                double w = targets != null ? targets[j] : sizer.size(pr[j], vr == null ? Double.NaN : vr[j]);
                if (w != w) {
                    w = 0;
                }
                if (stops) {
                    int ws = w > 0 ? 1 : w < 0 ? -1 : 0;
                    if (stopped != 0) {
                        if (ws == stopped) {
                            w = 0;
                        } else {
                            stopped = 0;
                        }
                    }
                    int side = shares > 0 ? 1 : shares < 0 ? -1 : 0;
                    if (stopped == 0 && side != 0 && ws == side && limits.triggered(side, entry, close[j])) {
                        w = 0;
                        stopped = side;
                    }
                }
                if (w != last) {
                    pending = w;
                    last = w;
                    hasPending = true;
                }
            }
        }
        stats[FINAL] = prevE;
        stats[SUM] = sum;
        stats[SUMSQ] = sumsq;
        stats[MDD] = mdd;
        stats[FILLS] = nFills;
        stats[COUNT] = Math.max(0, n - 1);
    }

    static void checkTargets(Prices prices, double[] targets) {
        if (targets.length != prices.size()) {
            throw new IllegalArgumentException("targets length " + targets.length + " != bars " + prices.size());
        }
        for (int i = 0; i < targets.length; i++) {
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("target at bar " + i + " is not finite: " + targets[i]);
            }
        }
    }

    static void checkCashRate(double[] cashRate, int bars) {
        if (cashRate != null && cashRate.length != Math.max(0, bars - 1)) {
            throw new IllegalArgumentException("cash rate has " + cashRate.length + " periods, expected " + (bars - 1));
        }
    }

    static void checkColumns(Prices prices, double[] predicted, double[] volRatio) {
        if (predicted.length != prices.size()) {
            throw new IllegalArgumentException("predictions length " + predicted.length + " != bars " + prices.size());
        }
        if (volRatio != null && volRatio.length != prices.size()) {
            throw new IllegalArgumentException("volatility ratio length " + volRatio.length + " != bars "
                    + prices.size());
        }
    }

    /** Preallocated primitive fill columns (at most one fill per bar for a single asset). */
    static final class FillBuffer {
        private final int[] bar;
        private final double[] price, delta, after, cost, target;
        private int size;

        FillBuffer(int capacity) {
            bar = new int[capacity];
            price = new double[capacity];
            delta = new double[capacity];
            after = new double[capacity];
            cost = new double[capacity];
            target = new double[capacity];
        }

        void add(int j, double p, double d, double a, double c, double w) {
            bar[size] = j;
            price[size] = p;
            delta[size] = d;
            after[size] = a;
            cost[size] = c;
            target[size] = w;
            size++;
        }

        List<Fill> toFills() {
            List<Fill> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new Fill(0, bar[i], price[i], delta[i], after[i], cost[i], target[i]));
            }
            return out;
        }
    }
}
