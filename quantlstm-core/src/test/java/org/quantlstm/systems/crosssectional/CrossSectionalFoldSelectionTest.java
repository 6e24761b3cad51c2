package org.quantlstm.systems.crosssectional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.sets.CrossSectional;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.Retraining;

/**
 * Which pooled windows a walk-forward fold trains on (no training here). The rule: a window may serve a block's
 * model only if its target was realised before the block's first date; the last {@code split.validation} share of
 * the selected dates validate, and training windows are purged against them.
 */
class CrossSectionalFoldSelectionTest {

    /**
     * Hand-built: horizon 2, a block scored from date 16 (so trainTo = 16 − 2 − 1 = 13), validation share 0.25.
     * Stock 0 trades every date; stock 1 misses dates 14 and 15, so its windows on dates 12 and 13 look two days
     * old by decision date but their targets (two of ITS bars later) are realised on dates 16 and 17.
     */
    @Test
    void handBuiltFoldWithAGappedStock() {
        int h = 2;
        int[] grid0 = IntStream.range(0, 20).toArray();
        int[] grid1 = IntStream.concat(IntStream.range(0, 14), IntStream.range(16, 21)).toArray();
        int[] end0 = IntStream.rangeClosed(3, 17).toArray();
        int[] end1 = IntStream.rangeClosed(3, 17).toArray();
        int[] real1 = CrossSectionalPipeline.realisationDates(end1, grid1, h);
        assertThat(real1).containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, Integer.MAX_VALUE);
        List<int[]> decision = List.of(toGrid(end0, grid0), toGrid(end1, grid1));
        List<int[]> realised = List.of(CrossSectionalPipeline.realisationDates(end0, grid0, h), real1);

        Retraining.Fold fold = new Retraining(Retraining.Scheme.EXPANDING, 4, 0).folds(16, 20, h, 0).get(0);
        assertThat(fold).isEqualTo(new Retraining.Fold(16, 20, 0, 13));
        var sel = CrossSectionalPipeline.select(decision, realised, fold, 0.25);

        // stock 0: dates 3..13 selected; stock 1: dates 3..11 (12 and 13 realise on 16 and 17). 11 distinct
        // dates, floor(11 * 0.25) = 2 validate: 12 and 13. Training targets must be realised before 12:
        // date + 2 < 12, so dates 3..9 for both stocks (window indices 0..6).
        assertThat(sel.dates()).isEqualTo(11);
        assertThat(sel.validStart()).isEqualTo(12);
        assertThat(sel.trainFrom()).containsExactly(0, 0);
        assertThat(sel.trainTo()).containsExactly(7, 7);
        assertThat(sel.validFrom()).containsExactly(9, 9);
        assertThat(sel.validTo()).containsExactly(11, 9);
        assertThat(sel.trainWindows()).isEqualTo(14);
        assertThat(sel.validWindows()).isEqualTo(2);
        assertThat(sel.first(sel.trainFrom(), sel.trainTo())).isEqualTo(3);
        assertThat(sel.last(sel.trainFrom(), sel.trainTo())).isEqualTo(9);
        assertThat(sel.last(sel.validFrom(), sel.validTo())).isEqualTo(13);

