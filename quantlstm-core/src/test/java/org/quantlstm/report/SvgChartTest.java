package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {
    private static long day(String d) {
        return LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static Document xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void niceTicksAreOneTwoFiveSteps() {
        assertThat(SvgChart.niceTicks(0, 1, 5)).containsExactly(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0},
                within(1e-12));
        assertThat(SvgChart.niceTicks(0.93, 1.37, 6)).containsExactly(new double[] {0.9, 1.0, 1.1, 1.2, 1.3, 1.4},
                within(1e-12));
        assertThat(SvgChart.niceTicks(-0.23, 0, 5)).containsExactly(new double[] {-0.25, -0.2, -0.15, -0.1, -0.05, 0},
                within(1e-12));
    }

    @Test
    void thinningKeepsEveryExtremeAndTheEnds() {
        double[] y = new double[10_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 50.0);
        }
        y[4321] = 7;
        y[8765] = -9;
        int[] keep = SvgChart.thin(y, 1200);
        assertThat(keep.length).isLessThanOrEqualTo(1200);
        assertThat(keep).contains(0, 4321, 8765, 9999);
        for (int i = 1; i < keep.length; i++) {
            assertThat(keep[i]).isGreaterThan(keep[i - 1]);
        }
        assertThat(SvgChart.thin(new double[] {1, 2, 3}, 1200)).containsExactly(0, 1, 2);
    }

    @Test
    void timeTicksFollowTheCalendar() {
        List<double[]> twoYears = SvgChart.timeTicks(day("2024-05-28"), day("2026-05-26"));
        assertThat(twoYears).extracting(t -> (long) t[0]).containsExactly(day("2024-07-01"), day("2024-10-01"),
                day("2025-01-01"), day("2025-04-01"), day("2025-07-01"), day("2025-10-01"), day("2026-01-01"),
                day("2026-04-01"));
        List<double[]> tenYears = SvgChart.timeTicks(day("2013-02-01"), day("2025-06-30"));
        assertThat(tenYears).extracting(t -> (long) t[0]).containsExactly(day("2014-01-01"), day("2016-01-01"),
                day("2018-01-01"), day("2020-01-01"), day("2022-01-01"), day("2024-01-01"));
    }

    @Test
    void chartIsWellFormedSvgWithDashedPredictionAndMarkers() throws Exception {
        double[] x = {day("2024-01-02"), day("2024-01-03"), day("2024-01-04"), day("2024-01-05")};
        String svg = new SvgChart("f1", "A & B <test>", 600, 300, SvgChart.XAxis.TIME)
                .line("actual", x, new double[] {1, 2, Double.NaN, 3}, "#444", 1.4, false)
                .line("predicted", x, new double[] {1.5, 2.5, 2.8, 2.9}, "#f80", 1.4, true)
                .markers("long entry", x, new double[] {Double.NaN, 2, Double.NaN, Double.NaN}, "#0a0", true)
                .render();
        Document d = xml(svg);
        assertThat(d.getDocumentElement().getAttribute("id")).isEqualTo("f1");
        assertThat(svg).contains("A &amp; B &lt;test&gt;").contains("stroke-dasharray=\"6 4\"");
        // the NaN breaks the actual line into two sub-paths
        String actual = svg.substring(svg.indexOf("<path class=\"series\""), svg.indexOf("<title>actual</title>"));
        assertThat(actual.chars().filter(c -> c == 'M').count()).isEqualTo(2);
        assertThat(svg).contains("<g class=\"markers\" fill=\"#0a0\"><title>long entry</title><path d=\"M");
    }

    @Test
    void logScaleDropsNonPositiveValues() throws Exception {
        double[] x = {1, 2, 3};
        String svg = new SvgChart("g", "log", 600, 300, SvgChart.XAxis.NUMBER).logY()
                .line("a", x, new double[] {0, 1, 10}, "#000", 1, false).render();
        xml(svg);
        String path = svg.substring(svg.indexOf(" d=\"M") + 4);
        assertThat(path.substring(0, path.indexOf('"')).chars().filter(c -> c == 'L').count()).isEqualTo(1);
    }

    @Test
    void logTickLabelsKeepThreeSignificantDigits() {
        assertThat(SvgChart.tickSig(0.005)).isEqualTo("0.005");
        assertThat(SvgChart.tickSig(0.2)).isEqualTo("0.2");
        assertThat(SvgChart.tickSig(150)).isEqualTo("150");
        assertThat(SvgChart.tickSig(1.2000000000000002)).isEqualTo("1.2");
    }

    @Test
    void histogramCountsEveryValue() throws Exception {
        String svg = SvgChart.histogram("h", "hist", new double[] {-0.02, -0.01, 0, 0.01, 0.01, 0.03, Double.NaN}, 5,
                "#00f", true);
        xml(svg);
        int total = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+)</title></rect>").matcher(svg);
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        assertThat(total).isEqualTo(6);
    }
}
