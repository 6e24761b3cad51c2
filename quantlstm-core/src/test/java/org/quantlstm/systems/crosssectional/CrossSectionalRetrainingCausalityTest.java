package org.quantlstm.systems.crosssectional;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.Retraining;

/**
 * Walk-forward retraining keeps the pipeline causal: with {@code model.retrain: expanding} every 40 dates, several
 * pooled models are trained, and with every price after a date inside the test segment changed, the predictions,
 * alpha scores, decisions, fills and equity up to that date are bit-identical. Tiny universe and model, as in
 * {@link CrossSectionalCausalityTest}. The validation share is small (5 %) so that a leak would reach the
 * training windows: with one epoch the validation windows do not move the weights, so a leak confined to them
 * would go unseen here ({@link CrossSectionalFoldSelectionTest} checks every selected window directly).
 */
@Tag("slow")
class CrossSectionalRetrainingCausalityTest {
    private static final String YAML = """
            name: xs-retrain-causality
            system: cross-sectional
            seed: 7
            data: {benchmark: SPY, period_days: 900}
            model: {lookback: 5, hidden: 4, layers: 1, dropout: 0.0, epochs: 1, batch_size: 64, patience: 1%s}
            split: {train: 0.7, validation: 0.05}
            strategy: {score: absolute, horizon: 5, top_k: 2, entry_threshold: -0.5, exit_threshold: -0.9, review_days: 7, threads: 1, null_runs: 2}
            backtest: {cost_bps: 10, risk_free: "0.02"}
            """;
    private static final List<String> TICKERS = List.of("AAPL", "MSFT", "JPM", "PEP", "NKE");
    private static CrossSectionalPipeline.Result once;
    private static CrossSectionalPipeline.Result original;
    private static CrossSectionalPipeline.Result changed;
    private static int cut;

    @BeforeAll
    static void run() {
        ExperimentConfig one = ExperimentConfig.parse(YAML.formatted(""), "test", Map.of());
        ExperimentConfig cfg = ExperimentConfig.parse(YAML.formatted(", retrain: expanding, retrain_every: 40"),
                "test", Map.of());
        assertThat(cfg.model().retrain()).isEqualTo(new Retraining(Retraining.Scheme.EXPANDING, 40, 0));
        CrossSectionalPipeline.Settings s = CrossSectionalPipeline.Settings.of(cfg);
        BundledSource src = new BundledSource();
        List<BarSeries> stocks = new ArrayList<>();
        for (String t : TICKERS) {
            stocks.add(src.load(Symbol.of(t)).adjusted());
        }
        BarSeries spy = src.load(Symbol.of("SPY")).adjusted();
        var u = new CrossSectionalPipeline.Universe(stocks, spy, "test");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        once = new CrossSectionalPipeline().compute(one, s, u, TrainingListener.SILENT, quiet);
        original = new CrossSectionalPipeline().compute(cfg, s, u, TrainingListener.SILENT, quiet);
        cut = original.testStart() + (original.times().length - original.testStart()) / 2;
        long after = original.times()[cut];
        SplittableRandom rng = new SplittableRandom(99);
        List<BarSeries> moved = new ArrayList<>();
        for (BarSeries b : stocks) {
            moved.add(perturbAfter(b, after, rng));
        }
        var u2 = new CrossSectionalPipeline.Universe(moved, perturbAfter(spy, after, rng), "test");
        changed = new CrossSectionalPipeline().compute(cfg, s, u2, TrainingListener.SILENT, quiet);
    }

    /** Every bar strictly after {@code after} scaled by a random factor in [0.7, 1.3] (OHLC alike). */
    private static BarSeries perturbAfter(BarSeries s, long after, SplittableRandom rng) {
        BarSeries.Builder b = BarSeries.builder(s.symbol(), s.interval());
        for (int i = 0; i < s.size(); i++) {
            double k = s.epochMillis(i) > after ? 0.7 + 0.6 * rng.nextDouble() : 1.0;
            b.add(s.epochMillis(i), s.open(i) * k, s.high(i) * k, s.low(i) * k, s.close(i) * k, s.adjClose(i) * k,
                    s.volume(i) * k);
        }
        return b.build();
    }

    @Test
    void severalModelsScoreTheTestBlocks() {
        int n = original.times().length, testStart = original.testStart();
        int blocks = (n - testStart + 39) / 40;
        assertThat(blocks).isGreaterThan(2);
        assertThat(original.folds()).hasSize(blocks);
        assertThat(original.modelsTrained()).isEqualTo(blocks + 1);
        assertThat(once.modelsTrained()).isEqualTo(1);
        assertThat(once.folds()).isEmpty();
        for (int k = 0; k < blocks; k++) {
            var f = original.folds().get(k);
            assertThat(f.predictFrom()).isEqualTo(testStart + 40 * k);
            assertThat(f.predictTo()).isEqualTo(Math.min(n, testStart + 40 * (k + 1)));
            assertThat(f.validLast() + 5).isLessThan(f.predictFrom()); // decision date + horizon < block start
            assertThat(f.trainLast()).isLessThan(f.validFirst());
            if (k > 0) { // expanding: each model sees more windows than the one before
                assertThat(f.trainWindows() + f.validWindows()).isGreaterThan(
                        original.folds().get(k - 1).trainWindows() + original.folds().get(k - 1).validWindows());
            }
        }
        var metrics = CrossSectionalPipeline.retrainingMetrics(original);
        assertThat(metrics).containsEntry("scheme", "expanding").containsEntry("every_bars", 40);
        assertThat((List<?>) metrics.get("folds")).hasSize(blocks);
        assertThat(CrossSectionalPipeline.retrainingMetrics(once)).containsOnlyKeys("scheme", "description")
                .containsEntry("scheme", "none");
        // the cut falls inside a block, with blocks on both sides: later models trained on changed prices
        assertThat(original.folds()).anyMatch(f -> f.predictFrom() > cut);
        assertThat(original.folds()).anyMatch(f -> f.predictTo() <= cut);
    }

    @Test
    void theValidationSegmentIsScoredByTheFirstModelAndTheTestByTheRetrainedOnes() {
        for (int i = 0; i < TICKERS.size(); i++) {
            assertThat(Arrays.copyOfRange(original.predicted()[i], original.validStart(), original.testStart()))
                    .containsExactly(Arrays.copyOfRange(once.predicted()[i], once.validStart(), once.testStart()));
        }
        assertThat(original.baselineValidIc()).isEqualTo(once.baselineValidIc());
        assertThat(original.importance()).containsExactly(once.importance());
        int differ = 0;
        for (int i = 0; i < TICKERS.size(); i++) {
            for (int t = original.testStart(); t < original.times().length; t++) {
                differ += original.predicted()[i][t] != once.predicted()[i][t] ? 1 : 0;
            }
        }
        assertThat(differ).as("retrained models must change the test forecasts").isGreaterThan(0);
    }

    @Test
    void theRunTradesAndLaterPricesReallyChanged() {
        CutChecks.tradesAndLaterPricesReallyChanged(original, changed, TICKERS.size());
    }

    @Test
    void scoresUpToTheCutAreUnchanged() {
        CutChecks.scoresUpToTheCutAreUnchanged(original, changed, cut, TICKERS);
    }

    @Test
    void decisionsFillsAndEquityUpToTheCutAreUnchanged() {
        CutChecks.decisionsFillsAndEquityUpToTheCutAreUnchanged(original, changed, cut);
    }
}
