package org.quantlstm.features.sets;

import java.util.List;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;
import org.quantlstm.features.indicators.Atr;
import org.quantlstm.features.indicators.Bollinger;
import org.quantlstm.features.indicators.Ema;
import org.quantlstm.features.indicators.Lag;
import org.quantlstm.features.indicators.Macd;
import org.quantlstm.features.indicators.Momentum;
import org.quantlstm.features.indicators.RateOfChange;
import org.quantlstm.features.indicators.ReturnVolatility;
import org.quantlstm.features.indicators.Rsi;
import org.quantlstm.features.indicators.Sma;
import org.quantlstm.features.indicators.VolumeChange;
import org.quantlstm.features.indicators.VolumeRatio;

/**
 * {@code spy-analyser-31}: the 31 features of the SPY analyser (seed 001), on adjusted OHLC, in this order:
 * <pre>
 *  0 open          1 high          2 low           3 close         4 volume        5 return_1
 *  6 lag_1         7 lag_2         8 lag_3         9 lag_4        10 lag_5
 * 11 sma_7        12 sma_14       13 sma_21       14 ema_12       15 ema_26
 * 16 macd         17 macd_signal  18 macd_hist    19 rsi_14       20 momentum_5   21 momentum_10
 * 22 bb_upper     23 bb_middle    24 bb_lower     25 bb_width     26 bb_pctb      27 atr_14
 * 28 volatility_20               29 volume_change               30 volume_ratio
 * </pre>
 *
 * <p>How the 31 are completed. The seed lists 25 engineered values: lags 1–5 of the close (5), SMA 7/14/21 (3),
 * EMA 12/26 (2), MACD line/signal/histogram (3), RSI 14 (1), momentum 5/10 (2), Bollinger upper, middle,
 * lower, width and %b (5), ATR 14 (1), 20-day volatility of returns (1), volume change (1) and volume ratio
 * (1). It also says the system "retrieves open, high, low, close prices, trading volume and daily price
 * movements", and its data frame keeps those columns when it builds the 31-feature matrix; those six base
 * columns — open, high, low, close, volume and the daily return — are exactly the 6 missing ones
 * (25 + 6 = 31). Daily return and volume change are simple percentage changes (pandas {@code pct_change});
 * momentum is a price difference ({@code diff(n)}); Bollinger uses 20 bars, 2 sample standard deviations;
 * volume ratio is volume over its 20-bar mean. Every column's convention is in its indicator's javadoc.
 * The first complete row is 33 (the MACD signal's warm-up).
 */
public final class SpyAnalyser31 implements FeatureSet {
    public static final String NAME = "spy-analyser-31";
    private static final List<String> COLUMNS = List.of("open", "high", "low", "close", "volume", "return_1",
            "lag_1", "lag_2", "lag_3", "lag_4", "lag_5", "sma_7", "sma_14", "sma_21", "ema_12", "ema_26",
            "macd", "macd_signal", "macd_hist", "rsi_14", "momentum_5", "momentum_10",
            "bb_upper", "bb_middle", "bb_lower", "bb_width", "bb_pctb", "atr_14", "volatility_20",
            "volume_change", "volume_ratio");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SPY analyser (seed 001): OHLCV, daily return, lags 1-5, SMA 7/14/21, EMA 12/26, MACD, RSI 14, "
                + "momentum 5/10, Bollinger 20/2, ATR 14, 20-bar volatility, volume change and ratio";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public FeatureMatrix compute(BarSeries series, BarSeries benchmark) {
        BarSeries s = series.adjusted();
        return compute(s.epochMillis(), s.opens(), s.highs(), s.lows(), s.closes(), s.volumes());
    }

    /** The same features from raw columns (taken over, not copied); used by benchmarks and other sources. */
    public FeatureMatrix compute(long[] times, double[] open, double[] high, double[] low, double[] close,
                                 double[] volume) {
        Cols c = new Cols();
        c.add("open", open).add("high", high).add("low", low).add("close", close).add("volume", volume)
                .add("return_1", new RateOfChange(1).compute(close));
        for (int k = 1; k <= 5; k++) {
            c.add("lag_" + k, new Lag(k).compute(close));
        }
        c.add("sma_7", new Sma(7).compute(close)).add("sma_14", new Sma(14).compute(close))
                .add("sma_21", new Sma(21).compute(close))
                .add("ema_12", new Ema(12).compute(close)).add("ema_26", new Ema(26).compute(close));
        Macd.Result macd = Macd.standard().compute(close);
        c.add("macd", macd.line()).add("macd_signal", macd.signal()).add("macd_hist", macd.histogram())
                .add("rsi_14", new Rsi(14).compute(close))
                .add("momentum_5", new Momentum(5).compute(close)).add("momentum_10", new Momentum(10).compute(close));
        Bollinger.Result bb = Bollinger.standard().compute(close);
        c.add("bb_upper", bb.upper()).add("bb_middle", bb.middle()).add("bb_lower", bb.lower())
                .add("bb_width", bb.width()).add("bb_pctb", bb.percentB())
                .add("atr_14", new Atr(14).compute(high, low, close))
                .add("volatility_20", new ReturnVolatility(20).compute(close))
                .add("volume_change", new VolumeChange().compute(volume))
                .add("volume_ratio", new VolumeRatio(20).compute(volume));
        return FeatureMatrix.of(c.names(), times, c.columns());
    }
}
