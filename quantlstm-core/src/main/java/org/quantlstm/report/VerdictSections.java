package org.quantlstm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tear sheet's verdict sections, from what the run wrote to metrics.json: the choice on validation
 * ({@code selection}), the forecast tests ({@code forecast_tests}: Diebold–Mariano and the IC's t-test), 95 %
 * bootstrap intervals of every strategy's and benchmark's Sharpe, CAGR and maximum drawdown as error bars
 * ({@code bootstrap}), the PBO with the histogram of its logits ({@code pbo}) and the spread over seeds
 * ({@code seed_variance}). A run without these keys gets no section.
 */
final class VerdictSections {
    private static final String BLUE = "#1f77b4";

    private VerdictSections() {
    }

    static void append(StringBuilder b, JsonNode m, List<String[]> nav) {
        boolean any = m.path("selection").isObject() || m.path("bootstrap").path("intervals").isObject()
                || m.path("pbo").path("logits").isArray() || m.path("seed_variance").isObject()
                || m.path("forecast_tests").isObject();
        if (!any) {
            return;
        }
        nav.add(new String[] {"verdicts", "Verdicts"});
        b.append("<section id=\"verdicts\"><h2>Choice, significance and uncertainty</h2>\n");
        selection(b, m.path("selection"));
        forecastTests(b, m.path("forecast_tests"));
        intervals(b, m.path("bootstrap"));
        pbo(b, m.path("pbo"));
        seeds(b, m.path("seed_variance"));
        b.append("</section>\n");
    }

    private static void selection(StringBuilder b, JsonNode s) {
        if (!s.isObject()) {
            return;
        }
        b.append("<h3>Chosen on validation</h3>\n<div class=\"notes\" id=\"selection\"><p>");
        if (s.path("chosen").isTextual()) {
            JsonNode t = s.path("test");
            b.append("Chosen on validation: <b>").append(Html.escape(s.path("chosen").asText())).append("</b> (")
                    .append(s.path("validation_returns").asInt()).append(" validation returns, ")
                    .append(Html.escape(s.path("from").asText())).append(" .. ").append(Html.escape(s.path("to").asText()))
                    .append("). On test, read once: return ").append(Html.pct(RunArtifacts.num(t.path("total_return"))))
                    .append(", Sharpe ").append(Html.num(RunArtifacts.num(t.path("sharpe"))));
            if (t.path("sharpe_95").isArray()) {
                b.append(" [95 %: ").append(Html.num(RunArtifacts.num(t.path("sharpe_95").get(0)))).append(", ")
                        .append(Html.num(RunArtifacts.num(t.path("sharpe_95").get(1)))).append("]");
            }
            b.append(", max drawdown ").append(Html.pct(RunArtifacts.num(t.path("max_drawdown")))).append(", DSR ")
                    .append(Html.prob(RunArtifacts.num(t.path("dsr")))).append('.');
        } else {
            b.append("No strategy chosen on validation: ").append(Html.escape(s.path("unavailable").asText("-")))
                    .append('.');
        }
        List<String> idle = new ArrayList<>();
        s.path("not_eligible_never_held_a_position").forEach(x -> idle.add(x.asText()));
        if (!idle.isEmpty()) {
            b.append(" Cannot be chosen (never held a position on validation): ")
                    .append(Html.escape(String.join(", ", idle))).append('.');
        }
        if (s.path("best_on_test").isTextual()) {
            b.append(" The best on test (").append(Html.escape(s.path("best_on_test").asText()))
                    .append(") is the seed's pick, ranked on the test segment itself: shown for reference only.");
        }
        b.append("</p></div>\n");
    }

    private static void forecastTests(StringBuilder b, JsonNode f) {
        if (!f.isObject()) {
            return;
        }
        JsonNode dm = f.path("diebold_mariano");
        JsonNode ic = f.path("ic_test");
        b.append("<h3>Forecast significance</h3>\n<table class=\"data\" id=\"forecast-tests\"><thead><tr><th>test</th>"
                + "<th>statistic</th><th>p</th><th>n</th><th>significant at 5 %</th></tr></thead><tbody>");
        for (String[] k : new String[][] {{"vs_persistence", "Diebold-Mariano, LSTM vs persistence"},
                {"vs_drift", "Diebold-Mariano, LSTM vs drift"}}) {
            JsonNode r = dm.path(k[0]);
            if (r.isObject()) {
                row(b, k[1], RunArtifacts.num(r.path("statistic")), RunArtifacts.num(r.path("p_value")),
                        r.path("n").asInt(), r.path("significant_5pct").asBoolean());
            }
        }
        if (ic.isObject()) {
            row(b, "IC = " + Html.prob(RunArtifacts.num(ic.path("ic"))) + " (t-test of zero correlation)",
                    RunArtifacts.num(ic.path("t")), RunArtifacts.num(ic.path("p_value")), ic.path("n").asInt(),
                    ic.path("significant_5pct").asBoolean());
        }
        b.append("</tbody></table>\n");
    }

    private static void row(StringBuilder b, String name, double stat, double p, int n, boolean sig) {
        b.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.num(stat)).append("</td><td>")
                .append(Double.isNaN(p) ? Html.DASH : String.format(Locale.ROOT, "%.3f", p)).append("</td><td>")
                .append(n).append("</td><td>").append(sig ? "yes" : "no").append("</td></tr>");
    }

    private static void intervals(StringBuilder b, JsonNode boot) {
        JsonNode iv = boot.path("intervals");
        if (!iv.isObject() || iv.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        iv.fieldNames().forEachRemaining(names::add);
        b.append("<h3>95 % intervals (stationary bootstrap)</h3>\n<p class=\"muted\">Politis-Romano stationary "
                + "bootstrap, ").append(boot.path("resamples").asInt()).append(" resamples, mean block length ")
                .append(String.format(Locale.ROOT, "%.1f", RunArtifacts.num(boot.path("mean_block_length"))))
                .append(" bars, seed ").append(Html.escape(boot.path("seed").asText())).append("; percentile intervals. "
                        + "A strategy that never held a position has no Sharpe and no interval.</p>\n");
        String[][] stats = {{"sharpe", "Sharpe (95 % interval)", "num"}, {"cagr", "CAGR (95 % interval)", "pct"},
            {"max_drawdown", "Max drawdown (95 % interval)", "pct"}};
        for (String[] st : stats) {
            double[] est = new double[names.size()], lo = new double[names.size()], hi = new double[names.size()];
            for (int i = 0; i < names.size(); i++) {
                JsonNode c = iv.path(names.get(i)).path(st[0]);
                est[i] = RunArtifacts.num(c.path("estimate"));
                lo[i] = RunArtifacts.num(c.path("lower"));
                hi[i] = RunArtifacts.num(c.path("upper"));
            }
            List<String> labels = names.stream().map(n -> n.equals("buy_and_hold") ? "buy_and_hold (benchmark)" : n)
                    .toList();
            b.append("<div class=\"fig\">").append(SvgChart.intervals("interval-" + st[0].replace('_', '-'), st[1],
                    labels, est, lo, hi, st[2].equals("pct"))).append("</div>\n");
        }
        b.append("<div class=\"scroll-x\"><table class=\"data\" id=\"interval-table\"><thead><tr><th>Strategy</th>"
                + "<th>Sharpe</th><th>95 %</th><th>CAGR</th><th>95 %</th><th>Max DD</th><th>95 %</th></tr></thead><tbody>");
        for (String n : names) {
            b.append("<tr><th>").append(Html.escape(n)).append("</th>");
            for (String[] st : stats) {
                JsonNode c = iv.path(n).path(st[0]);
                boolean pct = st[2].equals("pct");
                double e = RunArtifacts.num(c.path("estimate")), l = RunArtifacts.num(c.path("lower")),
                        u = RunArtifacts.num(c.path("upper"));
                b.append("<td>").append(pct ? Html.pct(e) : Html.num(e)).append("</td><td>")
                        .append(Double.isNaN(l) ? Html.DASH : "[" + (pct ? Html.pct(l) + ", " + Html.pct(u)
                                : Html.num(l) + ", " + Html.num(u)) + "]").append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>\n");
    }

    private static void pbo(StringBuilder b, JsonNode p) {
        if (!p.isObject() || !p.path("logits").isArray()) {
            if (p.isObject() && p.has("note")) {
                b.append("<h3>Probability of backtest overfitting</h3>\n<p>").append(Html.escape(p.path("note").asText()))
                        .append("</p>\n");
            }
            return;
        }
        double[] logits = new double[p.path("logits").size()];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = RunArtifacts.num(p.path("logits").get(i));
        }
        double pbo = RunArtifacts.num(p.path("pbo"));
        b.append("<h3>Probability of backtest overfitting</h3>\n<p id=\"pbo\">PBO = <b>").append(Html.prob(pbo))
                .append("</b> by combinatorially symmetric cross-validation (Bailey, Borwein, L\u00f3pez de Prado, Zhu "
                        + "2017): ").append(p.path("strategies").asInt()).append(" strategies, S = ")
                .append(p.path("blocks").asInt()).append(" blocks, ").append(p.path("splits").asInt())
                .append(" splits. Each split picks the best strategy in-sample and records the logit of its out-of-sample "
                        + "relative rank; PBO is the share of logits \u2264 0 (at or below the median).")
                .append(pbo >= 0.5 ? " Choosing the best by its backtest is no better than chance here." : "")
                .append("</p>\n");
        b.append("<div class=\"fig\">").append(SvgChart.histogram("pbo-logits", "PBO: logits of the in-sample best's "
                + "out-of-sample rank (left of 0 = overfit)", logits, 20, BLUE, false)).append("</div>\n");
    }

    private static void seeds(StringBuilder b, JsonNode s) {
        if (!s.isObject()) {
            return;
        }
        b.append("<h3>Seed variance</h3>\n<p class=\"muted\">").append(Html.escape(s.path("method").asText("")))
                .append(". Seeds: ").append(Html.escape(s.path("seeds").toString())).append(".</p>\n");
        b.append("<table class=\"data\" id=\"seed-table\"><thead><tr><th>figure</th><th>mean</th><th>std</th>"
                + "<th>min</th><th>max</th><th>undefined</th></tr></thead><tbody>");
        JsonNode f = s.path("forecast");
        spread(b, "forecast RMSE", f.path("rmse"), false);
        spread(b, "forecast IC", f.path("ic"), false);
        spread(b, "direction accuracy", f.path("direction_accuracy"), false);
        JsonNode c = s.path("chosen_on_validation");
        spread(b, "chosen on validation: test Sharpe", c.path("sharpe"), false);
        spread(b, "chosen on validation: test return", c.path("total_return"), true);
        spread(b, "chosen on validation: test max drawdown", c.path("max_drawdown"), true);
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("strategies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            spread(b, e.getKey() + ": Sharpe", e.getValue().path("sharpe"), false);
            spread(b, e.getKey() + ": return", e.getValue().path("total_return"), true);
            spread(b, e.getKey() + ": max drawdown", e.getValue().path("max_drawdown"), true);
        }
        b.append("</tbody></table>\n");
        if (c.path("choices").isObject()) {
            List<String> picks = new ArrayList<>();
            c.path("choices").fields().forEachRemaining(e -> picks.add(e.getKey() + " \u00d7" + e.getValue().asInt()));
            b.append("<p>Chosen on validation across the seeds: ").append(Html.escape(String.join(", ", picks)))
                    .append(".</p>\n");
        }
    }

    private static void spread(StringBuilder b, String name, JsonNode v, boolean pct) {
        if (!v.isObject()) {
            return;
        }
        b.append("<tr><th>").append(Html.escape(name)).append("</th>");
        for (String k : new String[] {"mean", "std", "min", "max"}) {
            double x = RunArtifacts.num(v.path(k));
            b.append("<td>").append(pct ? Html.pct(x) : Html.num(x)).append("</td>");
        }
        b.append("<td>").append(v.path("undefined").asInt()).append("</td></tr>");
    }
}
