package org.quantlstm.signal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.quantlstm.common.UserInputException;

/**
 * The five position-sizing methods of seed 001, with the seed's own words. {@code d} is the side from the
 * {@link Thresholds} (+1, −1, 0), {@code p} the predicted next-bar return, {@code k} the method's parameter and
 * {@code cap} its cap (see {@link PositionSizer#seed}). Each result is a fraction of equity, negative = short.
 */
public enum SizingMethod {
    /**
     * "Binary (All-In or All-Out): if predicted return &gt; 0.1 %: invest 100 %, otherwise stay in cash (0 %)";
     * with shorts (seed default) a prediction &lt; −0.1 % gives −100 %. Target = d·k, k = 1, band 0.1 %.
     */
    BINARY("binary"),
    /** "Fixed (Conservative): if signal is positive: invest 50 %, otherwise cash". Target = d·k, k = 0.5, band 0. */
    FIXED("fixed"),
    /**
     * "Proportional (Confidence-Based): position size = predicted return strength … 2 % predicted gain = 2 %
     * allocation (capped at 100 %)". Target = clamp(k·p, −cap, cap) when d ≠ 0, with k = 1 (the seed's
     * 2 % → 2 %) and cap = 1; band 0. Taken literally this gives tiny positions for daily forecasts; k is
     * exposed so that sweeps can scale it, but the seed default is k = 1.
     */
    PROPORTIONAL("proportional"),
    /**
     * "Kelly Criterion: uses half-Kelly formula for safety; position = (predicted edge × 2), capped at 50 %".
     * Target = clamp(k·p, −cap, cap) when d ≠ 0 with k = 2, cap = 0.5, band 0. The edge is the predicted
     * return. This is the seed's formula, not the textbook Kelly fraction μ/σ² (which the seed does not use).
     */
    HALF_KELLY("kelly"),
    /**
     * "Volatility-Adjusted (Risk-Aware): position = (median volatility / current volatility) × signal strength".
     * Target = clamp(d·k·ratio, −cap, cap) with k = 1, cap = 1, band 0.1 % (the signal strength is the binary
     * signal d); ratio from {@link VolatilityRatio}, which uses a causal (expanding) median — never the
     * full-sample median, which would read the future. Ratio NaN (warm-up) gives 0.
     */
    VOLATILITY_ADJUSTED("volatility");

    private final String code;

    SizingMethod(String code) {
        this.code = code;
    }

    /** The seed's name for the method, used in tables and file names. */
    public String code() {
        return code;
    }

    /** Parses a code ({@code binary}, {@code fixed}, {@code proportional}, {@code kelly}, {@code volatility}). */
    public static SizingMethod parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (SizingMethod m : values()) {
            if (m.code.equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        throw new UserInputException("unknown sizing method '" + text + "': use one of "
                + Arrays.stream(values()).map(SizingMethod::code).collect(Collectors.joining(", ")));
    }
}
