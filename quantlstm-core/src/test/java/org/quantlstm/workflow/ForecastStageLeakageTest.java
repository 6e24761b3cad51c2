package org.quantlstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.features.scale.MinMaxScaler;
import org.junit.jupiter.api.Test;

/**
 * The shared forecast stage fits its scalers on training rows only: perturbing every price after the training
 * cut must leave the scalers and every training window unchanged. A control shows the perturbation is strong
 * enough to move a scaler fitted on all rows, so the check can fail.
 */
class ForecastStageLeakageTest {
    private static final ForecastSpec SPEC = ForecastSpec.from(
            ExperimentConfig.load("spy-analyser", Map.of("data.source", "bundled")), "spy-analyser-31");

    private static BarSeries spy() {
        BarSeries all = new BundledSource().load(Symbol.of("SPY"), Interval.D1, DateRange.all());
        return MarketData.lastCalendarDays(all, 730);
    }

    /** The series with every bar from {@code from} on scaled by {@code factor} (a wild future). */
    private static BarSeries perturbedFrom(BarSeries s, int from, double factor) {
        BarSeries.Builder b = BarSeries.builder(s.symbol(), s.interval());
        for (int i = 0; i < s.size(); i++) {
            double f = i >= from ? factor * (1 + 0.05 * Math.sin(i)) : 1;
            b.add(s.epochMillis(i), s.open(i) * f, s.high(i) * f, s.low(i) * f, s.close(i) * f, s.adjClose(i) * f,
                    s.volume(i) * (i >= from ? 3 : 1));
        }
        return b.build();
    }

    private static float[] window(org.quantlstm.features.Windows w, int i) {
        int size = w.lookback() * w.features();
        return Arrays.copyOfRange(w.x(), i * size, (i + 1) * size);
    }

    @Test
    void scalersAndTrainingWindowsIgnoreEverythingAfterTheTrainingCut() {
        BarSeries s = spy();
        ForecastStage.Prepared base = ForecastStage.prepare(SPEC, s, null);
        BarSeries wild = perturbedFrom(s, base.lastTrainBar() + 2, 1.8);
        ForecastStage.Prepared changed = ForecastStage.prepare(SPEC, wild, base.boundary());

        assertThat(changed.featureScaler()).isEqualTo(base.featureScaler());
        assertThat(changed.targetScaler()).isEqualTo(base.targetScaler());
        for (int i = 0; i < base.validFrom(); i++) {
            assertThat(window(changed.labelled(), i)).as("training window %d", i).isEqualTo(window(base.labelled(), i));
            assertThat(changed.labelled().y()[i]).as("training target %d", i).isEqualTo(base.labelled().y()[i]);
        }
    }

    @Test
    void controlAScalerFittedOnAllRowsDoesSeeThePerturbation() {
        BarSeries s = spy();
        ForecastStage.Prepared base = ForecastStage.prepare(SPEC, s, null);
        BarSeries wild = perturbedFrom(s, base.lastTrainBar() + 2, 1.8);
        ForecastStage.Prepared changed = ForecastStage.prepare(SPEC, wild, base.boundary());
        // the leak the stage must not have: fitting on every row
        MinMaxScaler leakyBase = MinMaxScaler.fit(base.raw(), 0, base.raw().rows());
        MinMaxScaler leakyChanged = MinMaxScaler.fit(changed.raw(), 0, changed.raw().rows());
        assertThat(leakyChanged).isNotEqualTo(leakyBase);
    }

    @Test
    void testWindowsAfterTheCutDoChange() {
        BarSeries s = spy();
        ForecastStage.Prepared base = ForecastStage.prepare(SPEC, s, null);
        BarSeries wild = perturbedFrom(s, base.testStartBar(), 1.8);
        ForecastStage.Prepared changed = ForecastStage.prepare(SPEC, wild, base.boundary());
        int last = base.test().samples() - 1;
        assertThat(Arrays.equals(window(changed.test(), last), window(base.test(), last))).isFalse();
    }
}
