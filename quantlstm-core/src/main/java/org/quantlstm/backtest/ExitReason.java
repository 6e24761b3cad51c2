package org.quantlstm.backtest;

/**
 * Why a fill happened, and so why a trade ended: the strategy's own target changed ({@code signal}), a bracket
 * level was hit ({@code stop}, {@code take-profit}, {@code trailing}), or the position was still open at the
 * last bar and is marked there ({@code end}, trades only).
 */
public enum ExitReason {
    SIGNAL("signal"), STOP("stop"), TAKE_PROFIT("take-profit"), TRAILING("trailing"), END("end");

    private final String code;

    ExitReason(String code) {
        this.code = code;
    }

    /** As written in trades.csv. */
    public String code() {
        return code;
    }
}
