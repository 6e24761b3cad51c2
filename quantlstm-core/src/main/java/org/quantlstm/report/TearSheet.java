package org.quantlstm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.quantlstm.common.UserInputException;
import org.quantlstm.report.StrategyRows.Row;

/**
 * The HTML tear sheet of a run folder: one self-contained {@code report.html} (no network: every chart is inline
 * SVG drawn by {@link SvgChart}, the frontier figure an embedded PNG) that renders whatever the folder holds and
 * leaves out the sections whose files are absent.
 *
 * <p>Sections: run summary and the conventions manifest (metrics.json "conventions", data.json, trials compared);
 * the metrics table of every strategy and the benchmark, read from metrics.json as written by the pipeline (never
 * recomputed differently; only when metrics.json has no strategy summaries are they computed from equity.csv with
 * {@link Metrics}); equity against the benchmark as growth of 1 (linear or log scale); per strategy the underwater
 * drawdown, rolling Sharpe and volatility, position, monthly returns with yearly totals and the distributions of
 * period and trade returns; forecast against actual with long/short markers and the predicted line dashed, and the
 * forecast metrics next to the naive baselines (forecasts.csv); the trades table (trades.csv); weights over time
 * and the frontier figure (weights.csv, charts/*frontier*.png); trial history and parameter importances
 * (trials.csv, or an "importance" object in metrics.json); the console summary, config and files.
 *
 * <p>A multi-asset run (metrics.json "assets") gets the seed's per-asset results table as its metrics, the portfolio
 * rows (realised HJB / tangent, the equal-weight average) as a second table, every asset coloured in the equity chart
 * and detail charts from each asset's full-resolution {@code equity_<ticker>.csv} (its own periods per year, real
 * positions); data.json lists (data.assets) are tables. A cross-sectional run adds the IC per date (ic.csv), the
 * feature importance bars (feature_importance.csv) and a survivorship-bias warning box at the top.
 *
 * <p>Rolling series use {@link EquitySeries} with the run's conventions (periods per year and the same risk-free
 * series as the metrics; window half a year of periods). The page is XHTML-compatible HTML5 (it parses as XML).
 * Its small script switches the log scale (also opened with {@code report.html#log}), the strategy shown in the
 * detail charts and the trades filter, and
 * marks {@code <body data-ready="1" data-charts="N">} when it has run.
 */
