package org.quantlstm.backtest;

import org.quantlstm.signal.PositionSizer;

/**
 * The sweep's own loop for the common case: no bracket and no bar with a known volume (so the fee model's
 * participation cap and impact never apply), statistics only, no output columns. {@link VectorizedBacktester#sweep}
 * chooses it once per sweep ({@link #applies}); everything else (brackets, known volumes, full runs) goes through
 * {@link VectorizedBacktester#simulate}.
 *
 * <p>It does {@code simulate}'s operations in the same order, so every statistic is bit-identical
 * ({@code SweepKernelTest} holds the two equal bit for bit on random paths with each feature on and off;
 * {@code SweepBitIdentityTest} holds the sweep to fingerprints recorded before this loop existed). What it leaves
 * out is what the case does not need: the bracket's state and its block, the second copy of the fill (without a
 * bracket the open fill and the close fill are the same code at a different price, so one block reads the price
 * column chosen once), the output columns and their null tests, the volume tests, and the call into the fee
 * model. It is small enough that the JIT compiles it as one method with the sizer inlined, without the
 * profile of full runs and bracket sweeps mixed in.
 *
 * <p>Two steps are written differently with the same result. The borrow fee is
 * {@code max(−shares, 0)·close·rate} on every bar instead of a branch on the sign of the position (the sign
 * flips at random in a sweep, and a mispredicted branch costs more than a multiplication; when the position is
 * not short the fee is +0 and {@code cash − (+0)} is cash, bit for bit). Without a per-share commission and a
 * minimum, the order cost {@code max(0, rate·q·p + 0·q)} is {@code rate·q·p} (it is ≥ +0).
 */
final class SweepKernel {
    private SweepKernel() {
    }

    /** Whether the kernel applies: no bracket and no bar's volume known. */
    static boolean applies(BacktestConfig cfg, Prices px) {
        if (cfg.limits().active()) {
            return false;
        }
        for (double v : px.volume()) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * One configuration: {@code stats} receives what {@link VectorizedBacktester#simulate} writes there (final
     * equity, Σr, Σr², max drawdown, fills, returns). Call only where {@link #applies}.
     */
    static void run(Prices px, PositionSizer sizer, double[] pr, double[] vr, BacktestConfig cfg, double[] cashRate,
                    double capital, double[] stats) {
        FeeModel fees = cfg.fees();
        double[] close = px.close();
        double[] fillPrice = cfg.fill() == FillTiming.NEXT_OPEN ? px.open() : px.close();
        int n = close.length;
        boolean hasRate = cashRate != null;
        double rate = fees.rate(), perShare = fees.perShare(), minCost = fees.minPerOrder();
        boolean plain = perShare == 0 && minCost == 0;
        double borrowRate = fees.borrowPerPeriod(cfg.periodsPerYear());
        // FeeModel.interest's financing term, the same operations: spread bps · 1e-4 / periods per year
        double spread = fees.financingSpreadBps() * 1e-4 / cfg.periodsPerYear();
        double maxGross = cfg.maxGross();
        double cash = capital, shares = 0, pending = 0, last = 0;
        boolean hasPending = false;
        double prevE = capital, peakE = capital, mdd = 0, sum = 0, sumsq = 0;
        int fills = 0;
        for (int j = 0; j < n; j++) {
            if (j > 0) { // carry: interest or financing on cash, then the borrow fee on a short
                if (cash < 0 || hasRate && cash != 0) {
                    double rf = hasRate ? cashRate[j - 1] : 0;
                    cash += cash >= 0 ? cash * rf : cash * (rf + spread);
                }
                cash -= Math.max(-shares, 0.0) * close[j - 1] * borrowRate;
            }
            if (hasPending) { // the order decided at the previous close
                double p = fillPrice[j], ts, c;
                if (pending == 0) {
                    ts = shares + -shares;
                    c = orderCost(plain, ts - shares, p, rate, perShare, minCost);
                } else { // as VectorizedBacktester.target: one cost evaluation unless the gross limit binds
                    double e0 = cash + shares * p;
                    double want = pending * e0 / p - shares;
                    ts = shares + want;
                    c = orderCost(plain, ts - shares, p, rate, perShare, minCost);
                    double room = maxGross * (e0 - c);
                    if (Math.abs(ts) * p > room) {
                        ts = room > 0 ? Math.copySign(room / p, ts) : 0;
                        c = orderCost(plain, ts - shares, p, rate, perShare, minCost);
                    }
                }
                double d = ts - shares;
                if (d != 0) {
                    cash = cash - (d * p + c);
                    shares = ts;
                    fills++;
                }
                hasPending = false;
            }
            double e = cash + shares * close[j]; // marking and statistics
            if (j > 0) {
                double r = e / prevE - 1;
                sum += r;
                sumsq += r * r;
            }
            prevE = e;
            if (e > peakE) {
                peakE = e;
            } else if (e < peakE * (1 + mdd)) {
                double dd = e / peakE - 1;
                if (dd < mdd) {
                    mdd = dd;
                }
            }
            if (j < n - 1) { // the target for the next bar
                double w = sizer.size(pr[j], vr == null ? Double.NaN : vr[j]);
                if (w != w) {
                    w = 0;
                } else if (w > maxGross) {
                    w = maxGross;
                } else if (w < -maxGross) {
                    w = -maxGross;
                }
                if (w != last) {
                    pending = w;
                    last = w;
                    hasPending = true;
                }
            }
        }
        stats[VectorizedBacktester.FINAL] = prevE;
        stats[VectorizedBacktester.SUM] = sum;
        stats[VectorizedBacktester.SUMSQ] = sumsq;
        stats[VectorizedBacktester.MDD] = mdd;
        stats[VectorizedBacktester.FILLS] = fills;
        stats[VectorizedBacktester.COUNT] = Math.max(0, n - 1);
    }

    /**
     * The order cost: {@code rate·q·p} when there is no per-share commission and no minimum ({@code plain}; it is
     * ≥ +0, so {@code max(0, ·)} changes nothing), else {@link VectorizedBacktester#cost}: the same bits either way.
     */
    private static double orderCost(boolean plain, double shares, double p, double rate, double perShare,
                                     double minCost) {
        return plain ? rate * (Math.abs(shares) * p) : VectorizedBacktester.cost(shares, p, rate, perShare, minCost);
    }
}
