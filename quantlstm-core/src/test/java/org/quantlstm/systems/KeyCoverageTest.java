package org.quantlstm.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantlstm.common.UserInputException;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.TradingSystem;

/**
 * Every setting is honoured or rejected. For every key of every shipped experiment, and for every key a system
 * declares, changing the key either changes the resolved run plan or is rejected with a user error; a key a system
 * does not read is rejected with one line naming the key and the system. No training or data is involved: the plan
 * is resolved from the experiment alone.
 */
class KeyCoverageTest {
    private static final Systems SYSTEMS = Systems.standard();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A change to try: overrides applied to both base and changed config, and the change itself. */
    private record Mutation(Map<String, String> both, Map<String, String> change) {
    }

    private static Record plan(String experiment, Map<String, String> overrides) {
        return SYSTEMS.check(ExperimentConfig.load(experiment, overrides));
    }

    /** Candidate changes for a key, most specific first; the first that resolves must change the plan. */
    private static List<Mutation> mutations(String key, JsonNode current) {
        List<Mutation> out = new ArrayList<>();
        String v = current == null || current.isMissingNode() ? null : current.isArray() ? null : current.asText();
        switch (key) {
            case "model.retrain" -> {
                out.add(new Mutation(Map.of(), Map.of("model.retrain", "expanding", "model.retrain_every", "40")));
                out.add(new Mutation(Map.of("model.retrain", "expanding", "model.retrain_every", "40"),
                        Map.of("model.retrain", "rolling", "model.retrain_window", "400")));
                return out;
            }
            case "model.retrain_every" -> {
                out.add(new Mutation(Map.of("model.retrain", "expanding", "model.retrain_every", "40"),
                        Map.of("model.retrain_every", "41")));
                return out;
            }
            case "model.retrain_window" -> {
                out.add(new Mutation(Map.of("model.retrain", "rolling", "model.retrain_every", "40",
                        "model.retrain_window", "400"), Map.of("model.retrain_window", "401")));
                return out;
            }
            case "signal.entry_offset", "signal.entry_expiry_bars" -> {
                out.add(new Mutation(Map.of("signal.entry_order", "limit"),
                        Map.of(key, key.endsWith("bars") ? "3" : "0.002")));
                return out;
            }
            case "signal.entry_limit_offset" -> {
                out.add(new Mutation(Map.of("signal.entry_order", "stop_limit"), Map.of(key, "0.001")));
                return out;
            }
            default -> { }
        }
        List<String> values = new ArrayList<>();
        switch (key) {
            case "model.net" -> values.addAll(List.of("weekly-12", "spy-analyser", "cross-sectional", "multi-asset"));
            case "model.cell" -> values.addAll(List.of("gru", "lstm"));
            case "model.loss" -> values.addAll(List.of("huber", "mse"));
            case "model.target" -> values.addAll(List.of("next-close", "next-return"));
            case "data.source" -> values.addAll(List.of("bundled", "store", "yahoo"));
            case "data.interval" -> values.addAll(List.of("1d", "1wk", "4h"));
            case "data.ticker" -> values.add("QQQ");
            case "data.tickers" -> values.add(current != null && current.size() > 2
                    ? String.join(",", current.findValuesAsText("").isEmpty() ? texts(current).subList(1, current.size())
                    : texts(current).subList(1, current.size())) : "AAPL,MSFT,NVDA");
            case "data.benchmark" -> values.add("QQQ");
            case "backtest.fill" -> values.addAll(List.of("next-close", "next-open"));
            case "backtest.risk_free" -> values.addAll(List.of("0.031", "DGS10"));
            case "backtest.impact" -> values.addAll(List.of("sqrt", "volume-share", "none"));
            case "portfolio.history_start" -> values.add("2016-01-01");
            case "portfolio.train_end" -> values.add("2022-06-17");
            case "portfolio.test_end" -> values.add("2023-06-16");
            case "tuning.objective" -> values.addAll(List.of("sharpe", "rmse"));
            case "tuning.sampler" -> values.addAll(List.of("random", "tpe"));
            case "tuning.pruner" -> values.addAll(List.of("none", "halving"));
            case "universe.file" -> values.add("somewhere/universe.csv");
            case "strategy.score" -> values.addAll(List.of("zscore", "absolute"));
            case "signal.entry_order" -> values.addAll(List.of("limit", "stop", "stop_limit"));
            default -> { }
        }
        if (values.isEmpty() && current != null && current.isArray() && current.size() == 2) {
            List<String> t = texts(current);
            double lo = Double.parseDouble(t.get(0));
            double hi = Double.parseDouble(t.get(1));
            boolean ints = t.stream().noneMatch(x -> x.contains("."));
            values.add(ints ? (long) lo + "," + ((long) hi + 1) : lo + "," + (hi * 0.9 + lo * 0.1));
        } else if (values.isEmpty() && v != null) {
            if (v.equals("true") || v.equals("false")) {
                values.add(v.equals("true") ? "false" : "true");
            } else if (v.matches("-?\\d+")) {
                long x = Long.parseLong(v);
                values.addAll(List.of(String.valueOf(x + 1), String.valueOf(Math.max(0, x - 1)), String.valueOf(x * 2)));
            } else if (v.matches("-?[0-9.eE+-]+")) {
                double x = Double.parseDouble(v);
                values.addAll(List.of(String.valueOf(x * 0.5), String.valueOf(x + 0.01), String.valueOf(x * 1.5)));
            } else if (v.matches("\\d{4}-\\d\\d-\\d\\d")) {
                values.add("2019-01-04");
            } else if (v.matches("\\d+[hdwkmo]+")) {
                values.addAll(List.of("1d", "1wk", "4h"));
            }
        }
        if (values.isEmpty() && v == null) {
            // a declared key the file leaves at its default: any other valid value must change the plan
            values.addAll(List.of("0.35", "3", "17", "0.015", "1000", "true", "false"));
        }
        values.stream().filter(x -> !x.equals(v)).forEach(x -> out.add(new Mutation(Map.of(), Map.of(key, x))));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(e -> l.add(e.asText()));
        return l;
    }

