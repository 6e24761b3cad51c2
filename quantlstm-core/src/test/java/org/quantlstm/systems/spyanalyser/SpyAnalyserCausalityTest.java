package org.quantlstm.systems.spyanalyser;

import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.MarketData;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.model.TrainingListener;

/**
 * The whole spy-analyser computation (features, scaling, LSTM training, forecasts, sizing, backtest) run on prices
 * truncated at bar t gives the same forecasts and positions up to t as the run on the full history: nothing at or
 * before t depends on a later price. The split is pinned to the full run's dates, as a live user retraining on
 * the same dates would.
 */
@Tag("slow")
class SpyAnalyserCausalityTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void truncatingLaterPricesLeavesEarlierForecastsAndPositionsUnchanged() {
        check(Map.of("model.epochs", "2", "data.period_days", "420", "model.lookback", "20", "data.source", "bundled"));
    }

    /** The same with walk-forward retraining every 30 test bars and GRU cells: every block's model is causal too. */
    @Test
    void walkForwardRetrainingIsCausalToo() {
        check(Map.of("model.epochs", "1", "data.period_days", "420", "model.lookback", "20", "data.source", "bundled",
                "model.retrain", "expanding", "model.retrain_every", "30", "model.cell", "gru"));
    }

    private static void check(Map<String, String> overrides) {
        ExperimentConfig cfg = ExperimentConfig.load("spy-analyser", overrides);
        BarSeries all = new BundledSource().load(Symbol.of("SPY"), Interval.D1, DateRange.all());
        BarSeries series = MarketData.lastCalendarDays(all, cfg.data().periodDays());
        SpyAnalyserPipeline p = new SpyAnalyserPipeline();
        SpyAnalyserPipeline.Result full = p.compute(cfg, series, null, TrainingListener.SILENT, QUIET, null);

        int testBars = full.times().length;
        int cut = series.size() - testBars / 2;                 // keep half of the test segment
        BarSeries truncated = series.slice(0, cut);
        SpyAnalyserPipeline.Result part = p.compute(cfg, truncated, full.boundary(), TrainingListener.SILENT, QUIET, null);

        int m = part.times().length;
        assertThat(m).isGreaterThan(10).isLessThan(testBars);
        assertThat(part.times()).isEqualTo(Arrays.copyOf(full.times(), m));
        // the last truncated bar has no next close in either... its forecast exists in both and must agree too
        assertThat(part.predictedReturn()).isEqualTo(Arrays.copyOf(full.predictedReturn(), m));
        assertThat(part.positions().keySet()).containsExactlyElementsOf(full.positions().keySet());
        for (String strategy : full.positions().keySet()) {
            assertThat(part.positions().get(strategy)).as(strategy)
                    .isEqualTo(Arrays.copyOf(full.positions().get(strategy), m));
        }
        // and the full run does use its extra bars: later positions exist and are not all flat
        assertThat(Arrays.stream(full.positions().get("binary"), m, testBars).anyMatch(x -> x != 0)).isTrue();
    }
}
