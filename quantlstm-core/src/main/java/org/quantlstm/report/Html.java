package org.quantlstm.report;

import java.util.Locale;

/**
 * Escaping and number formatting for the HTML reports. Numbers are written for people: fractions as percent with
 * two decimals ({@code 0.1234 → "12.34%"}), ratios with two decimals, a dash for undefined (NaN) values. Output
 * is XML-safe (no named entities other than the five XML ones), so the report parses as XHTML.
 */
final class Html {
    /** Shown for an undefined value (NaN or missing). */
    static final String DASH = "\u2013";

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A fraction as percent with two decimals: 0.1234 → "12.34%". */
    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : DASH;
    }

    /** Two decimals. */
    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : DASH;
    }

    /** Three decimals (probabilities such as PSR and DSR). */
    static String prob(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : DASH;
    }

    /** Money or prices: thousands separators, two decimals. */
    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : DASH;
    }

    /** A whole number. */
    static String count(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,d", Math.round(v)) : DASH;
    }

    /** CSS class for a signed number: "pos", "neg" or "". */
    static String sign(double v) {
        return !Double.isFinite(v) || v == 0 ? "" : v > 0 ? "pos" : "neg";
    }
}
