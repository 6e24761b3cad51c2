package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

class RiskFreeRatesTest {
    private static final Offset<Double> EPS = Offset.offset(1e-15);

    static long day(String iso) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static RiskFreeRates fixture() {
        String csv = "date,DTB3,DGS3MO\n"
                + "2024-01-02,,5.00\n"
                + "2024-01-03,4.90,\n"
                + "2024-01-05,5.00,4.00\n";
        return RiskFreeRates.read("fixture.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyFieldsAreNoObservation() {
        RiskFreeRates r = fixture();
        assertThat(r.names()).containsExactly("DTB3", "DGS3MO");
        assertThat(r.series("dgs3mo").size()).isEqualTo(2);
        assertThat(r.series("DTB3").percents()).containsExactly(4.90, 5.00);
    }

    @Test
    void perPeriodIsCausalForwardFilledAndCompounded() {
        long[] t = {day("2024-01-02"), day("2024-01-03"), day("2024-01-04"), day("2024-01-05"), day("2024-01-08")};
        double[] r = fixture().perPeriod(t, "DGS3MO", 252);
        // (1.05)^(1/252) - 1 = 0.00019363050654397362 ; (1.04)^(1/252) - 1 = 0.0001556498627912628
        assertThat(r[0]).isCloseTo(0.00019363050654397362, EPS);
        assertThat(r[1]).isCloseTo(0.00019363050654397362, EPS); // 01-03 empty: 01-02's 5.00
        assertThat(r[2]).isCloseTo(0.00019363050654397362, EPS); // no row: still 5.00, never 01-05's 4.00
        assertThat(r[3]).isCloseTo(0.0001556498627912628, EPS);
        assertThat(r[4]).isCloseTo(0.0001556498627912628, EPS);
        // weekly: (1.05)^(1/52) - 1 = 0.0009387127031117437
        assertThat(fixture().perPeriod(new long[] {day("2024-01-02")}, "DGS3MO", 52)[0])
                .isCloseTo(0.0009387127031117437, EPS);
    }

    @Test
    void barsBeforeTheFirstObservationAreRejected() {
        assertThatThrownBy(() -> fixture().perPeriod(new long[] {day("2024-01-02")}, "DTB3", 252))
                .isInstanceOf(UserInputException.class).hasMessageContaining("DTB3").hasMessageContaining("2024-01-03");
        assertThatThrownBy(() -> fixture().series("DGS99")).isInstanceOf(UserInputException.class);
    }

    @Test
    void bundledYieldsAlignToSpyAcrossColumbusDay() {
        RiskFreeRates rf = RiskFreeRates.bundled();
        assertThat(rf.names()).containsExactly("DTB3", "DGS1MO", "DGS3MO", "DGS6MO", "DGS1", "DGS2", "DGS5", "DGS10",
                "DGS30");
        BarSeries spy = new BundledSource().load(Symbol.of("SPY"));
        double[] r = rf.perPeriod(spy, "DGS3MO");
        assertThat(spy.interval()).isEqualTo(Interval.D1);
        // FRED DGS3MO: 2023-10-06 5.63, 2023-10-09 empty (Columbus Day, bonds closed, stocks open), 2023-10-10 5.61
        int i = spy.indexAtOrAfter(day("2023-10-06"));
        assertThat(r[i]).isCloseTo(0.00021737376450348123, EPS);       // (1.0563)^(1/252) - 1
        assertThat(spy.date(i + 1)).isEqualTo(LocalDate.of(2023, 10, 9));
        assertThat(r[i + 1]).isCloseTo(0.00021737376450348123, EPS);   // forward-filled from Friday
        assertThat(r[i + 2]).isCloseTo(0.00021662218050733095, EPS);   // (1.0561)^(1/252) - 1
        // DGS2 = 0.23 on 2020-04-01 (data README sanity figure)
        YieldCheck.assertPercent(rf, "DGS2", "2020-04-01", 0.23);
    }

    static final class YieldCheck {
        static void assertPercent(RiskFreeRates rf, String name, String date, double expected) {
            RiskFreeRates.YieldSeries s = rf.series(name);
            int i = s.indexAtOrBefore(day(date));
            assertThat(s.epochMillis(i)).isEqualTo(day(date));
            assertThat(s.percent(i)).isEqualTo(expected);
        }
    }
}
