package org.quantlstm.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated market symbol such as {@code SPY}, {@code BRK.B}, {@code GC=F}, {@code ^NDX} or {@code XAUUSD}.
 * Symbols may contain only ASCII letters (checked before they are upper-cased), digits and {@code . _ - = ^}, at most 32
 * characters, so they are safe in file names and SQL literals (no path separators, no control characters,
 * no quotes).
 */
public record Symbol(String value) implements Comparable<Symbol> {
    /** Checked on the text as given, before any case change: Unicode case mappings can turn non-ASCII letters
     * into ASCII ones ({@code ſ} (long s) upper-cases to {@code S}, the Kelvin sign lower-cases to {@code k}). */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._=^-]{1,32}");

    public Symbol {
        if (value == null) {
            throw new UserInputException("symbol is missing");
        }
        String stripped = value.strip();
        if (!VALID.matcher(stripped).matches() || stripped.equals(".") || stripped.equals("..")) {
            throw new UserInputException("invalid symbol '" + Excerpt.of(value)
                    + "': use 1-32 ASCII letters, digits or . _ - = ^ (no spaces, slashes or quotes)");
        }
        value = stripped.toUpperCase(Locale.ROOT);
    }

    public static Symbol of(String value) {
        return new Symbol(value);
    }

    @Override
    public int compareTo(Symbol o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