    /**
     * Checks one key: the first candidate change that resolves must change the plan; if every candidate is
     * rejected, the key counts as rejected. Returns "changed" or "rejected".
     */
    private static String check(String experiment, String key, JsonNode current) {
        List<Mutation> ms = mutations(key, current);
        assertThat(ms).as("%s: no way to change %s (value %s)", experiment, key, current).isNotEmpty();
        for (Mutation m : ms) {
            Map<String, String> base = new LinkedHashMap<>(m.both());
            Record before;
            try {
                before = plan(experiment, base);
            } catch (UserInputException e) {
                continue;
            }
            Map<String, String> changed = new LinkedHashMap<>(base);
            changed.putAll(m.change());
            Record after;
            try {
                after = plan(experiment, changed);
            } catch (UserInputException e) {
                continue;
            }
            assertThat(after).as("%s: %s changed from %s to %s but the plan did not change", experiment, key,
                    base, m.change()).isNotEqualTo(before);
            return "changed";
        }
        return "rejected";
    }

    @ParameterizedTest
    @ValueSource(strings = {"spy-analyser", "weekly-12", "multi-asset-4h", "cross-sectional"})
    void everyKeyOfTheShippedExperimentChangesThePlan(String experiment) throws Exception {
        ExperimentConfig cfg = ExperimentConfig.load(experiment, Map.of());
        JsonNode tree = YAML.readTree(cfg.yaml());
        Map<String, String> outcome = new LinkedHashMap<>();
        for (String key : cfg.presentKeys()) {
            if (key.equals("name") || key.equals("system")) {
                continue;
            }
            outcome.put(key, check(experiment, key, tree.at("/" + key.replace(".", "/"))));
        }
        // every key shipped in a file is read: a shipped key may never be only "rejected" on its own
        assertThat(outcome).as("keys of %s", experiment).doesNotContainValue("rejected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spy-analyser", "weekly-12", "multi-asset-4h", "cross-sectional"})
    void everyDeclaredKeyChangesThePlanOrIsRejected(String experiment) throws Exception {
        ExperimentConfig cfg = ExperimentConfig.load(experiment, Map.of());
        TradingSystem system = SYSTEMS.get(cfg.system());
        JsonNode tree = YAML.readTree(cfg.yaml());
        int changed = 0;
        for (String key : system.keys()) {
            if (key.endsWith(".*")) {
                continue;
            }
            if (check(experiment, key, tree.at("/" + key.replace(".", "/"))).equals("changed")) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThan(system.keys().size() / 2);
    }

    @Test
    void robustnessSeedsChangesSpyAnalysersPlanAndIsRejectedElsewhere() {
        assertThat(check("spy-analyser", "robustness.seeds", null)).isEqualTo("changed");
        for (String experiment : List.of("weekly-12", "multi-asset-4h", "cross-sectional")) {
            assertThatThrownBy(() -> plan(experiment, Map.of("robustness.seeds", "5"))).as(experiment)
                    .isInstanceOf(UserInputException.class).hasMessageContaining("robustness.seeds: not read by system");
        }
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("robustness.seeds", "0")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("robustness.seeds");
    }

    @Test
    void theNewModelKeysChangeEverySystemsPlan() {
        for (String experiment : List.of("spy-analyser", "weekly-12", "multi-asset-4h", "cross-sectional")) {
            assertThat(check(experiment, "model.cell", null)).as(experiment).isEqualTo("changed");
            assertThat(check(experiment, "model.retrain", null)).as(experiment).isEqualTo("changed");
            assertThat(check(experiment, "model.retrain_every", null)).as(experiment).isEqualTo("changed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"spy-analyser", "weekly-12", "multi-asset-4h", "cross-sectional"})
    void everyPlanIsWrittenToPlanJson(String experiment) throws Exception {
        ExperimentConfig cfg = ExperimentConfig.load(experiment, Map.of());
        String json = org.quantlstm.workflow.RunFolder.planJson(cfg, SYSTEMS.check(cfg));
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.path("system").asText()).isEqualTo(cfg.system());
        assertThat(tree.path("plan").size()).isGreaterThan(3);
        if (experiment.equals("weekly-12")) {
            assertThat(tree.path("plan").path("trainEnd").asText()).isEqualTo("2022-06-24");
        }
    }

    /** Issue 13's execution keys: each one a system declares changes its plan (none is declared and ignored). */
    @Test
    void theExecutionKeysChangeThePlansOfTheSystemsThatDeclareThem() {
        List<String> keys = List.of("backtest.per_share", "backtest.impact", "backtest.impact_bps",
                "backtest.max_participation", "backtest.borrow_bps", "backtest.financing_spread_bps",
                "backtest.max_gross", "backtest.slippage_bps", "backtest.min_cost", "signal.trailing_stop");
        int checked = 0;
        for (String experiment : List.of("spy-analyser", "weekly-12", "multi-asset-4h", "cross-sectional")) {
            TradingSystem system = SYSTEMS.get(ExperimentConfig.load(experiment, Map.of()).system());
            for (String key : keys) {
                if (!system.keys().contains(key)) {
                    continue;
                }
                Map<String, String> base = key.equals("backtest.impact_bps") ? Map.of("backtest.impact", "sqrt")
                        : Map.of();
                Map<String, String> changed = new LinkedHashMap<>(base);
                changed.put(key, switch (key) {
                    case "backtest.impact" -> "sqrt";
                    case "backtest.max_participation" -> "0.1";
                    case "backtest.max_gross" -> "1.7";
                    case "signal.trailing_stop" -> "0.02";
                    default -> "7";
                });
                assertThat(plan(experiment, changed)).as("%s: %s", experiment, key).isNotEqualTo(plan(experiment, base));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
        // the weekly loop trades weights, not shares: per-share commission and impact are rejected there
        assertThatThrownBy(() -> plan("weekly-12", Map.of("backtest.per_share", "0.01")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("backtest.per_share");
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("backtest.impact", "linear")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("backtest.impact");
    }

    @Test
    void aKeyTheSystemDoesNotReadIsRejectedByName() {
        assertThatThrownBy(() -> plan("weekly-12", Map.of("signal.stop_loss", "0.01")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("signal.stop_loss").hasMessageContaining("not read by system 'weekly-12'");
        assertThatThrownBy(() -> plan("cross-sectional", Map.of("data.ticker", "SPY")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("data.ticker")
                .hasMessageContaining("cross-sectional");
        assertThatThrownBy(() -> plan("multi-asset-4h", Map.of("backtest.risk_free", "0.04")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("backtest.risk_free");
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("model.hidden", "32")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("model.hidden")
                .hasMessageContaining("spy-analyser");
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("report.title", "x")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("report");
    }

    @Test
    void theSignalKeysChangeTheSpyAnalyserPlan() {
        Record base = plan("spy-analyser", Map.of());
        assertThat(plan("spy-analyser", Map.of("signal.threshold", "0.00001"))).isNotEqualTo(base);
        assertThat(plan("spy-analyser", Map.of("signal.stop_loss", "0.005"))).isNotEqualTo(base);
        assertThat(plan("spy-analyser", Map.of("signal.take_profit", "0.01"))).isNotEqualTo(base);
    }

    /** Issue 13's entry orders: declared and honoured by spy-analyser only, validated in one line. */
    @Test
    void theEntryOrderKeysChangeTheSpyAnalyserPlanAndAreRejectedElsewhere() {
        for (String key : List.of("signal.entry_order", "signal.entry_offset", "signal.entry_limit_offset",
                "signal.entry_expiry_bars")) {
            assertThat(check("spy-analyser", key, null)).as(key).isEqualTo("changed");
        }
        Record limit = plan("spy-analyser", Map.of("signal.entry_order", "limit", "signal.entry_offset", "0.002"));
        assertThat(limit).isNotEqualTo(plan("spy-analyser", Map.of("signal.entry_order", "limit")));
        for (String experiment : List.of("weekly-12", "multi-asset-4h", "cross-sectional")) {
            assertThatThrownBy(() -> plan(experiment, Map.of("signal.entry_order", "limit"))).as(experiment)
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("signal.entry_order: not read by system");
        }
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("signal.entry_order", "iceberg")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("signal.entry_order")
                .hasMessageContaining("market, limit, stop or stop_limit").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("signal.entry_offset", "0.01")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("signal.entry_offset")
                .hasMessageContaining("the entry order is market");
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("signal.entry_order", "limit",
                "signal.entry_limit_offset", "0.01"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("signal.entry_limit_offset").hasMessageContaining("stop_limit");
        assertThatThrownBy(() -> plan("spy-analyser", Map.of("signal.entry_order", "stop",
                "signal.entry_expiry_bars", "0"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("signal.entry_expiry_bars");
    }
}
