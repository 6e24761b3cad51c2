package org.quantlstm.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A split or cash dividend of one instrument, dated by its ex-date in the exchange's local calendar.
 *
 * <p>{@code value} is the cash amount per share (in the quote currency) for a {@link Kind#DIVIDEND} and the
 * split ratio, new shares per old share, for a {@link Kind#SPLIT} (4.0 for a 4-for-1 split, 0.1 for a
 * 1-for-10 reverse split). Prices reported before a split's ex-date are divided by {@code value} to be
 * comparable with later ones; Yahoo's open/high/low/close are already split-adjusted this way, its
 * adjusted close is adjusted for dividends too.
 */
public record CorporateAction(LocalDate exDate, Kind kind, double value) {
    public enum Kind { DIVIDEND, SPLIT }

    public CorporateAction {
        Objects.requireNonNull(exDate, "exDate");
        Objects.requireNonNull(kind, "kind");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(kind + " on " + exDate + " needs a positive finite value: " + value);
        }
    }

    public static CorporateAction dividend(LocalDate exDate, double amountPerShare) {
        return new CorporateAction(exDate, Kind.DIVIDEND, amountPerShare);
    }

    /** A {@code numerator}-for-{@code denominator} split, e.g. (4, 1) for AAPL on 2020-08-31. */
    public static CorporateAction split(LocalDate exDate, double numerator, double denominator) {
        return new CorporateAction(exDate, Kind.SPLIT, numerator / denominator);
    }
}
