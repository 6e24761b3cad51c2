package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.TrialState;
import org.quantlstm.tuning.WorkerId;
import org.junit.jupiter.api.Test;

/** PBO over a hand-made family of trials whose answer is known without the code. */
class TrialPboTest {

    private static FrozenTrial trial(int n, TrialState state) {
        return new FrozenTrial(n, state, state == TrialState.COMPLETE ? 0.1 : Double.NaN, Map.of(), new TreeMap<>(), 0,
                1, 0, new WorkerId("h", 1, 0));
    }

    /** 40 bars of a zig-zag with a drift: every block has positive variance. */
    private static double[] base(int bars) {
        double[] r = new double[bars];
        for (int t = 0; t < bars; t++) {
            r[t] = (t % 2 == 0 ? 0.01 : -0.008) + 0.001 * (t % 3);
        }
        return r;
    }

    private static double[] plus(double[] r, double c) {
        double[] o = r.clone();
        for (int t = 0; t < o.length; t++) {
            o[t] += c;
        }
        return o;
    }

    @Test
    void oneDominantTrialIsNeverOverfit() {
        // trial 1 = trial 0 + 0.002 every bar: same std in every set, higher mean, so higher Sharpe in-sample AND
        // out-of-sample: the in-sample best ranks 2 of 2, omega = 2/3, logit ln 2 > 0 in every split, PBO 0
        double[] b = base(40);
        TrialPbo p = TrialPbo.of(List.of(trial(0, TrialState.COMPLETE), trial(1, TrialState.COMPLETE)),
                Map.of(0, b, 1, plus(b, 0.002)));
        assertThat(p.result()).isNotNull();
        assertThat(p.result().blocks()).isEqualTo(4); // 40 bars / 10 per block
        assertThat(p.result().splits()).isEqualTo(6); // C(4, 2)
        assertThat(p.result().pbo()).isEqualTo(0.0);
        for (double l : p.result().logits()) {
            assertThat(l).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(p.line()).isEqualTo("PBO over 2 trials (CSCV, S=4): 0.000");
    }

    @Test
    void identicalTrialsSitAtTheMedianSoPboIsOne() {
        // all three tie out of sample: average rank 2 of 3, omega 1/2, logit 0, which counts as overfit (<= 0)
        double[] b = base(40);
        TrialPbo p = TrialPbo.of(List.of(trial(0, TrialState.COMPLETE), trial(1, TrialState.COMPLETE),
                trial(2, TrialState.COMPLETE)), Map.of(0, b, 1, b.clone(), 2, b.clone()));
        assertThat(p.result().pbo()).isEqualTo(1.0);
        assertThat(p.result().logits()).containsOnly(0.0);
        assertThat(p.json()).containsEntry("pbo", 1.0).containsEntry("strategies", 3).containsKey("logits");
    }

    @Test
    void prunedAndFlatTrialsAreLeftOutAndTwoAreNeeded() {
        double[] b = base(40);
        TrialPbo p = TrialPbo.of(List.of(trial(0, TrialState.COMPLETE), trial(1, TrialState.PRUNED),
                trial(2, TrialState.COMPLETE)), Map.of(0, b, 1, plus(b, 0.1), 2, new double[40]));
        assertThat(p.result()).isNull();
        assertThat(p.trials()).isEqualTo(1);
        assertThat(p.line()).isEqualTo("PBO over trials: not computed, fewer than 2 trials that traded (1)");
        assertThat(p.json()).containsEntry("strategies", 1).containsKey("note");
        assertThat((Double) p.json().get("pbo")).isNaN();
    }

    @Test
    void fewerThanTwentyBarsAreTooFew() {
        double[] b = base(19);
        TrialPbo p = TrialPbo.of(List.of(trial(0, TrialState.COMPLETE), trial(1, TrialState.COMPLETE)),
                Map.of(0, b, 1, plus(b, 0.001)));
        assertThat(p.result()).isNull();
        assertThat(p.line()).isEqualTo("PBO over trials: not computed, too few bars (19 validation returns, need 20)");
    }
}
