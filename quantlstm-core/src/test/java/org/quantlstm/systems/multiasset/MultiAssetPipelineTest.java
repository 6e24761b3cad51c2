package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole multi-asset-4h run on two bundled 4h assets over 60 days, with a tiny budget. */
@Tag("slow")
class MultiAssetPipelineTest {

    @Test
    void runWritesTheSeedsTableChartsAndFiles(@TempDir Path dir) throws Exception {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("data.tickers", "XAUUSD,XAGUSD");
        o.put("data.period_days", "60");
        o.put("tuning.trials", "2");
        o.put("tuning.seq_len", "6,10");
        o.put("tuning.hidden_size", "4,8");
        o.put("tuning.num_layers", "1,1");
        o.put("tuning.epochs", "1,1");
        o.put("portfolio.warmup", "3");
        String yaml = ExperimentConfig.bundled("multi-asset-4h")
                .replaceAll("(?s)\\n  intervals:.*?\\n  common_end", "\n  common_end");
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, yaml);
        ExperimentConfig cfg = ExperimentConfig.load(file.toString(), o);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        RunOutcome r = org.quantlstm.systems.Systems.standard().run(cfg, new RunContext(dir.resolve("runs"), dir, out,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), false));

        String console = buf.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("Trial 0 finished with value").contains("Best trial: ")
                .contains("Final value").contains("Win rate").contains("DSR").contains("XAGUSD").contains("Run folder: ");
        Path f = r.folder();
        for (String name : List.of("config.yaml", "data.json", "metrics.json", "trials.csv", "equity.csv", "trades.csv",
                "forecasts.csv", "summary.txt")) {
            assertThat(f.resolve(name)).exists();
        }
        JsonNode m = new ObjectMapper().readTree(f.resolve("metrics.json").toFile());
        assertThat(m.get("system").asText()).isEqualTo("multi-asset-4h");
        assertThat(m.get("conventions").get("periods_per_year").get("XAUUSD").asInt()).isEqualTo(1560);
        assertThat(m.get("assets")).hasSize(2);
        assertThat(m.get("assets").get(0).get("dsr_trials").asInt()).isBetween(1, 2);
        assertThat(console).contains("BASELINES (same test segment").contains("XAUUSD   buy_and_hold")
                .contains("XAGUSD   persistence_sign");
        List<String> forecasts = Files.readAllLines(f.resolve("forecasts.csv"));
        for (JsonNode a : m.get("assets")) {
            String ticker = a.get("ticker").asText();
            for (String b : List.of("buy_and_hold", "persistence_sign")) {
                assertThat(a.get("baselines").get(b).get("total_return").isNumber()).isTrue();
                assertThat(a.get("baselines").get(b).get("max_drawdown").asDouble()).isLessThanOrEqualTo(0);
            }
            // the constant position agrees with the positions in forecasts.csv (every row but the last is filled)
            List<String> pos = forecasts.stream().filter(l -> l.startsWith(ticker + ",")).map(l -> l.split(",")[5]).toList();
            List<String> filled = pos.subList(0, pos.size() - 1);
            assertThat(a.get("test_bars").asInt()).isEqualTo(filled.size());
            String constant = filled.stream().distinct().count() != 1 ? null
                    : switch (filled.get(0)) { case "1" -> "long"; case "-1" -> "short"; default -> "flat"; };
            assertThat(a.get("constant_position").isNull() ? null : a.get("constant_position").asText()).isEqualTo(constant);
        }
        // issue 14 item 5: PBO over each asset's trials (a line, metrics.json, the report), and the loss-per-epoch chart
        assertThat(console).containsPattern("PBO over (\\d+ trials \\(CSCV, S=\\d+\\): \\d\\.\\d{3}|trials: not computed, )");
        for (JsonNode a : m.get("assets")) {
            assertThat(a.get("pbo").has("pbo")).isTrue();
            assertThat(a.get("pbo").has("logits") || a.get("pbo").has("note")).isTrue();
            assertThat(a.get("training_loss")).hasSize(1);
        }
        String report = Files.readString(f.resolve(org.quantlstm.report.TearSheet.FILE));
        assertThat(report).contains("id=\"asset-tuning\"", "id=\"training-loss-0\"", "id=\"training-loss-1\"");
        List<String> trials = Files.readAllLines(f.resolve("trials.csv"));
        assertThat(trials.get(0)).isEqualTo("ticker,number,state,value,duration_ms,params,degenerate");
        assertThat(trials).hasSize(1 + 2 * 2);
        assertThat(Files.readAllLines(f.resolve("forecasts.csv")).get(0)).startsWith("ticker,time,close,predicted_next_close");
        try (Stream<Path> charts = Files.list(f.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("portfolio_value_")).anyMatch(n -> n.startsWith("return_vs_sigma_"))
                    .anyMatch(n -> n.startsWith("XAUUSD_forecast_")).anyMatch(n -> n.startsWith("XAGUSD_forecast_"));
        }
    }
}
