package org.quantlstm.backtest;

import java.util.Arrays;
import java.util.List;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.Thresholds;

/**
 * The sweep's own engine for the common case: no bracket and no bar with a known volume (so the fee model's
 * participation cap and impact never apply), statistics only. {@link VectorizedBacktester#sweep} chooses it once
 * per sweep ({@link #applies}); everything else (brackets, known volumes, full runs) goes through
 * {@link VectorizedBacktester#simulate}.
 *
 * <p><b>Lanes.</b> It runs up to {@link #LANES} configurations side by side: every quantity of a configuration
 * (cash, shares, target, statistics) is one element of an array with one slot per configuration, and each bar is a
 * handful of short loops over those arrays. The loops have no branches and no calls, so C2 compiles each of them
 * to AVX vector instructions, four configurations per instruction. A single configuration run alone is a chain of
 * dependent operations (cash → equity → order size, a division → cost → cash), about 45 cycles per bar with a
 * fill, plus mispredicted branches wherever a sizing decision flips at random; that held the scalar loop at 50-70 M
 * bar-evaluations/s. As lanes, the chains of different configurations overlap and there is no branch to
 * mispredict. The split into these methods and loops is deliberate and fragile: C2 vectorises each loop only while
 * the method around it stays small. Merging the fill's last two loops, for one, left its clamp loop scalar (seen in
 * the disassembly) and the sweep 30 % slower. After changing this class, run {@code bench backtest} and compare.
 *
 * <p><b>The same operations as {@code simulate}.</b> Per bar, in {@code simulate}'s order: interest on cash (and the
 * financing spread when cash is negative), the borrow fee on a short, the fill of the order decided at the previous
 * close (shares = old + (w·e₀/p − old), its cost, and if |shares|·p exceeds room = maxGross·(e₀ − cost), shares =
 * ±room/p and the cost again; an order whose share change is 0 is not filled), marking at the close, and the
 * statistics. Each branch of {@code simulate} becomes arithmetic that gives the same bits:
 * <ul>
 *   <li>Both sides of a branch are computed and one is kept with exact 0/1 factors ({@code f·a + (1−f)·b} is a or b
 *       for finite a and b). A bar without an order computes the fill and keeps the old cash and shares.</li>
 *   <li>"Is above" and "is not zero" are {@link #step} and {@link #nonZero}: exact 0/1 values from min/max, which
 *       the vectoriser compiles, where a comparison would need a vector select it does not have on JDK 17.</li>
 *   <li>{@code max(−s, 0)} is {@code (|s| − s)·0.5}, exactly. The drawdown is the minimum of e/peak over the bars,
 *       less 1 once at the end; rounding is monotonic, so that is the minimum of e/peak − 1 ({@code simulate} also
 *       skips, by a multiplication, bars that cannot set a new low; every test gives the same bits).</li>
 * </ul>
 * Every statistic is therefore the same bits as a full run's ({@code SweepKernelTest} compares them bit for bit on
 * random paths with each feature on and off, including degenerate ones: bankrupt books, minimum costs larger than
 * the order; {@code SweepBitIdentityTest} holds sweeps to fingerprints recorded before either kernel existed).
 *
 * <p><b>Sizing.</b> Each {@link PositionSizer} becomes per-lane coefficients of one formula that covers the five
 * methods (see {@code Lanes.set}); the switch there has no default, so a new sizing method does not compile until it
 * has a lane form. Its targets equal {@link PositionSizer#size}'s as values (a zero may carry the other sign, which
 * changes no later result).
 */
final class SweepKernel {
    /** Configurations run side by side (64 to 512 lanes measured within noise of each other; 128 kept). */
    static final int LANES = 128;

    /** Lifts the smallest subnormal difference above 1 in {@link #step} and {@link #nonZero} (applied twice). */
    private static final double LIFT = 1e300;

    private SweepKernel() {
    }

