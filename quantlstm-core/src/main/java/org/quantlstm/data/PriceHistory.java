package org.quantlstm.data;

import java.util.List;
import java.util.Objects;

/**
 * Bars together with the splits and dividends a provider reported for the same range, actions sorted by
 * ex-date. Sources that report no corporate actions return an empty list.
 */
public record PriceHistory(BarSeries bars, List<CorporateAction> actions) {
    public PriceHistory {
        Objects.requireNonNull(bars, "bars");
        actions = List.copyOf(actions);
    }

    public List<CorporateAction> dividends() {
        return actions.stream().filter(a -> a.kind() == CorporateAction.Kind.DIVIDEND).toList();
    }

    public List<CorporateAction> splits() {
        return actions.stream().filter(a -> a.kind() == CorporateAction.Kind.SPLIT).toList();
    }
}
