package org.quantlstm.systems.multiasset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.common.DataSplit;
import org.quantlstm.data.BarSeries;
import org.quantlstm.workflow.TinySeries;

/** The multi-asset ridge baseline: causal (no bar after a decision reaches it) and fitted before the test. */
class RidgeBaselineTest {
    private static final AssetTuner.Space TINY = new AssetTuner.Space(6, 10, 4, 8, 1, 1, 0.0, 0.2, 1e-3, 1e-2, 1, 2,
            0.0, 1.0);
    private static final AssetTuner.Params P = new AssetTuner.Params(8, 4, 1, 0, 1e-3, 1, 0.2, 0.3);

    private static AssetTuner tuner() {
        return new AssetTuner(new AssetTuner.Settings(TINY, AssetTuner.Goal.PROFIT_DD, 1.0, 0.8, 0.25,
                BacktestConfig.DEFAULT, true, 32, 7, 1, 1560));
    }

    @Test
    void testPricesNeverReachTheFitAndLaterPricesNeverReachEarlierPositions() {
        BarSeries clean = TinySeries.of("SYN", 300, 1, Integer.MAX_VALUE, 1);
        DataSplit split = tuner().split(clean.size());
        RidgeBaseline.Result a = RidgeBaseline.onTest(tuner(), clean, P);
        // the whole test segment poisoned: the fit (penalty and coefficients) is the same
        RidgeBaseline.Result all = RidgeBaseline.onTest(tuner(), TinySeries.of("SYN", 300, 1, split.validEnd(), 1e3), P);
        assertThat(all.fit().ridge()).isEqualTo(a.fit().ridge());
        // poisoned from a bar inside the test segment: every decision before it is unchanged
        int cut = split.validEnd() + 20;
        RidgeBaseline.Result b = RidgeBaseline.onTest(tuner(), TinySeries.of("SYN", 300, 1, cut, 1e3), P);
        int from = a.test().from();
        int k = cut - from; // decisions at bars from .. cut − 1
        assertThat(Arrays.copyOf(b.test().target(), k)).containsExactly(Arrays.copyOf(a.test().target(), k));
        assertThat(Arrays.copyOf(b.test().predictedReturn(), k))
                .containsExactly(Arrays.copyOf(a.test().predictedReturn(), k));
        // ... and the poison was real: the forecasts after the cut changed
        assertThat(b.test().predictedReturn()[k + 1]).isNotEqualTo(a.test().predictedReturn()[k + 1]);
        assertThat(a.test().from()).isEqualTo(split.validEnd() - 1);
    }

    @Test
    void constantRidgePositionsAreNamed() {
        Baselines.Figures f = new Baselines.Figures("x", 0, 0, 0);
        Baselines.Report r = new Baselines.Report(f, f, f, null, 621, f, Baselines.Held.SHORT, null, "ridge");
        String table = Baselines.table(List.of("XAGUSD"), List.of(r));
        assertThat(table).contains("XAGUSD: the ridge strategy is short on 621 of 621 test bars: this is a constant short")
                .doesNotContain("the LSTM strategy is");
    }

    @Test
    void seedAssetsThatCannotBeTradedAreNamed() {
        String lines = SeedAssets.lines(List.of("XAUUSD", "XAGUSD", "UKOIL", "ZW=F", "^SPX", "BTCUSDT"));
        assertThat(lines).contains("S501! as ^SPX").contains("BRN1! as UKOIL")
                .contains("NOT traded: AOT - Thai stock (Airports of Thailand): not bundled, not traded, nothing stands in");
        assertThat(SeedAssets.lines(List.of("XAUUSD"))).contains("S501! - SET50 index future: not bundled, the S&P 500 "
                + "index (daily) would stand in (^SPX not in this run)");
    }
}