    /**
     * Lanes per block for a sweep of {@code m} configurations on {@code threads} workers: {@link #LANES}, or fewer
     * (down to 16, still several vectors) so that a small sweep still has four blocks per worker. Each
     * configuration's statistics are the same whatever block it runs in.
     */
    static int blockSize(int m, int threads) {
        int perWorker = (m + 4 * Math.max(1, threads) - 1) / (4 * Math.max(1, threads));
        return Math.max(16, Math.min(LANES, perWorker));
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
     * 1 if {@code a > b}, else 0, for any non-NaN {@code a} and {@code b} but two equal infinities, without a
     * comparison: {@code a − b} is exactly 0 only when {@code a == b} (gradual underflow), and any other difference,
     * times 1e300 twice, is at least 1 in magnitude or infinite, so the clamp to [0, 1] gives exactly 0 or 1.
     */
    static double step(double a, double b) {
        return Math.min(1.0, Math.max(0.0, (a - b) * LIFT * LIFT));
    }

    /** 1 if {@code x != 0}, else 0, for any non-NaN {@code x} (see {@link #step}). */
    static double nonZero(double x) {
        return Math.min(1.0, Math.abs(x) * LIFT * LIFT);
    }

    /**
     * Runs {@code sizers[from, to)} (at most {@link #LANES}) and writes what {@link VectorizedBacktester#simulate}
     * writes to {@code stats[i]}: final equity, Σr, Σr², max drawdown, fills, returns. Call only where
     * {@link #applies}.
     */
    static void run(Prices px, List<PositionSizer> sizers, int from, int to, double[] pr, double[] vr,
                    BacktestConfig cfg, double[] cashRate, double capital, double[][] stats) {
        int k = to - from;
        if (k <= 0 || k > LANES) {
            throw new IllegalArgumentException("lanes " + k + " not in [1, " + LANES + "]");
        }
        Lanes ln = new Lanes(k);
        for (int i = 0; i < k; i++) {
            ln.set(i, sizers.get(from + i), cfg.maxGross());
        }
        ln.run(px, pr, vr, cfg, cashRate, capital);
        for (int i = 0; i < k; i++) {
            double[] st = stats[from + i];
            st[VectorizedBacktester.FINAL] = ln.prev[i];
            st[VectorizedBacktester.SUM] = ln.sum[i];
            st[VectorizedBacktester.SUMSQ] = ln.sumsq[i];
            st[VectorizedBacktester.MDD] = ln.worst[i] - 1;
            st[VectorizedBacktester.FILLS] = ln.fills[i];
            st[VectorizedBacktester.COUNT] = Math.max(0, px.size() - 1);
        }
    }

    /** The per-configuration arrays, one slot per lane. */
    static final class Lanes {
        final int k;
        // sizing coefficients (see set)
        final double[] up, dn, shorts, signed, k1, k2, k3, cc;
        // state
        final double[] cash, shares, lastTarget, prev, peak, worst, sum, sumsq, fills;
        // per-bar scratch
        final double[] target, side, order, equity, want, delta, cost, tmp;

        Lanes(int k) {
            this.k = k;
            up = new double[k];
            dn = new double[k];
            shorts = new double[k];
            signed = new double[k];
            k1 = new double[k];
            k2 = new double[k];
            k3 = new double[k];
            cc = new double[k];
            cash = new double[k];
            shares = new double[k];
            lastTarget = new double[k];
            prev = new double[k];
            peak = new double[k];
            worst = new double[k];
            sum = new double[k];
            sumsq = new double[k];
            fills = new double[k];
            target = new double[k];
            side = new double[k];
            order = new double[k];
            equity = new double[k];
            want = new double[k];
            delta = new double[k];
            cost = new double[k];
            tmp = new double[k];
        }

        /**
         * Lane {@code i} becomes sizer {@code s} clamped to ±maxGross: target = m · clamp(k₁ + k₂·x + k₃·v⁺, ±c)
         * with d = step(x, up) − shorts·step(dn, x) (the side, +1/0/−1), m = d for signed methods and |d| = d² for
         * the proportional ones, x the forecast, v⁺ the volatility ratio where positive (else 0), c = min(cap,
         * maxGross) and (k₁, k₂, k₃) = k·(1, 0, 0) for binary and fixed, k·(0, 1, 0) for the proportional methods
         * and k·(0, 0, 1) for volatility-adjusted. That equals {@code clamp(s.size(x, v), ±maxGross)} for every
         * finite or infinite forecast (a NaN forecast is handled per bar: every target is then 0), up to the sign
         * of a zero. The switch has no default: a new sizing method does not compile until it has a lane form.
         */
        void set(int i, PositionSizer s, double maxGross) {
            Thresholds t = s.thresholds();
            up[i] = t.longAbove();
            dn[i] = t.shortBelow();
            shorts[i] = t.allowShort() ? 1 : 0;
            cc[i] = Math.min(s.cap(), maxGross);
            double k = s.parameter();
            signed[i] = 0;
            k1[i] = 0;
            k2[i] = 0;
            k3[i] = 0;
            switch (s.method()) {
                case BINARY, FIXED -> {
                    signed[i] = 1;
                    k1[i] = k;
                }
                case PROPORTIONAL, HALF_KELLY -> k2[i] = k; // signed 0: |d|
                case VOLATILITY_ADJUSTED -> {
                    signed[i] = 1;
                    k3[i] = k;
                }
            }
        }

        void run(Prices px, double[] pr, double[] vr, BacktestConfig cfg, double[] cashRate, double capital) {
            FeeModel fees = cfg.fees();
            double[] close = px.close();
            double[] fillPrice = cfg.fill() == FillTiming.NEXT_OPEN ? px.open() : px.close();
            int n = close.length;
            double rate = fees.rate(), perShare = fees.perShare(), minCost = fees.minPerOrder();
            double borrowRate = fees.borrowPerPeriod(cfg.periodsPerYear());
            // FeeModel.interest's financing term: spread bps · 1e-4 / periods per year, on negative cash only
            double spread = fees.financingSpreadBps() * 1e-4 / cfg.periodsPerYear();
            double maxGross = cfg.maxGross();
            Arrays.fill(cash, capital);
            Arrays.fill(prev, capital);
            Arrays.fill(peak, capital);
            Arrays.fill(worst, 1);
            for (int j = 0; j < n; j++) {
                double close0 = close[j];
                if (j > 0) {
                    targets(pr[j - 1], vr == null ? 0 : vr[j - 1]);
                    carry(cashRate == null ? 0 : cashRate[j - 1], spread, close[j - 1], borrowRate);
                    fill(fillPrice[j], rate, perShare, minCost, maxGross);
                }
                mark(close0, j > 0);
            }
        }

        /** The targets from the forecast {@code x} at the previous close, and which of them are new orders. */
        void targets(double x, double v) {
            if (x != x) { // no forecast: every target is 0
                Arrays.fill(target, 0);
                Arrays.fill(side, 0);
            } else {
                // finite stand-ins so that 0·x stays 0 (the side is taken from x itself)
                double xs = Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, x));
                double vs = v > 0 ? Math.min(v, Double.MAX_VALUE) : 0;
                double sx = x > 0 ? 1 : x < 0 ? -1 : 0;
                for (int i = 0; i < k; i++) {
                    side[i] = step(x, up[i]) - shorts[i] * step(dn[i], x); // d
                }
                for (int i = 0; i < k; i++) {
                    double d = side[i], sg = signed[i];
                    tmp[i] = d * (sg + (1 - sg) * d); // d, or |d| = d² for the proportional methods
                    side[i] = sg * d + (1 - sg) * sx; // the sign of the target where it is not 0
                }
                for (int i = 0; i < k; i++) {
                    double c = cc[i];
                    target[i] = tmp[i] * Math.max(-c, Math.min(c, k1[i] + k2[i] * xs + k3[i] * vs));
                }
            }
            for (int i = 0; i < k; i++) {
                double w = target[i];
                order[i] = nonZero(w - lastTarget[i]);
                lastTarget[i] = w;
            }
        }

