package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.Prices;
import org.quantlstm.backtest.SweepResult;
import org.quantlstm.backtest.VectorizedBacktester;
import org.quantlstm.signal.Hybrid;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.VolatilityRatio;

class OutputsTest {
    static final int N = 300;
    static final Prices PRICES;
    static final double[] FORECAST;

    static {
        Random rnd = new Random(3);
        double[] open = new double[N], close = new double[N];
        long[] t = new long[N];
        double c = 100;
        for (int i = 0; i < N; i++) {
            t[i] = 1_600_000_000_000L + i * 86_400_000L;
            open[i] = c * (1 + 0.002 * rnd.nextGaussian());
            c = open[i] * (1 + 0.01 * rnd.nextGaussian() + 0.0004);
            close[i] = c;
        }
        PRICES = new Prices("SPY", t, open, close);
        FORECAST = new double[N];
        for (int i = 1; i < N; i++) {
            FORECAST[i] = 0.5 * (close[i] / close[i - 1] - 1);
        }
    }

    static List<BacktestResult> seedRuns(Backtester bt) {
        double[] vol = VolatilityRatio.causalRatio(PRICES.close(), VolatilityRatio.SEED_WINDOW);
        List<BacktestResult> runs = new ArrayList<>();
        for (SizingMethod m : SizingMethod.values()) {
            PositionSizer s = PositionSizer.seed(m, true);
            double[] targets = s.targets(FORECAST, vol);
            runs.add(bt.run(m.code(), PRICES, targets));
            for (Hybrid h : Hybrid.seed()) {
                runs.add(bt.hybrid(m.code(), PRICES, targets, h));
            }
        }
        return runs;
    }

