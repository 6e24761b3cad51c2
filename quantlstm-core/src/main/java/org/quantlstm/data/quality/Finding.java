package org.quantlstm.data.quality;

import java.util.Objects;

/**
 * One finding: which check fired, at which bar (index into the series and its time for people) and what was
 * seen.
 */
public record Finding(QualityCheck check, int index, long epochMillis, String when, String detail) {
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(detail, "detail");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
    }
}
