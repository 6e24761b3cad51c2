package org.quantlstm.backtest;

import java.util.ArrayList;
import java.util.List;
import org.quantlstm.signal.Side;

/**
 * Builds round-trip {@link Trade}s from one asset's fills, in bar order. A trade opens when the position leaves
 * zero, collects every resizing fill, and closes when the position returns to zero; a fill that flips the side
 * closes one trade and opens the next, its cost split between them in proportion to the notional of each part.
 * A position still open after the last fill is marked at the last close and flagged {@code open} (exit reason
 * {@code end}). Borrow fees charged at the start of bars entryBar+1 … exitBar (the periods the position was
 * held short) belong to the trade and are part of its P&amp;L.
 */
final class TradeLog {
    private TradeLog() {
    }

    static List<Trade> build(String asset, List<Fill> fills, long[] times, double[] close) {
        return build(asset, fills, times, close, null);
    }

    /** {@code borrow[bar]}: this asset's borrow fee charged at the start of that bar (null = none). */
    static List<Trade> build(String asset, List<Fill> fills, long[] times, double[] close, double[] borrow) {
        List<Trade> out = new ArrayList<>();
        double pos = 0;
        int entryBar = -1;
        double entryPrice = 0, size = 0, shares = 0, pnl = 0, basis = 0, costs = 0;
        Bracket.Type how = Bracket.Type.MARKET;
        for (Fill f : fills) {
            double before = pos, after = f.sharesAfter(), p = f.price(), d = f.deltaShares(), c = f.cost();
            if (before == 0) {
                entryBar = f.bar();
                how = f.orderType();
                entryPrice = p;
                size = Math.abs(f.targetWeight());
                shares = Math.abs(after);
                pnl = -d * p - c;
                basis = Math.abs(d) * p;
                costs = c;
            } else if (after == 0) {
                pnl += -d * p - c;
                costs += c;
                out.add(trade(asset, before, entryBar, f.bar(), times, entryPrice, p, size, shares, pnl, basis, costs,
                        false, borrow, f.reason(), how));
            } else if ((after > 0) == (before > 0)) {
                pnl += -d * p - c;
                costs += c;
                if (Math.abs(after) > Math.abs(before)) {
                    basis += Math.abs(d) * p;
                }
            } else {
                double closeCost = c * Math.abs(before) / Math.abs(d);
                pnl += before * p - closeCost;
                costs += closeCost;
                out.add(trade(asset, before, entryBar, f.bar(), times, entryPrice, p, size, shares, pnl, basis, costs,
                        false, borrow, f.reason(), how));
                double openCost = c - closeCost;
                entryBar = f.bar();
                how = f.orderType();
                entryPrice = p;
                size = Math.abs(f.targetWeight());
                shares = Math.abs(after);
                pnl = -after * p - openCost;
                basis = Math.abs(after) * p;
                costs = openCost;
            }
            pos = after;
        }
        if (pos != 0) {
            int last = close.length - 1;
            pnl += pos * close[last];
            out.add(trade(asset, pos, entryBar, last, times, entryPrice, close[last], size, shares, pnl, basis, costs,
                    true, borrow, ExitReason.END, how));
        }
        return out;
    }

    private static Trade trade(String asset, double pos, int entryBar, int exitBar, long[] times, double entryPrice,
                               double exitPrice, double size, double shares, double pnl, double basis, double costs,
                               boolean open, double[] borrow, ExitReason reason,
                               Bracket.Type how) {
        double fee = 0;
        if (borrow != null && pos < 0) {
            for (int b = entryBar + 1; b <= exitBar; b++) {
                fee += borrow[b];
            }
        }
        double net = pnl - fee;
        return new Trade(asset, pos > 0 ? Side.LONG : Side.SHORT, entryBar, exitBar, times[entryBar], times[exitBar],
                entryPrice, exitPrice, size, shares, net, basis > 0 ? net / basis : 0, exitBar - entryBar, costs,
                open, fee, reason, how);
    }
}
