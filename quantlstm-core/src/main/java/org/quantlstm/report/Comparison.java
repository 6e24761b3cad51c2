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
 * Sharpe Ratio given K = the number of strategies compared and V = the sample variance (ddof = 1) of their
 * per-period Sharpe ratios, so the winner's Sharpe is judged against the best that K lucky draws would show.
 * Buy-and-hold is the benchmark row, not a trial.
 *
 * @param rows           one summary per strategy, in the given order, DSR filled in
 * @param benchmark      buy-and-hold summary (its DSR is NaN)
 * @param best           index in {@code rows} of the highest Sharpe
 * @param trials         K
 * @param sharpeVariance V (per-period Sharpe units)
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
        double[] srs = new double[strategies.size()];
        List<double[]> excess = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            BacktestResult s = strategies.get(i);
            base.add(PerformanceSummary.of(s, buyAndHold, rf, periodsPerYear));
            double[] x = Stats.minus(s.returns(), rf.perPeriod());
            excess.add(x);
            double sr = Metrics.perPeriodSharpe(s.returns(), rf.perPeriod());
            srs[i] = Double.isNaN(sr) ? 0 : sr;
        }
        int k = strategies.size();
        double v = ProbabilisticSharpe.sharpeVariance(srs);
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

    /** "Pure", or "30/70 split" for a name ending in {@code _hybrid_30_70} (active/passive). */
    public static String typeOf(String name) {
        Matcher m = HYBRID.matcher(name);
        return m.find() ? m.group(1) + "/" + m.group(2) + " split" : "Pure";
    }

    /** A number for the table, or "-" where it is undefined (e.g. the Sharpe of a strategy that never trades). */
    private static String num(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
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
        b.append(String.format(Locale.ROOT, "DSR: Deflated Sharpe Ratio over K=%d strategies, V[SR]=%.3g "
                + "(per period); PSR of the best: %.3f%n", trials, sharpeVariance, rows.get(best).psr()));
        if (rows.stream().anyMatch(r -> Double.isNaN(r.sharpe()))) {
            b.append("Sharpe '-': the strategy never held a position, so its excess return is constantly zero.\n");
        }
        return b.toString();
    }
}