        /**
         * Interest on cash (plus the spread where it is negative), then the borrow fee on a short: simulate's
         * operations, with its tests on the sign of cash and shares written as exact 0/1 factors.
         */
        void carry(double rf, double spread, double prevClose, double borrowRate) {
            for (int i = 0; i < k; i++) {
                double c = cash[i], s = shares[i];
                c = c + c * (rf + step(0.0, c) * spread); // cash·rf, or cash·(rf + spread) below 0
                // (|s| − s)·0.5 is max(−s, 0) exactly: the borrow fee is +0 unless short
                cash[i] = c - (Math.abs(s) - s) * 0.5 * prevClose * borrowRate;
            }
        }

        /**
         * The fill of this bar's orders at {@code p}, as simulate does it: shares = old + (w·e₀/p − old), their
         * cost, and if |shares|·p exceeds room = maxGross·(e₀ − cost), shares = ±room/p (0 when room ≤ 0) and the
         * cost again; an order whose share change is 0 is not filled. Both candidates are computed and the right
         * one is taken with exact 0/1 factors.
         */
        void fill(double p, double rate, double perShare, double minCost, double maxGross) {
            for (int i = 0; i < k; i++) {
                double s0 = shares[i];
                double e0 = cash[i] + s0 * p;
                equity[i] = e0;
                want[i] = s0 + (target[i] * e0 / p - s0);
            }
            costs(want, p, rate, perShare, minCost);
            for (int i = 0; i < k; i++) {
                double ts = want[i];
                double room = maxGross * (equity[i] - cost[i]);
                double cut = step(Math.abs(ts) * p, room); // 1 where the gross limit binds
                // ±room/p with the sign of ts, or 0 when room <= 0. Where the limit binds with room > 0, equity is
                // positive, so ts has the target's sign (side): shares + (x − shares) never crosses 0 against x
                double capped = side[i] * Math.max(room, 0.0) / p;
                want[i] = cut * capped + (1 - cut) * ts;
            }
            costs(want, p, rate, perShare, minCost);
            for (int i = 0; i < k; i++) {
                double d = delta[i];
                double f = order[i] * nonZero(d);
                cash[i] = cash[i] - f * (d * p + cost[i]);
                shares[i] = f * want[i] + (1 - f) * shares[i];
                fills[i] += f;
            }
        }

