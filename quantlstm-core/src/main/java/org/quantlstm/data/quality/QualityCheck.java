package org.quantlstm.data.quality;

/** The checks, in table order, each with its short name for the table. */
public enum QualityCheck {
    /** The raw close jumps by a split ratio while the adjusted close stays smooth. */
    SPLIT_IN_CLOSE("jump vs adj close"),
    /** The adjusted close itself jumps by a split ratio and stays there: a split recorded nowhere. */
    UNRECORDED_SPLIT("unrecorded split"),
    /** A price about 100 times (or 1/100 of) its neighbour: a unit error (cents for dollars). */
    HUNDRED_X("100x error"),
    /** Several bars in a row with open = high = low = close. */
    STALE_FLAT("stale O=H=L=C"),
    /** Several bars in a row with zero volume in a series that records volume. */
    STALE_VOLUME("zero volume"),
    /** A continuous future switching contract (volume moves to the next month) with a price gap at the open. */
    ROLL_GAP("roll gap"),
    /** More time between two bars than the calendar allows (missing weekdays, intraday holes). */
    CALENDAR_GAP("calendar gap"),
    /** A bar repeating the previous bar's open, high, low, close and volume exactly. */
    DUPLICATE("duplicated bar");

    private final String label;

    QualityCheck(String label) {
        this.label = label;
    }

    /** The name in the table. */
    public String label() {
        return label;
    }
}
