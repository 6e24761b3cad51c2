package org.quantlstm.systems.weekly12;

import org.quantlstm.workflow.ExperimentConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;

/**
 * The weekly-12 pipeline on tiny settings (3 stocks, 2020 onwards, 1 epoch, 14 test weeks): causality of the
 * weekly decisions, and the experiment file.
 */
class Weekly12PipelineTest {
    private static final List<Symbol> TICKERS = List.of(Symbol.of("TSLA"), Symbol.of("NVDA"), Symbol.of("PEP"));

    /** With three stocks a cap of 1/3 would pin every weight at 1/3; a looser cap lets the forecasts matter. */
    private static final double CAP = 0.6;

    private static Weekly12Pipeline.Settings tiny() {
        return Weekly12Pipeline.Settings.of(org.quantlstm.workflow.ExperimentConfig.load("weekly-12", Map.ofEntries(
                Map.entry("data.tickers", "TSLA,NVDA,PEP"), Map.entry("portfolio.history_start", "2020-01-01"),
                Map.entry("portfolio.test_end", "2022-09-30"), Map.entry("model.epochs", "1"),
                Map.entry("model.batch_size", "32"), Map.entry("model.patience", "1"), Map.entry("seed", "7"),
                Map.entry("portfolio.max_weight", String.valueOf(CAP)), Map.entry("portfolio.cores", "2"))));
    }

    @Test
    @Tag("slow")
    void weightsAtWeekTUseOnlyPricesUpToWeekT() {
        BundledSource src = new BundledSource();
        Map<Symbol, BarSeries> weekly = new LinkedHashMap<>();
        for (Symbol t : TICKERS) {
            weekly.put(t, src.load(t, Interval.W1, DateRange.all()).adjusted());
        }
        BarSeries ndx = src.load(Symbol.of("^NDX"), Interval.W1, DateRange.all()).adjusted();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Weekly12Pipeline pipeline = new Weekly12Pipeline();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Weekly12Pipeline.Result base = pipeline.compute(tiny(), weekly, ndx,
                new PrintStream(progress, true, StandardCharsets.UTF_8), true);
        // One progress line per stock, as each model finishes (the task runner's progress, on this thread).
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertThat(lines).contains("2 workers x 1 PyTorch thread", "[ 1/3]", "[ 2/3]", "[ 3/3]", "TSLA", "NVDA", "PEP");
        int decisions = base.times().length - 1;
        assertThat(decisions).isEqualTo(14);

        int k = 6;
        long cut = base.times()[k];
        Map<Symbol, BarSeries> perturbed = new LinkedHashMap<>();
        double[] factor = {1.6, 0.55, 1.3};
        int a = 0;
        for (Symbol t : TICKERS) {
            perturbed.put(t, scaleAfter(weekly.get(t), cut, factor[a++]));
        }
        Weekly12Pipeline.Result moved = pipeline.compute(tiny(), perturbed, scaleAfter(ndx, cut, 0.8), quiet, false);

        for (int t = 0; t <= k; t++) {
            assertThat(moved.weightsAt(t)).as("weights at decision %d", t).isEqualTo(base.weightsAt(t));
            assertThat(moved.predicted()[t]).as("forecasts at decision %d", t).isEqualTo(base.predicted()[t]);
        }
        // The perturbation reaches the pipeline after week k, so the check above can fail.
        assertThat(Arrays.equals(moved.predicted()[k + 1], base.predicted()[k + 1])).isFalse();
        boolean laterDiffer = false;
        for (int t = k + 1; t < decisions; t++) {
            laterDiffer |= !Arrays.equals(moved.weightsAt(t), base.weightsAt(t));
        }
        assertThat(laterDiffer).isTrue();
        // Sanity of the tiny run: fully invested, capped, all three portfolios summarised.
        for (int t = 0; t < decisions; t++) {
            assertThat(Arrays.stream(base.weightsAt(t)).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(Arrays.stream(base.weightsAt(t)).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(CAP + 1e-12);
        }
        assertThat(base.comparison().rows()).hasSize(3);
        assertThat(base.tearSheet()).contains("116.21", "2.944", "-13.1", "DSR (K = 1)");
        // the DSR counts the one configuration tried: K = 1, so DSR = PSR(0); the benchmarks are never trials
        assertThat(base.comparison().trials()).isEqualTo(1);
        assertThat(base.comparison().rows().get(0).dsr()).isCloseTo(base.comparison().rows().get(0).psr(),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(base.comparison().rows().get(1).dsr()).isNaN();
        assertThat(base.comparison().rows().get(2).dsr()).isNaN();
    }

    @Test
    void theBundledExperimentReadsAsThePapersSettings() {
        ExperimentConfig cfg = ExperimentConfig.load("weekly-12", Map.of());
        Weekly12Pipeline.Settings s = Weekly12Pipeline.Settings.of(cfg);
        assertThat(s.tickers()).extracting(Symbol::value).containsExactly("TSLA", "NVDA", "AAPL", "MSFT", "AMZN",
                "SHOP", "NFLX", "NKE", "PEP", "JPM", "UNH", "BA");
        assertThat(s.benchmark().value()).isEqualTo("^NDX");
        assertThat(s.trainEnd()).isEqualTo(LocalDate.parse("2022-06-24"));
        assertThat(s.testEnd()).isEqualTo(LocalDate.parse("2023-06-23"));
        assertThat(s.lookback()).isEqualTo(24);
        assertThat(s.costBps()).isEqualTo(10); // the platform-convention row; the paper's row is frictionless
        assertThat(s.maxGross()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(1e-12)); // 12 x 1/3
        assertThat(s.fees().borrowBps()).isEqualTo(50);
        assertThat(s.capital()).isEqualTo(1e7);
        assertThat(s.riskFree()).isEqualTo("DGS2");
        assertThat(s.maxWeight()).isEqualTo(1.0 / 3);
        assertThat(s.allowShort()).isTrue();
        Weekly12Pipeline.Settings costly = Weekly12Pipeline.Settings.of(ExperimentConfig.load("weekly-12",
                Map.of("backtest.cost_bps", "20", "backtest.max_gross", "1")));
        assertThat(costly.costBps()).isEqualTo(20);
        assertThat(costly.maxGross()).isEqualTo(1.0);
    }

    @Test
    void aMisspeltPortfolioKeyIsRejected() {
        ExperimentConfig cfg = ExperimentConfig.load("weekly-12", Map.of("portfolio.max_wieght", "0.5"));
        assertThatThrownBy(() -> Weekly12Pipeline.Settings.of(cfg)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("portfolio.max_wieght").hasMessageContaining("max_weight");
    }

    /** The series with every price after {@code cut} multiplied by {@code f}. */
    private static BarSeries scaleAfter(BarSeries s, long cut, double f) {
        int n = s.size();
        double[] o = s.opens(), h = s.highs(), l = s.lows(), c = s.closes(), a = s.adjCloses();
        for (int i = 0; i < n; i++) {
            if (s.epochMillis(i) > cut) {
                o[i] *= f;
                h[i] *= f;
                l[i] *= f;
                c[i] *= f;
                a[i] *= f;
            }
        }
        return BarSeries.of(s.symbol(), s.interval(), s.epochMillis(), o, h, l, c, a, s.volumes());
    }
}
