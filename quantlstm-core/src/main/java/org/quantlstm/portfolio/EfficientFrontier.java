package org.quantlstm.portfolio;

import java.util.List;
import java.util.Optional;

/**
 * The efficient frontier as N portfolios with evenly spaced target returns from the minimum-variance portfolio's
 * return up to the largest attainable one, the minimum-variance portfolio, and — when some portfolio beats the
 * risk-free rate — the tangent (maximum-Sharpe) portfolio and the capital market line through it.
 */
public record EfficientFrontier(List<Allocation> points, Allocation minVariance, Allocation tangentOrNull,
                                CapitalMarketLine cmlOrNull) {
    public EfficientFrontier {
        points = List.copyOf(points);
    }

    public Optional<Allocation> tangent() {
        return Optional.ofNullable(tangentOrNull);
    }

    public Optional<CapitalMarketLine> capitalMarketLine() {
        return Optional.ofNullable(cmlOrNull);
    }
}
