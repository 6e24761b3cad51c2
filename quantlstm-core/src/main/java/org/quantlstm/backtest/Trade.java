package org.quantlstm.backtest;

import org.quantlstm.signal.Side;

/**
 * A round trip: from the fill that opens a position (from flat, or the opening part of a flip) to the fill that
 * closes it. Resizing fills in between belong to the same trade.
 *
 * @param asset        instrument name
 * @param side         long or short
 * @param entryBar     bar index of the opening fill
 * @param exitBar      bar index of the closing fill (the last bar if still open)
 * @param entryTime    epoch ms of the entry bar
 * @param exitTime     epoch ms of the exit bar
 * @param entryPrice   fill price of the opening fill
 * @param exitPrice    fill price of the closing fill (the last close if still open)
 * @param size         |target weight| at entry (fraction of equity, 1 = 100 %)
 * @param shares       |shares| after the opening fill
 * @param pnl          net P&amp;L in currency: all cash flows of the trade's fills, costs and borrow fees included
 *                     (plus the position's value at the last close if still open)
 * @param returnPct    pnl / cost basis, the basis being the notional of every fill that opened or enlarged the
 *                     position (for a trade never resized: the entry notional)
 * @param barsHeld     exitBar − entryBar
 * @param costs        costs paid by the trade's fills (a flip's cost is split by notional)
 * @param open         true when the position was still open at the end and is marked at the last close
 * @param borrow       borrow fees paid while the trade was short (0 for longs), currency
 * @param exitReason   why it closed: signal, stop, take-profit, trailing, or end (still open)
 * @param entryOrder   the order type of the opening fill: MARKET, or LIMIT, STOP, STOP_LIMIT ({@link EntryOrders})
 */
public record Trade(String asset, Side side, int entryBar, int exitBar, long entryTime, long exitTime,
                    double entryPrice, double exitPrice, double size, double shares, double pnl, double returnPct,
                    int barsHeld, double costs, boolean open, double borrow, ExitReason exitReason,
                    Bracket.Type entryOrder) {
    /** A trade entered with a market order. */
    public Trade(String asset, Side side, int entryBar, int exitBar, long entryTime, long exitTime,
                 double entryPrice, double exitPrice, double size, double shares, double pnl, double returnPct,
                 int barsHeld, double costs, boolean open, double borrow, ExitReason exitReason) {
        this(asset, side, entryBar, exitBar, entryTime, exitTime, entryPrice, exitPrice, size, shares, pnl, returnPct,
                barsHeld, costs, open, borrow, exitReason, Bracket.Type.MARKET);
    }

    /** A trade without borrow fees, closed by a signal (or {@code end} when open). */
    public Trade(String asset, Side side, int entryBar, int exitBar, long entryTime, long exitTime,
                 double entryPrice, double exitPrice, double size, double shares, double pnl, double returnPct,
                 int barsHeld, double costs, boolean open) {
        this(asset, side, entryBar, exitBar, entryTime, exitTime, entryPrice, exitPrice, size, shares, pnl, returnPct,
                barsHeld, costs, open, 0, open ? ExitReason.END : ExitReason.SIGNAL);
    }
}