        /**
         * {@code delta[i]} = {@code ts[i]} − shares and {@code cost[i]} its cost:
         * {@link VectorizedBacktester#cost} (0 for no shares, else max(minimum, rate·(|q|·p) + perShare·|q|)),
         * which with no minimum and no per-share commission is rate·(|q|·p), the same bits.
         */
        void costs(double[] ts, double p, double rate, double perShare, double minCost) {
            if (minCost == 0) { // then a zero order costs rate·0 + perShare·0 = 0 without the test
                for (int i = 0; i < k; i++) {
                    double d = ts[i] - shares[i];
                    double q = Math.abs(d);
                    delta[i] = d;
                    cost[i] = rate * (q * p) + perShare * q;
                }
            } else {
                for (int i = 0; i < k; i++) {
                    double d = ts[i] - shares[i];
                    double q = Math.abs(d);
                    delta[i] = d;
                    cost[i] = nonZero(q) * Math.max(minCost, rate * (q * p) + perShare * q);
                }
            }
        }

        /** Marks at the close and updates the statistics (returns from the second bar on). */
        void mark(double close, boolean withReturn) {
            for (int i = 0; i < k; i++) { // prev starts at the capital, so the first bar divides by it, unused
                double e = cash[i] + shares[i] * close;
                tmp[i] = e / prev[i] - 1;
                prev[i] = e;
            }
            if (withReturn) {
                for (int i = 0; i < k; i++) {
                    double r = tmp[i];
                    sum[i] += r;
                    sumsq[i] += r * r;
                }
            }
            for (int i = 0; i < k; i++) {
                double e = prev[i];
                double pk = Math.max(peak[i], e);
                peak[i] = pk;
                worst[i] = Math.min(worst[i], e / pk);
            }
        }
    }
}
