package org.quantlstm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.data.MarketStore;
import org.quantlstm.data.Resampler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantlstm data list|show|import}: what data is available, what it looks like, and adding files. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "List, show and import market data.",
        subcommands = {DataCommand.ListCmd.class, DataCommand.Show.class, DataCommand.Import.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path dataDir() {
        return main.dataDir();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the bundled series and the series in the local store.")
    static final class ListCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        DataCommand parent;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            BundledSource bundled = new BundledSource();
            out.printf(Locale.ROOT, "%-10s %-16s %-4s %8s  %-16s  %s%n", "SYMBOL", "SOURCE", "INT", "ROWS", "FIRST", "LAST");
            for (BundledSource.Entry e : bundled.entries()) {
                BarSeries s = bundled.load(e.symbol());
                out.printf(Locale.ROOT, "%-10s %-16s %-4s %8d  %-16s  %s%n", e.symbol(), "bundled", e.interval(),
                        s.size(), fmt(s, 0), fmt(s, s.size() - 1));
            }
            var rates = org.quantlstm.data.RiskFreeRates.bundled();
            out.println("risk-free (bundled FRED Treasury yields, % a year, 1d): " + String.join(" ", rates.names())
                    + "  (experiments: backtest.risk_free)");
            Path dir = parent.dataDir();
            Optional<MarketStore> opened = MarketStore.openIfExists(dir);
            if (opened.isEmpty()) {
                out.println("(no local store in " + dir + "; 'quantlstm data import' or 'quantlstm fetch' creates it)");
                return;
            }
            try (MarketStore store = opened.get()) {
                List<MarketStore.SeriesInfo> infos = store.list();
                out.println("stored in " + store.file() + ": " + infos.size() + " series");
                for (MarketStore.SeriesInfo i : infos) {
                    out.printf(Locale.ROOT, "%-10s %-16s %-4s %8d  %-16s  %s%n", i.symbol(), clip(i.source(), 16),
                            i.interval(), i.rows(), fmt(i.interval(), i.first()), fmt(i.interval(), i.last()));
                }
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show range, row count and the last bars of a series (local store first, then bundled).")
    static final class Show implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        DataCommand parent;

        @Parameters(index = "0", paramLabel = "SYMBOL", description = "Symbol, e.g. SPY, AAPL, XAUUSD.")
        String symbol;

        @Option(names = "--interval", paramLabel = "INTERVAL",
                description = "1h, 4h, 1d, 1wk or 1mo; coarser than stored is resampled (default: as stored).")
        String interval;

        @Option(names = "--tail", defaultValue = "5", description = "How many last bars to print (default: ${DEFAULT-VALUE}).")
        int tail;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Symbol sym = Symbol.of(symbol);
            Interval wanted = interval == null ? null : Interval.parse(interval);
            if (tail < 0) {
                throw new UserInputException("--tail must be >= 0: " + tail);
            }
            BarSeries s = null;
            String source = null;
            List<Interval> storedAt = new ArrayList<>();
            try (MarketStore store = MarketStore.openIfExists(parent.dataDir()).orElse(null)) {
                if (store != null) {
                    MarketStore.SeriesInfo pick = null;
                    for (MarketStore.SeriesInfo info : store.infos(sym)) { // finest first
                        storedAt.add(info.interval());
                        if (wanted == null ? pick == null : Resampler.canResample(info.interval(), wanted)) {
                            pick = info; // exact match, else the coarsest stored interval that can be resampled
                        }
                    }
                    if (pick != null) {
                        BarSeries stored = store.load(sym, pick.interval(), DateRange.all()).orElseThrow();
                        s = wanted == null ? stored : Resampler.resample(stored, wanted);
                        source = pick.source() + " (store" + (s.interval() == pick.interval() ? ""
                                : ", resampled from " + pick.interval()) + ")";
                    }
                }
            }
            if (s == null) {
                BundledSource bundled = new BundledSource();
                if (!storedAt.isEmpty() && !bundled.contains(sym)) {
                    throw new UserInputException(sym + " is stored at " + storedAt.get(0) + " and cannot be shown at the finer "
                            + "interval " + wanted + " (only coarser intervals are derived, by resampling)");
                }
                BarSeries nat = bundled.load(sym);
                s = wanted == null ? nat : bundled.load(sym, wanted, DateRange.all());
                source = "bundled" + (s.interval() == nat.interval() ? "" : " (resampled from " + nat.interval() + ")");
            }
            out.printf(Locale.ROOT, "%s  %s  source=%s  rows=%d  range=%s .. %s%n", s.symbol(), s.interval(), source,
                    s.size(), fmt(s, 0), fmt(s, s.size() - 1));
            out.printf(Locale.ROOT, "%-16s %12s %12s %12s %12s %12s %14s%n", "time", "open", "high", "low", "close",
                    "adj_close", "volume");
            for (int i = Math.max(0, s.size() - tail); i < s.size(); i++) {
                out.printf(Locale.ROOT, "%-16s %12.4f %12.4f %12.4f %12.4f %12.4f %14.0f%n", fmt(s, i), s.open(i), s.high(i),
                        s.low(i), s.close(i), s.adjClose(i), s.volume(i));
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Validate an OHLCV file (csv/tsv/…, plain or .gz) and store it in the local store. "
                    + "Single-series files need --symbol; long (ticker column) and wide (one close column per ticker) "
                    + "files import every ticker unless --symbol picks one. Warnings go to stderr.")
    static final class Import implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        DataCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
        Path file;

        @Option(names = "--symbol", paramLabel = "SYMBOL", description = "Symbol of a single-series file (filter for long/wide files).")
        String symbol;

        @Option(names = "--interval", paramLabel = "INTERVAL", description = "1h, 4h, 1d, 1wk or 1mo (default: inferred from the rows).")
        String interval;

        @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
                description = "auto, single, long or wide (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Symbol sym = symbol == null ? null : Symbol.of(symbol);
            Interval iv = interval == null ? null : Interval.parse(interval);
            CsvBarReader.Result r = new CsvBarReader().read(file, sym, iv, CsvBarReader.Format.parse(format));
            for (String w : r.report().warnings()) {
                err.println("warning: " + w);
            }
            err.flush();
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            try (MarketStore store = MarketStore.open(parent.dataDir())) {
                store.upsertAll(r.series().values(), "csv:" + name,
                        s -> new DateRange(s.time(0), s.time(s.size() - 1)));
                List<String> names = new ArrayList<>();
                r.series().keySet().forEach(k -> names.add(k.value()));
                String shown = names.size() <= 8 ? String.join(", ", names)
                        : String.join(", ", names.subList(0, 8)) + ", … (" + (names.size() - 8) + " more)";
                Instant first = r.series().values().stream().map(s -> s.time(0)).min(Instant::compareTo).orElseThrow();
                Instant last = r.series().values().stream().map(s -> s.time(s.size() - 1)).max(Instant::compareTo).orElseThrow();
                Interval got = r.series().values().iterator().next().interval();
                out.printf(Locale.ROOT, "imported %d series (%s), %d rows, %s, %s .. %s from %s into %s (%d warning%s)%n",
                        names.size(), shown, r.rows(), got, fmt(got, first), fmt(got, last), name, store.file(),
                        r.report().warnings().size(), r.report().warnings().size() == 1 ? "" : "s");
            }
        }
    }

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static String fmt(BarSeries s, int i) {
        if (s.isEmpty()) {
            return "-";
        }
        return fmt(s.interval(), s.time(i));
    }

    static String fmt(Interval interval, Instant t) {
        if (t == null) {
            return "-";
        }
        return interval.isIntraday() ? DT.format(t) : LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
