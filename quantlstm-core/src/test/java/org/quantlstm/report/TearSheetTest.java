package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.UserInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TearSheetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private static Element byId(Document d, String id) throws Exception {
        return (Element) XPathFactory.newInstance().newXPath().evaluate("//*[@id='" + id + "']", d, XPathConstants.NODE);
    }

    private static String render(Path run) {
        return TearSheet.render(run, run.getFileName().toString(), AT);
    }

    @Test
    void metricsTableShowsTheRunsOwnNumbersForPeople() throws Exception {
        Path run = RunFixture.copy(dir);
        JsonNode cmp = JSON.readTree(run.resolve("metrics.json").toFile()).path("comparison");
        Document d = SvgChartTest.xml(render(run));
        NodeList rows = byId(d, "metrics-table").getElementsByTagName("tbody").item(0).getChildNodes();
        assertThat(rows.getLength()).isEqualTo(cmp.path("rows").size() + 1);
        int best = cmp.path("best").asInt();
        Element bestRow = (Element) rows.item(best);
        assertThat(bestRow.getAttribute("class")).isEqualTo("best");
        JsonNode b = cmp.path("rows").get(best);
        String text = bestRow.getTextContent();
        assertThat(text).startsWith(b.path("name").asText())
                .contains(String.format(Locale.ROOT, "%.2f%%", b.path("totalReturn").asDouble() * 100))
                .contains(String.format(Locale.ROOT, "%.2f", b.path("sharpe").asDouble()))
                .contains(String.format(Locale.ROOT, "%.2f%%", b.path("maxDrawdown").asDouble() * 100))
                .contains(String.format(Locale.ROOT, "%.3f", b.path("dsr").asDouble()));
        Element bench = (Element) rows.item(rows.getLength() - 1);
        assertThat(bench.getAttribute("class")).isEqualTo("bench");
        assertThat(bench.getTextContent()).startsWith("buy_and_hold (benchmark)100% long");
        // manifest names the conventions, the data hash and the number of strategies compared
        String manifest = byId(d, "manifest").getTextContent();
        assertThat(manifest).contains("periods_per_year252").contains("fillnext-open")
                .contains(JSON.readTree(run.resolve("data.json").toFile()).path("sha256").asText())
                .contains("strategies compared (DSR trials K)" + cmp.path("trials").asInt());
    }

    @Test
    void riskFreeRebuiltFromTheConventionsGivesTheRunsSharpe() throws Exception {
        Path run = RunFixture.copy(dir);
        JsonNode m = JSON.readTree(run.resolve("metrics.json").toFile());
        CsvTable eq = CsvTable.read(run.resolve("equity.csv"));
        long[] t = eq.times("time");
        RiskFree rf = TearSheet.riskFree(m.path("conventions").path("risk_free").asText(), t, 252);
        for (JsonNode row : m.path("comparison").path("rows")) {
            double[] r = EquitySeries.returns(eq.doubles(row.path("name").asText() + "_equity"));
            // a rolling window over the whole sample is the run's own Sharpe: same returns, same rf, same formula
            double[][] roll = EquitySeries.rolling(r, rf.perPeriod(), r.length, 252);
            assertThat(roll[0][r.length - 1]).isCloseTo(row.path("sharpe").asDouble(), within(1e-6));
            assertThat(roll[1][r.length - 1]).isCloseTo(row.path("volatility").asDouble(), within(1e-6));
            // compounding the calendar years gives the run's total return
            double g = 1;
            for (double y : EquitySeries.calendar(t, eq.doubles(row.path("name").asText() + "_equity")).years().values()) {
                g *= 1 + y;
            }
            assertThat(g - 1).isCloseTo(row.path("totalReturn").asDouble(), within(1e-6));
        }
        assertThat(TearSheet.riskFree("constant 0.0400/yr", t, 252).perPeriod()[0])
                .isCloseTo(Math.pow(1.04, 1 / 252.0) - 1, within(1e-15));
        assertThat(TearSheet.riskFree("zero", t, 252).perPeriod()).containsOnly(0);
    }

    @Test
    void sectionsWhoseFilesAreAbsentAreLeftOut() throws Exception {
        Path run = RunFixture.copy(dir);
        Files.delete(run.resolve("forecasts.csv"));
        Files.delete(run.resolve("trades.csv"));
        ObjectNode m = (ObjectNode) JSON.readTree(run.resolve("metrics.json").toFile());
        m.remove("forecast");
        JSON.writeValue(run.resolve("metrics.json").toFile(), m);
        String html = render(run);
        Document d = SvgChartTest.xml(html);
        assertThat(byId(d, "forecast-0")).isNull();
        assertThat(byId(d, "forecast-metrics-forecast")).isNull();
        assertThat(byId(d, "training-loss")).as("training losses are still in metrics.json").isNotNull();
        assertThat(byId(d, "trades")).isNull();
        assertThat(byId(d, "trades-hist-s0")).isNull();
        assertThat(byId(d, "portfolio")).isNull();
        assertThat(byId(d, "tuning")).isNull();
        assertThat(byId(d, "equity-linear")).isNotNull();
        assertThat(byId(d, "underwater-s0")).isNotNull();
        assertThat(html).doesNotContain("href=\"#trades\"");
        m.remove("training");
        JSON.writeValue(run.resolve("metrics.json").toFile(), m);
        Document bare = SvgChartTest.xml(render(run));
        assertThat(byId(bare, "forecast")).isNull();
    }

    @Test
    void portfolioAndTuningSectionsAppearWithTheirFiles() throws Exception {
        Path run = RunFixture.copy(dir);
        Files.writeString(run.resolve("weights.csv"), "time,AAPL,MSFT,JPM\n"
                + "2025-11-28T00:00:00Z,0.33,0.33,-0.2\n2025-12-05T00:00:00Z,0.30,0.25,0.1\n"
                + "2025-12-12T00:00:00Z,0.1,0.33,0.33\n", StandardCharsets.UTF_8);
        StringBuilder trials = new StringBuilder("ticker,number,state,value,duration_ms,params\n");
        for (int i = 0; i < 8; i++) {
            trials.append(String.format(Locale.ROOT, "GC,%d,%s,%.3f,%d,\"{\"\"lr\"\":%.4f,\"\"units\"\":%d}\"%n", i,
                    i == 5 ? "PRUNED" : "COMPLETE", 0.1 * i, 1000 + i, 0.001 * (i + 1), i % 2 == 0 ? 64 : 128));
        }
        Files.writeString(run.resolve("trials.csv"), trials.toString(), StandardCharsets.UTF_8);
        Document d = SvgChartTest.xml(render(run));
        assertThat(byId(d, "weights")).isNotNull();
        assertThat(byId(d, "weights-latest").getTextContent()).contains("JPM33.00%");
        assertThat(byId(d, "trials-0")).isNotNull();
        assertThat(byId(d, "importances").getTextContent()).contains("lr").contains("units");
        // study inspection (TuningCharts): main-effect importance, one slice per parameter, parallel coordinates
        // and the contour of the two most important parameters, all inline SVG
        assertThat(byId(d, "tuning-importance-0").getTextContent()).contains("lr").contains("units");
        assertThat(byId(d, "slice-0-0")).isNotNull();
        assertThat(byId(d, "slice-0-1")).isNotNull();
        assertThat(byId(d, "parcoords-0").getTextContent()).contains("objective");
        assertThat(byId(d, "contour-0").getTextContent()).contains("best trial");
        assertThat(byId(d, "manifest").getTextContent()).contains("tuning trials (trials.csv)8");
    }

    @Test
    void withoutSummariesInMetricsTheTableIsComputedFromEquity() throws Exception {
        Path run = RunFixture.copy(dir);
        JsonNode m = JSON.readTree(run.resolve("metrics.json").toFile());
        JsonNode best = m.path("comparison").path("rows").get(m.path("comparison").path("best").asInt());
        ObjectNode bare = JSON.createObjectNode();
        bare.put("system", "weekly-12");
        bare.set("conventions", m.path("conventions"));
        JSON.writeValue(run.resolve("metrics.json").toFile(), bare);
        Document d = SvgChartTest.xml(render(run));
        String table = byId(d, "metrics-table").getTextContent();
        assertThat(table).contains(best.path("name").asText())
                .contains(String.format(Locale.ROOT, "%.2f", best.path("sharpe").asDouble()));
        assertThat(d.getElementsByTagName("h1").item(0).getTextContent()).startsWith("weekly-12");
    }

    @Test
    void aStagingFolderIsNamedByItsStampAndSystem() throws Exception {
        Path run = RunFixture.copy(dir);
        Path staging = Files.move(run, dir.resolve(".staging-20260101-000000-8123456"));
        String html = Files.readString(TearSheet.write(staging));
        assertThat(html).contains("Run <code>20260101-000000-spy-analyser</code>").doesNotContain(".staging");
    }

    @Test
    void notARunFolderIsAUserError() {
        assertThatThrownBy(() -> TearSheet.write(dir.resolve("nope"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("run folder not found");
        assertThatThrownBy(() -> TearSheet.write(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is not a run folder");
    }

    @Test
    void writeLeavesReportHtmlInTheFolder() throws Exception {
        Path run = RunFixture.copy(dir);
        Path file = TearSheet.write(run);
        assertThat(file).isEqualTo(run.resolve("report.html"));
        String html = Files.readString(file);
        SvgChartTest.xml(html);
        // self-contained: nothing is fetched from a network (the only http URIs are XML namespace names)
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("url(http")
                .doesNotContain("@import");
    }
}
