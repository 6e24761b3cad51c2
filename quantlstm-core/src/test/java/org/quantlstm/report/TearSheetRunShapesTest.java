package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The tear sheet of the other run shapes: a multi-asset run ({@link MultiAssetFixture}) and a cross-sectional one. */
class TearSheetRunShapesTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private static Element byId(Document d, String id) throws Exception {
        return (Element) XPathFactory.newInstance().newXPath().evaluate("//*[@id='" + id + "']", d, XPathConstants.NODE);
    }

    private static NodeList all(Document d, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
    }

    private static NodeList bodyRows(Document d, String id) throws Exception {
        return all(d, "//*[@id='" + id + "']/*[local-name()='tbody']/*[local-name()='tr']");
    }

    private static String render(Path run) {
        return TearSheet.render(run, run.getFileName().toString(), AT);
    }

    @Test
    void multiAssetRunShowsThePerAssetTableAsItsMainMetrics() throws Exception {
        Document d = SvgChartTest.xml(render(MultiAssetFixture.write(dir)));
        Element table = byId(d, "asset-table");
        assertThat(table).isNotNull();
        NodeList rows = bodyRows(d, "asset-table");
        assertThat(rows.getLength()).isEqualTo(2);
        String gc = rows.item(0).getTextContent();
        // the run's own numbers: final value, P/L cash and %, win rate, avg profit/loss, max DD, sigma, trades, PSR, DSR
        assertThat(gc).startsWith("GC2025-01-06 .. 2025-01-07").contains("4h").contains("110,408.08")
                .contains("10,408.08").contains("10.41%").contains("75.00%").contains("4,321.50").contains("-1,234.25")
                .contains("-1.23%").contains("41.63%").contains("0.910").contains("0.870");
        // Sharpe computed from equity_GC.csv at GC's own 1560 periods per year (closed form, see the fixture)
        assertThat(gc).contains(String.format(Locale.ROOT, "%.2f", MultiAssetFixture.GC_SHARPE));
        assertThat(((Element) rows.item(0)).getAttribute("class")).isEqualTo("best");
        assertThat(rows.item(1).getTextContent()).startsWith("^SPX").contains("-49.99").contains("-0.05%");
        // the generic strategy table is not used: no "portfolio.hjb_realised" row standing in for a strategy
        assertThat(byId(d, "metrics-table")).isNull();
    }

    @Test
    void portfolioRowsAreASecondTableAndNeverTheBestStrategy() throws Exception {
        Document d = SvgChartTest.xml(render(MultiAssetFixture.write(dir)));
        String pf = byId(d, "portfolio-table").getTextContent();
        // per-period Sharpe 0.1 and volatility 1% annualised by sqrt(252)
        assertThat(pf).contains("hjb (realised)").contains("tangent (realised)")
                .contains(String.format(Locale.ROOT, "%.2f", 0.1 * Math.sqrt(252)))
                .contains(String.format(Locale.ROOT, "%.2f%%", 1.0 * Math.sqrt(252))).contains("50.00%")
                .contains("average (equal weight");
        String cards = all(d, "//*[local-name()='div' and @class='cards']").item(0).getTextContent();
        assertThat(cards).contains("Best asset (by Sharpe)GC").doesNotContain("portfolio").doesNotContain("hjb");
        assertThat(byId(d, "portfolio-weights").getTextContent()).contains("hjb").contains("75.00%")
                .contains("125.00%");
    }

    @Test
    void dataAssetsAreATableNotAJsonBlobAndPeriodsPerYearMoveThere() throws Exception {
        String html = render(MultiAssetFixture.write(dir));
        Document d = SvgChartTest.xml(html);
        NodeList rows = bodyRows(d, "data-assets");
        assertThat(rows.getLength()).isEqualTo(2);
        assertThat(rows.item(0).getTextContent()).isEqualTo("GCbundled4h30972023-05-032025-05-02"
                + MultiAssetFixture.SHA_GC.substring(0, 12) + "\u20261560");
        assertThat(rows.item(1).getTextContent()).startsWith("^SPXbundled1d502").endsWith("252");
        assertThat(html).doesNotContain("{\"symbol\"").doesNotContain("[{").doesNotContain("data.assets</th>")
                .doesNotContain("periods_per_year.GC");
        // the full hash stays available as the cell's tooltip
        assertThat(all(d, "//*[@id='data-assets']//*[local-name()='td' and @title='" + MultiAssetFixture.SHA_SPX + "']").getLength())
                .isEqualTo(1);
    }

    @Test
    void detailChartsUseEachAssetsOwnBarsSoPositionsAreReal() throws Exception {
        Document d = SvgChartTest.xml(render(MultiAssetFixture.write(dir)));
        // s0 = GC (best), s1 = ^SPX: charts from their own files, with real positions
        assertThat(byId(d, "position-s0").getLocalName()).isEqualTo("svg");
        assertThat(byId(d, "position-s1").getLocalName()).isEqualTo("svg");
        assertThat(byId(d, "detail").getTextContent()).contains("From equity_GC.csv: 11 bars at 1560 periods per year")
                .contains("From equity__SPX.csv: 11 bars at 252 periods per year");
        // s2 = the average on the shared daily grid: every position 0, so a note instead of a flat chart
        Element avg = byId(d, "position-s2");
        assertThat(avg.getLocalName()).isEqualTo("div");
        assertThat(avg.getTextContent()).contains("every value in the file is 0");
        // the equity chart has every asset in the legend, and the average
        String eq = byId(d, "equity-linear").getTextContent();
        assertThat(eq).contains("GC").contains("^SPX").contains("average");
    }

    @Test
    void forecastEntriesComeFromThePositionColumnWhenTheRunWroteOne() throws Exception {
        Document d = SvgChartTest.xml(render(MultiAssetFixture.write(dir)));
        NodeList groups = all(d, "//*[@id='forecast-0']//*[local-name()='g' and @class='markers']");
        assertThat(groups.getLength()).isEqualTo(2);
        // one long entry (bar 1) and one short entry (bar 4), though every forecast is above the close
        for (int i = 0; i < 2; i++) {
            Element g = (Element) groups.item(i);
            assertThat(all(d, "//*[@id='forecast-0']//*[local-name()='g' and @class='markers'][" + (i + 1)
                    + "]/*[local-name()='path']").getLength()).as(g.getTextContent()).isEqualTo(1);
        }
    }

    @Test
    void crossSectionalRunShowsIcPerDateImportanceBarsAndTheSurvivorshipWarningFirst() throws Exception {
        Path run = RunFixture.copy(dir);
        Files.writeString(run.resolve("ic.csv"), "date,segment,ic,rank_ic\n2024-01-02,validation,0.10,0.20\n"
                + "2024-01-03,validation,0.30,0.10\n2024-01-04,test,-0.20,-0.10\n2024-01-05,test,0.40,0.30\n"
                + "2024-01-08,test,0.10,0.10\n", StandardCharsets.UTF_8);
        Files.writeString(run.resolve("feature_importance.csv"), "feature,drop_in_ic\nret_5,0.004\nrsi14,-0.002\n"
                + "vol_20,0.010\n", StandardCharsets.UTF_8);
        Files.writeString(run.resolve("data.json"), "{\"symbol\":\"SPY\",\"survivorship_bias\":\"SURVIVORSHIP BIAS: "
                + "current members applied to the past.\"}", StandardCharsets.UTF_8);
        String html = render(run);
        Document d = SvgChartTest.xml(html);
        assertThat(byId(d, "ic-chart")).isNotNull();
        NodeList ic = bodyRows(d, "ic-table");
        // validation: mean 0.2, std sqrt(0.02) = 0.1414, t = 0.2 / (0.1414 / sqrt 2) = 2.00; hit rate 100%
        assertThat(ic.item(0).getTextContent()).isEqualTo("validation20.20000.14142.000.1500100.00%");
        // test: mean 0.1, std 0.3 (ddof 1), t = 0.1 / (0.3 / sqrt 3) = 0.58, mean rank IC 0.1; 2 of 3 positive
        assertThat(ic.item(1).getTextContent()).isEqualTo("test30.10000.30000.580.100066.67%");
        // importance bars sorted from the largest; the negative one drawn red
        NodeList bars = all(d, "//*[@id='feature-importance']//*[local-name()='rect' and @class='bar']");
        assertThat(bars.getLength()).isEqualTo(3);
        assertThat(bars.item(0).getTextContent()).startsWith("vol_20");
        assertThat(bars.item(2).getTextContent()).startsWith("rsi14");
        assertThat(((Element) bars.item(2)).getAttribute("fill")).isEqualTo("#d62728");
        assertThat(((Element) bars.item(0)).getAttribute("fill")).isEqualTo("#1f77b4");
        // the survivorship warning is a box at the top of the summary, before the cards and the metrics
        assertThat(byId(d, "survivorship").getTextContent()).contains("current members applied to the past");
        assertThat(html.indexOf("id=\"survivorship\"")).isLessThan(html.indexOf("class=\"cards\""));
    }

    @Test
    void repeatedPermutationImportanceHasErrorBarsAndTheNoSkillWarning() throws Exception {
        Path run = RunFixture.copy(dir);
        Files.writeString(run.resolve("feature_importance.csv"), "feature,drop_in_ic,std\nret_5,0.004,0.001\n"
                + "rsi14,-0.002,0.003\nvol_20,0.010,0.002\n", StandardCharsets.UTF_8);
        String metrics = Files.readString(run.resolve("metrics.json"), StandardCharsets.UTF_8);
        Files.writeString(run.resolve("metrics.json"), metrics.replaceFirst("\\{", "{\"feature_importance\": "
                + "{\"no_skill_warning\": \"the model shows no significant skill on the validation segment\"}, "),
                StandardCharsets.UTF_8);
        String html = render(run);
        Document d = SvgChartTest.xml(html);
        // one error bar per feature, sorted from the largest mean drop
        NodeList bars = all(d, "//*[@id='feature-importance']//*[@class='errorbar']");
        assertThat(bars.getLength()).isEqualTo(3);
        assertThat(bars.item(0).getTextContent()).startsWith("vol_20: 0.01 [0.01, 0.01]".substring(0, 8));
        assertThat(bars.item(2).getTextContent()).startsWith("rsi14");
        assertThat(byId(d, "no-skill").getTextContent()).contains("no significant skill");
    }
}
