package org.quantlstm.common;

/**
 * Short, escaped excerpts of untrusted input for error messages. Whatever a user or a provider sends, an
 * excerpt is one line of printable text of bounded length: control characters (ESC, BEL, NUL, CR, LF…),
 * C1 controls, bidi overrides and unpaired surrogates are written as {@code \u001b}-style escapes, and text
 * beyond the limit is cut and marked with {@code …(N more chars)}.
 */
public final class Excerpt {
    /** The default length of an excerpt, in characters of the input. */
    public static final int DEFAULT = 40;

    private Excerpt() {
    }

    /** {@link #of(CharSequence, int)} with {@link #DEFAULT} characters. */
    public static String of(CharSequence s) {
        return of(s, DEFAULT);
    }

    /** At most {@code max} characters of {@code s}, escaped; null becomes {@code "null"}. */
    public static String of(CharSequence s, int max) {
        if (s == null) {
            return "null";
        }
        int n = s.length();
        int keep = Math.min(n, Math.max(0, max));
        StringBuilder b = new StringBuilder(keep + 16);
        for (int i = 0; i < keep; i++) {
            char c = s.charAt(i);
            if (unsafe(c) || (Character.isSurrogate(c) && !pairedAt(s, i))) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
                if (Character.isHighSurrogate(c) && i + 1 < n && i + 1 == keep) {
                    b.setLength(b.length() - 1); // do not split a pair at the cut
                }
            }
        }
        if (n > keep) {
            b.append("…(").append(n - keep).append(" more chars)");
        }
        return b.toString();
    }

    /**
     * A whole message made safe for a terminal: escaped like {@link #of} and cut at {@code max} characters. Used
     * as the last line of defence before an error is printed.
     */
    public static String line(String message, int max) {
        return of(message == null ? "" : message, max);
    }

    private static boolean pairedAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) // C0, DEL, C1 (includes ESC, BEL, NUL, CR, LF, CSI)
                || (c >= '\u202a' && c <= '\u202e') // bidi embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069') // bidi isolates
                || c == '\u2028' || c == '\u2029' || c == '\ufeff' || c == '\u200e' || c == '\u200f';
    }
}
