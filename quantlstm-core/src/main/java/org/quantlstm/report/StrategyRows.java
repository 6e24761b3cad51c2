package org.quantlstm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strategy summaries of a run as the run wrote them: for a multi-asset run (metrics.json "assets", no
 * "comparison") one row per asset from its own numbers (the portfolio rows, which have no equity curve, are not
 * strategies here; the report shows them in a table of their own); else metrics.json "comparison" (rows in order, then its
 * benchmark; best = its "best" index), else every object in metrics.json carrying "sharpe" and "totalReturn"
 * (a path containing "benchmark" marks the benchmark), else — only when metrics.json has none — computed from
 * equity.csv with {@link Metrics} and the run's risk-free series (no trade statistics, flagged
 * {@code computedFromEquity}). Best = the highest Sharpe among non-benchmark rows unless the run named one; a
 * benchmark is never the best (a comparison row is a benchmark when metrics.json "benchmarks" lists its name or it
 * is the comparison's own benchmark).
 *
 * @param rows the summaries, benchmark last where the run gave one
 * @param best index of the best strategy in {@code rows}, −1 if none
 */
record StrategyRows(List<Row> rows, int best) {
    StrategyRows {
        rows = List.copyOf(rows);
    }

    /** One strategy summary as a JSON object (keys as {@link PerformanceSummary}'s components). */
    record Row(String name, JsonNode node, boolean benchmark) {
        double d(String key) {
            return RunArtifacts.num(node.get(key));
        }
    }

    /** The best row, or null. */
    Row bestRow() {
        return best >= 0 ? rows.get(best) : null;
    }

    /** The benchmark row (the last one where there are several, e.g. weekly-12's index after 1/N), or null. */
    Row benchmark() {
        return rows.stream().filter(Row::benchmark).reduce((a, b) -> b).orElse(null);
    }

    static StrategyRows of(RunArtifacts run, int ppy, RiskFree rf) {
        List<Row> rows = new ArrayList<>();
        JsonNode cmp = run.metrics.path("comparison");
        if (!run.assets().isEmpty() && !cmp.path("rows").isArray()) {
            run.assets().forEach(a -> rows.add(new Row(a.path("ticker").asText(), asset(run, a, ppy), false)));
        } else if (cmp.path("rows").isArray()) {
            // a row is a benchmark if metrics.json "benchmarks" names it or it is the comparison's benchmark itself
            java.util.Set<String> benchmarks = new java.util.HashSet<>();
            run.metrics.path("benchmarks").forEach(x -> benchmarks.add(x.asText()));
            String benchName = cmp.path("benchmark").path("name").asText("buy_and_hold");
            boolean benchInRows = false;
            for (JsonNode r : cmp.path("rows")) {
                String name = r.path("name").asText();
                boolean bench = benchmarks.contains(name) || (cmp.path("benchmark").isObject() && name.equals(benchName));
                benchInRows |= name.equals(benchName);
                rows.add(new Row(name, r, bench));
            }
            if (cmp.path("benchmark").isObject() && !benchInRows) {
                rows.add(new Row(benchName, cmp.path("benchmark"), true));
            }
        } else {
            for (Map.Entry<String, JsonNode> e : RunArtifacts.objectsWith(run.metrics, "sharpe", "totalReturn")) {
                JsonNode n = e.getValue();
                rows.add(new Row(n.path("name").asText(e.getKey()), n,
                        e.getKey().toLowerCase(Locale.ROOT).contains("benchmark")));
            }
            if (rows.isEmpty() && run.equity != null && rf != null) {
                for (String n : run.equityNames()) {
                    String l = n.toLowerCase(Locale.ROOT);
                    rows.add(new Row(n, computed(run, n, ppy, rf), l.contains("buy") || l.contains("bench")));
                }
            }
        }
        int named = cmp.path("best").asInt(-1);
        if (cmp.path("rows").isArray() && named >= 0 && named < rows.size() && !rows.get(named).benchmark()) {
            return new StrategyRows(rows, named);
        }
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            double s = rows.get(i).d("sharpe");
            if (!rows.get(i).benchmark() && Double.isFinite(s) && (best < 0 || s > rows.get(best).d("sharpe"))) {
                best = i;
            }
        }
        return new StrategyRows(rows, best);
    }

    /**
     * A multi-asset run's per-asset result in the keys of a strategy summary: the run's own numbers (pnl_pct as total
     * return, max_drawdown, sigma_annual as volatility, win_rate_per_trade, trades, psr, dsr, final_value), plus the
     * Sharpe ratio and CAGR computed from its full-resolution {@code equity_<ticker>.csv} at the asset's own periods
     * per year, risk-free zero (the run's convention), ddof 1 — flagged {@code sharpeFromEquity}.
     */
    private static JsonNode asset(RunArtifacts run, JsonNode a, int fallbackPpy) {
        String t = a.path("ticker").asText();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", t);
        node.set("totalReturn", a.path("pnl_pct"));
        node.set("maxDrawdown", a.path("max_drawdown"));
        node.set("volatility", a.path("sigma_annual"));
        node.set("tradeWinRate", a.path("win_rate_per_trade"));
        node.set("trades", a.path("trades"));
        node.set("psr", a.path("psr"));
        node.set("dsr", a.path("dsr"));
        node.set("finalEquity", a.path("final_value"));
        CsvTable eqFile = run.assetEquity.get(t);
        if (eqFile != null && eqFile.size() > 2) {
            int ppy = run.periodsPerYear(t, fallbackPpy);
            double[] r = EquitySeries.returns(eqFile.doubles(t + "_equity"));
            double total = Metrics.totalReturn(r);
            node.put("sharpe", Metrics.sharpe(r, new double[r.length], ppy)).put("cagr", Metrics.cagr(total, r.length, ppy))
                    .put("sharpeFromEquity", true);
        }
        return node;
    }

    private static JsonNode computed(RunArtifacts run, String name, int ppy, RiskFree rf) {
        double[] eq = run.equity.doubles(name + "_equity");
        double[] r = EquitySeries.returns(eq);
        double total = Metrics.totalReturn(r);
        double cagr = Metrics.cagr(total, r.length, ppy);
        Drawdown dd = Drawdown.of(eq);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name).put("computedFromEquity", true).put("totalReturn", total).put("cagr", cagr)
                .put("volatility", Metrics.volatility(r, ppy)).put("sharpe", Metrics.sharpe(r, rf.perPeriod(), ppy))
                .put("sortino", Metrics.sortino(r, rf.perPeriod(), ppy))
                .put("calmar", Metrics.calmar(cagr, dd.maxDrawdown())).put("maxDrawdown", dd.maxDrawdown())
                .put("maxDrawdownDurationBars", dd.longestDuration()).put("periodWinRate", Metrics.perPeriod(r).winRate())
                .put("finalEquity", eq[eq.length - 1]);
        if (run.equity.has(name + "_position")) {
            node.put("exposure", Metrics.exposure(run.equity.doubles(name + "_position")));
            node.put("timeInvested", Metrics.timeInvested(run.equity.doubles(name + "_position")));
        }
        return node;
    }
}
