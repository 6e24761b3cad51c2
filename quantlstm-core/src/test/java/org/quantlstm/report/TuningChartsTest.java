package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main-effect importances against a hand computation, and well-formed figures. */
class TuningChartsTest {
    @TempDir
    Path dir;

    private CsvTable trials(String rows) throws Exception {
        Path f = dir.resolve("trials.csv");
        Files.writeString(f, "number,state,value,params\n" + rows, StandardCharsets.UTF_8);
        return CsvTable.read(f);
    }

    @Test
    void mainEffectShareMatchesTheHandComputation() throws Exception {
        // a takes 4 values twice each; y = a exactly; b alternates 0/1 independently of y.
        // With 8 trials in ≤ 4 quantile bins of a, the bin means reproduce y: a's share is 1.
        // b: bins {b=0} (y 1,2,3,4 → mean 2.5) and {b=1} (y 1,2,3,4 → mean 2.5): share 0.
        StringBuilder sb = new StringBuilder();
        int[] a = {1, 2, 3, 4, 1, 2, 3, 4};
        for (int i = 0; i < 8; i++) {
            sb.append(String.format(Locale.ROOT, "%d,COMPLETE,%d,\"{\"\"a\"\":%d,\"\"b\"\":%d}\"%n", i, a[i], a[i], i / 4));
        }
        sb.append("8,PRUNED,99,\"{\"\"a\"\":9,\"\"b\"\":0}\"\n");   // pruned trials are left out
        TuningCharts.Trials t = TuningCharts.read(trials(sb.toString()));
        assertThat(t.y()).hasSize(8);
        Map<String, Double> imp = TuningCharts.mainEffects(t);
        assertThat(List.copyOf(imp.keySet())).containsExactly("a", "b");
        assertThat(imp.get("a")).isCloseTo(1.0, within(1e-12));
        assertThat(imp.get("b")).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void figuresAreWellFormedSvgWithCategoriesLabelled() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(String.format(Locale.ROOT, "%d,COMPLETE,%.3f,\"{\"\"lr\"\":%.5f,\"\"opt\"\":\"\"%s\"\",\"\"h\"\":%d}\"%n",
                    i, Math.sin(i) + i * 0.1, 1e-4 * (i + 1), i % 3 == 0 ? "adam" : "sgd", 16 * (1 + i % 4)));
        }
        StringBuilder html = new StringBuilder("<div>");
        assertThat(TuningCharts.append(html, trials(sb.toString()), "GC", false, 3)).isTrue();
        html.append("</div>");
        org.w3c.dom.Document d = SvgChartTest.xml("<html><body>" + html + "</body></html>");
        assertThat(d.getElementsByTagName("svg").getLength()).isEqualTo(1 + 3 + 1 + 1);
        assertThat(html.toString()).contains("id=\"parcoords-3\"").contains("id=\"contour-3\"").contains(">adam<")
                .contains("not Optuna's random-forest fANOVA");
        assertThat(TuningCharts.append(new StringBuilder(), trials("0,COMPLETE,1,\"{\"\"a\"\":1}\"\n"), "", true, 0)).isFalse();
    }
}
