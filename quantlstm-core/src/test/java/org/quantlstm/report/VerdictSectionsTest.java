package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict sections render what the run wrote: choice, forecast tests, error bars, PBO histogram, seeds. */
class VerdictSectionsTest {
    private static final String METRICS = """
            {"selection": {"chosen": "fixed", "validation_returns": 27, "from": "2025-10-16", "to": "2025-11-24",
               "not_eligible_never_held_a_position": ["binary"], "best_on_test": "kelly",
               "test": {"total_return": 0.066, "sharpe": 1.51, "sharpe_95": [-1.22, 4.39], "max_drawdown": -0.042,
                        "dsr": 0.81}},
             "forecast_tests": {"diebold_mariano": {"vs_persistence": {"statistic": -1.211, "p_value": 0.228, "n": 123,
                 "significant_5pct": false}}, "ic_test": {"ic": 0.095, "t": 1.05, "p_value": 0.296, "n": 123,
                 "significant_5pct": false}},
             "bootstrap": {"resamples": 1000, "mean_block_length": 1.0, "seed": 42, "intervals": {
                 "fixed": {"sharpe": {"estimate": 1.51, "lower": -1.22, "upper": 4.39},
                           "cagr": {"estimate": 0.13, "lower": -0.1, "upper": 0.4},
                           "max_drawdown": {"estimate": -0.042, "lower": -0.09, "upper": -0.01}},
                 "binary": {"sharpe": {"estimate": "NaN", "lower": "NaN", "upper": "NaN"},
                           "cagr": {"estimate": 0.0, "lower": 0.0, "upper": 0.0},
                           "max_drawdown": {"estimate": 0.0, "lower": 0.0, "upper": 0.0}},
                 "buy_and_hold": {"sharpe": {"estimate": 1.5, "lower": -1.24, "upper": 4.38},
                           "cagr": {"estimate": 0.2, "lower": -0.1, "upper": 0.6},
                           "max_drawdown": {"estimate": -0.089, "lower": -0.2, "upper": -0.03}}}},
             "pbo": {"pbo": 0.6, "blocks": 4, "splits": 6, "strategies": 3, "logits": [-1.0, -0.5, 0.0, 0.7, -2.0, 1.1]},
             "seed_variance": {"seeds": [42, 43], "method": "repeats",
                 "forecast": {"rmse": {"n": 2, "undefined": 0, "mean": 5.5, "std": 0.1, "min": 5.43, "max": 5.57}},
                 "chosen_on_validation": {"choices": {"fixed": 2},
                     "sharpe": {"n": 2, "undefined": 0, "mean": 1.4, "std": 0.2, "min": 1.26, "max": 1.54}},
                 "strategies": {"binary": {"sharpe": {"n": 0, "undefined": 2, "mean": "NaN", "std": "NaN",
                     "min": "NaN", "max": "NaN"}}}}}
            """;

    @Test
    void rendersEveryVerdictTheRunWrote() throws Exception {
        JsonNode m = new ObjectMapper().readTree(METRICS);
        StringBuilder b = new StringBuilder();
        List<String[]> nav = new ArrayList<>();
        VerdictSections.append(b, m, nav);
        String html = b.toString();
        assertThat(nav).extracting(n -> n[0]).containsExactly("verdicts");
        assertThat(html).contains("Chosen on validation: <b>fixed</b>", "[95 %: -1.22, 4.39]",
                "never held a position on validation): binary", "The best on test (kelly)");
        assertThat(html).contains("Diebold-Mariano, LSTM vs persistence", "0.228", "IC = 0.095");
        // one error bar per row with an interval: Sharpe 2 (binary never held a position: none), CAGR 3, max DD 3
        assertThat(html.split("class=\"errorbar\"", -1)).hasSize(1 + 2 + 3 + 3);
        assertThat(html).contains("id=\"interval-sharpe\"", "id=\"interval-cagr\"", "id=\"interval-max-drawdown\"",
                "buy_and_hold (benchmark)");
        assertThat(html).contains("id=\"pbo-logits\"", "PBO = <b>", "no better than chance");
        assertThat(html).contains("id=\"seed-table\"", "forecast RMSE", "fixed \u00d72", "binary: Sharpe");
    }

    @Test
    void aRunWithoutVerdictsGetsNoSection() throws Exception {
        StringBuilder b = new StringBuilder();
        List<String[]> nav = new ArrayList<>();
        VerdictSections.append(b, new ObjectMapper().readTree("{\"comparison\": {}}"), nav);
        assertThat(b).isEmpty();
        assertThat(nav).isEmpty();
    }
}
