package org.quantlstm.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quantlstm.backtest.BacktestResult;

/**
 * Several strategies compared on the same bars, ranked by Sharpe (seed 001: "ranks all strategies by Sharpe
 * ratio … selects the optimal approach"), with the honesty the seed lacks: every row carries its Deflated
 * Sharpe Ratio given K = the number of strategies compared (every configuration tried counts) and V = the sample
 * variance (ddof = 1) of the per-period Sharpe ratios of the strategies that held a position, so the winner's Sharpe
 * is judged against the best that K lucky draws would show. A strategy that never held a position has no Sharpe
 * ratio (its excess return is constantly zero): it is still a trial in K but is listed apart
 * ({@link #neverTraded()}) rather than entering V as a Sharpe of 0, a convention that inflates V (by 313× in one
 * default spy-analyser run) and so the DSR's bar. Buy-and-hold is the benchmark row, never a trial.
 *
 * @param rows           one summary per strategy, in the given order, DSR filled in
 * @param benchmark      buy-and-hold summary (its DSR is NaN)
 * @param best           index in {@code rows} of the highest Sharpe
 * @param trials         K
 * @param sharpeVariance V (per-period Sharpe units), over the strategies that held a position
 */
public record Comparison(List<PerformanceSummary> rows, PerformanceSummary benchmark, int best, int trials,
                         double sharpeVariance) {
    private static final Pattern HYBRID = Pattern.compile("_hybrid_(\\d+)_(\\d+)$");

    public Comparison {
        rows = List.copyOf(rows);
    }

    /** Summarises and deflates {@code strategies} against {@code buyAndHold} with the given risk-free rate. */
    public static Comparison of(List<BacktestResult> strategies, BacktestResult buyAndHold, RiskFree rf,
                                int periodsPerYear) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        List<PerformanceSummary> base = new ArrayList<>();
        List<Double> srs = new ArrayList<>();
        List<double[]> excess = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            BacktestResult s = strategies.get(i);
            base.add(PerformanceSummary.of(s, buyAndHold, rf, periodsPerYear));
            double[] x = Stats.minus(s.returns(), rf.perPeriod());
            excess.add(x);
            double sr = Metrics.perPeriodSharpe(s.returns(), rf.perPeriod());
            if (!Double.isNaN(sr)) {
                srs.add(sr); // a strategy that never held a position has no Sharpe: not in V (still in K)
            }
        }
        int k = strategies.size();
        double v = ProbabilisticSharpe.sharpeVariance(srs.stream().mapToDouble(Double::doubleValue).toArray());
        List<PerformanceSummary> rows = new ArrayList<>();
        int best = 0;
        for (int i = 0; i < k; i++) {
            rows.add(base.get(i).withDsr(ProbabilisticSharpe.dsr(excess.get(i), k, v)));
            double si = rows.get(i).sharpe(), sb = rows.get(best).sharpe();
            if (!Double.isNaN(si) && (Double.isNaN(sb) || si > sb)) {
                best = i;
            }
        }
        return new Comparison(rows, PerformanceSummary.of(buyAndHold, buyAndHold, rf, periodsPerYear), best, k, v);
    }

    /** The strategies that never held a position (no Sharpe ratio): trials in K, not in V. */
    public List<String> neverTraded() {
        return rows.stream().filter(r -> Double.isNaN(r.sharpe())).map(PerformanceSummary::name).toList();
    }

    /** "Pure", or "30/70 split" for a name ending in {@code _hybrid_30_70} (active/passive). */
    public static String typeOf(String name) {
        Matcher m = HYBRID.matcher(name);
        return m.find() ? m.group(1) + "/" + m.group(2) + " split" : "Pure";
    }

    /** A number for the table, or "-" where it is undefined (e.g. the Sharpe of a strategy that never trades). */
    private static String num(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    /**
     * Exposure of every row and the benchmark: gross (mean, max) and net (mean) exposure at the closes, time
     * invested, annualised two-way turnover, and the borrow fees and financing paid (currency).
     */
    public String exposureTable() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-34s %9s %9s %9s %9s %9s %10s %10s%n", "Exposure", "Gross avg",
                "Gross max", "Net avg", "Invested", "Turn./yr", "Borrow", "Financing"));
        for (PerformanceSummary s : rows) {
            exposureRow(b, s.name(), s);
        }
        exposureRow(b, "Buy & Hold (Benchmark)", benchmark);
        return b.toString();
    }

    private static void exposureRow(StringBuilder b, String name, PerformanceSummary s) {
        b.append(String.format(Locale.ROOT, "%-34s %8.1f%% %8.1f%% %8.1f%% %8.1f%% %9.2f %10.2f %10.2f%n", name,
                s.grossMean() * 100, s.grossMax() * 100, s.netMean() * 100, s.timeInvested() * 100, s.turnover(),
                s.totalBorrow(), s.totalFinancing()));
    }

    /** The console table of seed 001 (Method, Type, Return, Sharpe, Max DD) plus trades and DSR. */
    public String table() {
        String rule = "-".repeat(98) + "\n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-34s %-12s %9s %8s %9s %7s %7s%n", "Method", "Type", "Return",
                "Sharpe", "Max DD", "Trades", "DSR"));
        b.append(rule);
        for (int i = 0; i < rows.size(); i++) {
            PerformanceSummary s = rows.get(i);
            b.append(String.format(Locale.ROOT, "%-34s %-12s %8.1f%% %8s %8.1f%% %7d %7s%s%n", s.name(),
                    typeOf(s.name()), s.totalReturn() * 100, num(s.sharpe(), "%.2f"), s.maxDrawdown() * 100, s.trades(),
                    num(s.dsr(), "%.3f"),
                    i == best ? "  *BEST*" : ""));
        }
        b.append(rule);
        b.append(String.format(Locale.ROOT, "%-34s %-12s %8.1f%% %8s %8.1f%% %7d %7s%n", "Buy & Hold (Benchmark)",
                "100% Long", benchmark.totalReturn() * 100, num(benchmark.sharpe(), "%.2f"), benchmark.maxDrawdown() * 100,
                benchmark.trades(), "-"));
        List<String> idle = neverTraded();
        b.append(String.format(Locale.ROOT, "DSR: Deflated Sharpe Ratio over K=%d strategies tried, V[SR]=%.3g "
                + "(per period, from the %d that held a position); PSR of the best: %.3f%n", trials, sharpeVariance,
                rows.size() - idle.size(), rows.get(best).psr()));
        if (!idle.isEmpty()) {
            b.append("Sharpe '-': the strategy never held a position, so its excess return is constantly zero; counted in"
                    + " K, left out of V[SR]: ").append(String.join(", ", idle)).append(".\n");
        }
        return b.toString();
    }
}
