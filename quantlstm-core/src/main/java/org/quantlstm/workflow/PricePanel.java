package org.quantlstm.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;

/**
 * Adjusted closes of several bundled symbols on the bars they all share: {@code prices[row][col]} for
 * {@code dates[row]} and {@code symbols[col]}. Weekly and monthly bars come from the data layer's resampler
 * (weekly = the close of the week's last trading day, labelled by its Friday, as in the weekly-12 paper).
 */
public record PricePanel(List<LocalDate> dates, List<String> symbols, double[][] prices) {
    public PricePanel {
        dates = List.copyOf(dates);
        symbols = List.copyOf(symbols);
    }

    public static PricePanel bundled(List<Symbol> symbols, Interval interval, DateRange range) {
        BundledSource source = new BundledSource();
        List<BarSeries> series = new ArrayList<>();
        for (Symbol s : symbols) {
            series.add(source.load(s, interval, range));
        }
        TreeMap<Long, Integer> count = new TreeMap<>();
        for (BarSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                count.merge(s.epochMillis(i), 1, Integer::sum);
            }
        }
        List<Long> common = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : count.entrySet()) {
            if (e.getValue() == series.size()) {
                common.add(e.getKey());
            }
        }
        List<String> names = series.stream().map(s -> s.symbol().value()).toList();
        if (common.size() < 3) {
            throw new UserInputException("the symbols " + names + " share only " + common.size() + " " + interval
                    + " closes in the chosen range; widen --from/--to");
        }
        double[][] prices = new double[common.size()][series.size()];
        List<LocalDate> dates = new ArrayList<>();
        for (int row = 0; row < common.size(); row++) {
            long t = common.get(row);
            for (int j = 0; j < series.size(); j++) {
                BarSeries s = series.get(j);
                prices[row][j] = s.adjClose(s.indexAtOrAfter(t));
            }
            dates.add(LocalDate.ofEpochDay(Math.floorDiv(t, 86_400_000L)));
        }
        return new PricePanel(dates, names, prices);
    }
}
