package org.quantlstm.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Two runs side by side ({@code quantlstm compare RUN_A RUN_B}): their key figures as a console table with the
 * difference B − A, and optionally a self-contained {@code compare.html} with the same table and both runs' best
 * strategy and benchmark as growth of 1 on one time axis. Figures are the runs' own (see {@link RunFigures}).
 */
public final class RunComparison {
    private final RunFigures a;
    private final RunFigures b;

    public RunComparison(RunFigures a, RunFigures b) {
        this.a = a;
        this.b = b;
    }

    public static RunComparison of(Path runA, Path runB) {
        return new RunComparison(RunFigures.of(runA), RunFigures.of(runB));
    }

    private record Line(String label, Function<RunFigures, String> text, Function<RunFigures, Double> value,
                        boolean percent) {
    }

    private static List<Line> lines() {
        List<Line> l = new ArrayList<>();
        l.add(new Line("run", r -> r.folder().getFileName().toString(), null, false));
        l.add(new Line("system", RunFigures::system, null, false));
        l.add(new Line("date (UTC)", RunFigures::date, null, false));
        l.add(new Line("data", RunFigures::data, null, false));
        l.add(new Line("best strategy", RunFigures::best, null, false));
        l.add(new Line("total return", r -> Html.pct(r.totalReturn()), RunFigures::totalReturn, true));
        l.add(new Line("CAGR", r -> Html.pct(r.cagr()), RunFigures::cagr, true));
        l.add(new Line("Sharpe", r -> Html.num(r.sharpe()), RunFigures::sharpe, false));
        l.add(new Line("Sortino", r -> Html.num(r.sortino()), RunFigures::sortino, false));
        l.add(new Line("max drawdown", r -> Html.pct(r.maxDrawdown()), RunFigures::maxDrawdown, true));
        l.add(new Line("PSR", r -> Html.prob(r.psr()), RunFigures::psr, false));
        l.add(new Line("DSR", r -> Html.prob(r.dsr()), RunFigures::dsr, false));
        l.add(new Line("strategies compared", r -> String.valueOf(r.trials()), r -> (double) r.trials(), false));
        l.add(new Line("trades (best)", r -> Html.count(r.trades()), RunFigures::trades, false));
        l.add(new Line("benchmark return", r -> Html.pct(r.benchmarkReturn()), RunFigures::benchmarkReturn, true));
        l.add(new Line("benchmark Sharpe", r -> Html.num(r.benchmarkSharpe()), RunFigures::benchmarkSharpe, false));
        return l;
    }

    private static String diff(Line l, RunFigures a, RunFigures b) {
        if (l.value() == null) {
            return "";
        }
        double d = l.value().apply(b) - l.value().apply(a);
        if (!Double.isFinite(d)) {
            return Html.DASH;
        }
        if (l.percent()) {
            return String.format(Locale.ROOT, "%+.2f pp", d * 100);
        }
        String fmt = l.label().endsWith("SR") ? "%+.3f"
                : l.label().startsWith("trades") || l.label().startsWith("strategies") ? "%+.0f" : "%+.2f";
        return String.format(Locale.ROOT, fmt, d);
    }

    /**
     * The configuration keys whose values differ between the runs' {@code config.yaml} (the plan as applied), in
     * key order: key, value in A, value in B ({@code (default)} where a run did not set the key).
     */
    public List<String[]> configDifferences() {
        java.util.SortedMap<String, String> ca = flatConfig(a.folder());
        java.util.SortedMap<String, String> cb = flatConfig(b.folder());
        java.util.SortedSet<String> keys = new java.util.TreeSet<>(ca.keySet());
        keys.addAll(cb.keySet());
        List<String[]> out = new ArrayList<>();
        for (String k : keys) {
            if (k.equals("name")) {
                continue;
            }
            String va = ca.getOrDefault(k, "(default)");
            String vb = cb.getOrDefault(k, "(default)");
            if (!va.equals(vb)) {
                out.add(new String[] {k, va, vb});
            }
        }
        return out;
    }

