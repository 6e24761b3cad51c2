package org.quantlstm.backtest;

/**
 * When a decision taken at bar t's close is filled. The platform's default is the next bar's open
 * ({@link #NEXT_OPEN}); {@link #NEXT_CLOSE} waits for the next close. {@link #SAME_CLOSE} fills at the very close
 * that produced the decision: no one can trade at that price any more, so it is never a platform default; it is
 * named here because some papers use it (the weekly-12 paper's convention), and every place that uses it says so.
 * The single-asset and event engines take {@link FillTiming} (next open or next close only); the weekly portfolio
 * loop takes any of the three.
 */
public interface ExecutionModel {
    /** Fill at the next bar's open (platform default). */
    ExecutionModel NEXT_OPEN = FillTiming.NEXT_OPEN;
    /** Fill at the next bar's close. */
    ExecutionModel NEXT_CLOSE = FillTiming.NEXT_CLOSE;
    /** Fill at the decision's own close: the paper's convention (weekly-12), look-ahead by one bar's trading. */
    ExecutionModel SAME_CLOSE = new Named("same-close (paper's convention)", 0, false);

    /** As printed in conventions. */
    String code();

    /** Bars between the decision and the fill: 0 (same close) or 1 (next bar). */
    int lag();

    /** Whether the fill is at the fill bar's open (else at its close). */
    boolean atOpen();

    /** A named execution model. */
    record Named(String code, int lag, boolean atOpen) implements ExecutionModel {
    }
}
