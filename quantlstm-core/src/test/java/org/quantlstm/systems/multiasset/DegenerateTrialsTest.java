package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quantlstm.tuning.Direction;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.InMemoryStorage;
import org.quantlstm.tuning.Objectives;
import org.quantlstm.tuning.RandomSampler;
import org.quantlstm.tuning.Study;

/** Degenerate trials: recognised, marked, and tie-broken by how far they stayed from trading. */
class DegenerateTrialsTest {

    /** An evaluation with forecasts {@code pr}, positions {@code pos}, signal mean 0, std 0.01, thresholds 1.0 / 1.0. */
    private static AssetTuner.Evaluation eval(double[] pr, double[] pos) {
        return eval(pr, pos, 0.0);
    }

    private static AssetTuner.Evaluation eval(double[] pr, double[] pos, double centre) {
        AssetTuner.Params p = new AssetTuner.Params(16, 16, 1, 0.0, 1e-3, 2, 1.0, 1.0);
        int n = pr.length;
        return new AssetTuner.Evaluation(p, null, 0, n, new long[n], new double[n], new double[n], pr, pos, null, 0.0, 0.01, centre);
    }

    @Test
    void constantPositionsAreDegenerateAndTheGapIsMeasuredInSignalStds() {
        // forecasts -0.004..+0.004, mean 0; always flat with thresholds at ±1 sd = ±0.01:
        // the highest forecast stayed 1 - 0.4 = 0.6 sd below the long threshold (shorts: the same on the other side)
        double[] pr = {-0.004, 0.0, 0.004};
        AssetTuner.Evaluation flat = eval(pr, new double[] {0, 0, 0});
        assertThat(DegenerateTrials.reason(flat)).isEqualTo("never trades (always flat)");
        assertThat(DegenerateTrials.gap(flat, true)).isCloseTo(0.6, within(1e-12));
        assertThat(DegenerateTrials.gap(flat, false)).isCloseTo(0.6, within(1e-12));
        assertThat(DegenerateTrials.reason(eval(pr, new double[] {1, 1, 1}))).contains("always long");
        // always short with the training centre at +0.025: the highest forecast (0.004) stayed
        // (0.025 - 0.004)/0.01 - 1 = 1.1 sd below the short threshold
        assertThat(DegenerateTrials.gap(eval(pr, new double[] {-1, -1, -1}, 0.025), true)).isCloseTo(1.1, within(1e-12));
        // always long with the centre at -0.02: the lowest forecast stayed (-0.004 + 0.02)/0.01 - 1 = 0.6 sd above it
        assertThat(DegenerateTrials.gap(eval(pr, new double[] {1, 1, 1}, -0.02), true)).isCloseTo(0.6, within(1e-12));
        assertThat(DegenerateTrials.reason(eval(pr, new double[] {0, 1, 0}))).isNull();
    }

    @Test
    void aDegenerateTrialIsMarkedAndRanksBelowAnEqualTradingOneAndByItsGap() {
        Study s = Study.builder(new InMemoryStorage(), "d").direction(Direction.MAXIMIZE).sampler(new RandomSampler(1)).open();
        double[] pr = {-0.004, 0.0, 0.004};
        s.optimize(t -> {
            t.suggestFloat("x", 0, 1);
            double[] pos = t.number() == 0 ? new double[] {0, 1, 0} : new double[] {0, 0, 0};
            double[] f = t.number() == 2 ? new double[] {-0.001, 0.0, 0.001} : pr;  // trial 2 further from trading
            return DegenerateTrials.apply(t, eval(f, pos), -0.625, AssetTuner.Goal.PROFIT_DD, true);
        }, 3);
        List<FrozenTrial> ts = s.trials();
        assertThat(ts.get(0).value()).isEqualTo(-0.625);
        assertThat(ts.get(0).userAttrs()).isEmpty();
        assertThat(ts.get(1).userAttrs()).isEqualTo(Map.of("degenerate", "never trades (always flat)"));
        assertThat(ts.get(1).value()).isCloseTo(-0.625 - Objectives.DEGENERATE_EPSILON * 1.6, within(1e-12));
        assertThat(ts.get(2).value()).isCloseTo(-0.625 - Objectives.DEGENERATE_EPSILON * 1.9, within(1e-12));
        assertThat(ts.get(0).value()).isGreaterThan(ts.get(1).value());
        assertThat(ts.get(1).value()).isGreaterThan(ts.get(2).value());
        // minimising goals move the other way; RMSE judges forecasts and is left alone
        assertThat(Objectives.degenerate(1.0, Direction.MINIMIZE, 0)).isEqualTo(1.0 + Objectives.DEGENERATE_EPSILON);
    }
}
