package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.Prices;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;

/**
 * The per-asset table keeps its exact text now that baselines are printed after it: the expected string is what
 * {@code MultiAssetPipeline.table} printed for this same fixed input before the baselines were added (commit
 * cdbadd7, its {@code MultiAssetPipeline.java} compiled against the same backtester and run once).
 */
class PerAssetTableTest {

    private static AssetTuner.Evaluation eval(double[] open, double[] close, double[] targets) {
        Prices p = Prices.of("x", open, close);
        // the engine as it was at that commit: 10 bps, no borrow fee or financing spread, no gross limit in reach
        BacktestResult bt = new Backtester(BacktestConfig.DEFAULT.withFees(FeeModel.commissionOnly(10)).withMaxGross(2))
                .run("lstm_long_short", p, targets);
        return new AssetTuner.Evaluation(null, null, 0, open.length, p.times(), close, new double[open.length],
                new double[open.length], targets, bt, Double.NaN, 1, 0);
    }

    @Test
    void tableTextIsUnchanged() {
        var r1 = new MultiAssetPipeline.AssetResult(Symbol.of("XAUUSD"), Interval.H4, 1560, null, null, List.of(), null,
                eval(new double[] {100, 101, 103, 102, 99, 97, 98}, new double[] {100, 102, 104, 101, 98, 99, 97},
                        new double[] {1, 1, 0, -1, -1, 1, 0}),
                new AssetTuner.Deflation(3, 0.1, "validation", 0.612, 0.123), null);
        var r2 = new MultiAssetPipeline.AssetResult(Symbol.of("SPX"), Interval.D1, 252, null, null, List.of(), null,
                eval(new double[] {50, 51, 52}, new double[] {50.5, 51.5, 52.5}, new double[] {0, 0, 0}),
                new AssetTuner.Deflation(1, Double.NaN, "none", 0.5, 0.5), null);
        String before = ""
                + "Ticker   Bar    Final value          P/L    P/L % Win rate  Avg profit    Avg loss   Max DD    Sigma Trades    PSR    DSR\n"
                + "XAUUSD   4h       100467.09      +467.09   +0.47%    66.7%     +803.31    -1139.53   -2.34%   57.43%      3  0.612  0.123\n"
                + "SPX      1d       100000.00        +0.00   +0.00%      n/a         n/a         n/a    0.00%    0.00%      0  0.500  0.500\n"
                + "AVERAGE           100233.55      +233.55   +0.23%  (equal capital in every asset)\n";
        assertThat(MultiAssetPipeline.table(List.of(r1, r2), 100_000)).isEqualTo(before);
    }
}
