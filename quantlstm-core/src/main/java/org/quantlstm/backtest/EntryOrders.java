package org.quantlstm.backtest;

import java.util.Locale;
import org.quantlstm.common.Excerpt;
import org.quantlstm.common.UserInputException;

/**
 * The order type a strategy enters with ({@code signal.entry_order}): {@code market} (default), {@code limit},
 * {@code stop} or {@code stop_limit}. Levels are relative to the decision close C:
 * <ul>
 *   <li>limit: a buy at C·(1 − offset), a sell at C·(1 + offset) (a better price than the close, or no fill);</li>
 *   <li>stop: a buy at C·(1 + offset), a sell at C·(1 − offset) (a breakout: fills only if the price moves that
 *       way);</li>
 *   <li>stop-limit: the stop above, plus a limit moved {@code limitOffset} against the trader from the stop level
 *       (buy: stop·(1 + limitOffset), sell: stop·(1 − limitOffset)); a fill beyond the limit is refused.</li>
 * </ul>
 * <b>Which orders use the type:</b> only an order that opens or increases exposure (from flat, a larger position
 * on the same side, or the new side of a flip). An order that only reduces or closes a position is always a
 * market order, so that a strategy can always get out; a flip is split into a market order that closes the old
 * side and an entry order for the new side. A market order fills at the {@link FillTiming}; an entry order works
 * inside the bars after the decision ({@link Bracket#fill}'s intrabar rules) for {@code expiryBars} bars (1 = a
 * day order), then is cancelled; a newer decision replaces it. The single-asset engine that runs entry orders is
 * {@link EventBacktester}; {@link Backtester} routes to it when the type is not market.
 *
 * @param type        MARKET, LIMIT, STOP or STOP_LIMIT
 * @param offset      distance of the level from the decision close, a fraction in [0, 1)
 * @param limitOffset a stop-limit's limit beyond its stop level, a fraction in [0, 1)
 * @param expiryBars  bars an unfilled entry order stays working, ≥ 1
 */
public record EntryOrders(Bracket.Type type, double offset, double limitOffset, int expiryBars) {
    /** Market orders: today's behaviour. */
    public static final EntryOrders MARKET = new EntryOrders(Bracket.Type.MARKET, 0, 0, 1);

    public EntryOrders {
        if (type == null || type == Bracket.Type.TRAILING_STOP) {
            throw new UserInputException("entry order type must be market, limit, stop or stop_limit, got " + type);
        }
        if (!(offset >= 0 && offset < 1)) {
            throw new UserInputException("entry offset must be in [0, 1): " + offset);
        }
        if (!(limitOffset >= 0 && limitOffset < 1)) {
            throw new UserInputException("entry limit offset must be in [0, 1): " + limitOffset);
        }
        if (expiryBars < 1) {
            throw new UserInputException("entry order expiry must be >= 1 bar: " + expiryBars);
        }
    }

    /** Whether entries are market orders (the vectorized engine's only kind). */
    public boolean market() {
        return type == Bracket.Type.MARKET;
    }

    /** The working level (the stop, or the limit of a LIMIT order) of an entry on {@code side} from close C. */
    public double level(int side, double close) {
        return switch (type) {
            case LIMIT -> close * (1 - side * offset);
            case STOP, STOP_LIMIT -> close * (1 + side * offset);
            default -> close;
        };
    }

    /** A stop-limit's limit price for an entry on {@code side} from close C (NaN for other types). */
    public double limit(int side, double close) {
        return type == Bracket.Type.STOP_LIMIT ? level(side, close) * (1 + side * limitOffset) : Double.NaN;
    }

    /** {@code market}, {@code limit}, {@code stop} or {@code stop_limit}, as in the config key. */
    public String code() {
        return code(type);
    }

    /** The lower-case name of an order type ({@code stop_limit}, {@code trailing_stop}). */
    public static String code(Bracket.Type t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code market|limit|stop|stop_limit} (a hyphen works too). */
    public static Bracket.Type parseType(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Bracket.Type k : Bracket.Type.values()) {
            if (k != Bracket.Type.TRAILING_STOP && code(k).equals(t)) {
                return k;
            }
        }
        throw new UserInputException("unknown entry order '" + Excerpt.of(String.valueOf(text))
                + "': use market, limit, stop or stop_limit");
    }

    /** A one-line description for the console and the conventions. */
    public String describe() {
        if (market()) {
            return "market";
        }
        String s = String.format(Locale.ROOT, "%s entries %.2f%% from the close", code(), offset * 100);
        if (type == Bracket.Type.STOP_LIMIT) {
            s += String.format(Locale.ROOT, ", limit %.2f%% beyond the stop", limitOffset * 100);
        }
        return s + (expiryBars == 1 ? ", day orders" : ", working " + expiryBars + " bars");
    }
}
