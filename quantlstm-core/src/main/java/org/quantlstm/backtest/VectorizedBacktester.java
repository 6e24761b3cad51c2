package org.quantlstm.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;

/**
 * The fast single-asset path: one pass over primitive columns, no per-bar objects, no allocation in the
 * loop. Used for full runs (then it also fills preallocated output columns and a fill buffer) and for
 * parameter sweeps (then it only accumulates the statistics a sweep ranks by; the usual sweep, without a bracket
 * and without known volumes, runs the same operations in {@code SweepKernel}, many configurations side by side,
 * with the same bits).
 *
 * <p>Per bar j, in the order of {@link #simulate}: carry (interest or financing on cash, borrow on a short), the
 * order decided at bar j−1's close filled at bar j's open (or close, with {@link FillTiming#NEXT_CLOSE}), the
 * bracket worked inside the bar, marking at bar j's close, then the target for the next bar decided from data
 * up to bar j's close. An order is created only when the target changes. A fill resizes the position to target
 * × equity at the fill price ({@code shares = w·(cash + shares·p)/p}, within the gross limit, see
 * {@link #target}); every cost, borrow fee and financing charge comes from the config's {@link FeeModel}. The
 * event-driven path ({@link EventBacktester}) does the same arithmetic with objects; a test holds them equal to
 * 1e-9.
 */
public final class VectorizedBacktester {
    /** Index of final equity in the statistics array of {@link #simulate}. */
    static final int FINAL = 0, SUM = 1, SUMSQ = 2, MDD = 3, FILLS = 4, COUNT = 5, STATS = 6;

    private final BacktestConfig config;
    private final double[] cashRate;

    /** A backtester with a risk-free rate of 0 (cash earns nothing; see the other constructor). */
    public VectorizedBacktester(BacktestConfig config) {
        this(config, null);
    }

    /**
     * A backtester whose cash balance earns {@code cashRatePerPeriod[t−1]} over period t (from bar t−1's close
     * to bar t's), credited at the start of bar t before any fill; a negative balance pays that rate plus the fee
     * model's financing spread, and short-sale proceeds held in cash earn it (the short pays the fee model's
     * borrow fee). Pass the same per-period risk-free series that the Sharpe ratio subtracts, so that a strategy
     * sitting in cash is not charged the risk-free rate it would in fact have earned. Length: bars − 1; null =
     * a risk-free rate of 0.
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
        double[] gross = new double[n], borrow = new double[n], financing = new double[n];
        FillBuffer buf = new FillBuffer(n);
        Columns out = new Columns(eq, pos, traded, costs, gross, borrow, financing, buf);
        simulate(prices, targets, sizer, pr, vr, config, cashRate, capital, out, new double[STATS]);
        List<Fill> fills = buf.toFills();
        List<Trade> trades = TradeLog.build(prices.name(), fills, prices.times(), prices.close(), borrow);
        return new BacktestResult(name, prices.times(), prices.close(), eq, pos, gross, traded, costs, borrow,
                financing, fills, trades, capital);
    }

    /**
     * Runs every sizer over the same forecasts and ranks nothing: returns per-configuration final equity,
     * Sharpe (rf = 0, ddof = 1, annualised with {@code periodsPerYear}), max drawdown and fill count.
     * Configurations run in parallel on the common fork-join pool; each bar of each configuration is one
     * bar-evaluation (sizing, possible fill, carry, bracket, marking, statistics). Without a bracket and without
     * known volumes (the usual sweep) blocks of configurations run {@code SweepKernel} as lanes, chosen once per
     * sweep, else each configuration runs {@link #simulate}; the statistics are the same bits either way.
     */
    public SweepResult sweep(Prices prices, double[] predicted, double[] volRatio, List<PositionSizer> sizers,
                             int periodsPerYear) {
        checkColumns(prices, predicted, volRatio);
        checkCashRate(cashRate, prices.size());
        int m = sizers.size();
        double[] fin = new double[m], sharpe = new double[m], mdd = new double[m];
        int[] fills = new int[m];
        double cap = config.initialCapital();
        double ann = Math.sqrt(periodsPerYear);
        double[][] stats = new double[m][STATS];
        if (SweepKernel.applies(config, prices)) { // chosen once per sweep; blocks of configurations run as lanes
            int lanes = SweepKernel.blockSize(m, ForkJoinTask.inForkJoinPool()
                    ? ForkJoinTask.getPool().getParallelism() : ForkJoinPool.getCommonPoolParallelism());
            IntStream.range(0, (m + lanes - 1) / lanes).parallel().forEach(b -> SweepKernel.run(prices, sizers,
                    b * lanes, Math.min(m, (b + 1) * lanes), predicted, volRatio, config, cashRate, cap, stats));
        } else {
            IntStream.range(0, m).parallel().forEach(i -> simulate(prices, null, sizers.get(i), predicted, volRatio,
                    config, cashRate, cap, null, stats[i]));
        }
        for (int i = 0; i < m; i++) {
            double[] st = stats[i];
            double k = st[COUNT];
            double mean = st[SUM] / k;
            double var = (st[SUMSQ] - st[SUM] * mean) / (k - 1);
            fin[i] = st[FINAL];
            sharpe[i] = var > 0 ? mean / Math.sqrt(var) * ann : Double.NaN;
            mdd[i] = st[MDD];
            fills[i] = (int) st[FILLS];
        }
        return new SweepResult(sizers, fin, sharpe, mdd, fills, (long) m * prices.size());
    }

