package org.quantlstm.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.DataResolver;

/**
 * Loads an experiment's prices through one {@link DataResolver} and keeps the manifest of what was loaded
 * (symbol, source, file, rows, first and last bar, SHA-256), which the run folder's {@code data.json} records
 * and the run header prints.
 */
public final class MarketData {
    private final DataResolver resolver;
    private final List<DataResolver.Loaded> loaded = new ArrayList<>();

    public MarketData(DataResolver resolver) {
        this.resolver = resolver;
    }

    /** The resolver for {@code data.source} in this run's context. */
    public static MarketData of(ExperimentConfig.DataConfig d, RunContext ctx) {
        return new MarketData(ctx.data(d.source()));
    }

    public DataResolver resolver() {
        return resolver;
    }

    /** Loads a whole series at {@code interval} and records where it came from. */
    public BarSeries load(Symbol symbol, Interval interval) {
        DataResolver.Loaded l = resolver.load(symbol, interval);
        if (l.series().isEmpty()) {
            throw new UserInputException(symbol + ": no bars at " + interval + " in " + l.describe());
        }
        loaded.add(l);
        return l.series();
    }

    /** Records a series loaded another way (e.g. a universe file), for the manifest. */
    public void record(DataResolver.Loaded l) {
        loaded.add(l);
    }

    /** Everything loaded so far, in order. */
    public List<DataResolver.Loaded> loaded() {
        return List.copyOf(loaded);
    }

    /** Where the first series came from, for one-line headers: {@code bundled (SPY.csv.gz)}. */
    public String describeFirst() {
        return loaded.isEmpty() ? resolver.spec() : loaded.get(0).describe();
    }

    /** The sources used, for headers of multi-series runs: {@code bundled ×12} or {@code store ×1, bundled ×11}. */
    public String describeAll() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        loaded.forEach(l -> counts.merge(l.source(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " ×" + v));
        return String.join(", ", parts);
    }

    /**
     * The manifest entries of {@code data.json}: per series as loaded (before any trimming to a period) its symbol,
     * source, location, interval, bar count, first and last bar, and SHA-256.
     */
    public List<Map<String, Object>> manifest() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DataResolver.Loaded l : loaded) {
            BarSeries s = l.series();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", s.symbol().value());
            m.put("source", l.source());
            m.put("location", l.location());
            m.put("interval", s.interval().code());
            m.put("rows", s.size());
            m.put("first", s.isEmpty() ? "" : label(s, 0));
            m.put("last", s.isEmpty() ? "" : label(s, s.size() - 1));
            m.put("sha256", DataFingerprint.sha256(s));
            out.add(m);
        }
        return out;
    }

    /** The bars of the last {@code days} calendar days (counted back from the last bar). */
    public static BarSeries lastCalendarDays(BarSeries s, int days) {
        if (s.isEmpty()) {
            throw new UserInputException(s.symbol() + ": no bars");
        }
        long from = s.epochMillis(s.size() - 1) - Duration.ofDays(days).toMillis();
        return s.slice(s.indexAtOrAfter(from), s.size());
    }

    /** A bar's date (daily and coarser) or date and time (intraday), for people. */
    public static String label(BarSeries s, int i) {
        if (i >= s.size()) {
            return "-";
        }
        return s.interval().isIntraday() ? s.time(i).toString().replace("T", " ").replace(":00Z", "") : s.date(i).toString();
    }
}
