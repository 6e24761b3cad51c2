package org.quantlstm.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.quantlstm.data.quality.QualityReport;

/**
 * The outcome of an audit: one leakage verdict per cut, one data-quality report per series, the audit folder, and
 * the exit code: {@value #EXIT_OK} when every cut passes (data findings alone do not fail), {@value #EXIT_LEAK}
 * when a cut fails, {@value #EXIT_DATA} under {@code --strict} when every cut passes but a series has findings
 * (user errors exit 2, as in every command).
 */
public record AuditReport(String experiment, String system, Path folder, List<Cut> cuts,
                          List<QualityReport> quality) {
    /** Every cut passed; findings, if any, are reported but do not fail. */
    public static final int EXIT_OK = 0;
    /** A cut failed: the run's output before the cut changed when only later prices changed. */
    public static final int EXIT_LEAK = 1;
    /** With {@code --strict}: no leak, but data-quality findings. */
    public static final int EXIT_DATA = 3;

    /** One cut: where, how many bars of how many series were replaced, the comparison and the rerun's folder. */
    public record Cut(int k, long cutMillis, String label, int barsReplaced, int series, RunDiff.Result diff,
                      Path runFolder) {
        public Cut {
            Objects.requireNonNull(diff, "diff");
        }

        public boolean pass() {
            return diff.identical();
        }
    }

    public AuditReport {
        cuts = List.copyOf(cuts);
        quality = List.copyOf(quality);
    }

    /** Whether every cut passed. */
    public boolean leakFree() {
        return cuts.stream().allMatch(Cut::pass);
    }

    /** The number of data-quality findings over all series. */
    public int findings() {
        return quality.stream().mapToInt(q -> q.findings().size()).sum();
    }

    /** The exit code (see the class comment). */
    public int exitCode(boolean strict) {
        if (!leakFree()) {
            return EXIT_LEAK;
        }
        return strict && findings() > 0 ? EXIT_DATA : EXIT_OK;
    }
}