    /** The output columns of a full run (null in sweeps). */
    record Columns(double[] eq, double[] pos, double[] traded, double[] costs, double[] gross, double[] borrow,
                   double[] financing, FillBuffer fills) {
    }

    /**
     * The loop shared by full runs and sweeps. Targets come from {@code targets} if not null, otherwise from
     * {@code sizer.size(pr[j], vr[j])}. {@code cashRate} (per period, may be null = 0) is the risk-free rate of
     * the fee model's interest. {@code out} may be null (sweeps). {@code stats} receives final equity, Σr, Σr²,
     * max drawdown (≤ 0), number of fills and number of returns.
     *
     * <p>Per bar j: (1) carry: interest on cash (financing when negative) and the borrow fee on a short, through
     * the {@link FeeModel}; (2) with next-open fills, the pending order fills at the open; (3) the bracket, if
     * any, is worked inside the bar ({@link Bracket}); (4) with next-close fills, the pending order fills at the
     * close (unless the bracket just closed that side); (5) marking at the close; (6) the decision for bar j+1.
     */
    static void simulate(Prices px, double[] targets, PositionSizer sizer, double[] pr, double[] vr,
                         BacktestConfig cfg, double[] cashRate, double capital, Columns out, double[] stats) {
        double[] open = px.open(), high = px.high(), low = px.low(), close = px.close(), vol = px.volume();
        FeeModel fees = cfg.fees();
        RiskLimits limits = cfg.limits();
        double maxGross = cfg.maxGross();
        int ppy = cfg.periodsPerYear();
        int n = close.length;
        boolean atOpen = cfg.fill() == FillTiming.NEXT_OPEN;
        boolean stops = limits.active();
        double cash = capital, shares = 0, entry = Double.NaN, peak = Double.NaN;
        int stopped = 0;
        boolean hasPending = false;
        double pending = 0, last = 0;
        double prevE = capital, peakE = capital, mdd = 0, sum = 0, sumsq = 0;
        int nFills = 0;
        // the fee model's constants, read once per run; cost() is FeeModel.orderCost without impact, same arithmetic
        double rate = fees.rate(), perShare = fees.perShare(), minCost = fees.minPerOrder();
        boolean impacted = fees.impact() != FeeModel.Impact.NONE;
        double borrowRate = fees.borrowPerPeriod(ppy); // the fee model's borrowFee = |short notional| × this
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                if (cash < 0 || cashRate != null && cash != 0) {
                    double in = fees.interest(cash, cashRate == null ? 0 : cashRate[j - 1], ppy);
                    if (out != null && cash < 0) {
                        out.financing[j] = -in;
                    }
                    cash += in;
                }
                if (shares < 0 && borrowRate > 0) {
                    double b = -shares * close[j - 1] * borrowRate;
                    cash -= b;
                    if (out != null) {
                        out.borrow[j] = b;
                    }
                }
            }
            // The fill is written out twice, here at the open and below at the close (the bracket is worked
            // between them). Folding the two into one block (a three-step loop over open fill, bracket, close fill)
            // was measured at 30-39 M bar-evaluations/s against 55-58 M for this form (bench backtest, 1 thread,
            // load 1.5, 2026-12-07), when sweeps still ran this loop. Since then sweeps without a bracket and
            // without known volumes run SweepKernel, so this loop serves full runs and sweeps with a bracket or
            // volumes. Keep the two copies identical (SweepBitIdentityTest and BacktestPathsAgreeTest check both
            // timings; SweepKernelTest holds SweepKernel to this loop).
            if (hasPending && atOpen) {
                double p = open[j], v = vol[j];
                boolean known = v > 0; // volume known: participation cap and impact apply
                double ts, c;
                if (pending == 0) {
                    ts = known ? shares + fees.fillable(-shares, v) : shares + -shares;
                    c = known && impacted ? fees.orderCost(ts - shares, p, v) : cost(ts - shares, p, rate, perShare, minCost);
                } else { // as target(): one cost evaluation unless the gross limit binds
                    double e0 = cash + shares * p;
                    double want = pending * e0 / p - shares;
                    ts = shares + (known ? fees.fillable(want, v) : want);
                    c = known && impacted ? fees.orderCost(ts - shares, p, v) : cost(ts - shares, p, rate, perShare, minCost);
                    double room = maxGross * (e0 - c);
                    if (Math.abs(ts) * p > room) {
                        ts = room > 0 ? Math.copySign(room / p, ts) : 0;
                        c = known && impacted ? fees.orderCost(ts - shares, p, v) : cost(ts - shares, p, rate, perShare, minCost);
                    }
                }
                double d = ts - shares;
                if (d != 0) {
                    cash = cash - (d * p + c);
                    if (ts == 0) {
                        entry = Double.NaN;
                    } else if (shares == 0 || (ts > 0) != (shares > 0)) {
                        entry = p;
                        peak = p;
                    }
                    shares = ts;
                    nFills++;
                    if (out != null) {
                        out.traded[j] += Math.abs(d) * p;
                        out.costs[j] += c;
                        out.fills.add(j, p, d, ts, c, pending, ExitReason.SIGNAL);
                    }
                }
                hasPending = false;
            }
            if (stops && shares != 0) {
                int side = shares > 0 ? 1 : -1;
                double x = Bracket.exit(side, entry, peak, limits, open[j], high[j], low[j]);
                if (x == x) {
                    double c = impacted && vol[j] > 0 ? fees.orderCost(shares, x, vol[j])
                            : cost(shares, x, rate, perShare, minCost);
                    cash += shares * x - c;
                    nFills++;
                    if (out != null) {
                        out.traded[j] += Math.abs(shares) * x;
                        out.costs[j] += c;
                        out.fills.add(j, x, -shares, 0, c, 0, Bracket.reason(side, entry, peak, limits, x));
                    }
                    shares = 0;
                    entry = Double.NaN;
                    stopped = side;
                    if (hasPending && (pending > 0 ? 1 : pending < 0 ? -1 : 0) == side) {
                        hasPending = false;
                    }
                    last = hasPending ? pending : 0;
                } else {
                    peak = side > 0 ? Math.max(peak, high[j]) : Math.min(peak, low[j]);
                }
            }
            if (hasPending) {
                double p = close[j], v = vol[j];
                boolean known = v > 0; // volume known: participation cap and impact apply
                double ts, c;
                if (pending == 0) {
                    ts = known ? shares + fees.fillable(-shares, v) : shares + -shares;
                    c = known && impacted ? fees.orderCost(ts - shares, p, v) : cost(ts - shares, p, rate, perShare, minCost);
                } else { // as target(): one cost evaluation unless the gross limit binds
                    double e0 = cash + shares * p;
                    double want = pending * e0 / p - shares;
                    ts = shares + (known ? fees.fillable(want, v) : want);
                    c = known && impacted ? fees.orderCost(ts - shares, p, v) : cost(ts - shares, p, rate, perShare, minCost);
                    double room = maxGross * (e0 - c);
                    if (Math.abs(ts) * p > room) {
                        ts = room > 0 ? Math.copySign(room / p, ts) : 0;
                        c = known && impacted ? fees.orderCost(ts - shares, p, v) : cost(ts - shares, p, rate, perShare, minCost);
                    }
                }
                double d = ts - shares;
                if (d != 0) {
                    cash = cash - (d * p + c);
                    if (ts == 0) {
                        entry = Double.NaN;
                    } else if (shares == 0 || (ts > 0) != (shares > 0)) {
                        entry = p;
                        peak = p;
                    }
                    shares = ts;
                    nFills++;
                    if (out != null) {
                        out.traded[j] += Math.abs(d) * p;
                        out.costs[j] += c;
                        out.fills.add(j, p, d, ts, c, pending, ExitReason.SIGNAL);
                    }
                }
                hasPending = false;
            }
            double e = cash + shares * close[j];
            if (out != null) {
                out.eq[j] = e;
                out.pos[j] = shares * close[j] / e;
                out.gross[j] = Math.abs(out.pos[j]);
            }
            if (j > 0) {
                double r = e / prevE - 1;
                sum += r;
                sumsq += r * r;
            }
            prevE = e;
            if (e > peakE) {
                peakE = e;
            } else if (e < peakE * (1 + mdd)) { // a possible new maximum drawdown: divide only then
                double dd = e / peakE - 1;
                if (dd < mdd) {
                    mdd = dd;
                }
            }
            if (j < n - 1) {
                double w = targets != null ? targets[j] : sizer.size(pr[j], vr == null ? Double.NaN : vr[j]);
                if (w != w) {
                    w = 0;
                } else if (w > maxGross) {
                    w = maxGross;
                } else if (w < -maxGross) {
                    w = -maxGross;
                }
                if (stopped != 0) {
                    int ws = w > 0 ? 1 : w < 0 ? -1 : 0;
                    if (ws == stopped) {
                        w = 0;
                    } else {
                        stopped = 0;
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

    /**
     * {@link FeeModel#orderCost} for a bar whose volume is unknown or a model without impact, with the model's
     * rate, per-share commission and minimum read once per run: the same operations in the same order, so the
     * same bits. Kept tiny so that the JIT inlines it into the per-bar loop.
     */
    static double cost(double shares, double price, double rate, double perShare, double minCost) {
        if (shares == 0) {
            return 0;
        }
        double q = Math.abs(shares);
        return Math.max(minCost, rate * (q * price) + perShare * q);
    }

    /**
     * The shares after filling target weight {@code w} at {@code p} with equity {@code e} (valued at p before
     * costs): {@code w·e/p}, cut to the fee model's participation cap, then, if the position would exceed
     * {@code maxGross} × (equity after the order's cost), scaled down to it (cost recomputed once, which only
     * lowers it, so the limit holds).
     */
    static double target(double w, double e, double p, double shares, FeeModel fees, double volume, double maxGross) {
        if (w == 0) {
            return shares + fees.fillable(-shares, volume);
        }
        double ts = shares + fees.fillable(w * e / p - shares, volume);
        double c = fees.orderCost(ts - shares, p, volume);
        double room = maxGross * (e - c);
        if (Math.abs(ts) * p > room) {
            ts = room > 0 ? Math.copySign(room / p, ts) : 0;
        }
        return ts;
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
        private final ExitReason[] reason;
        private int size;

        FillBuffer(int capacity) {
            capacity = 2 * capacity; // a signal fill and a bracket exit can share a bar
            bar = new int[capacity];
            price = new double[capacity];
            delta = new double[capacity];
            after = new double[capacity];
            cost = new double[capacity];
            target = new double[capacity];
            reason = new ExitReason[capacity];
        }

        void add(int j, double p, double d, double a, double c, double w, ExitReason why) {
            reason[size] = why;
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
                out.add(new Fill(0, bar[i], price[i], delta[i], after[i], cost[i], target[i], reason[i]));
            }
            return out;
        }
    }
}
