package org.quantlstm.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a single-asset (or hybrid) backtest, bar by bar. Equity is marked at each bar's close; bar 0
 * is the starting capital (no position can be held before the first decision is filled on bar 1). Period
 * returns are simple returns of equity, {@code equity[t]/equity[t−1] − 1} for t ≥ 1 (compounded: the total
 * return is their product minus one).
 *
 * @param name           strategy name (e.g. "binary", "proportional_hybrid_30_70", "buy_and_hold")
 * @param times          bar times, epoch ms
 * @param close          the traded asset's closes (for charts and buy-and-hold comparisons)
 * @param equity         equity at each close, currency
 * @param position       position held at each close as a fraction of equity (shares × close / equity; −1 =
 *                       100 % short)
 * @param gross          gross exposure at each close, Σ|shares × close| / equity (a portfolio's Σ|w|)
 * @param traded         notional traded on each bar (sum of |fills|), currency
 * @param costs          costs paid on each bar, currency
 * @param borrow         borrow fees on shorts charged at the start of each bar, currency
 * @param financing      financing (risk-free + spread) paid on negative cash at the start of each bar, currency
 * @param fills          every fill, in bar order
 * @param trades         round trips, by entry bar
 * @param initialCapital starting equity
 */
public record BacktestResult(String name, long[] times, double[] close, double[] equity, double[] position,
                             double[] gross, double[] traded, double[] costs, double[] borrow, double[] financing,
                             List<Fill> fills, List<Trade> trades, double initialCapital) {
    public BacktestResult {
        Objects.requireNonNull(name, "name");
        int n = times.length;
        if (close.length != n || equity.length != n || position.length != n || traded.length != n
                || costs.length != n || gross.length != n || borrow.length != n || financing.length != n) {
            throw new IllegalArgumentException("result columns differ in length");
        }
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
    }

    /** A result without borrow or financing charges whose gross exposure is |position|. */
    public BacktestResult(String name, long[] times, double[] close, double[] equity, double[] position,
                          double[] traded, double[] costs, List<Fill> fills, List<Trade> trades,
                          double initialCapital) {
        this(name, times, close, equity, position, abs(position), traded, costs, new double[times.length],
                new double[times.length], fills, trades, initialCapital);
    }

    private static double[] abs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.abs(v[i]);
        }
        return out;
    }

    /** The same result with another gross exposure column (a portfolio's Σ|w|). */
    public BacktestResult withGross(double[] g) {
        return new BacktestResult(name, times, close, equity, position, g, traded, costs, borrow, financing, fills,
                trades, initialCapital);
    }

    /** Gross and net exposure, time invested and turnover of this result. */
    public Exposure exposure(int periodsPerYear) {
        return Exposure.of(gross, position, traded, equity, periodsPerYear);
    }

    public double totalBorrow() {
        return sumOf(borrow);
    }

    public double totalFinancing() {
        return sumOf(financing);
    }

    private static double sumOf(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    public int size() {
        return times.length;
    }

    /** Simple period returns of equity, length n − 1 (t = 1..n−1). */
    public double[] returns() {
        return periodReturns(equity);
    }

    /** Simple period returns of any value series, length n − 1. */
    public static double[] periodReturns(double[] values) {
        double[] r = new double[Math.max(0, values.length - 1)];
        for (int t = 1; t < values.length; t++) {
            r[t - 1] = values[t] / values[t - 1] - 1;
        }
        return r;
    }

    public double finalEquity() {
        return equity.length == 0 ? initialCapital : equity[equity.length - 1];
    }

    /** Final equity / initial capital − 1. */
    public double totalReturn() {
        return finalEquity() / initialCapital - 1;
    }

    public double totalCosts() {
        double s = 0;
        for (double c : costs) {
            s += c;
        }
        return s;
    }

    /** The same result under another name. */
    public BacktestResult named(String newName) {
        return new BacktestResult(newName, times, close, equity, position, gross, traded, costs, borrow, financing,
                fills, trades, initialCapital);
    }

    /**
     * Two sleeves held side by side without rebalancing (seed 001's hybrids): equities, traded notional, costs,
     * borrow, financing, fills and trades add up; the position is the equity-weighted position of the two. Both sleeves must be on
     * the same bars.
     */
    public static BacktestResult combine(String name, BacktestResult a, BacktestResult b) {
        int n = a.size();
        if (b.size() != n) {
            throw new IllegalArgumentException("sleeves differ in length: " + n + " vs " + b.size());
        }
        double[] eq = new double[n], pos = new double[n], tr = new double[n], co = new double[n];
        double[] gr = new double[n], bo = new double[n], fi = new double[n];
        for (int t = 0; t < n; t++) {
            if (a.times[t] != b.times[t]) {
                throw new IllegalArgumentException("sleeves differ in bar times at index " + t);
            }
            eq[t] = a.equity[t] + b.equity[t];
            pos[t] = (a.position[t] * a.equity[t] + b.position[t] * b.equity[t]) / eq[t];
            tr[t] = a.traded[t] + b.traded[t];
            co[t] = a.costs[t] + b.costs[t];
            gr[t] = (a.gross[t] * a.equity[t] + b.gross[t] * b.equity[t]) / eq[t];
            bo[t] = a.borrow[t] + b.borrow[t];
            fi[t] = a.financing[t] + b.financing[t];
        }
        List<Fill> fills = new ArrayList<>(a.fills);
        fills.addAll(b.fills);
        fills.sort(Comparator.comparingInt(Fill::bar));
        List<Trade> trades = new ArrayList<>(a.trades);
        trades.addAll(b.trades);
        trades.sort(Comparator.comparingInt(Trade::entryBar));
        return new BacktestResult(name, a.times, a.close, eq, pos, gr, tr, co, bo, fi, fills, trades,
                a.initialCapital + b.initialCapital);
    }
}