        // no validation share: everything selected trains, the gap rule still holds
        var all = CrossSectionalPipeline.select(decision, realised, fold, 0.0);
        assertThat(all.validStart()).isEqualTo(16);
        assertThat(all.trainTo()).containsExactly(11, 9);
        assertThat(all.validWindows()).isZero();
    }

    /** Rolling: only decision dates within the window's reach are selected. */
    @Test
    void rollingFoldStartsLater() {
        int[] grid = IntStream.range(0, 40).toArray();
        int[] end = IntStream.rangeClosed(2, 37).toArray();
        List<int[]> decision = List.of(toGrid(end, grid));
        List<int[]> realised = List.of(CrossSectionalPipeline.realisationDates(end, grid, 1));
        // block from 30, window 10: trainFrom 20, trainTo 28
        Retraining.Fold fold = new Retraining(Retraining.Scheme.ROLLING, 5, 10).folds(30, 40, 1, 0).get(0);
        assertThat(fold).isEqualTo(new Retraining.Fold(30, 35, 20, 28));
        var sel = CrossSectionalPipeline.select(decision, realised, fold, 0.0);
        assertThat(sel.first(sel.trainFrom(), sel.trainTo())).isEqualTo(20);
        assertThat(sel.last(sel.trainFrom(), sel.trainTo())).isEqualTo(28);
        assertThat(sel.trainWindows()).isEqualTo(9);
    }

    /**
     * Real bundled stocks on the real date grid: for every expanding and rolling fold, no selected window's target
     * (the stock's own bar {@code horizon} rows later, read from its timestamps) is realised at or after the block's
     * first date, and no training window's target at or after the first validation date. The checker is shown to
     * catch a selection that drops the purge.
     */
    @Test
    void realFoldsNeverSeeATargetRealisedInsideTheirBlock() {
        int h = 5, lookback = 5;
        BundledSource src = new BundledSource();
        List<BarSeries> raws = new ArrayList<>();
        for (String t : List.of("AAPL", "MSFT", "JPM", "PEP", "NKE")) {
            raws.add(src.load(Symbol.of(t)).adjusted());
        }
        BarSeries spy = src.load(Symbol.of("SPY")).adjusted();
        var u = new CrossSectionalPipeline.Universe(raws, spy, "test");
        long[] grid = CrossSectionalPipeline.grid(u, 900);
        int n = grid.length;
        int validStart = (int) Math.floor(n * 0.5), testStart = (int) Math.floor(n * 0.7);
        CrossSectional set = new CrossSectional();
        List<CrossSectionalPipeline.Stock> stocks = new ArrayList<>();
        List<Windows> labelled = new ArrayList<>();
        List<int[]> decision = new ArrayList<>(), realised = new ArrayList<>();
        for (BarSeries raw : raws) {
            var st = CrossSectionalPipeline.Stock.of(raw, spy, grid, set, h, validStart, testStart);
            Windows w = Windowing.build(st.features(), st.target(), lookback, 0, st.gridIndex().length);
            stocks.add(st);
            labelled.add(w);
            decision.add(toGrid(w.endIndex(), st.gridIndex()));
            realised.add(CrossSectionalPipeline.realisationDates(w.endIndex(), st.gridIndex(), h));
        }
        int checked = 0;
        for (Retraining rt : List.of(new Retraining(Retraining.Scheme.EXPANDING, 40, 0),
                new Retraining(Retraining.Scheme.ROLLING, 40, 250))) {
            List<Retraining.Fold> folds = rt.folds(testStart, n, h, 0);
            assertThat(folds).hasSizeGreaterThan(2);
            for (Retraining.Fold fold : folds) {
                var sel = CrossSectionalPipeline.select(decision, realised, fold, 0.2);
                assertThat(sel.trainWindows()).isPositive();
                assertThat(sel.validWindows()).isPositive();
                assertThat(leaks(sel, stocks, labelled, grid, fold, h)).as(rt.describe() + " " + fold).isEmpty();
                // the purge is exact, not wasteful: a stock trading every date supplies a window on trainTo
                assertThat(sel.last(sel.validFrom(), sel.validTo())).isEqualTo(fold.predictFrom() - h - 1);
                checked += sel.trainWindows() + sel.validWindows();

                // a fold without the purge (trainTo = block start - 1): the realisation rule alone still holds
                var unpurged = CrossSectionalPipeline.select(decision, realised,
                        new Retraining.Fold(fold.predictFrom(), fold.predictTo(), fold.trainFrom(),
                                fold.predictFrom() - 1), 0.2);
                assertThat(leaks(unpurged, stocks, labelled, grid, fold, h)).isEmpty();
            }
        }
        assertThat(checked).isGreaterThan(1000);

        // a deliberately wrong selection: every window decided before the block, the last h dates included
        Retraining.Fold fold = new Retraining(Retraining.Scheme.EXPANDING, 40, 0).folds(testStart, n, h, 0).get(1);
        var sel = CrossSectionalPipeline.select(decision, realised, fold, 0.2);
        int[] to = new int[stocks.size()];
        for (int i = 0; i < to.length; i++) {
            int[] d = decision.get(i);
            while (to[i] < d.length && d[to[i]] < fold.predictFrom()) {
                to[i]++;
            }
        }
        var wrong = new CrossSectionalPipeline.FoldSelection(sel.trainFrom(), sel.trainTo(), sel.validFrom(), to,
                sel.validStart(), sel.dates(), decision);
        assertThat(leaks(wrong, stocks, labelled, grid, fold, h)).hasSizeGreaterThanOrEqualTo(h * stocks.size());
        // and a wrong training range: training windows running into the validation dates
        var wrongTrain = new CrossSectionalPipeline.FoldSelection(sel.trainFrom(), sel.validFrom(), sel.validFrom(),
                sel.validTo(), sel.validStart(), sel.dates(), decision);
        assertThat(leaks(wrongTrain, stocks, labelled, grid, fold, h)).isNotEmpty();
    }

    /**
     * Every selected window whose target is realised too late, checked from timestamps: the decision bar's date
     * and the date of the stock's bar h rows later against the block's first date (and, for training windows,
     * the first validation date); also the decision-date rule date + h < block start on the grid.
     */
    private static List<String> leaks(CrossSectionalPipeline.FoldSelection sel,
                                      List<CrossSectionalPipeline.Stock> stocks, List<Windows> labelled, long[] grid,
                                      Retraining.Fold fold, int h) {
        List<String> out = new ArrayList<>();
        long blockStart = grid[fold.predictFrom()];
        long validStart = sel.validStart() < grid.length ? grid[sel.validStart()] : Long.MAX_VALUE;
        for (int i = 0; i < stocks.size(); i++) {
            BarSeries s = stocks.get(i).series();
            int[] end = labelled.get(i).endIndex();
            for (int part = 0; part < 2; part++) {
                int from = part == 0 ? sel.trainFrom()[i] : sel.validFrom()[i];
                int to = part == 0 ? sel.trainTo()[i] : sel.validTo()[i];
                long limit = part == 0 ? Math.min(blockStart, validStart) : blockStart;
                for (int k = from; k < to; k++) {
                    int row = end[k];
                    long decided = s.epochMillis(row);
                    int gridDate = java.util.Arrays.binarySearch(grid, decided);
                    if (row + h >= s.size() || s.epochMillis(row + h) >= limit || gridDate + h >= fold.predictFrom()) {
                        out.add(s.symbol() + " " + CrossSectionalPipeline.day(decided));
                    }
                }
            }
        }
        return out;
    }

    /** A rolling window shorter than the purge leaves a block's model nothing to learn: one line, before training. */
    @Test
    void aRollingWindowInsideThePurgeIsAUserError() {
        ExperimentConfig cfg = ExperimentConfig.parse("""
                name: xs-bad-window
                system: cross-sectional
                seed: 7
                data: {benchmark: SPY, period_days: 900}
                model: {lookback: 5, hidden: 4, layers: 1, epochs: 1, retrain: rolling, retrain_every: 40, retrain_window: 5}
                split: {train: 0.7, validation: 0.2}
                strategy: {horizon: 5, top_k: 2}
                """, "test", Map.of());
        BundledSource src = new BundledSource();
        List<BarSeries> stocks = new ArrayList<>();
        for (String t : List.of("AAPL", "MSFT", "JPM")) {
            stocks.add(src.load(Symbol.of(t)).adjusted());
        }
        var u = new CrossSectionalPipeline.Universe(stocks, src.load(Symbol.of("SPY")).adjusted(), "test");
        StringBuilder printed = new StringBuilder();
        PrintStream out = new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public PrintStream printf(java.util.Locale l, String format, Object... args) {
                printed.append(String.format(l, format, args));
                return this;
            }
        };
        assertThatThrownBy(() -> new CrossSectionalPipeline().compute(cfg, CrossSectionalPipeline.Settings.of(cfg), u,
                TrainingListener.SILENT, out))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("would have only 0 training windows")
                .hasMessageContaining("model.retrain_window")
                .hasMessageNotContaining("\n");
        assertThat(printed.toString()).contains("Pooled windows").doesNotContain("Training pooled");
    }

    private static int[] toGrid(int[] rows, int[] gridIndex) {
        int[] g = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            g[i] = gridIndex[rows[i]];
        }
        return g;
    }
}
