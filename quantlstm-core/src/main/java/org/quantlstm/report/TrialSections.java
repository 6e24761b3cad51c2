package org.quantlstm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The tear sheet's per-asset tuning section, from the {@code assets} of metrics.json (multi-asset-4h): each asset's
 * PBO over its tuning trials with the histogram of its logits ({@code assets[i].pbo}) and the training loss per
 * epoch of its test model ({@code assets[i].training_loss}, the seed's Figure 4). A run without these keys gets no
 * section.
 */
final class TrialSections {
    private static final String BLUE = "#1f77b4";
    private static final String ORANGE = "#ff7f0e";

    private TrialSections() {
    }

    static void append(StringBuilder b, JsonNode m, List<String[]> nav) {
        JsonNode assets = m.path("assets");
        boolean any = false;
        for (JsonNode a : assets) {
            any |= a.path("pbo").isObject() || a.path("training_loss").isArray();
        }
        if (!assets.isArray() || !any) {
            return;
        }
        nav.add(new String[] {"asset-tuning", "Per-asset tuning"});
        b.append("<section id=\"asset-tuning\"><h2>Per-asset tuning: overfitting and training</h2>\n");
        int i = 0;
        for (JsonNode a : assets) {
            String ticker = a.path("ticker").asText("asset " + (i + 1));
            b.append("<h3>").append(Html.escape(ticker)).append("</h3>\n");
            pbo(b, a.path("pbo"), i);
            loss(b, a.path("training_loss"), ticker, i);
            i++;
        }
        b.append("</section>\n");
    }

    private static void pbo(StringBuilder b, JsonNode p, int i) {
        if (!p.isObject()) {
            return;
        }
        if (!p.path("logits").isArray()) {
            b.append("<p class=\"pbo-trials\">PBO over tuning trials: ")
                    .append(Html.escape(p.path("note").asText("not computed"))).append(".</p>\n");
            return;
        }
        double[] logits = new double[p.path("logits").size()];
        for (int k = 0; k < logits.length; k++) {
            logits[k] = RunArtifacts.num(p.path("logits").get(k));
        }
        double pbo = RunArtifacts.num(p.path("pbo"));
        b.append("<p class=\"pbo-trials\">PBO over <b>").append(p.path("strategies").asInt())
                .append("</b> tuning trials that traded = <b>").append(Html.prob(pbo))
                .append("</b> (CSCV on their validation returns, S = ").append(p.path("blocks").asInt()).append(" blocks, ")
                .append(p.path("splits").asInt()).append(" splits).")
                .append(pbo >= 0.5 ? " Picking the best trial on validation is no better than chance here." : "")
                .append("</p>\n");
        b.append("<div class=\"fig\">").append(SvgChart.histogram("pbo-trials-logits-" + i, "PBO over trials: logits of "
                + "the in-sample best trial's out-of-sample rank (left of 0 = overfit)", logits, 20, BLUE, false))
                .append("</div>\n");
    }

    private static void loss(StringBuilder b, JsonNode l, String ticker, int i) {
        if (!l.isArray() || l.size() == 0) {
            return;
        }
        double[] x = new double[l.size()];
        double[] y = new double[l.size()];
        for (int k = 0; k < y.length; k++) {
            x[k] = k + 1;
            y[k] = RunArtifacts.num(l.get(k));
        }
        b.append("<div class=\"fig\">").append(new SvgChart("training-loss-" + i, ticker + ": training loss per epoch "
                + "of the test model (MSE, standardised target; training_log.csv)", 680, 260, SvgChart.XAxis.NUMBER)
                .line("training loss", x, y, ORANGE, 2, false).dots("training loss", x, y, ORANGE).render())
                .append("</div>\n");
    }
}
