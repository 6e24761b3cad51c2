package org.quantlstm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Interval;
import org.quantlstm.data.quality.Finding;
import org.quantlstm.data.quality.QualityCheck;
import org.quantlstm.data.quality.QualityReport;

/** The documented exit codes. */
class AuditReportTest {
    private static final RunDiff.Result SAME = new RunDiff.Result(List.of("equity.csv"), 10, 0, Optional.empty());
    private static final RunDiff.Result DIFF = new RunDiff.Result(List.of("equity.csv"), 3, 0,
            Optional.of(new RunDiff.Mismatch("equity.csv", "2025-01-02", "x", "1", "2")));
    private static final QualityReport CLEAN = new QualityReport("X", Interval.D1, 10, "a", "b", "s", false, List.of());
    private static final QualityReport DIRTY = new QualityReport("X", Interval.D1, 10, "a", "b", "s", false,
            List.of(new Finding(QualityCheck.DUPLICATE, 3, 0, "2025-01-02", "same")));

    private static AuditReport report(RunDiff.Result d, QualityReport q) {
        return new AuditReport("e", "s", Path.of("."),
                List.of(new AuditReport.Cut(1, 0, "2025-01-01", 5, 1, SAME, Path.of(".")),
                        new AuditReport.Cut(2, 0, "2025-01-02", 5, 1, d, Path.of("."))), List.of(q));
    }

    @Test
    void exitCodes() {
        assertThat(report(SAME, CLEAN).exitCode(false)).isEqualTo(0);
        assertThat(report(SAME, CLEAN).exitCode(true)).isEqualTo(0);
        assertThat(report(SAME, DIRTY).exitCode(false)).isEqualTo(0);
        assertThat(report(SAME, DIRTY).exitCode(true)).isEqualTo(AuditReport.EXIT_DATA).isEqualTo(3);
        assertThat(report(DIFF, CLEAN).exitCode(false)).isEqualTo(AuditReport.EXIT_LEAK).isEqualTo(1);
        assertThat(report(DIFF, DIRTY).exitCode(true)).isEqualTo(1);
        assertThat(report(DIFF, DIRTY).findings()).isEqualTo(1);
    }
}
