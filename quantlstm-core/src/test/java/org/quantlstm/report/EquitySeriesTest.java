package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EquitySeriesTest {
    private static long day(String d) {
        return LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void underwaterStartsFromTheStartingCapital() {
        assertThat(EquitySeries.underwater(new double[] {100, 90, 120, 60, 130}))
                .containsExactly(new double[] {0, -0.1, 0, -0.5, 0}, within(1e-12));
    }

    @Test
    void calendarCompoundsByTheMonthEachPeriodEndsIn() {
        long[] t = {day("2023-12-29"), day("2024-01-02"), day("2024-01-31"), day("2024-02-01"), day("2025-03-03")};
        double[] e = {100, 110, 99, 108.9, 54.45};
        EquitySeries.Calendar c = EquitySeries.calendar(t, e);
        // January 2024: 100 → 99 (two periods: +10 %, −10 %), February: 99 → 108.9 (+10 %), March 2025: −50 %.
        assertThat(c.months().get(2024)[0]).isCloseTo(-0.01, within(1e-12));
        assertThat(c.months().get(2024)[1]).isCloseTo(0.10, within(1e-12));
        assertThat(c.months().get(2024)[2]).isNaN();
        assertThat(c.months().get(2025)[2]).isCloseTo(-0.5, within(1e-12));
        assertThat(c.years().get(2024)).isCloseTo(0.089, within(1e-12));
        assertThat(c.years()).doesNotContainKey(2023);
    }

    @Test
    void rollingUsesTheMetricsConventions() {
        double[] r = {0.01, -0.02, 0.015, 0.003, -0.004, 0.02};
        double[] rf = {0.0001, 0.0001, 0.0001, 0.0001, 0.0001, 0.0001};
        double[][] roll = EquitySeries.rolling(r, rf, 3, 252);
        assertThat(roll[0][1]).isNaN();
        // window r[3..5]: excess = 0.0029, -0.0041, 0.0199; mean 0.0062333; std (ddof 1) 0.012394
        double[] x = {0.0029, -0.0041, 0.0199};
        double mean = (x[0] + x[1] + x[2]) / 3;
        double sd = Math.sqrt(((x[0] - mean) * (x[0] - mean) + (x[1] - mean) * (x[1] - mean) + (x[2] - mean) * (x[2] - mean)) / 2);
        assertThat(roll[0][5]).isCloseTo(mean / sd * Math.sqrt(252), within(1e-9));
        double m2 = (0.003 - 0.004 + 0.02) / 3;
        double sd2 = Math.sqrt(((0.003 - m2) * (0.003 - m2) + (-0.004 - m2) * (-0.004 - m2) + (0.02 - m2) * (0.02 - m2)) / 2);
        assertThat(roll[1][5]).isCloseTo(sd2 * Math.sqrt(252), within(1e-12));
        assertThat(EquitySeries.defaultWindow(252, 500)).isEqualTo(126);
        assertThat(EquitySeries.defaultWindow(52, 520)).isEqualTo(26);
        assertThat(EquitySeries.defaultWindow(252, 123)).isEqualTo(41);
        assertThat(EquitySeries.defaultWindow(252, 4)).isEqualTo(2);
    }
}
