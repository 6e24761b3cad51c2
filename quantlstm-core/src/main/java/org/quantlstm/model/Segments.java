package org.quantlstm.model;

import org.quantlstm.common.DataSplit;
import org.quantlstm.features.Windows;

/**
 * Chronological train / validation / test windows. Never random: later windows are always in later segments.
 * {@code purge} windows are dropped before each boundary so that no training (or validation) target is
 * realised at or after the first decision bar of the next segment (purge = horizon for targets
 * {@code horizon} bars ahead).
 */
public record Segments(Windows train, Windows valid, Windows test) {

    /** The seed-001 default: 70 % train+validation / 30 % test, validation = last 10 % of the first part. */
    public static Segments chronological(Windows w) {
        return split(w, DataSplit.chronological(w.samples(), 0.7, 0.1), 1);
    }

    /** Applies a {@link DataSplit} (over windows) with {@code purge} windows removed before each boundary. */
    public static Segments split(Windows w, DataSplit split, int purge) {
        if (split.n() != w.samples() || purge < 0) {
            throw new IllegalArgumentException("split over " + split.n() + " samples for " + w.samples()
                    + " windows, purge " + purge);
        }
        int trainEnd = Math.max(0, split.trainEnd() - (split.validSize() > 0 ? purge : 0));
        int validEnd = Math.max(split.trainEnd(), split.validEnd() - (split.testSize() > 0 ? purge : 0));
        if (split.validSize() == 0) {
            trainEnd = Math.max(0, split.trainEnd() - (split.testSize() > 0 ? purge : 0));
        }
        return new Segments(w.slice(0, trainEnd), w.slice(split.trainEnd(), validEnd), w.slice(split.validEnd(),
                w.samples()));
    }
}
