package org.quantlstm.backtest;

import org.quantlstm.signal.RiskLimits;

/**
 * Intrabar fills of stop and limit levels, and the per-position bracket built from them. Allocation-free; both
 * engines call these and nothing else for stops, so they agree.
 *
 * <p><b>Intrabar rules</b> for a bar with open O, high H, low L (the open is the bar's first price; the order
 * of the high and the low inside the bar is unknown):
 * <ul>
 *   <li>A sell stop at S fills at O if O ≤ S (a gap through the level fills at the open, not at the level),
 *       else at S if L ≤ S, else not. A buy stop mirrors it (O ≥ S → O; H ≥ S → S).</li>
 *   <li>A sell limit at T fills at O if O ≥ T (the gap gives the better price), else at T if H ≥ T. A buy limit
 *       mirrors it (O ≤ T → O; L ≤ T → T).</li>
 *   <li>A stop-limit: the stop triggers as above; a trigger at the level fills at the level if that satisfies
 *       the limit; a trigger by a gap fills at the open if the open satisfies the limit, else it does not fill in
 *       this bar.</li>
 *   <li>A trailing stop is a stop whose level trails the best price since entry: for a long, the highest high
 *       of the bars before this one (and the entry price), times (1 − trail); mirrored for a short.</li>
 *   <li><b>Stop before limit:</b> when a bar's range contains both a protective stop and a take-profit limit, the
 *       stop is taken to have come first (the conservative choice), unless the open already gaps through one of
 *       them, in which case that one fills at the open.</li>
 * </ul>
 * A bracket's stop leg is the higher (long) or lower (short) of the fixed stop and the trailing stop; the fill's
 * reason is {@code trailing} when the trailing level is the tighter one, else {@code stop}.
 *
 * <p><b>Entry orders</b> ({@link EntryOrders}, event engine only) use {@link #fill} with the same rules: a buy
 * limit at C·(1 − offset) fills at the open when the bar opens at or below it, else at the level if the low reaches
 * it; a buy stop at C·(1 + offset) fills at the open when the bar gaps above it, else at the level if the high
 * reaches it; a buy stop-limit also refuses any fill above its limit, stop·(1 + limitOffset), so a gap beyond the
 * limit does not fill in that bar. Sells mirror them. Within one bar the position's protective bracket is worked
 * before the entry orders (the bracket protects the position held from the open).
 */
public final class Bracket {
    private Bracket() {
    }

    /** Order types the event engine's intrabar rules know. */
    public enum Type { MARKET, LIMIT, STOP, STOP_LIMIT, TRAILING_STOP }

    /**
     * The fill price of one order in a bar, or NaN if it does not fill. {@code side} +1 buys, −1 sells;
     * {@code level} is the stop (STOP, STOP_LIMIT, TRAILING_STOP: the current trailing level) or the limit
     * (LIMIT); {@code limit} is the stop-limit's limit price. MARKET fills at the open.
     */
    public static double fill(Type type, int side, double level, double limit, double open, double high, double low) {
        return switch (type) {
            case MARKET -> open;
            case LIMIT -> side > 0 ? (open <= level ? open : low <= level ? level : Double.NaN)
                    : (open >= level ? open : high >= level ? level : Double.NaN);
            case STOP, TRAILING_STOP -> stop(side, level, open, high, low);
            case STOP_LIMIT -> {
                double s = stop(side, level, open, high, low);
                if (Double.isNaN(s)) {
                    yield Double.NaN;
                }
                boolean ok = side > 0 ? s <= limit : s >= limit;
                yield ok ? s : Double.NaN;
            }
        };
    }

    private static double stop(int side, double level, double open, double high, double low) {
        return side > 0 ? (open >= level ? open : high >= level ? level : Double.NaN)
                : (open <= level ? open : low <= level ? level : Double.NaN);
    }

    /** The protective stop level of a position of sign {@code pos} (NaN = none). */
    static double stopLevel(int pos, double entry, double peak, RiskLimits l) {
        double s = Double.NaN;
        if (l.stopLoss() > 0) {
            s = entry * (1 - pos * l.stopLoss());
        }
        if (l.trailingStop() > 0) {
            double t = peak * (1 - pos * l.trailingStop());
            if (Double.isNaN(s) || (pos > 0 ? t > s : t < s)) {
                s = t;
            }
        }
        return s;
    }

    /**
     * The exit price of a position of sign {@code pos} in this bar under the bracket, or NaN if it is not hit.
     * {@code peak} is the best price since entry up to the previous bar.
     */
    static double exit(int pos, double entry, double peak, RiskLimits l, double open, double high, double low) {
        double s = stopLevel(pos, entry, peak, l);
        double tp = l.takeProfit() > 0 ? entry * (1 + pos * l.takeProfit()) : Double.NaN;
        boolean hasS = !Double.isNaN(s), hasT = !Double.isNaN(tp);
        if (pos > 0) {
            if (hasS && open <= s || hasT && open >= tp) {
                return open;
            }
            if (hasS && low <= s) {
                return s;
            }
            return hasT && high >= tp ? tp : Double.NaN;
        }
        if (hasS && open >= s || hasT && open <= tp) {
            return open;
        }
        if (hasS && high >= s) {
            return s;
        }
        return hasT && low <= tp ? tp : Double.NaN;
    }

    /** Why {@link #exit} fired at {@code price} (called only when it did). */
    static ExitReason reason(int pos, double entry, double peak, RiskLimits l, double price) {
        double tp = l.takeProfit() > 0 ? entry * (1 + pos * l.takeProfit()) : Double.NaN;
        if (!Double.isNaN(tp) && (pos > 0 ? price >= tp : price <= tp)) {
            return ExitReason.TAKE_PROFIT;
        }
        double fixed = l.stopLoss() > 0 ? entry * (1 - pos * l.stopLoss()) : Double.NaN;
        double trail = l.trailingStop() > 0 ? peak * (1 - pos * l.trailingStop()) : Double.NaN;
        if (Double.isNaN(fixed)) {
            return ExitReason.TRAILING;
        }
        if (!Double.isNaN(trail) && (pos > 0 ? trail > fixed : trail < fixed)) {
            return ExitReason.TRAILING;
        }
        return ExitReason.STOP;
    }
}
