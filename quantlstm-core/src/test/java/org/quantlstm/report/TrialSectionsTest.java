package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-asset tuning section draws each asset's PBO over trials and its loss per epoch, or says why not. */
class TrialSectionsTest {

    @Test
    void drawsPboHistogramAndLossChartPerAsset() throws Exception {
        var m = new ObjectMapper().readTree("""
                {"assets": [
                  {"ticker": "XAUUSD", "pbo": {"pbo": 0.5, "strategies": 3, "blocks": 4, "block_size": 10, "splits": 6,
                    "logits": [-0.7, 0.0, 0.7, 0.7, -0.7, 0.0]}, "training_loss": [1.2, 0.9, 0.8]},
                  {"ticker": "XAG<USD", "pbo": {"pbo": "NaN", "strategies": 1,
                    "note": "not computed: fewer than 2 trials that traded (1)"}, "training_loss": [1.1]}]}
                """);
        StringBuilder b = new StringBuilder();
        List<String[]> nav = new ArrayList<>();
        TrialSections.append(b, m, nav);
        String html = b.toString();
        assertThat(nav).extracting(n -> n[0]).containsExactly("asset-tuning");
        assertThat(html).contains("id=\"pbo-trials-logits-0\"", "PBO over <b>3</b> tuning trials", "no better than chance",
                "id=\"training-loss-0\"", "id=\"training-loss-1\"", "XAG&lt;USD",
                "not computed: fewer than 2 trials that traded (1)");
        assertThat(html).doesNotContain("pbo-trials-logits-1", "XAG<USD");
        assertThat(html.split("<circle", -1)).hasSize(1 + 3 + 1 + 2); // one dot per epoch, one legend dot per chart
    }

    @Test
    void aRunWithoutAssetsGetsNoSection() throws Exception {
        StringBuilder b = new StringBuilder();
        List<String[]> nav = new ArrayList<>();
        TrialSections.append(b, new ObjectMapper().readTree("{\"pbo\": {\"pbo\": 0.2}}"), nav);
        assertThat(b).isEmpty();
        assertThat(nav).isEmpty();
    }
}
