package org.quantlstm.common;

import java.time.Instant;

/** A closed time range [from, to]; either end may be null for "unbounded". */
public record DateRange(Instant from, Instant to) {
    public DateRange {
        if (from != null && to != null && from.isAfter(to)) {
            throw new UserInputException("date range is empty: " + from + " is after " + to);
        }
    }

    public static DateRange all() {
        return new DateRange(null, null);
    }

    public boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
    }
}
