package org.quantlstm.systems.weekly12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;

/** The bundled Nasdaq Composite reproduces the weekly-12 paper's "NASDAQ" figure (published: 21.25 %). */
class BenchmarkFidelityTest {

    private static final BarSeries IXIC = new BundledSource().load(Symbol.of("^IXIC"));

    @Test
    void compositeIsThePapersNasdaq() {
        assertThat(new BundledSource().load(Symbol.of("IXIC")).size()).isEqualTo(IXIC.size());
        assertThat(BenchmarkFidelity.closeOn(IXIC, LocalDate.of(2022, 7, 1))).isEqualTo(11127.85);
        assertThat(BenchmarkFidelity.closeOn(IXIC, LocalDate.of(2023, 6, 23))).isEqualTo(13492.52);
        // the published 21.25 %: 13,492.52 / 11,127.85 − 1 = 0.21250
        double r = BenchmarkFidelity.change(IXIC, BenchmarkFidelity.PAPER_FROM, BenchmarkFidelity.PAPER_TO);
        assertThat(r).isCloseTo(0.2125, within(5e-5));
        // a weekend date reads the Friday before
        assertThat(BenchmarkFidelity.closeOn(IXIC, LocalDate.of(2023, 6, 25))).isEqualTo(13492.52);
    }

    @Test
    void sectionNamesBothIndicesAndBothWindows() {
        String text = BenchmarkFidelity.text(IXIC, "^NDX", 0.30, LocalDate.of(2022, 6, 24), LocalDate.of(2023, 6, 23));
        assertThat(text).contains("Nasdaq Composite ^IXIC (the paper's)").contains("+21.25%").contains("^NDX")
                .contains("+30.00%").contains("2022-07-01 .. 2023-06-23").contains("2022-06-24 .. 2023-06-23");
        assertThat(BenchmarkFidelity.text(null, "^NDX", 0.3, LocalDate.of(2022, 7, 1), LocalDate.of(2023, 6, 23)))
                .contains("not available").contains("(the same)");
    }
}