    private static java.util.SortedMap<String, String> flatConfig(Path folder) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        Path f = folder.resolve("config.yaml");
        if (!java.nio.file.Files.isRegularFile(f)) {
            return out;
        }
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(f.toFile());
            flatten(tree, "", out);
        } catch (java.io.IOException e) {
            out.put("(config.yaml unreadable)", e.getMessage());
        }
        return out;
    }

    private static void flatten(com.fasterxml.jackson.databind.JsonNode n, String prefix,
                                java.util.SortedMap<String, String> out) {
        if (n != null && n.isObject()) {
            n.fieldNames().forEachRemaining(k -> flatten(n.get(k), prefix.isEmpty() ? k : prefix + "." + k, out));
        } else if (n != null && !prefix.isEmpty()) {
            out.put(prefix, n.isValueNode() ? n.asText() : n.toString());
        }
    }

    /**
     * The console table: first the configuration differences, then figure, run A, run B, B − A (percentage points
     * for percentages).
     */
    public String table() {
        StringBuilder s = new StringBuilder();
        List<String[]> diffs = configDifferences();
        if (diffs.isEmpty()) {
            s.append("Configuration: no differences in config.yaml\n\n");
        } else {
            s.append("Configuration differences (config.yaml):\n");
            String cf = "  %-30s %-30s %-30s%n";
            s.append(String.format(Locale.ROOT, cf, "key", "A", "B"));
            for (String[] d : diffs) {
                s.append(String.format(Locale.ROOT, cf, d[0], d[1], d[2]));
            }
            s.append('\n');
        }
        String fmt = "%-20s %-40s %-40s %12s%n";
        s.append(String.format(Locale.ROOT, fmt, "", "A", "B", "B - A"));
        s.append("-".repeat(115)).append('\n');
        for (Line l : lines()) {
            s.append(String.format(Locale.ROOT, fmt, l.label(), l.text().apply(a), l.text().apply(b), diff(l, a, b)));
        }
        return s.toString();
    }

    /** compare.html: the table and one chart of both runs' best strategy and benchmark (growth of 1). */
    public String html() {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head><meta charset=\"utf-8\"/>"
                + "<title>quantlstm compare</title><style>body{font:14px sans-serif;margin:24px;color:#1d2430}"
                + "table{border-collapse:collapse}th,td{padding:4px 10px;border-bottom:1px solid #e4e7ec;text-align:left}"
                + "svg .ctitle{font-size:14px;font-weight:600}svg .tick{font-size:11px;fill:#667085}"
                + "svg .legend{font-size:12px}svg .grid{stroke:#eef0f3}svg .frame{fill:none;stroke:#d0d5dd}"
                + "svg .rule{stroke:#98a2b3;stroke-dasharray:3 3}svg{max-width:100%;height:auto}</style></head>\n<body>\n"
                + "<h1>Run A vs run B</h1>\n<table id=\"compare-table\"><thead><tr><th></th><th>A</th><th>B</th>"
                + "<th>B \u2212 A</th></tr></thead><tbody>");
        for (Line l : lines()) {
            s.append("<tr><th>").append(Html.escape(l.label())).append("</th><td>").append(Html.escape(l.text().apply(a)))
                    .append("</td><td>").append(Html.escape(l.text().apply(b))).append("</td><td>")
                    .append(Html.escape(diff(l, a, b))).append("</td></tr>");
        }
        s.append("</tbody></table>\n<h2>Configuration differences</h2>\n");
        List<String[]> diffs = configDifferences();
        if (diffs.isEmpty()) {
            s.append("<p>No differences in config.yaml.</p>\n");
        } else {
            s.append("<table id=\"config-diff\"><thead><tr><th>key</th><th>A</th><th>B</th></tr></thead><tbody>");
            for (String[] d : diffs) {
                s.append("<tr><td>").append(Html.escape(d[0])).append("</td><td>").append(Html.escape(d[1]))
                        .append("</td><td>").append(Html.escape(d[2])).append("</td></tr>");
            }
            s.append("</tbody></table>\n");
        }
        SvgChart c = new SvgChart("compare-equity", "Growth of 1: best strategy and benchmark of each run", 1300, 460,
                SvgChart.XAxis.TIME).rule(1);
        add(c, a, "A", "#1f77b4", "#7f7f7f");
        add(c, b, "B", "#ff7f0e", "#444444");
        s.append(c.render()).append("\n</body>\n</html>\n");
        return s.toString();
    }

    /** Writes {@link #html()} to {@code file} atomically. */
    public Path writeHtml(Path file) {
        ResultWriter.atomicWrite(file, html().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static void add(SvgChart c, RunFigures r, String tag, String color, String benchColor) {
        RunArtifacts run = RunArtifacts.read(r.folder());
        if (run.equity == null || !run.equity.has("time")) {
            return;
        }
        double[] x = SvgChart.millis(run.equity.times("time"));
        List<String> names = run.equityNames();
        if (names.contains(r.best())) {
            c.line(tag + ": " + r.best(), x, growth(run, r.best()), color, 2, false);
        }
        for (String n : names) {
            String l = n.toLowerCase(Locale.ROOT);
            if (l.contains("buy") || l.contains("bench")) {
                c.line(tag + ": " + n, x, growth(run, n), benchColor, 1.2, true);
                break;
            }
        }
    }

    private static double[] growth(RunArtifacts run, String name) {
        double[] e = run.equity.doubles(name + "_equity");
        double[] g = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            g[i] = e[i] / e[0];
        }
        return g;
    }
}
