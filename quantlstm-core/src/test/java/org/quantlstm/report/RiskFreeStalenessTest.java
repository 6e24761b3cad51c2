package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RiskFreeStalenessTest {
    private static long[] days(String from, int n) {
        long[] t = new long[n];
        long d0 = LocalDate.parse(from).toEpochDay();
        for (int i = 0; i < n; i++) {
            t[i] = (d0 + i) * 86_400_000L;
        }
        return t;
    }

    @Test
    void periodsStartingAfterTheLastObservationPlusGraceAreStale() {
        // bundled DGS3MO ends 2026-04-17; grace 4 days → periods starting after 2026-04-21 are stale.
        // bars 2026-04-10 .. 2026-04-30 (21 bars, 20 periods starting 04-10 .. 04-29): 04-22 .. 04-29 = 8 stale
        RiskFree.Staleness s = RiskFree.staleness("DGS3MO", days("2026-04-10", 21), 4);
        assertThat(s.lastObservation()).isEqualTo(LocalDate.parse("2026-04-17"));
        assertThat(s.stalePeriods()).isEqualTo(8);
        assertThat(s.periods()).isEqualTo(20);
        assertThat(s.warning()).contains("DGS3MO ends 2026-04-17", "last 8 of 20 periods");
    }

    @Test
    void aConstantRateOrAnEarlierWindowIsNeverStale() {
        assertThat(RiskFree.staleness("0.04", days("2026-04-10", 21), 4)).isNull();
        RiskFree.Staleness s = RiskFree.staleness("DGS3MO", days("2025-01-06", 30), 4);
        assertThat(s.stalePeriods()).isZero();
        assertThat(s.warning()).isNull();
    }
}
