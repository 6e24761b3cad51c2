package org.quantlstm.features;

import java.util.Locale;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.indicators.AsOfAlignment;

/**
 * A target chosen by configuration: its kind and horizon {@code k} (bars). Computed on adjusted closes
 * ({@link BarSeries#adjusted()}), like the feature sets. See {@link Targets} for the exact formulas and the
 * alignment (row {@code t} looks at {@code t+1 .. t+k}; NaN at the end).
 */
public record Target(Kind kind, int horizon) {
    /** The available targets. */
    public enum Kind {
        NEXT_CLOSE, NEXT_LOG_RETURN, K_STEP_RETURN, EXCESS_RETURN, DIRECTION;

        /** Parses {@code next-close}, {@code next_log_return}, ... case-insensitively. */
        public static Kind parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new UserInputException("unknown target '" + text + "': use next-close, next-log-return, "
                        + "k-step-return, excess-return or direction");
            }
        }
    }

    public Target {
        if (kind == null) {
            throw new UserInputException("target kind is missing");
        }
        if (horizon < 1) {
            throw new UserInputException("target horizon must be >= 1, got " + horizon);
        }
        if ((kind == Kind.NEXT_CLOSE || kind == Kind.NEXT_LOG_RETURN) && horizon != 1) {
            throw new UserInputException("target " + kind + " has horizon 1, got " + horizon);
        }
    }

    public boolean needsBenchmark() {
        return kind == Kind.EXCESS_RETURN;
    }

    /** The target column, one value per bar of {@code series}. */
    public double[] compute(BarSeries series, BarSeries benchmark) {
        double[] close = series.adjCloses();
        return switch (kind) {
            case NEXT_CLOSE -> Targets.nextClose(close);
            case NEXT_LOG_RETURN -> Targets.nextLogReturn(close);
            case K_STEP_RETURN -> Targets.kStepReturn(close, horizon);
            case DIRECTION -> Targets.direction(close, horizon);
            case EXCESS_RETURN -> {
                if (benchmark == null) {
                    throw new UserInputException("target excess-return needs a benchmark series");
                }
                double[] b = AsOfAlignment.align(series.epochMillis(), benchmark.epochMillis(), benchmark.adjCloses());
                yield Targets.excessReturn(close, b, horizon);
            }
        };
    }
}
