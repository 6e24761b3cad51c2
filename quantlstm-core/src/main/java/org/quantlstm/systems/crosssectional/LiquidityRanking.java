package org.quantlstm.systems.crosssectional;


import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;

/**
 * Ranks tickers by liquidity: the median daily dollar volume (close × volume, raw close as stored in the file)
 * over a fixed ranking window. Only tickers with a bar on at least {@code minCoverage} of the window's trading
 * days (the union calendar of all tickers) qualify, so a stock that listed mid-window is not ranked on a few
 * months. The window must end before the period the strategy is tested on, so that the choice of stocks uses no
 * test-period information (it is still survivorship-biased when the candidate list is today's index members).
 */
public final class LiquidityRanking {
    private LiquidityRanking() {
    }

    /** One ranked ticker. */
    public record Row(Symbol ticker, double medianDollarVolume, int days) {
    }

    /** All qualifying tickers, most liquid first (ties by ticker). */
    public static List<Row> rank(Map<Symbol, BarSeries> universe, LocalDate from, LocalDate to, double minCoverage) {
        long a = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long b = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        java.util.TreeSet<Long> calendar = new java.util.TreeSet<>();
        for (BarSeries s : universe.values()) {
            for (long t : s.epochMillis()) {
                if (t >= a && t < b) {
                    calendar.add(t);
                }
            }
        }
        int total = calendar.size();
        List<Row> rows = new ArrayList<>();
        for (var e : universe.entrySet()) {
            BarSeries s = e.getValue();
            double[] dv = new double[s.size()];
            int k = 0;
            for (int i = 0; i < s.size(); i++) {
                long t = s.epochMillis(i);
                if (t >= a && t < b) {
                    dv[k++] = s.close(i) * s.volume(i);
                }
            }
            if (total == 0 || k < minCoverage * total) {
                continue;
            }
            double[] x = Arrays.copyOf(dv, k);
            Arrays.sort(x);
            double median = k % 2 == 1 ? x[k / 2] : 0.5 * (x[k / 2 - 1] + x[k / 2]);
            rows.add(new Row(e.getKey(), median, k));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.medianDollarVolume()).thenComparing(r -> r.ticker().value()));
        return rows;
    }
}
