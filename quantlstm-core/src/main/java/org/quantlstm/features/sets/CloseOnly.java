package org.quantlstm.features.sets;

import java.util.List;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;

/**
 * {@code close-only}: the single input of the weekly 12-stock system (seed 002), {@code adj_close}, the
 * split- and dividend-adjusted close at the series' own interval (weekly bars come from resampling in the data
 * layer). No warm-up: the first complete row is 0.
 */
public final class CloseOnly implements FeatureSet {
    public static final String NAME = "close-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "weekly-12 (seed 002): adjusted close only";
    }

    @Override
    public List<String> columns() {
        return List.of("adj_close");
    }

    @Override
    public FeatureMatrix compute(BarSeries series, BarSeries benchmark) {
        return FeatureMatrix.of(columns(), series.epochMillis(), new double[][] {series.adjCloses()});
    }
}
