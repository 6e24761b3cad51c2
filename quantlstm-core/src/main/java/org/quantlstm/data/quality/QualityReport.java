package org.quantlstm.data.quality;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.quantlstm.common.Interval;

/**
 * The findings on one series and its table: one row per check with the number of findings and the first one.
 */
public record QualityReport(String symbol, Interval interval, int bars, String first, String last, String source,
                            boolean continuousFuture, List<Finding> findings) {
    public QualityReport {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        findings = List.copyOf(findings);
    }

    /** The findings of one check. */
    public List<Finding> of(QualityCheck c) {
        return findings.stream().filter(f -> f.check() == c).toList();
    }

    /** Whether nothing was found. */
    public boolean clean() {
        return findings.isEmpty();
    }

    /** The table: a title line, then one line per check (count, first occurrence and what was seen). */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s %s: %d bars %s .. %s, %s%n", symbol, interval.code(), bars, first,
                last, source));
        b.append(String.format(Locale.ROOT, "  %-18s %5s  %-16s  %s%n", "check", "found", "first", "what"));
        Map<QualityCheck, Integer> counts = new EnumMap<>(QualityCheck.class);
        findings.forEach(f -> counts.merge(f.check(), 1, Integer::sum));
        for (QualityCheck c : QualityCheck.values()) {
            if (c == QualityCheck.ROLL_GAP && !continuousFuture) {
                b.append(String.format(Locale.ROOT, "  %-18s %5s  %-16s  %s%n", c.label(), "-", "-",
                        "not a continuous future"));
                continue;
            }
            List<Finding> fs = of(c);
            if (fs.isEmpty()) {
                b.append(String.format(Locale.ROOT, "  %-18s %5d  -%n", c.label(), 0));
            } else {
                Finding f = fs.get(0);
                b.append(String.format(Locale.ROOT, "  %-18s %5d  %-16s  %s%n", c.label(), fs.size(), f.when(),
                        f.detail()));
            }
        }
        return b.toString();
    }
}