public final class TearSheet {
    /** File name of the report inside a run folder. */
    public static final String FILE = "report.html";
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};
    private static final String BLUE = "#1f77b4", GREY = "#444444", GREEN = "#2ca02c", RED = "#d62728",
            ORANGE = "#ff7f0e";
    private static final int MAX_DETAIL = 40;
    private static final int MAX_TRADE_ROWS = 5000;
    private static final int MAX_FORECAST_TICKERS = 12;

    private final RunArtifacts run;
    private final String runName;
    private final Instant generated;
    private final int ppy;
    /** The run's per-period risk-free series (null without equity.csv). */
    private final RiskFree rf;
    /** Bar times of equity.csv (null without it). */
    private final long[] times;

    private TearSheet(RunArtifacts run, String runName, Instant generated) {
        this.run = run;
        this.runName = runName;
        this.generated = generated;
        JsonNode conv = run.metrics.path("conventions");
        // a multi-asset run writes periods_per_year per asset; its shared daily grid uses portfolio_periods_per_year
        this.ppy = conv.path("periods_per_year").isObject() ? conv.path("portfolio_periods_per_year").asInt(252)
                : conv.path("periods_per_year").asInt(252);
        boolean timed = run.equity != null && run.equity.has("time");
        this.times = timed ? run.equity.times("time") : null;
        this.rf = timed ? riskFree(conv.path("risk_free").asText(""), times, ppy) : null;
    }

    /**
     * Builds {@code report.html} in {@code runFolder} from the files there (written atomically) and returns its path.
     * Pipelines call this after writing their files and before committing the run folder.
     */
    public static Path write(Path runFolder) {
        return write(runFolder, null);
    }

    /**
     * As {@link #write(Path)}, with the run's name given: a pipeline writes the report into its staging folder before
     * the commit, so it passes the final folder's name ({@code folder.finalPath().getFileName()}). With a null name
     * the folder's own name is shown, except for a staging folder ({@code .staging-<stamp>-…}), shown as
     * {@code <stamp>-<system>}.
     */
    public static Path write(Path runFolder, String runName) {
        String html = render(runFolder, runName, Instant.now());
        Path file = runFolder.resolve(FILE);
        ResultWriter.atomicWrite(file, html.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** The report's HTML for a run folder called {@code runName}, stamped with {@code generated}. */
    public static String render(Path runFolder, String runName, Instant generated) {
        RunArtifacts run = RunArtifacts.read(runFolder);
        return new TearSheet(run, runName != null ? runName : displayName(run), generated).html();
    }

    private static String displayName(RunArtifacts run) {
        String name = run.folder.toAbsolutePath().normalize().getFileName().toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\.staging-(\\d{8}-\\d{6})-").matcher(name);
        return m.find() ? m.group(1) + "-" + run.system() : name;
    }

    // ---------------------------------------------------------------------------------------------------------

    private String html() {
        StrategyRows table = StrategyRows.of(run, ppy, rf);
        List<Row> rows = table.rows();
        int best = table.best();
        JsonNode selection = run.metrics.path("selection");
        if (selection.isObject()) {
            // the run chose on validation: that strategy is the one shown, never the best on test
            String chosen = selection.path("chosen").isTextual() ? selection.path("chosen").asText() : null;
            best = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).benchmark() && rows.get(i).name().equals(chosen)) {
                    best = i;
                }
            }
        }
        StringBuilder b = new StringBuilder(1 << 20);
        String system = run.system();
        String symbol = run.data.path("symbol").asText("");
        String title = system + (symbol.isEmpty() ? "" : " \u2014 " + symbol) + " \u2014 " + runName;
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Html.escape("quantlstm report: " + title)).append("</title>\n<style>")
                .append(CSS).append("</style>\n</head>\n<body data-ready=\"0\">\n");
        b.append("<header><h1>").append(Html.escape(system)).append(symbol.isEmpty() ? "" : " <span class=\"sym\">"
                + Html.escape(symbol) + "</span>").append("</h1><p class=\"muted\">Run <code>")
                .append(Html.escape(runName)).append("</code> \u00b7 report generated ")
                .append(DateTimeFormatter.ISO_INSTANT.format(generated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                .append(" \u00b7 quantlstm</p>\n");
        List<String[]> nav = new ArrayList<>();
        StringBuilder body = new StringBuilder(1 << 20);
        summary(body, rows, best, nav);
        metricsTable(body, rows, best, nav);
        VerdictSections.append(body, run.metrics, nav);
        TrialSections.append(body, run.metrics, nav);
        equity(body, rows, best, nav);
        detail(body, rows, best, nav);
        forecast(body, nav);
        trades(body, rows, best, nav);
        portfolio(body, nav);
        informationCoefficient(body, nav);
        tuning(body, nav);
        files(body, nav);
        b.append("<nav>");
        for (String[] n : nav) {
            b.append("<a href=\"#").append(n[0]).append("\">").append(Html.escape(n[1])).append("</a>");
        }
        b.append("</nav></header>\n<main>\n").append(body).append("</main>\n");
        b.append("<footer class=\"muted\">Self-contained report: no network access; charts are inline SVG. Numbers as "
                + "written by the run (metrics.json); rolling and calendar series computed from equity.csv with the "
                + "same conventions.</footer>\n");
        b.append("<script>//<![CDATA[\n").append(SCRIPT).append("\n//]]></script>\n</body>\n</html>\n");
        return b.toString();
    }

    // ---- summary and manifest -------------------------------------------------------------------------------

    private void summary(StringBuilder b, List<Row> rows, int best, List<String[]> nav) {
        nav.add(new String[] {"summary", "Summary"});
        b.append("<section id=\"summary\"><h2>Run summary</h2>\n");
        String survivorship = run.data.path("survivorship_bias").asText("");
        if (survivorship.isEmpty() && run.summary != null) {
            survivorship = run.summary.lines().filter(l -> l.toUpperCase(Locale.ROOT).contains("SURVIVORSHIP"))
                    .findFirst().orElse("");
        }
        if (!survivorship.isEmpty()) {
            b.append("<div class=\"warn\" id=\"survivorship\"><b>Survivorship bias.</b> ")
                    .append(Html.escape(survivorship.replaceFirst("^(Note: )?SURVIVORSHIP BIAS: ?", ""))).append("</div>\n");
        }
        JsonNode cv = run.metrics.path("conventions");
        if (cv.path("risk_free_stale_periods").asInt(0) > 0) {
            b.append("<div class=\"warn\" id=\"stale-risk-free\"><b>Stale risk-free rate.</b> The series ends ")
                    .append(Html.escape(cv.path("risk_free_last_observation").asText("?"))).append(": the last ")
                    .append(cv.path("risk_free_stale_periods").asInt()).append(" periods repeat its last rate.</div>\n");
        }
        if (cv.path("periods_per_year").isNumber() && times != null && times.length > 1 && times.length - 1 < ppy) {
            b.append("<div class=\"warn\" id=\"short-sample\"><b>Short sample.</b> Annualised figures (CAGR, "
                    + "volatility, Sharpe, alpha) extrapolate ").append(times.length - 1).append(" returns, ")
                    .append(String.format(Locale.ROOT, "%.2f", (times.length - 1.0) / ppy)).append(" of a year.</div>\n");
        }
        if (best >= 0) {
            Row r = rows.get(best);
            Row bench = rows.stream().filter(Row::benchmark).reduce((x, y) -> y).orElse(null);
            b.append("<div class=\"cards\">");
            card(b, run.metrics.path("selection").isObject() ? "Chosen on validation" : run.assets().isEmpty()
                    ? "Best strategy (by Sharpe)" : "Best asset (by Sharpe)", r.name(), "");
            card(b, "Total return", Html.pct(r.d("totalReturn")), Html.sign(r.d("totalReturn")));
            card(b, "CAGR", Html.pct(r.d("cagr")), Html.sign(r.d("cagr")));
            card(b, "Sharpe", Html.num(r.d("sharpe")), "");
            card(b, "Max drawdown", Html.pct(r.d("maxDrawdown")), "neg");
            card(b, "PSR / DSR", Html.prob(r.d("psr")) + " / " + Html.prob(r.d("dsr")), "");
            if (bench != null) {
                card(b, "Benchmark return", Html.pct(bench.d("totalReturn")), Html.sign(bench.d("totalReturn")));
                card(b, "Benchmark Sharpe", Html.num(bench.d("sharpe")), "");
            }
            b.append("</div>\n");
        }
        if (run.summary != null) {
            boolean boxed = !survivorship.isEmpty();
            List<String> notes = run.summary.lines().filter(l -> l.startsWith("Note:") || l.startsWith("BEST STRATEGY")
                    || l.startsWith("BEST ON TEST") || l.startsWith("chosen on validation") || l.startsWith("CHOSEN ON")
                    || l.contains("beat") || l.contains("baseline"))
                    .filter(l -> !boxed || !l.toUpperCase(Locale.ROOT).contains("SURVIVORSHIP")).toList();
            if (!notes.isEmpty()) {
                b.append("<ul class=\"notes\">");
                notes.forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>"));
                b.append("</ul>\n");
            }
        }
        b.append("<div class=\"grid2\" id=\"manifest\"><div><h3>Conventions</h3>\n<table class=\"kv\"><tbody>");
        JsonNode conv = run.metrics.path("conventions");
        List<Map.Entry<String, JsonNode>> tables = objectArrays(run.data, "data.");
        boolean perAssetPpy = conv.path("periods_per_year").isObject() && !tables.isEmpty();
        if (perAssetPpy) {
            com.fasterxml.jackson.databind.node.ObjectNode c = conv.deepCopy();
            c.remove("periods_per_year");
            kv(b, "periods_per_year", "per asset: see the data table");
            kvRows(b, c, "");
        } else {
            kvRows(b, conv, "");
        }
        b.append("</tbody></table></div>\n<div><h3>Data, trials and training</h3>\n<table class=\"kv\"><tbody>");
        kvRows(b, run.data, "data.");
        JsonNode cmp = run.metrics.path("comparison");
        if (cmp.has("trials")) {
            kv(b, "strategies compared (DSR trials K)", cmp.path("trials").asText());
            kv(b, "variance of per-period Sharpe across trials", String.format(Locale.ROOT, "%.4g",
                    RunArtifacts.num(cmp.path("sharpeVariance"))));
        }
        if (run.trials != null) {
            kv(b, "tuning trials (trials.csv)", String.valueOf(run.trials.size()));
        }
        if (times != null && times.length > 0) {
            kv(b, "backtest bars (equity.csv)", times.length + " bars, " + day(times[0]) + " .. "
                    + day(times[times.length - 1]));
        }
        JsonNode tr = run.metrics.path("training");
        if (tr.isObject()) {
            kvRows(b, tr, "training.");
        }
        b.append("</tbody></table></div></div>\n");
        int k = 0;
        for (Map.Entry<String, JsonNode> t : tables) {
            objectTable(b, k++ == 0 ? "data-assets" : "data-table-" + k, t.getKey(), t.getValue(),
                    perAssetPpy ? conv.path("periods_per_year") : null);
        }
        b.append("</section>\n");
    }

    private static void card(StringBuilder b, String label, String value, String cls) {
        b.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label)).append("</div><div class=\"value ")
                .append(cls).append("\">").append(Html.escape(value)).append("</div></div>");
    }

    private static void kvRows(StringBuilder b, JsonNode n, String prefix) {
        if (n == null || !n.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                kvRows(b, v, prefix + e.getKey() + ".");
            } else if (isObjectArray(v)) {
                continue; // rendered as its own table (objectTable)
            } else if (v.isArray() && v.size() > 12) {
                kv(b, prefix + e.getKey(), v.size() + " values, last " + shortNum(v.get(v.size() - 1)));
            } else {
                kv(b, prefix + e.getKey(), v.isValueNode() ? v.asText() : shortArray(v));
            }
        }
    }

    private static boolean isObjectArray(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isObject()) {
                return false;
            }
        }
        return true;
    }

    /** The arrays of objects directly under {@code n} (e.g. data.json "assets" of a multi-asset run), with their paths. */
    private static List<Map.Entry<String, JsonNode>> objectArrays(JsonNode n, String prefix) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (isObjectArray(e.getValue())) {
                    out.add(Map.entry(prefix + e.getKey(), e.getValue()));
                }
            });
        }
        return out;
    }

    /**
     * An array of flat objects as a table, one row per object, columns the union of their keys in first-seen order;
     * a {@code sha256} is shortened to 12 hex digits (the full value in its tooltip), ISO times ending in
     * {@code T00:00:00Z} to the date. With {@code ppy} (conventions.periods_per_year per symbol) a periods/yr column
     * is added, looked up by the row's "symbol" or "ticker".
     */
    private static void objectTable(StringBuilder b, String id, String path, JsonNode arr, JsonNode ppy) {
        List<String> cols = new ArrayList<>();
        arr.forEach(o -> o.fieldNames().forEachRemaining(f -> {
            if (!cols.contains(f)) {
                cols.add(f);
            }
        }));
        b.append("<h3>").append(Html.escape(path)).append(" (").append(arr.size()).append(")</h3>\n<div class=\"scroll-x\">"
                + "<table class=\"data\" id=\"").append(id).append("\"><thead><tr>");
        cols.forEach(c -> b.append("<th>").append(Html.escape(c.replace('_', ' '))).append("</th>"));
        if (ppy != null) {
            b.append("<th>periods/yr</th>");
        }
        b.append("</tr></thead><tbody>");
        for (JsonNode o : arr) {
            b.append("<tr>");
            for (String c : cols) {
                JsonNode v = o.path(c);
                String text = v.isMissingNode() || v.isNull() ? Html.DASH : v.isValueNode() ? v.asText() : v.toString();
                String title = "";
                if (c.equals("sha256") && text.length() > 12) {
                    title = text;
                    text = text.substring(0, 12) + "\u2026";
                } else if (text.endsWith("T00:00:00Z")) {
                    text = text.substring(0, text.length() - "T00:00:00Z".length());
                }
                b.append(c.equals("symbol") || c.equals("ticker") ? "<th" : "<td").append(title.isEmpty() ? ""
                        : " title=\"" + Html.escape(title) + "\"").append(">").append(Html.escape(text))
                        .append(c.equals("symbol") || c.equals("ticker") ? "</th>" : "</td>");
            }
            if (ppy != null) {
                String sym = o.has("symbol") ? o.path("symbol").asText() : o.path("ticker").asText();
                b.append("<td>").append(Html.escape(ppy.path(sym).asText(Html.DASH))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>\n");
    }

    private static String shortNum(JsonNode v) {
        return v.isNumber() ? String.format(Locale.ROOT, "%.6g", v.asDouble()) : v.asText();
    }

    private static String shortArray(JsonNode v) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.isValueNode() ? shortNum(x) : x.toString()));
        return "[" + String.join(", ", parts) + "]";
    }

    private static void kv(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>");
    }

    // ---- metrics table --------------------------------------------------------------------------------------

    private static final String[][] COLUMNS = {
        {"totalReturn", "Total return", "pct"}, {"cagr", "CAGR", "pct"}, {"volatility", "Volatility", "pct"},
        {"sharpe", "Sharpe", "num"}, {"sortino", "Sortino", "num"}, {"calmar", "Calmar", "num"},
        {"maxDrawdown", "Max DD", "pct"}, {"maxDrawdownDurationBars", "Longest DD (bars)", "count"},
        {"trades", "Round trips", "count"}, {"fills", "Fills", "count"}, {"tradeWinRate", "Win rate (trades)", "pct"},
        {"tradeProfitFactor", "Profit factor (trades)", "num"}, {"periodWinRate", "Win rate (periods)", "pct"},
        {"exposure", "Exposure (mean |w|)", "pct"}, {"timeInvested", "Time invested", "pct"},
        {"grossMean", "Gross exp. mean", "pct"}, {"grossMax", "Gross exp. max", "pct"},
        {"netMean", "Net exp. mean", "pct"}, {"turnover", "Turnover /yr", "num"}, {"alpha", "Alpha /yr (over rf)", "pct"},
        {"beta", "Beta", "num"}, {"psr", "PSR", "prob"}, {"dsr", "DSR", "prob"}, {"totalCosts", "Costs", "money"},
        {"totalBorrow", "Borrow fees", "money"}, {"totalFinancing", "Financing", "money"},
        {"finalEquity", "Final equity", "money"}};

    private void metricsTable(StringBuilder b, List<Row> rows, int best, List<String[]> nav) {
        if (!run.assets().isEmpty()) {
            assetTables(b, rows, best, nav);
            return;
        }
        if (rows.isEmpty()) {
            return;
        }
        nav.add(new String[] {"metrics", "Metrics"});
        b.append("<section id=\"metrics\"><h2>Strategy metrics</h2>\n");
        boolean computed = rows.stream().allMatch(r -> r.node().has("computedFromEquity"));
        b.append("<p class=\"muted\">").append(computed
                ? "metrics.json holds no strategy summaries: computed here from equity.csv with report.Metrics (no "
                + "trade statistics)."
                : "As written to metrics.json by the run. Sorted as run; highlighted: " + (run.metrics.path("selection")
                .isObject() ? "the strategy chosen on validation (not the best on test)" : "the best Sharpe")
                + "; DSR deflates for the number of strategies compared; the benchmark is not a trial.")
                .append(" Periods per year: ").append(ppy).append(".</p>\n");
        // columns the run wrote for no strategy are left out; the seed's "Type" only where there are hybrids
        List<String[]> columns = Arrays.stream(COLUMNS)
                .filter(c -> rows.stream().anyMatch(r -> Double.isFinite(r.d(c[0])))).toList();
        boolean types = rows.stream().anyMatch(r -> !Comparison.typeOf(r.name()).equals("Pure"));
        b.append("<div class=\"scroll-x\"><table class=\"data metrics\" id=\"metrics-table\"><thead><tr><th>Strategy</th>")
                .append(types ? "<th>Type</th>" : "");
        for (String[] c : columns) {
            b.append("<th>").append(Html.escape(c[1])).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append("<tr class=\"").append(i == best ? "best" : r.benchmark() ? "bench" : "").append("\"><th>")
                    .append(Html.escape(r.benchmark() ? r.name() + " (benchmark)" : r.name())).append("</th>");
            if (types) {
                b.append("<td>").append(Html.escape(r.benchmark() ? "100% long" : Comparison.typeOf(r.name())))
                        .append("</td>");
            }
            for (String[] c : columns) {
                double v = r.d(c[0]);
                String text = switch (c[2]) {
                    case "pct" -> Html.pct(v);
                    case "prob" -> Html.prob(v);
                    case "money" -> Html.money(v);
                    case "count" -> Html.count(v);
                    default -> Html.num(v);
                };
                String cls = c[0].equals("totalReturn") || c[0].equals("cagr") || c[0].equals("alpha") ? Html.sign(v) : "";
                b.append("<td class=\"").append(cls).append("\">").append(Html.escape(text)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>\n</section>\n");
    }

    /** metrics.json "assets" key, header, format ("money", "pct", "prob", "count", "num", "text"). */
    private static final String[][] ASSET_COLUMNS = {
        {"interval", "Interval", "text"}, {"final_value", "Final value", "money"}, {"pnl", "P/L", "money"},
        {"pnl_pct", "P/L %", "pct"}, {"win_rate_per_trade", "Win rate (trades)", "pct"},
        {"avg_profit", "Avg profit", "money"}, {"avg_loss", "Avg loss", "money"}, {"max_drawdown", "Max DD", "pct"},
        {"sigma_annual", "\u03c3 (annual)", "pct"}, {"trades", "Trades", "count"}, {"psr", "PSR", "prob"},
        {"dsr", "DSR", "prob"}, {"dsr_trials", "DSR trials", "count"}, {"test_rmse", "Test RMSE", "num"}};

    /**
     * A multi-asset run: the seed's per-asset results table (metrics.json "assets", as written) with the Sharpe
     * ratio computed from each asset's full-resolution equity file, then the portfolio rows (metrics.json
     * "portfolio" objects with "sharpe": realised HJB and tangent on the shared daily grid; their Sharpe and
     * volatility are per period there and are shown annualised by √portfolio_periods_per_year) and the equal-weight
     * average of equity.csv.
     */
    private void assetTables(StringBuilder b, List<Row> rows, int best, List<String[]> nav) {
        nav.add(new String[] {"metrics", "Metrics"});
        List<JsonNode> assets = run.assets();
        b.append("<section id=\"metrics\"><h2>Per-asset results (test segments)</h2>\n<p class=\"muted\">As written "
                + "to metrics.json by the run: one tuned model and backtest per asset, on its own bars and periods per "
                + "year; \u03c3 annualised with ddof 1; DSR deflates each asset's Sharpe for its own tuning trials. "
                + "Sharpe computed here from equity_&lt;ticker&gt;.csv (risk-free zero, as the run). The best Sharpe "
                + "is highlighted.</p>\n<div class=\"scroll-x\"><table class=\"data metrics\" id=\"asset-table\"><thead>"
                + "<tr><th>Asset</th><th>Test period</th>");
        List<String[]> cols = Arrays.stream(ASSET_COLUMNS).filter(c -> assets.stream().anyMatch(a -> a.has(c[0]))).toList();
        for (String[] c : cols) {
            b.append("<th>").append(Html.escape(c[1])).append("</th>");
            if (c[0].equals("sigma_annual")) {
                b.append("<th>Sharpe</th>");
            }
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < assets.size(); i++) {
            JsonNode a = assets.get(i);
            Row r = i < rows.size() ? rows.get(i) : null;
            b.append("<tr class=\"").append(i == best ? "best" : "").append("\"><th>")
                    .append(Html.escape(a.path("ticker").asText())).append("</th><td>")
                    .append(Html.escape(day(a.path("test_start").asText()) + " .. " + day(a.path("test_end").asText())))
                    .append("</td>");
            for (String[] c : cols) {
                JsonNode n = a.path(c[0]);
                double v = RunArtifacts.num(n);
                String text = switch (c[2]) {
                    case "pct" -> Html.pct(v);
                    case "prob" -> Html.prob(v);
                    case "money" -> Html.money(v);
                    case "count" -> Html.count(v);
                    case "text" -> n.asText(Html.DASH);
                    default -> Html.num(v);
                };
                String cls = c[0].startsWith("pnl") ? Html.sign(v) : "";
                b.append("<td class=\"").append(cls).append("\">").append(Html.escape(text)).append("</td>");
                if (c[0].equals("sigma_annual")) {
                    b.append("<td>").append(Html.escape(Html.num(r == null ? Double.NaN : r.d("sharpe")))).append("</td>");
                }
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>\n");
        List<Map.Entry<String, JsonNode>> pf = RunArtifacts.objectsWith(run.metrics.path("portfolio"), "sharpe",
                "totalReturn");
        boolean average = run.equityNames().contains("average") && times != null && times.length > 2;
        if (!pf.isEmpty() || average) {
            int pppy = run.metrics.path("conventions").path("portfolio_periods_per_year").asInt(ppy);
            double root = Math.sqrt(pppy);
            b.append("<h3>Portfolio (shared daily grid)</h3>\n<p class=\"muted\">Realised after the warm-up on the "
                    + "assets' common daily grid; Sharpe and volatility annualised by \u221a").append(pppy)
                    .append(". These have no equity curve in equity.csv except the equal-weight average.</p>\n"
                    + "<table class=\"data\" id=\"portfolio-table\"><thead><tr><th>Portfolio</th><th>Periods</th>"
                    + "<th>Total return</th><th>Volatility (annual)</th><th>Sharpe (annual)</th><th>Max DD</th></tr>"
                    + "</thead><tbody>");
            for (Map.Entry<String, JsonNode> e : pf) {
                JsonNode n = e.getValue();
                double tr = RunArtifacts.num(n.get("totalReturn"));
                b.append("<tr><th>").append(Html.escape(e.getKey().replace("_realised", " (realised)")))
                        .append("</th><td>").append(Html.escape(Html.count(RunArtifacts.num(n.get("periods")))))
                        .append("</td><td class=\"").append(Html.sign(tr)).append("\">").append(Html.escape(Html.pct(tr)))
                        .append("</td><td>").append(Html.escape(Html.pct(RunArtifacts.num(n.get("volatility")) * root)))
                        .append("</td><td>").append(Html.escape(Html.num(RunArtifacts.num(n.get("sharpe")) * root)))
                        .append("</td><td>").append(Html.escape(Html.pct(RunArtifacts.num(n.get("maxDrawdown")))))
                        .append("</td></tr>");
            }
            if (average) {
                double[] eq = run.equity.doubles("average_equity");
                double[] r = EquitySeries.returns(eq);
                double tr = Metrics.totalReturn(r);
                b.append("<tr><th>average (equal weight of the assets, equity.csv)</th><td>").append(r.length)
                        .append("</td><td class=\"").append(Html.sign(tr)).append("\">").append(Html.escape(Html.pct(tr)))
                        .append("</td><td>").append(Html.escape(Html.pct(Metrics.volatility(r, ppy))))
                        .append("</td><td>").append(Html.escape(Html.num(Metrics.sharpe(r, rf.perPeriod(), ppy))))
                        .append("</td><td>").append(Html.escape(Html.pct(Drawdown.of(eq).maxDrawdown())))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>\n");
        }
        b.append("</section>\n");
    }

    private static String day(String iso) {
        return iso.length() >= 10 ? iso.substring(0, 10) : iso.isEmpty() ? Html.DASH : iso;
    }

    // ---- equity ---------------------------------------------------------------------------------------------

    private void equity(StringBuilder b, List<Row> rows, int best, List<String[]> nav) {
        List<String> names = run.equityNames();
        if (names.isEmpty() || times == null) {
            return;
        }
        nav.add(new String[] {"equity", "Equity"});
        if (!run.assets().isEmpty()) {
            assetEquity(b, rows, best, names);
            return;
        }
        String bestName = best >= 0 ? rows.get(best).name() : names.get(0);
        String bench = benchmarkName(rows, names);
        b.append("<section id=\"equity\"><h2>Equity vs benchmark</h2>\n<p class=\"muted\">Growth of 1 from each "
                + "strategy's starting capital. Highlighted: the best strategy and the benchmark; thin grey lines: the "
                + "other strategies. <label><input type=\"checkbox\" id=\"log-toggle\"/> log scale</label></p>\n");
        for (boolean log : new boolean[] {false, true}) {
            SvgChart c = new SvgChart(log ? "equity-log" : "equity-linear", "Growth of 1" + (log ? " (log scale)" : ""),
                    1300, 460, SvgChart.XAxis.TIME).rule(1);
            if (log) {
                c.logY();
            }
            double[] x = SvgChart.millis(times);
            for (String n : names) {
                if (!n.equals(bestName) && !n.equals(bench)) {
                    c.faint(n, x, growth(n), "#c8c8c8");
                }
            }
            if (bench != null) {
                c.line(bench + " (benchmark)", x, growth(bench), GREY, 1.8, false);
            }
            if (names.contains(bestName)) {
                c.line(bestName, x, growth(bestName), BLUE, 2.2, false);
            }
            b.append("<div class=\"fig").append(log ? " alt" : "").append("\">").append(c.render()).append("</div>\n");
        }
        b.append("</section>\n");
    }

    /**
     * A multi-asset run's equity: every asset in its own colour with a legend, from its full-resolution
     * equity_&lt;ticker&gt;.csv where there is one (else the shared daily grid of equity.csv), the best asset thicker
     * and the equal-weight average (equity.csv) in black.
     */
    private void assetEquity(StringBuilder b, List<Row> rows, int best, List<String> names) {
        String bestName = best >= 0 ? rows.get(best).name() : "";
        b.append("<section id=\"equity\"><h2>Equity by asset</h2>\n<p class=\"muted\">Growth of 1 over each asset's test "
                + "segment (its own bars, after costs); thick: the best asset by Sharpe");
        if (names.contains("average")) {
            b.append(" and, in black, the equal-weight average on the shared daily grid");
        }
        b.append(". <label><input type=\"checkbox\" id=\"log-toggle\"/> log scale</label></p>\n");
        for (boolean log : new boolean[] {false, true}) {
            SvgChart c = new SvgChart(log ? "equity-log" : "equity-linear", "Growth of 1 by asset" + (log ? " (log scale)"
                    : ""), 1300, 480, SvgChart.XAxis.TIME).rule(1);
            if (log) {
                c.logY();
            }
            int k = 0;
            for (String n : names) {
                if (n.equals("average")) {
                    continue;
                }
                Series sr = series(n);
                c.line(n, SvgChart.millis(sr.times()), growthOf(sr.equity()), PALETTE[k++ % PALETTE.length],
                        n.equals(bestName) ? 2.6 : 1.3, false);
            }
            if (names.contains("average")) {
                c.line("average", SvgChart.millis(times), growth("average"), "#000000", 2.4, false);
            }
            b.append("<div class=\"fig").append(log ? " alt" : "").append("\">").append(c.render()).append("</div>\n");
        }
        b.append("</section>\n");
    }

    private static double[] growthOf(double[] e) {
        double[] g = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            g[i] = e[i] / e[0];
        }
        return g;
    }

    /**
     * One strategy's bars: from the asset's own full-resolution equity_&lt;name&gt;.csv when the run wrote one (its
     * periods per year from the conventions, risk-free zero as a multi-asset run states), else from equity.csv.
     */
    private record Series(long[] times, double[] equity, double[] position, int ppy, RiskFree rf, boolean shared) {
    }

    private Series series(String name) {
        CsvTable own = run.assetEquity.get(name);
        if (own != null && own.size() > 2) {
            long[] t = own.times("time");
            int p = run.periodsPerYear(name, ppy);
            return new Series(t, own.doubles(name + "_equity"), own.has(name + "_position")
                    ? own.doubles(name + "_position") : null, p, RiskFree.zero(t.length - 1), false);
        }
        return new Series(times, run.equity.doubles(name + "_equity"), run.equity.has(name + "_position")
                ? run.equity.doubles(name + "_position") : null, ppy, rf, true);
    }

    private static boolean allZero(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x) && x != 0) {
                return false;
            }
        }
        return true;
    }

    private double[] growth(String name) {
        double[] e = run.equity.doubles(name + "_equity");
        double[] g = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            g[i] = e[i] / e[0];
        }
        return g;
    }

    private static String benchmarkName(List<Row> rows, List<String> names) {
        for (Row r : rows) {
            if (r.benchmark() && names.contains(r.name())) {
                return r.name();
            }
        }
        for (String n : names) {
            String l = n.toLowerCase(Locale.ROOT);
            if (l.contains("buy") || l.contains("bench") || l.contains("hold")) {
                return n;
            }
        }
        return null;
    }

    // ---- per-strategy detail --------------------------------------------------------------------------------

    private void detail(StringBuilder b, List<Row> rows, int best, List<String[]> nav) {
        List<String> names = run.equityNames();
        if (names.isEmpty() || times == null || times.length < 3) {
            return;
        }
        nav.add(new String[] {"detail", "Drawdown, rolling, months"});
        String bestName = best >= 0 && names.contains(rows.get(best).name()) ? rows.get(best).name() : names.get(0);
        String bench = benchmarkName(rows, names);
        List<String> shown = new ArrayList<>();
        shown.add(bestName);
        names.stream().filter(n -> !n.equals(bestName)).limit(MAX_DETAIL - 1).forEach(shown::add);
        int window = EquitySeries.defaultWindow(ppy, times.length - 1);
        b.append("<section id=\"detail\"><h2>Strategy detail</h2>\n<p class=\"muted\">Strategy: <select id=\"strategy-pick\">");
        for (int i = 0; i < shown.size(); i++) {
            b.append("<option value=\"").append(i).append("\"").append(i == 0 ? " selected=\"selected\"" : "").append(">")
                    .append(Html.escape(shown.get(i))).append(shown.get(i).equals(bestName) ? " (best)" : "")
                    .append("</option>");
        }
        if (!run.assetEquity.isEmpty()) {
            b.append("</select> Rolling window: half a year of each series' own periods (or a third of a shorter "
                    + "sample); Sharpe in excess of the risk-free rate (zero for an asset's own file, else ")
                    .append(Html.escape(rf.source())).append("), ddof = 1, annualised by \u221a(periods per year).</p>\n");
        } else {
            b.append("</select> Rolling window: ").append(window).append(" periods (half a year, or a third of a shorter "
                    + "sample); Sharpe in excess of "
                    + "the run's risk-free rate (").append(Html.escape(rf.source())).append("), ddof = 1, annualised by \u221a")
                    .append(ppy).append(".</p>\n");
        }
        double[] xAll = SvgChart.millis(times);
        int windowAll = window;
        double[] benchEq = bench == null ? null : run.equity.doubles(bench + "_equity");
        double[][] benchRoll = benchEq == null ? null
                : EquitySeries.rolling(EquitySeries.returns(benchEq), rf.perPeriod(), window, ppy);
        for (int i = 0; i < shown.size(); i++) {
            String n = shown.get(i);
            String id = "s" + i;
            Series sr = series(n);
            boolean shared = sr.shared();
            double[] eq = sr.equity();
            double[] r = EquitySeries.returns(eq);
            double[] x = shared ? xAll : SvgChart.millis(sr.times());
            double[] xr = Arrays.copyOfRange(x, 1, x.length);
            int win = shared ? windowAll : EquitySeries.defaultWindow(sr.ppy(), sr.times().length - 1);
            b.append("<div class=\"detail\" data-strategy=\"").append(i).append("\"><h3>").append(Html.escape(n))
                    .append("</h3>\n");
            if (!shared) {
                b.append("<p class=\"muted\">From equity_").append(Html.escape(n.replaceAll("[^A-Za-z0-9._-]", "_")))
                        .append(".csv: ").append(sr.times().length).append(" bars at ").append(sr.ppy())
                        .append(" periods per year (risk-free zero).</p>\n");
            }
            b.append("<div class=\"grid2\">");
            SvgChart uw = new SvgChart("underwater-" + id, "Underwater (drawdown from running peak)", 640, 280,
                    SvgChart.XAxis.TIME).percent().area(n, x, EquitySeries.underwater(eq), RED);
            if (shared && benchEq != null && !n.equals(bench)) {
                uw.line(bench, x, EquitySeries.underwater(benchEq), GREY, 1.0, true);
            }
            fig(b, uw.render());
            if (sr.position() != null && !allZero(sr.position())) {
                fig(b, new SvgChart("position-" + id, "Position / exposure (fraction of equity; negative = short)", 640,
                        280, SvgChart.XAxis.TIME).percent().rule(0).area(n, x, sr.position(), GREEN)
                        .render());
            } else if (sr.position() != null) {
                b.append("<div class=\"fig note\" id=\"position-").append(id).append("\"><p class=\"muted\">Position: "
                        + "every value in the file is 0 (").append(shared && !run.assets().isEmpty()
                        ? "a portfolio row or equity resampled onto the shared daily grid, which carries no positions"
                        : "never invested").append("), so no position chart.</p></div>");
            }
            double[][] roll = EquitySeries.rolling(r, sr.rf().perPeriod(), win, sr.ppy());
            SvgChart rs = new SvgChart("rolling-sharpe-" + id, "Rolling Sharpe (" + win + " periods)", 640, 280,
                    SvgChart.XAxis.TIME).rule(0).line(n, xr, roll[0], BLUE, 1.5, false);
            SvgChart rv = new SvgChart("rolling-vol-" + id, "Rolling volatility, annualised (" + win + " periods)",
                    640, 280, SvgChart.XAxis.TIME).percent().line(n, xr, roll[1], ORANGE, 1.5, false);
            if (shared && benchRoll != null && !n.equals(bench)) {
                rs.line(bench, xr, benchRoll[0], GREY, 1.0, true);
                rv.line(bench, xr, benchRoll[1], GREY, 1.0, true);
            }
            fig(b, rs.render());
            fig(b, rv.render());
            fig(b, SvgChart.histogram("returns-hist-" + id, "Distribution of period returns (" + r.length + ")", r, 40,
                    BLUE, true));
            if (run.trades != null && run.trades.has("strategy") && run.trades.has("return")) {
                double[] tr = run.trades.where("strategy", n).doubles("return");
                fig(b, SvgChart.histogram("trades-hist-" + id, "Distribution of trade returns (" + tr.length
                        + " trades)", tr, 30, "#9467bd", true));
            }
            b.append("</div>\n");
            monthly(b, "monthly-" + id, sr.times(), eq);
            b.append("</div>\n");
        }
        b.append("</section>\n");
    }

    private static void fig(StringBuilder b, String svg) {
        b.append("<div class=\"fig\">").append(svg).append("</div>");
    }

    private void monthly(StringBuilder b, String id, long[] times, double[] eq) {
        EquitySeries.Calendar cal = EquitySeries.calendar(times, eq);
        double max = 1e-12;
        for (double[] row : cal.months().values()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        b.append("<h4>Monthly returns (compounded, UTC calendar months) and yearly totals</h4>\n<div class=\"scroll-x\">"
                + "<table class=\"heatmap\" id=\"").append(id).append("\"><thead><tr><th>Year</th>");
        for (String m : new String[] {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}) {
            b.append("<th>").append(m).append("</th>");
        }
        b.append("<th>Year</th></tr></thead><tbody>");
        for (Map.Entry<Integer, double[]> e : cal.months().entrySet()) {
            b.append("<tr><th>").append(e.getKey()).append("</th>");
            for (double v : e.getValue()) {
                b.append("<td style=\"background:").append(heat(v, max)).append("\">")
                        .append(Double.isFinite(v) ? Html.pct(v) : "").append("</td>");
            }
            double y = cal.years().get(e.getKey());
            b.append("<td class=\"total ").append(Html.sign(y)).append("\">").append(Html.pct(y)).append("</td></tr>");
        }
        b.append("</tbody></table></div>\n");
    }

    private static String heat(double v, double max) {
        if (!Double.isFinite(v)) {
            return "#ffffff";
        }
        double a = Math.min(1, Math.abs(v) / max);
        int[] to = v >= 0 ? new int[] {44, 160, 44} : new int[] {214, 39, 40};
        int r = (int) Math.round(255 + (to[0] - 255) * a * 0.75);
        int g = (int) Math.round(255 + (to[1] - 255) * a * 0.75);
        int bl = (int) Math.round(255 + (to[2] - 255) * a * 0.75);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    // ---- forecasts ------------------------------------------------------------------------------------------

    private void forecast(StringBuilder b, List<String[]> nav) {
        CsvTable f = run.forecasts;
        List<Map.Entry<String, JsonNode>> reports = RunArtifacts.objectsWith(run.metrics, "model", "persistence");
        List<Map.Entry<String, JsonNode>> losses = RunArtifacts.objectsWith(run.metrics, "train_loss", "valid_loss");
        if (f == null && reports.isEmpty() && losses.isEmpty()) {
            return;
        }
        nav.add(new String[] {"forecast", "Forecasts"});
        b.append("<section id=\"forecast\"><h2>Forecasts and training</h2>\n");
        if (f != null) {
            String timeCol = f.has("date") ? "date" : f.has("time") ? "time" : f.header().get(0);
            String actual = pick(f, "actual", "actual_next_close", "actual_");
            String predicted = pick(f, "predicted", "predicted_next_close", "predicted_");
            if (actual == null || predicted == null) {
                b.append("<p class=\"muted\">forecasts.csv has no actual/predicted columns: ")
                        .append(Html.escape(String.join(", ", f.header()))).append("</p>\n");
            } else {
                List<String> tickers = f.has("ticker") ? f.distinct("ticker") : List.of("");
                b.append("<p class=\"muted\">x: decision time; solid: actual (<code>").append(Html.escape(actual))
                        .append("</code>), dashed: predicted (<code>").append(Html.escape(predicted)).append("</code>). ")
                        .append(f.has("position") ? "Markers: entries from the run's position column (green \u25b2 "
                                + "long, red \u25bc short).</p>\n" : f.has("close") ? "Markers: where the forecast turns "
                                + "to up (green \u25b2, long entry) or down (red \u25bc, short entry) against the last known "
                                + "value.</p>\n" : "</p>\n");
                if (tickers.size() > MAX_FORECAST_TICKERS) {
                    b.append("<p class=\"muted\">Showing the first ").append(MAX_FORECAST_TICKERS).append(" of ")
                            .append(tickers.size()).append(" tickers.</p>\n");
                }
                int k = 0;
                for (String t : tickers.subList(0, Math.min(tickers.size(), MAX_FORECAST_TICKERS))) {
                    CsvTable ft = t.isEmpty() ? f : f.where("ticker", t);
                    fig(b, forecastChart("forecast-" + k++, t, ft, timeCol, actual, predicted));
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : reports) {
            forecastMetrics(b, e.getKey(), e.getValue());
        }
        int k = 0;
        for (Map.Entry<String, JsonNode> e : losses.subList(0, Math.min(losses.size(), MAX_FORECAST_TICKERS))) {
            fig(b, lossChart(k == 0 ? "training-loss" : "training-loss-" + k, e.getKey(), e.getValue()));
            k++;
        }
        b.append("</section>\n");
    }

    private static String pick(CsvTable f, String exact, String preferred, String prefix) {
        if (f.has(exact)) {
            return exact;
        }
        if (f.has(preferred)) {
            return preferred;
        }
        return f.header().stream().filter(h -> h.startsWith(prefix) && !h.contains("return")).findFirst().orElse(null);
    }

    private static String forecastChart(String id, String ticker, CsvTable f, String timeCol, String actualCol,
                                        String predictedCol) {
        double[] x = SvgChart.millis(f.times(timeCol));
        double[] actual = f.doubles(actualCol), predicted = f.doubles(predictedCol);
        double[] last = new double[actual.length];
        double[] close = f.has("close") ? f.doubles("close") : null;
        for (int i = 0; i < last.length; i++) {
            last[i] = close != null ? close[i] : i > 0 ? actual[i - 1] : Double.NaN;
        }
        double[] up = new double[x.length], down = new double[x.length];
        Arrays.fill(up, Double.NaN);
        Arrays.fill(down, Double.NaN);
        // entries: from the run's own position column (a multi-asset run trades thresholded forecasts) when there is
        // one, else where the forecast turns against the last known close; none without either (e.g. return scores)
        double[] pos = f.has("position") ? f.doubles("position") : null;
        boolean marks = pos != null || close != null;
        int prev = 0;
        for (int i = 0; i < x.length && marks; i++) {
            int dir = pos != null ? (Double.isFinite(pos[i]) ? (int) Math.signum(pos[i]) : 0)
                    : Double.isFinite(predicted[i]) && Double.isFinite(last[i])
                    ? (int) Math.signum(predicted[i] - last[i]) : 0;
            if (pos != null && dir == 0) {
                prev = 0;
            }
            if (dir != 0 && dir != prev) {
                double at = Double.isFinite(last[i]) ? last[i] : predicted[i];
                if (dir > 0) {
                    up[i] = at;
                } else {
                    down[i] = at;
                }
                prev = dir;
            }
        }
        String title = "Forecast vs actual" + (ticker.isEmpty() ? "" : " \u2014 " + ticker);
        return new SvgChart(id, title, 1300, 400, SvgChart.XAxis.TIME)
                .line("actual", x, actual, GREY, 1.4, false)
                .line("predicted", x, predicted, ORANGE, 1.6, true)
                .markers("long entry", x, up, GREEN, true)
                .markers("short entry", x, down, RED, false)
                .render();
    }

    private static void forecastMetrics(StringBuilder b, String path, JsonNode rep) {
        b.append("<h3>Forecast metrics").append(path.isEmpty() ? "" : " (metrics.json: " + Html.escape(path) + ")")
                .append("</h3>\n<table class=\"data\" id=\"forecast-metrics").append(path.isEmpty() ? ""
                        : "-" + path.replaceAll("[^A-Za-z0-9_-]", "-")).append("\"><thead><tr><th>Forecaster</th><th>n</th>"
                        + "<th>RMSE</th><th>MAE</th><th>MAPE</th><th>Directional accuracy</th><th>IC</th>"
                        + "<th>Rank IC</th></tr></thead><tbody>");
        for (String[] who : new String[][] {{"model", "LSTM"}, {"persistence", "persistence (next = last)"},
            {"drift", "drift (training mean change)"}}) {
            JsonNode e = rep.path(who[0]);
            if (!e.isObject()) {
                continue;
            }
            b.append("<tr").append(who[0].equals("model") ? " class=\"best\"" : "").append("><th>")
                    .append(Html.escape(who[1])).append("</th><td>").append(Html.count(RunArtifacts.num(e.get("n"))))
                    .append("</td><td>").append(Html.escape(sig(RunArtifacts.num(e.get("rmse"))))).append("</td><td>")
                    .append(Html.escape(sig(RunArtifacts.num(e.get("mae"))))).append("</td><td>")
                    .append(Html.escape(Html.pct(RunArtifacts.num(e.get("mapePercent")) / 100))).append("</td><td>")
                    .append(Html.escape(Html.pct(RunArtifacts.num(e.get("directionalAccuracy"))))).append("</td><td>")
                    .append(Html.escape(Html.num(RunArtifacts.num(e.get("ic"))))).append("</td><td>")
                    .append(Html.escape(Html.num(RunArtifacts.num(e.get("rankIc"))))).append("</td></tr>");
        }
        b.append("</tbody></table>\n<p>");
        if (rep.has("theilU")) {
            b.append("Theil's U (RMSE model / RMSE persistence): <b>").append(Html.num(RunArtifacts.num(rep.get("theilU"))))
                    .append("</b>. ");
        }
        if (rep.has("verdict")) {
            b.append(Html.escape(rep.path("verdict").asText()));
        }
        b.append("</p>\n");
    }

    /** Training and validation loss by epoch (log scale), from a metrics.json object with both arrays. */
    private static String lossChart(String id, String path, JsonNode n) {
        SvgChart c = new SvgChart(id, "Training loss by epoch (" + path + ", log scale)", 1300, 300,
                SvgChart.XAxis.NUMBER).logY();
        String[][] series = {{"train_loss", "train", BLUE}, {"valid_loss", "validation", ORANGE}};
        for (String[] s : series) {
            JsonNode a = n.path(s[0]);
            double[] x = new double[a.size()], y = new double[a.size()];
            for (int i = 0; i < a.size(); i++) {
                x[i] = i + 1;
                y[i] = RunArtifacts.num(a.get(i));
            }
            c.line(s[1], x, y, s[2], 1.8, false);
        }
        return c.render();
    }

    private static String sig(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : Html.DASH;
    }

    // ---- trades ---------------------------------------------------------------------------------------------

    private void trades(StringBuilder b, List<Row> rows, int best, List<String[]> nav) {
        CsvTable t = run.trades;
        if (t == null) {
            return;
        }
        nav.add(new String[] {"trades", "Trades"});
        b.append("<section id=\"trades\"><h2>Trades</h2>\n");
        List<String> strategies = t.has("strategy") ? t.distinct("strategy") : List.of();
        String bestName = best >= 0 ? rows.get(best).name() : "";
        b.append("<p class=\"muted\">").append(t.size()).append(" trades");
        if (!strategies.isEmpty()) {
            b.append(" \u00b7 show <select id=\"trade-pick\"><option value=\"\">all strategies</option>");
            for (String s : strategies) {
                b.append("<option value=\"").append(Html.escape(s)).append("\"").append(s.equals(bestName)
                        ? " selected=\"selected\"" : "").append(">").append(Html.escape(s)).append("</option>");
            }
            b.append("</select>");
        }
        if (t.size() > MAX_TRADE_ROWS) {
            b.append(" \u00b7 the first ").append(MAX_TRADE_ROWS).append(" are listed (all are in trades.csv)");
        }
        b.append(". Returns are pnl over cost basis; open = still open at the last bar, marked at its close.</p>\n");
        b.append("<div class=\"scroll\"><table class=\"data\" id=\"trades-table\"><thead><tr>");
        List<String> cols = t.header();
        for (String c : cols) {
            b.append("<th>").append(Html.escape(c.replace('_', ' '))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < Math.min(t.size(), MAX_TRADE_ROWS); i++) {
            b.append("<tr");
            if (t.has("strategy")) {
                b.append(" data-strategy=\"").append(Html.escape(t.cell(i, "strategy"))).append('"');
            }
            b.append('>');
            for (String c : cols) {
                String v = t.cell(i, c);
                String text = v, cls = "";
                switch (c) {
                    case "return" -> {
                        double d = CsvTable.number(v);
                        text = Html.pct(d);
                        cls = Html.sign(d);
                    }
                    case "pnl" -> {
                        double d = CsvTable.number(v);
                        text = Html.money(d);
                        cls = Html.sign(d);
                    }
                    case "entry_price", "exit_price", "costs", "shares" -> text = Html.money(CsvTable.number(v));
                    case "size" -> text = Html.pct(CsvTable.number(v));
                    case "entry_time", "exit_time" -> text = v.length() >= 10 && v.endsWith("T00:00:00Z")
                            ? v.substring(0, 10) : v;
                    default -> {
                    }
                }
                b.append("<td class=\"").append(cls).append("\">").append(Html.escape(text)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>\n</section>\n");
    }

    // ---- portfolio ------------------------------------------------------------------------------------------

    private void portfolio(StringBuilder b, List<String[]> nav) {
        List<Path> frontier = run.charts.stream().filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.contains("frontier") || n.contains("mpt") || n.contains("cml");
        }).toList();
        CsvTable w = run.weights;
        List<Map.Entry<String, JsonNode>> given = new ArrayList<>();
        run.metrics.path("portfolio").fields().forEachRemaining(e -> {
            if (e.getKey().endsWith("_weights") && e.getValue().isObject() && e.getValue().size() > 0) {
                given.add(e);
            }
        });
        if (w == null && frontier.isEmpty() && given.isEmpty()) {
            return;
        }
        nav.add(new String[] {"portfolio", "Portfolio"});
        b.append("<section id=\"portfolio\"><h2>Portfolio</h2>\n");
        if (!given.isEmpty()) {
            List<String> assets = new ArrayList<>();
            given.forEach(e -> e.getValue().fieldNames().forEachRemaining(a -> {
                if (!assets.contains(a)) {
                    assets.add(a);
                }
            }));
            b.append("<h3>Weights (metrics.json portfolio)</h3>\n<div class=\"scroll-x\"><table class=\"data\" "
                    + "id=\"portfolio-weights\"><thead><tr><th>Portfolio</th>");
            assets.forEach(a -> b.append("<th>").append(Html.escape(a)).append("</th>"));
            b.append("<th>Gross</th></tr></thead><tbody>");
            for (Map.Entry<String, JsonNode> e : given) {
                b.append("<tr><th>").append(Html.escape(e.getKey().replace("_weights", ""))).append("</th>");
                double gross = 0;
                for (String a : assets) {
                    double v = RunArtifacts.num(e.getValue().get(a));
                    gross += Double.isFinite(v) ? Math.abs(v) : 0;
                    b.append("<td>").append(Html.escape(Html.pct(v))).append("</td>");
                }
                b.append("<td>").append(Html.escape(Html.pct(gross))).append("</td></tr>");
            }
            b.append("</tbody></table></div>\n");
        }
        if (w != null) {
            String timeCol = w.has("time") ? "time" : w.has("date") ? "date" : w.header().get(0);
            List<String> assets = w.header().stream().filter(h -> !h.equals(timeCol)).toList();
            double[] x = SvgChart.millis(w.times(timeCol));
            SvgChart c = new SvgChart("weights", "Weights over time (after rebalancing)", 1300, 420,
                    SvgChart.XAxis.TIME).percent().rule(0);
            double[] gross = new double[x.length];
            for (int a = 0; a < assets.size(); a++) {
                double[] v = w.doubles(assets.get(a));
                for (int i = 0; i < v.length; i++) {
                    gross[i] += Double.isFinite(v[i]) ? Math.abs(v[i]) : 0;
                }
                c.line(assets.get(a), x, v, PALETTE[a % PALETTE.length], 1.4, false);
            }
            c.line("gross exposure", x, gross, "#000000", 1.2, true);
            fig(b, c.render());
            b.append("<h3>Latest weights</h3>\n<table class=\"data\" id=\"weights-latest\"><thead><tr><th>Asset</th>"
                    + "<th>Weight</th></tr></thead><tbody>");
            int last = w.size() - 1;
            for (String a : assets) {
                double v = last >= 0 ? CsvTable.number(w.cell(last, a)) : Double.NaN;
                b.append("<tr><th>").append(Html.escape(a)).append("</th><td class=\"").append(Html.sign(v)).append("\">")
                        .append(Html.pct(v)).append("</td></tr>");
            }
            b.append("</tbody></table>\n");
        }
        int k = 0;
        for (Path p : frontier) {
            b.append("<figure class=\"png\"><img id=\"frontier").append(k == 0 ? "" : "-" + k).append("\" alt=\"")
                    .append(Html.escape(p.getFileName().toString())).append("\" src=\"data:image/png;base64,")
                    .append(base64(p)).append("\"/><figcaption>").append(Html.escape(p.getFileName().toString()))
                    .append("</figcaption></figure>\n");
            k++;
        }
        b.append("</section>\n");
    }

    private static String base64(Path p) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UserInputException("cannot read " + p + ": " + e.getMessage());
        }
    }

    // ---- information coefficient (cross-sectional runs) ----------------------------------------------------

    /**
     * ic.csv (date, segment, ic, rank_ic): the per-date cross-sectional IC as dots per segment with its rolling mean
     * (21 dates) and, per segment, the mean, standard deviation (ddof 1) and t-statistic of the daily series
     * ({@link InformationCoefficient#summarize}; overlapping horizons make that t optimistic).
     */
    private void informationCoefficient(StringBuilder b, List<String[]> nav) {
        CsvTable t = run.ic;
        if (t == null || !t.has("ic") || !(t.has("date") || t.has("time")) || t.size() == 0) {
            return;
        }
        nav.add(new String[] {"ic", "IC"});
        String timeCol = t.has("date") ? "date" : "time";
        b.append("<section id=\"ic\"><h2>Information coefficient per date</h2>\n<p class=\"muted\">From ic.csv: "
                + "Pearson IC between the predicted and realised cross-sectional returns on each date (rank IC in the "
                + "table); line: rolling mean over 21 dates. t = mean / (std / \u221adates), ddof 1; overlapping "
                + "horizons make it optimistic.</p>\n");
        List<String> segments = t.has("segment") ? t.distinct("segment") : List.of("");
        SvgChart c = new SvgChart("ic-chart", "IC per date", 1300, 380, SvgChart.XAxis.TIME).rule(0);
        b.append("<table class=\"data\" id=\"ic-table\"><thead><tr><th>Segment</th><th>Dates</th><th>Mean IC</th>"
                + "<th>Std</th><th>t</th><th>Mean rank IC</th><th>IC &gt; 0</th></tr></thead><tbody>");
        int k = 0;
        for (String seg : segments) {
            CsvTable s = seg.isEmpty() ? t : t.where("segment", seg);
            double[] x = SvgChart.millis(s.times(timeCol));
            double[] ic = s.doubles("ic");
            String color = PALETTE[k++ % PALETTE.length];
            c.dots("IC " + (seg.isEmpty() ? "" : seg), x, ic, color);
            c.line("rolling mean" + (seg.isEmpty() ? "" : " (" + seg + ")"), x, rollingMean(ic, 21), GREY, 1.8, false);
            double[] finite = Arrays.stream(ic).filter(Double::isFinite).toArray();
            InformationCoefficient.Summary sum = finite.length > 1 ? InformationCoefficient.summarize(finite) : null;
            double rank = s.has("rank_ic") ? Arrays.stream(s.doubles("rank_ic")).filter(Double::isFinite).average()
                    .orElse(Double.NaN) : Double.NaN;
            double hit = finite.length == 0 ? Double.NaN
                    : Arrays.stream(finite).filter(v -> v > 0).count() / (double) finite.length;
            b.append("<tr><th>").append(Html.escape(seg.isEmpty() ? "all" : seg)).append("</th><td>").append(finite.length)
                    .append("</td><td>").append(sum == null ? Html.DASH : Html.escape(sig(sum.mean()))).append("</td><td>")
                    .append(sum == null ? Html.DASH : Html.escape(sig(sum.std()))).append("</td><td>")
                    .append(sum == null ? Html.DASH : Html.escape(Html.num(sum.tStat()))).append("</td><td>")
                    .append(Html.escape(sig(rank))).append("</td><td>").append(Html.escape(Html.pct(hit)))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>\n");
        fig(b, c.render());
        b.append("</section>\n");
    }

    private static double[] rollingMean(double[] v, int w) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - w + 1); j <= i; j++) {
                if (Double.isFinite(v[j])) {
                    sum += v[j];
                    n++;
                }
            }
            out[i] = i + 1 >= w && n > 0 ? sum / n : Double.NaN;
        }
        return out;
    }

    // ---- tuning ---------------------------------------------------------------------------------------------

    private void tuning(StringBuilder b, List<String[]> nav) {
        CsvTable t = run.trials;
        CsvTable fi = run.featureImportance;
        boolean fiOk = fi != null && fi.header().size() >= 2 && fi.size() > 0;
        List<Map.Entry<String, JsonNode>> given = fiOk ? List.of() : importances(run.metrics);
        if (t == null && given.isEmpty() && !fiOk) {
            return;
        }
        nav.add(new String[] {"tuning", "Tuning"});
        b.append("<section id=\"tuning\"><h2>Tuning and importances</h2>\n");
        if (t != null && t.has("number") && t.has("value")) {
            List<String> tickers = t.has("ticker") ? t.distinct("ticker") : List.of("");
            int k = 0;
            for (String tk : tickers) {
                CsvTable s = tk.isEmpty() ? t : t.where("ticker", tk);
                double[] num = s.doubles("number"), val = s.doubles("value");
                String[] state = t.has("state") ? s.strings("state") : new String[num.length];
                double[] done = new double[num.length], other = new double[num.length], bestSoFar = new double[num.length];
                double best = Double.NEGATIVE_INFINITY;
                boolean minimise = run.metrics.path("tuning").path("direction").asText("maximize").startsWith("min");
                if (minimise) {
                    best = Double.POSITIVE_INFINITY;
                }
                Integer[] order = new Integer[num.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparingDouble(i -> num[i]));
                double[] xs = new double[num.length];
                for (int j = 0; j < order.length; j++) {
                    int i = order[j];
                    xs[j] = num[i];
                    boolean complete = state[i] == null || state[i].isEmpty() || state[i].equalsIgnoreCase("COMPLETE");
                    done[j] = complete ? val[i] : Double.NaN;
                    other[j] = complete ? Double.NaN : val[i];
                    if (complete && Double.isFinite(val[i])) {
                        best = minimise ? Math.min(best, val[i]) : Math.max(best, val[i]);
                    }
                    bestSoFar[j] = Double.isFinite(best) ? best : Double.NaN;
                }
                SvgChart c = new SvgChart("trials-" + k++, "Trial history" + (tk.isEmpty() ? "" : " \u2014 " + tk)
                        + " (objective by trial number)", 1300, tickers.size() > 2 ? 240 : 340, SvgChart.XAxis.NUMBER)
                        .line("best so far", xs, bestSoFar, BLUE, 2, false)
                        .dots("complete trial", xs, done, GREY)
                        .markers("pruned / failed", xs, other, RED, false);
                fig(b, c.render());
                TuningCharts.append(b, s, tk, minimise, k - 1);   // importance, slices, parallel coordinates, contour
            }
            if (given.isEmpty() && t.has("params")) {
                Map<String, Double> imp = TrialImportance.of(t);
                if (!imp.isEmpty()) {
                    b.append("<p class=\"muted\">Parameter importance: |Spearman rank correlation| between each "
                            + "parameter and the objective over completed trials, normalised to sum 1 (a quick screen, "
                            + "not fANOVA).</p>\n");
                    fig(b, SvgChart.hbars("importances", "Parameter importance", List.copyOf(imp.keySet()),
                            imp.values().stream().mapToDouble(Double::doubleValue).toArray(), BLUE));
                }
            }
        }
        if (fiOk) {
            String name = fi.header().get(0), value = fi.header().get(1);
            String[] labels = fi.strings(name);
            double[] vals = fi.doubles(value);
            Integer[] order = new Integer[labels.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (p, q) -> Double.compare(Double.isFinite(vals[q]) ? vals[q] : Double.NEGATIVE_INFINITY,
                    Double.isFinite(vals[p]) ? vals[p] : Double.NEGATIVE_INFINITY));
            String noSkill = run.metrics.path("feature_importance").path("no_skill_warning").asText("");
            if (!noSkill.isEmpty()) {
                b.append("<div class=\"warn\" id=\"no-skill\"><b>No skill.</b> ").append(Html.escape(noSkill))
                        .append(".</div>\n");
            }
            b.append("<p class=\"muted\">From feature_importance.csv (").append(Html.escape(value.replace('_', ' ')))
                    .append("): permutation importance, larger = the model relies on the feature more; negative = "
                            + "shuffling it helped (noise).").append(fi.has("std") ? " Error bars: \u00b1 one standard "
                            + "deviation over the repeated permutations." : "").append("</p>\n");
            List<String> ordered = Arrays.stream(order).map(i -> labels[i]).toList();
            double[] est = Arrays.stream(order).mapToDouble(i -> vals[i]).toArray();
            if (fi.has("std")) {
                double[] sd = fi.doubles("std");
                fig(b, SvgChart.intervals("feature-importance", "Feature importance (" + value + ", mean \u00b1 std)",
                        ordered, est, Arrays.stream(order).mapToDouble(i -> vals[i] - sd[i]).toArray(),
                        Arrays.stream(order).mapToDouble(i -> vals[i] + sd[i]).toArray(), false));
            } else {
                fig(b, SvgChart.hbars("feature-importance", "Feature importance (" + value + ")", ordered, est, BLUE));
            }
        }
        int k = 0;
        for (Map.Entry<String, JsonNode> e : given) {
            Map<String, Double> m = new LinkedHashMap<>();
            JsonNode n = e.getValue();
            if (n.isObject()) {
                n.fields().forEachRemaining(f -> m.put(f.getKey(), RunArtifacts.num(f.getValue())));
            } else {
                for (JsonNode item : n) {
                    String name = item.has("feature") ? item.path("feature").asText() : item.path("name").asText();
                    m.put(name, RunArtifacts.num(item.has("importance") ? item.get("importance") : item.get("value")));
                }
            }
            List<Map.Entry<String, Double>> sorted = m.entrySet().stream()
                    .sorted((a, c) -> Double.compare(c.getValue(), a.getValue())).toList();
            fig(b, SvgChart.hbars(k == 0 ? "importances" : "importances-" + k, "Importance (" + e.getKey() + ")",
                    sorted.stream().map(Map.Entry::getKey).toList(),
                    sorted.stream().mapToDouble(Map.Entry::getValue).toArray(), BLUE));
            k++;
        }
        b.append("</section>\n");
    }

    /** Objects or arrays under a metrics.json key containing "importance", with numeric values. */
    private static List<Map.Entry<String, JsonNode>> importances(JsonNode root) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        findImportances(root, "", out);
        return out;
    }

    private static void findImportances(JsonNode n, String path, List<Map.Entry<String, JsonNode>> out) {
        if (!n.isObject()) {
            return;
        }
        n.fields().forEachRemaining(e -> {
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode v = e.getValue();
            boolean named = p.toLowerCase(Locale.ROOT).contains("importance");
            boolean numeric = v.isObject() && v.size() > 0;
            for (Iterator<JsonNode> it = v.elements(); numeric && it.hasNext(); ) {
                numeric = it.next().isNumber();
            }
            if (named && numeric) {
                out.add(Map.entry(p, v));
            } else if (named && v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                out.add(Map.entry(p, v));
            } else if (v.isObject()) {
                findImportances(v, p, out);
            }
        });
    }

    // ---- files ----------------------------------------------------------------------------------------------

    private void files(StringBuilder b, List<String[]> nav) {
        nav.add(new String[] {"files", "Files"});
        b.append("<section id=\"files\"><h2>Console summary, config and files</h2>\n");
        if (run.summary != null) {
            b.append("<details open=\"open\"><summary>summary.txt</summary><pre>").append(Html.escape(run.summary))
                    .append("</pre></details>\n");
        }
        if (run.config != null) {
            b.append("<details><summary>config.yaml</summary><pre>").append(Html.escape(run.config))
                    .append("</pre></details>\n");
        }
        b.append("<ul class=\"files\">");
        try (Stream<Path> s = Files.walk(run.folder, 2)) {
            s.filter(Files::isRegularFile).map(p -> run.folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(FILE) && !p.startsWith(".")).sorted()
                    .forEach(p -> b.append("<li><a href=\"").append(Html.escape(p)).append("\">").append(Html.escape(p))
                            .append("</a></li>"));
        } catch (IOException e) {
            throw new UserInputException("cannot list " + run.folder + ": " + e.getMessage());
        }
        b.append("</ul>\n</section>\n");
    }

    // ---- risk-free ----------------------------------------------------------------------------------------

    /**
     * The per-period risk-free series of the run's metrics, rebuilt from the "risk_free" convention: "constant
     * 0.0400/yr", "FRED DTB3 (bundled), …" or "zero"; anything else is read as zero and named so.
     */
    static RiskFree riskFree(String spec, long[] times, int ppy) {
        int periods = Math.max(0, times.length - 1);
        String s = spec.trim();
        if (s.startsWith("constant ")) {
            String v = s.substring("constant ".length()).replace("/yr", "").trim();
            try {
                return RiskFree.constant(Double.parseDouble(v), ppy, periods);
            } catch (NumberFormatException e) {
                return new RiskFree(new double[periods], "zero (unreadable: " + s + ")");
            }
        }
        if (s.startsWith("FRED ")) {
            String col = s.substring(5).split("[ ,]")[0];
            return RiskFree.treasury(col, times, ppy);
        }
        if (s.isEmpty() || s.equals("zero") || s.startsWith("zero ")) {
            return RiskFree.zero(periods);
        }
        try {
            return RiskFree.constant(Double.parseDouble(s), ppy, periods);
        } catch (NumberFormatException e) {
            return new RiskFree(new double[periods], "zero (unknown convention: " + s + ")");
        }
    }

    private static String day(long t) {
        return Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static final String CSS = """
            :root{--fg:#1d2430;--muted:#667085;--line:#e4e7ec;--bg:#f7f8fa;--pos:#17803d;--neg:#c0262d;}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
            header{background:#fff;border-bottom:1px solid var(--line);padding:14px 28px 8px;position:sticky;top:0;z-index:2}
            h1{margin:0;font-size:22px} h1 .sym{color:var(--muted);font-weight:500}
            h2{margin:0 0 10px;font-size:18px} h3{margin:16px 0 6px;font-size:15px} h4{margin:12px 0 6px;font-size:14px}
            nav a{display:inline-block;margin:6px 14px 0 0;color:#1f5fbf;text-decoration:none;font-size:13px}
            main{padding:16px 28px;max-width:1400px}
            section{scroll-margin-top:110px;background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin:0 0 16px}
            .muted{color:var(--muted)} footer{padding:8px 28px 30px;font-size:12px}
            .cards{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 10px}
            .card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:110px;flex:1 1 auto}
            .card .label{font-size:12px;color:var(--muted)} .card .value{font-size:18px;font-weight:600}
            .pos{color:var(--pos)} .neg{color:var(--neg)}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums}
            table.kv th{text-align:left;font-weight:500;color:var(--muted);padding:2px 16px 2px 0;vertical-align:top}
            table.kv td{padding:2px 0;word-break:break-all}
            table.data th,table.data td{padding:3px 6px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
            table.data thead th{position:sticky;top:0;background:#f0f2f5;font-weight:600;text-align:center}
            table.data tbody th{text-align:left;font-weight:500}
            table.metrics{font-size:12.5px} table.metrics thead th{white-space:normal;min-width:52px;max-width:86px;vertical-align:bottom} tr.best{background:#eaf3ff} tr.best th{font-weight:700} tr.bench{background:#f4f4f4;font-style:italic}
            .scroll-x{overflow-x:auto} .scroll{max-height:480px;overflow:auto;border:1px solid var(--line)}
            table.heatmap th,table.heatmap td{padding:4px 6px;text-align:right;border:1px solid #fff;min-width:58px}
            table.heatmap td.total{font-weight:700;background:#f4f4f4}
            .fig{margin:4px 0} .fig svg{max-width:100%;height:auto}
            .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:8px}
            svg.chart{background:#fff;font-family:inherit}
            svg .ctitle{font-size:14px;font-weight:600;fill:#1d2430} svg .tick{font-size:11px;fill:#667085}
            svg .legend{font-size:12px;fill:#1d2430} svg .axis{font-size:12px;fill:#667085} svg .muted{fill:#98a2b3}
            svg .grid{stroke:#eef0f3;stroke-width:1} svg .frame{fill:none;stroke:#d0d5dd}
            svg .rule{stroke:#98a2b3;stroke-width:1;stroke-dasharray:3 3} svg .area{opacity:0.25;stroke:none}
            .warn{background:#fff4e5;border:1px solid #f5b971;border-left:5px solid #e8890c;border-radius:6px;padding:10px 14px;margin:0 0 12px;font-size:14px}
            ul.notes{margin:6px 0 10px 18px;padding:0} ul.files{columns:3;font-size:12px}
            pre{background:#f6f7f9;padding:10px;overflow:auto;font-size:12px;line-height:1.3}
            figure.png img{max-width:100%;border:1px solid var(--line)} figcaption{font-size:12px;color:var(--muted)}
            """;

    private static final String SCRIPT = """
            (function () {
              var body = document.body, errors = 0;
              window.addEventListener('error', function () { errors++; body.setAttribute('data-errors', String(errors)); });
              function each(list, f) { for (var i = 0; i !== list.length; i++) { f(list[i]); } }
              var log = document.getElementById('log-toggle');
              if (log) {
                var lin = document.getElementById('equity-linear').parentNode, lg = document.getElementById('equity-log').parentNode;
                var scale = function () { lin.style.display = log.checked ? 'none' : ''; lg.style.display = log.checked ? '' : 'none'; };
                if (location.hash === '#log') { log.checked = true; }
                log.addEventListener('change', scale); scale();
              }
              var pick = document.getElementById('strategy-pick');
              if (pick) {
                var detail = function () { each(document.querySelectorAll('div.detail'), function (d) {
                  d.style.display = d.getAttribute('data-strategy') === pick.value ? '' : 'none'; }); };
                pick.addEventListener('change', detail); detail();
              }
              var trades = document.getElementById('trade-pick');
              if (trades) {
                var filter = function () { each(document.querySelectorAll('#trades-table tbody tr'), function (r) {
                  r.style.display = trades.value === '' || r.getAttribute('data-strategy') === trades.value ? '' : 'none'; }); };
                trades.addEventListener('change', filter); filter();
              }
              body.setAttribute('data-charts', String(document.querySelectorAll('svg.chart').length));
              body.setAttribute('data-ready', '1');
            })();""";
}
