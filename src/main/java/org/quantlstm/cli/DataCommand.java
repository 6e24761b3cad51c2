package org.quantlstm.cli;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quantlstm data list|show}: what data is available and what it looks like. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "List, show and import market data.",
        subcommands = {DataCommand.ListCmd.class, DataCommand.Show.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the available series.")
    static final class ListCmd implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            var out = spec.commandLine().getOut();
            BundledSource bundled = new BundledSource();
            out.printf(Locale.ROOT, "%-10s %-8s %-4s %8s  %-19s  %-19s%n", "SYMBOL", "SOURCE", "INT", "ROWS", "FIRST", "LAST");
            for (BundledSource.Entry e : bundled.entries()) {
                BarSeries s = bundled.load(e.symbol());
                out.printf(Locale.ROOT, "%-10s %-8s %-4s %8d  %-19s  %-19s%n", e.symbol(), "bundled", e.interval(),
                        s.size(), fmt(s, 0), fmt(s, s.size() - 1));
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show range, row count and the last bars of a series.")
    static final class Show implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SYMBOL", description = "Symbol, e.g. SPY, AAPL, XAUUSD.")
        String symbol;

        @CommandLine.Option(names = "--tail", defaultValue = "5", description = "How many last bars to print (default: ${DEFAULT-VALUE}).")
        int tail;

        @Override
        public void run() {
            var out = spec.commandLine().getOut();
            BarSeries s = new BundledSource().load(Symbol.of(symbol));
            out.printf(Locale.ROOT, "%s  %s  source=bundled  rows=%d  range=%s .. %s%n", s.symbol(), s.interval(),
                    s.size(), fmt(s, 0), fmt(s, s.size() - 1));
            out.printf(Locale.ROOT, "%-19s %12s %12s %12s %12s %12s %14s%n", "time", "open", "high", "low", "close", "adj_close", "volume");
            for (int i = Math.max(0, s.size() - tail); i < s.size(); i++) {
                out.printf(Locale.ROOT, "%-19s %12.4f %12.4f %12.4f %12.4f %12.4f %14.0f%n", fmt(s, i), s.open(i), s.high(i),
                        s.low(i), s.close(i), s.adjClose(i), s.volume(i));
            }
        }
    }

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    static String fmt(BarSeries s, int i) {
        if (s.isEmpty()) {
            return "-";
        }
        return s.interval().isIntraday() ? DT.format(s.time(i)) : s.date(i).toString();
    }
}
