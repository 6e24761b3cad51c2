package org.quantlstm.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated market symbol such as {@code SPY}, {@code BRK.B}, {@code GC=F}, {@code ^NDX} or {@code XAUUSD}.
 * Symbols are upper-cased and may contain only letters, digits and {@code . _ - = ^}, at most 32
 * characters, so they are safe in file names and SQL literals (no path separators, no control characters,
 * no quotes).
 */
public record Symbol(String value) implements Comparable<Symbol> {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9._=^-]{1,32}");

    public Symbol {
        if (value == null) {
            throw new UserInputException("symbol is missing");
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!VALID.matcher(v).matches() || v.equals(".") || v.equals("..")) {
            throw new UserInputException("invalid symbol '" + printable(value)
                    + "': use 1-32 letters, digits or . _ - = ^ (no spaces, slashes or quotes)");
        }
        value = v;
    }

    public static Symbol of(String value) {
        return new Symbol(value);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
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
