package org.quantlstm.features;

import java.util.List;
import org.quantlstm.data.BarSeries;

/**
 * A named, documented, ordered list of features computed from a bar series (and, for relative features, a
 * benchmark series aligned to it by timestamp). Every implementation is strictly causal: row {@code t} uses
 * only bars at or before {@code t} (of the series and of the benchmark).
 */
public interface FeatureSet {
    /** The name used on the command line and in experiment files, e.g. {@code spy-analyser-31}. */
    String name();

    /** One line: what the set is and where it comes from. */
    String description();

    /** The exact ordered output columns. */
    List<String> columns();

    /** Whether {@link #compute} needs a benchmark series. */
    default boolean needsBenchmark() {
        return false;
    }

    /**
     * Computes the features.
     *
     * @param series    the bars (any interval)
     * @param benchmark the benchmark bars, or null when {@link #needsBenchmark()} is false
     */
    FeatureMatrix compute(BarSeries series, BarSeries benchmark);

    default FeatureMatrix compute(BarSeries series) {
        return compute(series, null);
    }
}
