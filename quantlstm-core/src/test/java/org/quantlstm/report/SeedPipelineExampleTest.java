package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.backtest.Prices;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.VolatilityRatio;

/**
 * The caller's path from (prices, predicted returns) to the seed-001 table, files and charts, on the last 504
 * bundled SPY bars with a stand-in forecast (yesterday's return): the code the spy-analyser run wires to the
 * LSTM's forecasts.
 */
class SeedPipelineExampleTest {
    @Test
    void pricesAndForecastsToTableFilesAndCharts(@TempDir Path dir) {
        BarSeries spy = new BundledSource().load(Symbol.of("SPY")).adjusted().last(504);
        double[] close = spy.closes();
        double[] predicted = new double[close.length]; // forecast at close t of the return from t to t+1
        predicted[0] = Double.NaN;
        for (int t = 1; t < close.length; t++) {
            predicted[t] = close[t] / close[t - 1] - 1;
        }

        Prices px = new Prices("SPY", spy.epochMillis(), spy.opens(), spy.closes());
        double[] vol = VolatilityRatio.causalRatio(px.close(), VolatilityRatio.SEED_WINDOW);
        RiskFree rf = RiskFree.treasury("DTB3", px.times(), 252); // or RiskFree.constant(0.04, 252, n - 1)
        Backtester bt = new Backtester(BacktestConfig.DEFAULT.withFill(FillTiming.NEXT_OPEN)
                .withFees(FeeModel.commissionOnly(10).withSlippage(0, 0)), rf.perPeriod()); // cash earns rf; null = earns nothing
        List<BacktestResult> runs = bt.seedSuite(px, predicted, vol, true, List.of(SizingMethod.PROPORTIONAL));
        BacktestResult bh = bt.buyAndHold(px);
        Comparison cmp = Comparison.of(runs, bh, rf, 252);
        String table = cmp.table();
        ResultWriter w = new ResultWriter();
        w.writeJson(dir.resolve("metrics.json"), cmp);
        w.writeTrades(dir.resolve("trades.csv"), runs);
        w.writeEquity(dir.resolve("equity.csv"), Stream.concat(runs.stream(), Stream.of(bh)).toList());
        // the run writes one chart per strategy; the test renders the winner's only, to stay quick
        BacktestResult best = runs.get(cmp.best());
        EquityChart.standard().write(best, bh, "SPY " + best.name(),
                dir.resolve("SPY_" + best.name() + "_20260101_000000.png"));

        assertThat(table).contains("proportional_hybrid_30_70", "*BEST*", "Buy & Hold");
        assertThat(cmp.trials()).isEqualTo(8);
        assertThat(dir.resolve("SPY_" + best.name() + "_20260101_000000.png")).exists();
        assertThat(dir.resolve("metrics.json")).exists();
        assertThat(Files.exists(dir.resolve("trades.csv"))).isTrue();
    }
}