    @Test
    void chartIsAValidPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
        Backtester bt = new Backtester(BacktestConfig.DEFAULT);
        BacktestResult r = bt.run("binary", PRICES, PositionSizer.seed(SizingMethod.BINARY, true), FORECAST, null);
        Path png = dir.resolve("SPY_binary_20260101_120000.png");
        new EquityChart(900, 600).write(r, bt.buyAndHold(PRICES), "SPY binary", png);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(900);
        assertThat(img.getHeight()).isEqualTo(600);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(png.getFileName()
                    .toString());
        }
    }

    @Test
    void metricsTradesAndEquityFiles(@TempDir Path dir) throws Exception {
        Backtester bt = new Backtester(BacktestConfig.DEFAULT);
        List<BacktestResult> runs = seedRuns(bt);
        BacktestResult bh = bt.buyAndHold(PRICES);
        Comparison cmp = Comparison.of(runs, bh, RiskFree.zero(N - 1), 252);
        ResultWriter w = new ResultWriter();
        w.writeJson(dir.resolve("metrics.json"), Map.of("comparison", cmp));
        w.writeTrades(dir.resolve("trades.csv"), runs);
        w.writeEquity(dir.resolve("equity.csv"), List.of(runs.get(0), bh));
        JsonNode root = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(root.at("/comparison/rows")).hasSize(20);
        assertThat(root.at("/comparison/rows/0/name").asText()).isEqualTo("binary");
        assertThat(root.at("/comparison/trials").asInt()).isEqualTo(20);
        List<String> trades = Files.readAllLines(dir.resolve("trades.csv"));
        assertThat(trades.get(0)).isEqualTo("strategy,asset,side,entry_time,entry_price,exit_time,exit_price,size,"
                + "shares,pnl,return,bars_held,costs,open,borrow,entry_order,exit_reason");
        assertThat(trades.subList(1, trades.size())).allMatch(l -> l.contains(",market,"));
        assertThat(trades.subList(1, trades.size())).allMatch(l -> l.endsWith(",signal") || l.endsWith(",end"));
        int expected = runs.stream().mapToInt(r -> r.trades().size()).sum();
        assertThat(trades).hasSize(expected + 1);
        List<String> eq = Files.readAllLines(dir.resolve("equity.csv"));
        assertThat(eq).hasSize(N + 1);
        assertThat(eq.get(0)).isEqualTo("time,binary_equity,binary_position,buy_and_hold_equity,buy_and_hold_position");
        assertThat(eq.get(1)).startsWith("2020-09-13T12:26:40Z,100000.0,0.0,100000.0,0.0");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(3); // no temporary files left behind
        }
    }

    @Test
    void comparisonRanksBySharpeAndDeflates() {
        Backtester bt = new Backtester(BacktestConfig.DEFAULT);
        List<BacktestResult> runs = seedRuns(bt);
        Comparison cmp = Comparison.of(runs, bt.buyAndHold(PRICES), RiskFree.zero(N - 1), 252);
        double bestSharpe = cmp.rows().stream().mapToDouble(PerformanceSummary::sharpe).filter(d -> !Double.isNaN(d))
                .max().orElseThrow();
        assertThat(cmp.rows().get(cmp.best()).sharpe()).isEqualTo(bestSharpe);
        for (PerformanceSummary s : cmp.rows()) {
            assertThat(s.dsr()).isLessThanOrEqualTo(s.psr());
        }
        assertThat(cmp.benchmark().beta()).isCloseTo(1.0, within(1e-12));
        String table = cmp.table();
        assertThat(table).contains("binary_hybrid_30_70", "30/70 split", "*BEST*", "Buy & Hold (Benchmark)",
                "K=20");
        assertThat(Comparison.typeOf("kelly")).isEqualTo("Pure");
    }

    @Test
    void sweepStatisticsMatchTheTearSheet() {
        BacktestConfig cfg = BacktestConfig.DEFAULT;
        PositionSizer s = PositionSizer.seed(SizingMethod.FIXED, true);
        SweepResult sw = new VectorizedBacktester(cfg).sweep(PRICES, FORECAST, null, List.of(s), 252);
        BacktestResult r = new Backtester(cfg).run("fixed", PRICES, s, FORECAST, null);
        PerformanceSummary p = PerformanceSummary.of(r, null, RiskFree.zero(N - 1), 252);
        assertThat(sw.sharpe()[0]).isCloseTo(p.sharpe(), within(1e-9));
        assertThat(sw.maxDrawdown()[0]).isCloseTo(p.maxDrawdown(), within(1e-12));
        assertThat(sw.barEvaluations()).isEqualTo(N);
    }

    @Test
    void aHedgedBookWhoseNetIsZeroCountsAsInvested() {
        // 100 % long one asset and 100 % short another from bar 2 on: net exactly 0, gross 100 %
        int n = 5;
        long[] times = {1, 2, 3, 4, 5};
        double[] close = {10, 11, 12, 11, 12}, eq = {100, 100, 101, 102, 101}, zero = new double[n];
        double[] gross = {0, 0, 1, 1, 1};
        BacktestResult hedged = new BacktestResult("hedged", times, close, eq, zero.clone(), gross, zero.clone(),
                zero.clone(), zero.clone(), zero.clone(), List.of(), List.of(), 100);
        PerformanceSummary p = PerformanceSummary.of(hedged, null, RiskFree.zero(n - 1), 252);
        assertThat(p.netMean()).isZero();
        assertThat(p.timeInvested()).isCloseTo(3 / 4.0, within(1e-15));
        assertThat(Metrics.timeInvested(zero)).as("net position alone would say never invested").isZero();
    }

    @Test
    void treasuryRiskFreeIsReadCausally() {
        // FRED DTB3: 2020-02-28 1.25, 03-02 1.10, 03-03 0.93 (percent). Bars on Sun 03-01, 03-02, 03-03, 03-04:
        // period i+1 earns the yield last published on or before bar i (Sunday → Friday's 1.25)
        long day = 86_400_000L, t0 = java.time.LocalDate.parse("2020-03-01").toEpochDay() * day;
        RiskFree rf = RiskFree.treasury("DTB3", new long[] {t0, t0 + day, t0 + 2 * day, t0 + 3 * day}, 252);
        assertThat(rf.perPeriod()).containsExactly(new double[] {Math.pow(1.0125, 1 / 252.0) - 1,
                Math.pow(1.0110, 1 / 252.0) - 1, Math.pow(1.0093, 1 / 252.0) - 1}, within(1e-15));
        assertThat(rf.source()).contains("DTB3");
    }
}
