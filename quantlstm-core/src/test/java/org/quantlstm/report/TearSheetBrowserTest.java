package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tear sheet of a real spy-analyser run opened in headless Chromium: no console output at all (no errors, no
 * uncaught exceptions), the page's script ran ({@code data-ready="1"}), every chart and table is in the DOM, and a
 * full-page screenshot is saved to {@code target/report-screenshot.png}. Skipped, with the reason, only when no
 * Chromium is installed ({@code .ci/run} installs Debian's {@code chromium}).
 * Tagged slow: two browser launches take several seconds on a busy machine (it still runs in CI).
 */
@Tag("slow")
class TearSheetBrowserTest {
    private static final List<String> IDS = List.of("summary", "manifest", "metrics-table", "equity-linear",
            "equity-log", "log-toggle", "strategy-pick", "underwater-s0", "position-s0", "rolling-sharpe-s0",
            "rolling-vol-s0", "returns-hist-s0", "trades-hist-s0", "monthly-s0", "forecast-0",
            "forecast-metrics-forecast", "training-loss", "trades-table", "trade-pick", "files");

    private static final String SKIP = "SKIPPED: no chromium on the PATH (or $CHROMIUM): install Debian's chromium "
            + "(.ci/run does) to check the HTML report in a real browser";

    private HeadlessChromium chromium;

    @TempDir
    Path dir;

    @BeforeEach
    void findBrowser() {
        Optional<HeadlessChromium> c = HeadlessChromium.find();
        if (c.isEmpty()) {
            System.err.println("TearSheetBrowserTest " + SKIP);
        }
        Assumptions.assumeTrue(c.isPresent(), SKIP);
        chromium = c.get();
    }

    @Test
    void realRunReportRendersWithoutConsoleErrorsAndWithEveryChart() throws Exception {
        Path run = RunFixture.copy(dir);
        Path html = TearSheet.write(run);
        String source = Files.readString(html, StandardCharsets.UTF_8);
        SvgChartTest.xml(source); // well-formed (XHTML-compatible HTML5)

        HeadlessChromium.Result dom = chromium.dumpDom(html, dir);
        assertThat(dom.exitCode()).isZero();
        assertThat(dom.console()).as("browser console output").isEmpty();
        String after = dom.stdout();
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(after);
        assertThat(body.find()).isTrue();
        long charts = Pattern.compile("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"").matcher(source)
                .results().count();
        assertThat(body.group(1)).contains("data-ready=\"1\"").contains("data-charts=\"" + charts + "\"")
                .doesNotContain("data-errors");
        for (String id : IDS) {
            assertThat(after).as("element #" + id).contains("id=\"" + id + "\"");
        }
        // the script showed the best strategy's detail only and the linear equity chart only
        assertThat(after).contains("<div class=\"detail\" data-strategy=\"0\">")
                .contains("<div class=\"detail\" data-strategy=\"1\" style=\"display: none;\">");

        assertThat(after).contains("<div class=\"fig alt\" style=\"display: none;\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "class=\"chart\" id=\"equity-log\"");
        // report.html#log opens with the log-scale chart shown and the linear one hidden
        HeadlessChromium.Result log = chromium.dumpDom(html, "#log", dir);
        assertThat(log.console()).isEmpty();
        assertThat(log.stdout()).contains("<div class=\"fig\" style=\"display: none;\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "class=\"chart\" id=\"equity-linear\"").contains("<div class=\"fig alt\"><svg");

        Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        HeadlessChromium.Result shot = chromium.screenshot(html, png, 1400, 4000, dir);
        assertThat(shot.exitCode()).isZero();
        assertThat(shot.console()).isEmpty();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        assertThat(img.getHeight()).isEqualTo(4000);
        assertThat(distinctColours(img)).as("a rendered page, not a blank one").isGreaterThan(50);
    }

    @Test
    void multiAssetReportRendersWithoutConsoleErrors() throws Exception {
        Path html = TearSheet.write(MultiAssetFixture.write(dir));
        HeadlessChromium.Result dom = chromium.dumpDom(html, dir);
        assertThat(dom.exitCode()).isZero();
        assertThat(dom.console()).as("browser console output").isEmpty();
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom.stdout());
        assertThat(body.find()).isTrue();
        assertThat(body.group(1)).contains("data-ready=\"1\"").doesNotContain("data-errors");
        assertThat(dom.stdout()).contains("id=\"asset-table\"").contains("id=\"portfolio-table\"").contains("id=\"data-assets\"")
                .contains("<div class=\"detail\" data-strategy=\"1\" style=\"display: none;\">");
    }

    @Test
    void theConsoleCheckCatchesErrors() throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('bad'); missingFunction();"
                + "</script></body></html>", StandardCharsets.UTF_8);
        HeadlessChromium.Result r = chromium.dumpDom(page, dir);
        assertThat(r.console()).anyMatch(l -> l.contains("bad")).anyMatch(l -> l.contains("missingFunction"));
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
