package org.quantlstm.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quantlstm.common.UserInputException;

/**
 * The key figures of one run folder, as the run wrote them (metrics.json, data.json; see {@link StrategyRows}):
 * what {@code quantlstm runs} lists and {@code quantlstm compare} puts side by side. Fractions are fractions
 * (0.1 = 10 %); NaN where the run has no such figure.
 *
 * @param folder    the run folder
 * @param system    metrics.json "system" (else the folder name)
 * @param date      the run's UTC start from the folder name ({@code yyyy-MM-dd HH:mm:ss}), else ""
 * @param data      symbol and date range from data.json, else ""
 * @param best      the strategy the run chose on validation where it made that choice (metrics.json "selection"),
 *                  else the best strategy's name (by Sharpe, never a benchmark), else ""
 * @param trials    strategies compared (DSR's K), else 0
 */
public record RunFigures(Path folder, String system, String date, String data, String best, double totalReturn,
                         double cagr, double sharpe, double sortino, double maxDrawdown, double psr, double dsr,
                         double trades, double benchmarkReturn, double benchmarkSharpe, int trials) {
    private static final Pattern STAMP = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-");

    /** Reads the figures of a run folder (a user error if it is not one). */
    public static RunFigures of(Path folder) {
        RunArtifacts run = RunArtifacts.read(folder);
        int ppy = run.metrics.path("conventions").path("periods_per_year").asInt(252);
        RiskFree rf = null;
        if (run.equity != null && run.equity.has("time")) {
            long[] t = run.equity.times("time");
            rf = TearSheet.riskFree(run.metrics.path("conventions").path("risk_free").asText(""), t, ppy);
        }
        StrategyRows rows = StrategyRows.of(run, ppy, rf);
        StrategyRows.Row b = rows.bestRow(), bench = rows.benchmark();
        com.fasterxml.jackson.databind.JsonNode selection = run.metrics.path("selection");
        if (selection.isObject()) {
            // the run chose on validation: that strategy, never the best on test (none if nothing could be chosen)
            String chosen = selection.path("chosen").asText("");
            b = rows.rows().stream().filter(r -> !r.benchmark() && r.name().equals(chosen)).findFirst().orElse(null);
        }
        Matcher m = STAMP.matcher(folder.getFileName().toString());
        String date = m.find() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) + " " + m.group(4) + ":" + m.group(5)
                + ":" + m.group(6) : "";
        String data = "";
        if (run.data.isObject()) {
            data = (run.data.path("symbol").asText("") + " " + run.data.path("first").asText("") + ".."
                    + run.data.path("last").asText("")).trim();
            if (data.equals("..")) {
                data = "";
            }
        }
        double nan = Double.NaN;
        return new RunFigures(folder, run.system(), date, data, b == null ? "" : b.name(),
                b == null ? nan : b.d("totalReturn"), b == null ? nan : b.d("cagr"), b == null ? nan : b.d("sharpe"),
                b == null ? nan : b.d("sortino"), b == null ? nan : b.d("maxDrawdown"), b == null ? nan : b.d("psr"),
                b == null ? nan : b.d("dsr"), b == null ? nan : b.d("trades"),
                bench == null ? nan : bench.d("totalReturn"), bench == null ? nan : bench.d("sharpe"),
                run.metrics.path("comparison").path("trials").asInt(rows.rows().size() - (bench == null ? 0 : 1)));
    }

    /**
     * Every run folder directly under {@code runsDir} (hidden staging folders and folders without metrics.json or
     * equity.csv skipped), oldest first by folder name (which starts with the UTC timestamp). A folder whose files
     * cannot be read is listed as "(unreadable)" with the reason in place of the best strategy.
     */
    public static List<RunFigures> list(Path runsDir) {
        if (!Files.isDirectory(runsDir)) {
            throw new UserInputException("runs directory not found: " + runsDir);
        }
        List<RunFigures> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(runsDir)) {
            for (Path p : s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve("metrics.json")) || Files.isRegularFile(p.resolve("equity.csv")))
                    .sorted().toList()) {
                try {
                    out.add(of(p));
                } catch (UserInputException e) {
                    double nan = Double.NaN;
                    out.add(new RunFigures(p, "(unreadable)", "", "", e.getMessage(), nan, nan, nan, nan, nan, nan, nan,
                            nan, nan, nan, 0));
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot list " + runsDir + ": " + e.getMessage());
        }
        return out;
    }

    /** The {@code quantlstm runs} table: one line per run. */
    public static String table(List<RunFigures> runs) {
        StringBuilder b = new StringBuilder();
        String fmt = "%-44s %-16s %-19s %-30s %9s %7s %6s %9s%n";
        b.append(String.format(Locale.ROOT, fmt, "Run", "System", "Date (UTC)", "Best strategy", "Return", "Sharpe",
                "DSR", "B&H ret"));
        b.append("-".repeat(147)).append('\n');
        for (RunFigures r : runs) {
            b.append(String.format(Locale.ROOT, fmt, cut(r.folder().getFileName().toString(), 44), cut(r.system(), 16),
                    r.date(), cut(r.best(), 30), Html.pct(r.totalReturn()), Html.num(r.sharpe()), Html.prob(r.dsr()),
                    Html.pct(r.benchmarkReturn())));
        }
        b.append(runs.size()).append(runs.size() == 1 ? " run\n" : " runs\n");
        return b.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }
}
