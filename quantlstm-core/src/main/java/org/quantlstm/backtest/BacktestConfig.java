package org.quantlstm.backtest;

import java.util.Objects;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.RiskLimits;

/**
 * How a backtest trades: fill timing, the fee model, the per-position bracket, starting capital, the gross
 * exposure limit and the bars' periods per year (for the annual borrow and financing rates). Positions are
 * fractions of equity, compounded: at each fill the position is resized to target × current equity (valued at
 * the fill price, before costs), so gains and losses carry into later sizes. Shorts are negative shares, their
 * sale proceeds are credited to cash; equity = cash + shares × price. Between changes of target nothing is
 * traded, so a constant 50 % target drifts with the price rather than being rebalanced every bar (rebalancing
 * would pay costs each bar for no signal).
 *
 * <p><b>Gross limit.</b> No fill may leave Σ|shares × price| above {@code maxGross} × equity after its costs:
 * targets are clipped to ±maxGross, and the orders of a bar that would take the book above it are scaled down
 * together (see {@link EventBacktester}). A long-only book that obeys the limit at its fills has non-negative cash
 * and so stays at or below it at every close; a losing short's exposure can still drift above the limit between
 * fills, which the reported maximum gross shows.
 *
 * @param fill           next-bar open (default) or next-bar close
 * @param fees           the fee model (default {@link FeeModel#DEFAULT})
 * @param limits         the bracket: stop-loss / take-profit / trailing stop (default none)
 * @param initialCapital starting equity in currency units (default 100,000)
 * @param maxGross       gross exposure limit as a multiple of equity (default 1.0: no leverage)
 * @param periodsPerYear bars per year (default 252) for per-bar borrow and financing
 * @param entry          the order type of entries (default {@link EntryOrders#MARKET}); a non-market type runs only
 *                       on the event engine ({@link Backtester} routes it there, see {@link EntryOrders})
 */
public record BacktestConfig(FillTiming fill, FeeModel fees, RiskLimits limits, double initialCapital,
                             double maxGross, int periodsPerYear, EntryOrders entry) {
    public static final BacktestConfig DEFAULT =
            new BacktestConfig(FillTiming.NEXT_OPEN, FeeModel.DEFAULT, RiskLimits.NONE, 100_000, 1.0, 252);

    public BacktestConfig {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(limits, "limits");
        if (!(initialCapital > 0) || Double.isInfinite(initialCapital)) {
            throw new UserInputException("initial capital must be finite and > 0: " + initialCapital);
        }
        if (!(maxGross > 0) || Double.isInfinite(maxGross)) {
            throw new UserInputException("max gross exposure must be finite and > 0: " + maxGross);
        }
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException("periods per year must be >= 1: " + periodsPerYear);
        }
    }

    /** Market entries. */
    public BacktestConfig(FillTiming fill, FeeModel fees, RiskLimits limits, double initialCapital, double maxGross,
                          int periodsPerYear) {
        this(fill, fees, limits, initialCapital, maxGross, periodsPerYear, EntryOrders.MARKET);
    }

    /** Gross limit 1.0, 252 periods a year. */
    public BacktestConfig(FillTiming fill, FeeModel fees, RiskLimits limits, double initialCapital) {
        this(fill, fees, limits, initialCapital, 1.0, 252);
    }

    public BacktestConfig withFill(FillTiming f) {
        return new BacktestConfig(f, fees, limits, initialCapital, maxGross, periodsPerYear, entry);
    }

    public BacktestConfig withFees(FeeModel f) {
        return new BacktestConfig(fill, f, limits, initialCapital, maxGross, periodsPerYear, entry);
    }

    public BacktestConfig withLimits(RiskLimits l) {
        return new BacktestConfig(fill, fees, l, initialCapital, maxGross, periodsPerYear, entry);
    }

    public BacktestConfig withCapital(double capital) {
        return new BacktestConfig(fill, fees, limits, capital, maxGross, periodsPerYear, entry);
    }

    public BacktestConfig withMaxGross(double gross) {
        return new BacktestConfig(fill, fees, limits, initialCapital, gross, periodsPerYear, entry);
    }

    public BacktestConfig withPeriodsPerYear(int ppy) {
        return new BacktestConfig(fill, fees, limits, initialCapital, maxGross, ppy, entry);
    }

    public BacktestConfig withEntry(EntryOrders e) {
        return new BacktestConfig(fill, fees, limits, initialCapital, maxGross, periodsPerYear, e);
    }
}
