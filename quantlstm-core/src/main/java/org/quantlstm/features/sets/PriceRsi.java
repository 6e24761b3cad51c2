package org.quantlstm.features.sets;

import java.util.List;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;
import org.quantlstm.features.indicators.Rsi;

/**
 * {@code price-rsi}: the two inputs of the multi-asset 4-hour system (seed 000): {@code close} (adjusted) and
 * {@code rsi_14} (Wilder RSI over 14 bars of the same close). First complete row 14.
 */
public final class PriceRsi implements FeatureSet {
    public static final String NAME = "price-rsi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "multi-asset 4h (seed 000): close and Wilder RSI 14";
    }

    @Override
    public List<String> columns() {
        return List.of("close", "rsi_14");
    }

    @Override
    public FeatureMatrix compute(BarSeries series, BarSeries benchmark) {
        double[] close = series.adjCloses();
        return FeatureMatrix.of(columns(), series.epochMillis(), new double[][] {close, new Rsi(14).compute(close)});
    }
}
