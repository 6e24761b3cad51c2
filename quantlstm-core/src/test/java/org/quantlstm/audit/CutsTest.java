package org.quantlstm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the cuts fall: evenly inside the test segment; at the end of a day when the bars are intraday. */
class CutsTest {
    private static final long DAY = 86_400_000L;
    private static final long H4 = 4 * 3_600_000L;

    @Test
    void dailyCutsAreEvenlySpread() {
        List<Long> t = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            t.add(i * DAY);
        }
        assertThat(LeakageAudit.cuts(t, 3)).containsExactly(25 * DAY, 50 * DAY, 75 * DAY);
    }

    @Test
    void intradayCutsMoveToTheLastBarOfTheirDay() {
        List<Long> t = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            for (int b = 0; b < 6; b++) {
                t.add(d * DAY + b * H4);
            }
        }
        // 120 bars; the middle one (index 60) is day 10 00:00, moved to day 10 20:00
        assertThat(LeakageAudit.cuts(t, 1)).containsExactly(10 * DAY + 5 * H4);
    }
}
