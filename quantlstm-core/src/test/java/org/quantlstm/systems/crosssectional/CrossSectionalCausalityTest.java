package org.quantlstm.systems.crosssectional;

import org.quantlstm.workflow.ExperimentConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.model.TrainingListener;

/**
 * The whole cross-sectional pipeline is causal: with every price after date t changed (stocks and SPY), the
 * predictions, alpha scores, target weights and fills up to t, and the equity up to t, are bit-identical. Tiny
 * universe (five bundled stocks, about 2.5 years) and tiny model (lookback 5, 4 hidden units, 1 epoch).
 */
class CrossSectionalCausalityTest {
    private static final String YAML = """
            name: xs-causality
            system: cross-sectional
            seed: 7
            data: {benchmark: SPY, period_days: 900}
            model: {lookback: 5, hidden: 4, layers: 1, dropout: 0.0, epochs: 1, batch_size: 64, patience: 1}
            split: {train: 0.7, validation: 0.2}
            strategy: {score: zscore, horizon: 5, top_k: 2, entry_threshold: 0.2, exit_threshold: 0.0, review_days: 7, threads: 1}
            backtest: {cost_bps: 10, risk_free: "0.02"}
            """;
    private static final List<String> TICKERS = List.of("AAPL", "MSFT", "JPM", "PEP", "NKE");
    private static CrossSectionalPipeline.Result original;
    private static CrossSectionalPipeline.Result changed;
    private static int cut;

    @BeforeAll
    static void runTwice() {
        ExperimentConfig cfg = ExperimentConfig.parse(YAML, "test", Map.of());
        CrossSectionalPipeline.Settings s = CrossSectionalPipeline.Settings.of(cfg);
        BundledSource src = new BundledSource();
        List<BarSeries> stocks = new ArrayList<>();
        for (String t : TICKERS) {
            stocks.add(src.load(Symbol.of(t)).adjusted());
        }
        BarSeries spy = src.load(Symbol.of("SPY")).adjusted();
        var u = new CrossSectionalPipeline.Universe(stocks, spy, "test");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
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
