package org.quantlstm.systems.crosssectional;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;

/** Median dollar volume inside the window only, coverage filter, order. */
class LiquidityRankingTest {
    private static long day(int d) {
        return LocalDate.of(2018, 1, 1).plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static BarSeries series(String t, int firstDay, double[] close, double[] volume) {
        BarSeries.Builder b = BarSeries.builder(Symbol.of(t), Interval.D1);
        for (int i = 0; i < close.length; i++) {
            b.add(day(firstDay + i), close[i], close[i], close[i], close[i], close[i], volume[i]);
        }
        return b.build();
    }

    @Test
    void ranksByMedianDollarVolumeInsideTheWindow() {
        Map<Symbol, BarSeries> u = new LinkedHashMap<>();
        // days 0..4 in the window (2018-01-01 .. 2018-01-05), day 5 after it
        u.put(Symbol.of("AAA"), series("AAA", 0, new double[] {10, 10, 10, 10, 10, 10},
                new double[] {1, 2, 3, 4, 100, 1e9}));                 // $ vol 10,20,30,40,1000 → median 30
        u.put(Symbol.of("BBB"), series("BBB", 0, new double[] {1, 1, 1, 1, 1, 1},
                new double[] {50, 50, 50, 50, 50, 50}));               // median 50
        u.put(Symbol.of("NEW"), series("NEW", 3, new double[] {100, 100, 100},
                new double[] {1e6, 1e6, 1e6}));                        // only 2 of 5 window days: excluded
        var rows = LiquidityRanking.rank(u, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 5), 0.99);
        assertThat(rows).extracting(r -> r.ticker().value()).containsExactly("BBB", "AAA");
        assertThat(rows.get(0).medianDollarVolume()).isEqualTo(50.0);
        assertThat(rows.get(1).medianDollarVolume()).isEqualTo(30.0);
        assertThat(rows.get(1).days()).isEqualTo(5);
    }
}
