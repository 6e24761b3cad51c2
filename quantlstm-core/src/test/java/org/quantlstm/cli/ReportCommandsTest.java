package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantlstm report | runs | compare} on copies of a real spy-analyser run folder. */
class ReportCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path copy(String name) throws Exception {
        Path src = Path.of(getClass().getResource("/report/spy-run/metrics.json").toURI()).getParent();
        Path dst = dir.resolve("runs").resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : s.toList()) {
                Files.copy(p, dst.resolve(p.getFileName().toString()));
            }
        }
        return dst;
    }

    @Test
    void reportRunsAndCompare() throws Exception {
        Path a = copy("20260101-090000-spy-analyser");
        Path b = copy("20260102-100000-spy-analyser");
        ObjectNode mb = (ObjectNode) JSON.readTree(b.resolve("metrics.json").toFile());
        ((ObjectNode) mb.path("comparison")).put("best", 0);
        JSON.writeValue(b.resolve("metrics.json").toFile(), mb);
        Files.createDirectories(dir.resolve("runs/.staging-20260103-000000-123"));
        Files.createDirectories(dir.resolve("runs/20260104-000000-broken"));
        Files.writeString(dir.resolve("runs/20260104-000000-broken/metrics.json"), "{not json");

        MainTest.Result report = MainTest.run("report", a.toString());
        assertThat(report.code()).isZero();
        assertThat(report.out().strip()).isEqualTo("wrote " + a.resolve("report.html"));
        assertThat(Files.readString(a.resolve("report.html"))).startsWith("<!DOCTYPE html>");

        JsonNode ma = JSON.readTree(a.resolve("metrics.json").toFile()).path("comparison");
        JsonNode bestA = ma.path("rows").get(ma.path("best").asInt());
        JsonNode bestB = mb.path("comparison").path("rows").get(0);
        MainTest.Result runs = MainTest.run("runs", "--runs-dir", dir.resolve("runs").toString());
        assertThat(runs.code()).isZero();
        String[] lines = runs.out().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[2]).startsWith("20260101-090000-spy-analyser").contains("spy-analyser", "2026-01-01 09:00:00",
                bestA.path("name").asText(), pct(bestA.path("totalReturn").asDouble()),
                String.format(Locale.ROOT, "%.2f", bestA.path("sharpe").asDouble()),
                String.format(Locale.ROOT, "%.3f", bestA.path("dsr").asDouble()));
        assertThat(lines[3]).startsWith("20260102-100000-spy-analyser").contains(bestB.path("name").asText());
        assertThat(lines[4]).startsWith("20260104-000000-broken").contains("(unreadable)").contains("cannot read");
        assertThat(lines[5]).isEqualTo("3 runs");

        Path html = dir.resolve("compare.html");
        MainTest.Result cmp = MainTest.run("compare", a.toString(), b.toString(), "--html", html.toString());
        assertThat(cmp.code()).isZero();
        double d = (bestB.path("totalReturn").asDouble() - bestA.path("totalReturn").asDouble()) * 100;
        assertThat(cmp.out()).containsPattern("total return\\s+" + pct(bestA.path("totalReturn").asDouble())
                .replace("%", "%\\s+").replace(".", "\\.") + ".*" + String.format(Locale.ROOT, "%+.2f pp", d)
                .replace("+", "\\+").replace(".", "\\."));
        assertThat(cmp.out()).contains("wrote " + html);
        assertThat(Files.readString(html)).contains("id=\"compare-equity\"").contains("id=\"compare-table\"");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile()); // well-formed
    }

    @Test
    void missingRunFolderExitsTwoWithOneLine() {
        MainTest.Result r = MainTest.run("report", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: run folder not found: " + dir.resolve("nope"));
        assertThat(MainTest.run("runs", "--runs-dir", dir.resolve("none").toString()).code()).isEqualTo(2);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
