package org.quantlstm.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * Collects the bars a network provider returned and checks them as they arrive: strictly increasing
 * timestamps (no duplicates) and finite, positive open/high/low/close/adjusted close with a finite,
 * non-negative volume. A violation is rejected, not repaired, with one line naming the provider and the
 * symbol: a provider that answers out of order has answered something we do not understand.
 *
 * <p>Also holds the labelling convention shared by the network sources: daily bars at midnight UTC of the
 * exchange-local trading date; weekly bars at the Friday of their week and monthly bars at the last
 * weekday (Mon–Fri) of their month, both at midnight UTC, so that a bar is never dated before the last
 * price it contains, however the provider labels it (Yahoo labels by period start, Stooq by last trading
 * day).
 */
final class ProviderBars {
    private final String provider;
    private final Symbol symbol;
    private final BarSeries.Builder builder;
    private long last = Long.MIN_VALUE;

    ProviderBars(String provider, Symbol symbol, Interval interval) {
        this.provider = provider;
        this.symbol = symbol;
        this.builder = BarSeries.builder(symbol, interval);
    }

    void add(long epochMillis, double open, double high, double low, double close, double adjClose, double volume) {
        if (epochMillis <= last) {
            throw new UserInputException(provider + " returned " + (epochMillis == last ? "a duplicate bar" : "bars out of order")
                    + " for " + symbol + " at " + Instant.ofEpochMilli(epochMillis)
                    + (epochMillis == last ? "" : " (after " + Instant.ofEpochMilli(last) + ")"));
        }
        checkPrice("open", open, epochMillis);
        checkPrice("high", high, epochMillis);
        checkPrice("low", low, epochMillis);
        checkPrice("close", close, epochMillis);
        checkPrice("adjusted close", adjClose, epochMillis);
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            throw new UserInputException(provider + " returned volume " + volume + " for " + symbol + " at "
                    + Instant.ofEpochMilli(epochMillis));
        }
        builder.add(epochMillis, open, high, low, close, adjClose, volume);
        last = epochMillis;
    }

    int size() {
        return builder.size();
    }

    /**
     * The bars, through the same {@link BarValidator} as imported files: a bar with high &lt; low, an absurd
     * price or a date outside 1800..2200 is refused here just as it is in {@code data import}. Repairs and
     * warnings (gaps, open outside the range) are not repeated here; {@link CachingSource} reports them.
     */
    BarSeries build() {
        return new BarValidator().validate(provider, builder.build(), new java.util.ArrayList<>());
    }

    private void checkPrice(String what, double v, long t) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new UserInputException(provider + " returned " + what + " " + v + " for " + symbol + " at "
                    + Instant.ofEpochMilli(t) + " (prices must be positive)");
        }
    }

    /** The label date of a bar of {@code interval} that the provider dated {@code date} (see class doc). */
    static LocalDate labelDate(LocalDate date, Interval interval) {
        return switch (interval) {
            case W1 -> date.with(DayOfWeek.FRIDAY);
            case MO1 -> lastWeekday(date.with(TemporalAdjusters.lastDayOfMonth()));
            default -> date;
        };
    }

    static long midnightUtc(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static LocalDate lastWeekday(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.minusDays(2);
            default -> d;
        };
    }
}
