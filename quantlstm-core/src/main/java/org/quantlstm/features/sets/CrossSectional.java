package org.quantlstm.features.sets;

import java.util.List;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;
import org.quantlstm.features.indicators.AsOfAlignment;
import org.quantlstm.features.indicators.Bollinger;
import org.quantlstm.features.indicators.ExcessReturn;
import org.quantlstm.features.indicators.Macd;
import org.quantlstm.features.indicators.RelativeStrength;
import org.quantlstm.features.indicators.ReturnVolatility;
import org.quantlstm.features.indicators.RollingBeta;
import org.quantlstm.features.indicators.Rsi;
import org.quantlstm.features.indicators.SmaGap;
import org.quantlstm.features.indicators.VolumeRatio;

/**
 * {@code cross-sectional}: per-stock features relative to a benchmark (SPY) for the cross-sectional alpha
 * ranking of seed 003, which names relative strength against SPY, volatility, {@code sma100_gap} and
 * {@code rsi14} (its two most important features) and computes RSI, MACD and Bollinger. All features are
 * scale-free, so one model can rank hundreds of stocks. The benchmark's adjusted close is aligned to the
 * stock's bars by an as-of join (last benchmark bar at or before each stock bar). Columns, in order:
 * <pre>
 *  0 excess_ret_1      stock return − SPY return, 1 bar
 *  1 excess_ret_5      the same over 5 bars
 *  2 excess_ret_20     the same over 20 bars
 *  3 excess_ret_60     the same over 60 bars
 *  4 rel_strength_20   (stock growth / SPY growth) − 1 over 20 bars
 *  5 rel_strength_60   the same over 60 bars
 *  6 beta_60           rolling beta of daily returns vs SPY, 60 bars
 *  7 sma100_gap        close / SMA(100) − 1
 *  8 rsi14             Wilder RSI 14
 *  9 volatility_20     sample std of daily returns, 20 bars (not annualised)
 * 10 rel_volatility_20 volatility_20 / SPY's volatility_20
 * 11 volume_ratio_20   volume / 20-bar mean volume
 * 12 bb_pctb_20        Bollinger %b (20 bars, 2 sample std)
 * 13 macd_hist_norm    MACD(12,26,9) histogram / close
 * </pre>
 * The first complete row is 99 (the SMA-100 warm-up) when the stock and SPY share their calendar.
 */
public final class CrossSectional implements FeatureSet {
    public static final String NAME = "cross-sectional";
    private static final List<String> COLUMNS = List.of("excess_ret_1", "excess_ret_5", "excess_ret_20",
            "excess_ret_60", "rel_strength_20", "rel_strength_60", "beta_60", "sma100_gap", "rsi14",
            "volatility_20", "rel_volatility_20", "volume_ratio_20", "bb_pctb_20", "macd_hist_norm");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "cross-sectional alpha (seed 003): returns, strength, beta and volatility relative to SPY, "
                + "sma100_gap, rsi14, volume ratio, Bollinger %b, MACD histogram";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public boolean needsBenchmark() {
        return true;
    }

    @Override
    public FeatureMatrix compute(BarSeries series, BarSeries benchmark) {
        if (benchmark == null) {
            throw new UserInputException("feature set " + NAME + " needs a benchmark series (e.g. SPY)");
        }
        long[] times = series.epochMillis();
        double[] close = series.adjCloses();
        double[] volume = series.volumes();
        double[] bench = AsOfAlignment.align(times, benchmark.epochMillis(), benchmark.adjCloses());
        Cols c = new Cols();
        for (int n : new int[] {1, 5, 20, 60}) {
            c.add("excess_ret_" + n, new ExcessReturn(n).compute(close, bench));
        }
        c.add("rel_strength_20", new RelativeStrength(20).compute(close, bench))
                .add("rel_strength_60", new RelativeStrength(60).compute(close, bench))
                .add("beta_60", new RollingBeta(60).compute(close, bench))
                .add("sma100_gap", new SmaGap(100).compute(close))
                .add("rsi14", new Rsi(14).compute(close));
        double[] vol = new ReturnVolatility(20).compute(close);
        double[] benchVol = new ReturnVolatility(20).compute(bench);
        double[] relVol = new double[vol.length];
        for (int i = 0; i < vol.length; i++) {
            relVol[i] = benchVol[i] == 0 ? Double.NaN : vol[i] / benchVol[i];
        }
        double[] hist = Macd.standard().compute(close).histogram();
        for (int i = 0; i < hist.length; i++) {
            hist[i] /= close[i];
        }
        c.add("volatility_20", vol).add("rel_volatility_20", relVol)
                .add("volume_ratio_20", new VolumeRatio(20).compute(volume))
                .add("bb_pctb_20", Bollinger.standard().compute(close).percentB())
                .add("macd_hist_norm", hist);
        return FeatureMatrix.of(c.names(), times, c.columns());
    }
}
