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
import org.quantlstm.data.StoreAccess;
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
            StoreAccess access = parent.main.storeAccess(spec.commandLine().getErr());
            Optional<List<MarketStore.SeriesInfo>> listed = access.read(MarketStore::list);
            if (listed.isEmpty()) {
                out.println("(no local store in " + access.dir()
                        + "; 'quantlstm data import' or 'quantlstm fetch' creates it)");
                return;
            }
            List<MarketStore.SeriesInfo> infos = listed.get();
            out.println("stored in " + access.file() + ": " + infos.size() + " series");
            for (MarketStore.SeriesInfo i : infos) {
                boolean shadows = bundled.contains(i.symbol());
                out.printf(Locale.ROOT, "%-10s %-16s %-4s %8d  %-16s  %s%s%n", i.symbol(), clip(i.source(), 16),
                        i.interval(), i.rows(), fmt(i.interval(), i.first()), fmt(i.interval(), i.last()),
                        shadows ? "  (also bundled; the stored series is used where the store is read)" : "");
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
            record Found(BarSeries series, String source, List<Interval> storedAt) {
            }
            Optional<Found> found = parent.main.storeAccess(spec.commandLine().getErr()).read(store -> {
                List<Interval> at = new ArrayList<>();
                BarSeries got = null;
                String src = null;
                {
                    MarketStore.SeriesInfo pick = null;
                    for (MarketStore.SeriesInfo info : store.infos(sym)) { // finest first
                        at.add(info.interval());
                        if (wanted == null ? pick == null : Resampler.canResample(info.interval(), wanted)) {
                            pick = info; // exact match, else the coarsest stored interval that can be resampled
                        }
                    }
                    if (pick != null) {
                        BarSeries stored = store.load(sym, pick.interval(), DateRange.all()).orElseThrow();
                        got = wanted == null ? stored : Resampler.resample(stored, wanted);
                        src = pick.source() + " (store" + (got.interval() == pick.interval() ? ""
                                : ", resampled from " + pick.interval()) + ")";
                    }
                }
                return new Found(got, src, at);
            });
            if (found.isPresent()) {
                s = found.get().series();
                source = found.get().source();
                storedAt.addAll(found.get().storedAt());
                if (s != null && new BundledSource().contains(sym)) {
                    source += "; shadows the bundled " + sym;
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

        @Option(names = "--date-format", paramLabel = "ORDER",
                description = "Order of day, month and year in dates such as 02/01/2024: dmy, mdy or ymd "
                        + "(default: inferred; ambiguous files get a warning).")
        String dateFormat;

        @Option(names = "--max-mb", defaultValue = "2048", paramLabel = "MIB",
                description = "Refuse files of more than this many MiB of text (default: ${DEFAULT-VALUE}).")
        long maxMb;

        @Option(names = "--max-rows", defaultValue = "20000000", paramLabel = "N",
                description = "Refuse files of more than N rows (default: ${DEFAULT-VALUE}).")
        int maxRows;

        @Option(names = "--max-line-chars", defaultValue = "1000000", paramLabel = "N",
                description = "Refuse lines longer than N characters (default: ${DEFAULT-VALUE}).")
        int maxLineChars;

        @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
                description = "auto, single, long or wide (default: ${DEFAULT-VALUE}).")
        String format;

        private CsvBarReader.Limits limits() {
            if (maxMb < 1 || maxMb > (1L << 22) || maxRows < 1 || maxLineChars < 64) {
                throw new UserInputException("import limits out of range: --max-mb 1.." + (1L << 22)
                        + ", --max-rows >= 1, --max-line-chars >= 64");
            }
            return new CsvBarReader.Limits(maxLineChars, maxMb << 20, maxRows);
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Symbol sym = symbol == null ? null : Symbol.of(symbol);
            Interval iv = interval == null ? null : Interval.parse(interval);
            CsvBarReader.DateOrder order = dateFormat == null ? null : CsvBarReader.DateOrder.parse(dateFormat);
            StoreAccess access = parent.main.storeAccess(err); // checks --data-dir before the file is read
            CsvBarReader.Result r = new CsvBarReader(new org.quantlstm.data.BarValidator(), limits())
                    .read(file, sym, iv, CsvBarReader.Format.parse(format), order);
            for (String w : r.report().warnings()) {
                err.println("warning: " + w);
            }
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            BundledSource bundled = new BundledSource();
            for (Symbol k : r.series().keySet()) {
                if (bundled.contains(k)) {
                    err.println("warning: " + k + " is also a bundled series; from now on the imported one (source csv:"
                            + org.quantlstm.common.Excerpt.of(name) + ") is used wherever the store is read, and "
                            + "'data show " + k + "' says so");
                }
            }
            err.flush();
            // the file is parsed and validated above; the store is held only for the one write transaction
            access.write(store -> {
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
                        names.size(), shown, r.rows(), got, fmt(got, first), fmt(got, last),
                        org.quantlstm.common.Excerpt.of(name, 80), store.file(),
                        r.report().warnings().size(), r.report().warnings().size() == 1 ? "" : "s");
                return null;
            });
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
