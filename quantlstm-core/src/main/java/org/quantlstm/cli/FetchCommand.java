package org.quantlstm.cli;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.CachingSource;
import org.quantlstm.data.HttpFetcher;
import org.quantlstm.data.StoreAccess;
import org.quantlstm.data.Sources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quantlstm fetch SYMBOL…}: downloads bars from Yahoo, Stooq or Binance into the local store. A series the
 * store already covers is served from it with no network call; {@code --refresh} forces a download.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Download bars from a provider into the local store (cached: a second fetch makes no network call).",
                "Without --to, a series fetched more than 15 minutes ago is extended: its last bars are downloaded again and newer ones added.",
                "Sources: yahoo (1h 1d 1wk 1mo, adjusted close, splits and dividends), stooq (1d 1wk 1mo), binance (1h 4h 1d)."})
final class FetchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "SYMBOL", description = "Symbols, e.g. SPY AAPL ^GSPC BTCUSDT.")
    List<String> symbols;

    @Option(names = "--source", defaultValue = "yahoo", description = "yahoo, stooq or binance (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--interval", defaultValue = "1d", description = "1h, 4h, 1d, 1wk or 1mo (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "First date (default: the provider's earliest).")
    String from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last date (default: today).")
    String to;

    @Option(names = "--refresh", description = "Download even when the store already has the range.")
    boolean refresh;

    @Option(names = "--base-url", paramLabel = "URL", description = "Provider base URL, for a mirror or a test stub.")
    URI baseUrl;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Interval iv = Interval.parse(interval);
        java.time.Instant last = date(to, "--to");
        java.time.Instant first = date(from, "--from");
        if (first != null && last != null && first.isAfter(last)) {
            throw new UserInputException("--from " + from + " is after --to " + to);
        }
        DateRange range = new DateRange(first, last == null ? null : last.plusSeconds(86_399));
        List<Symbol> syms = symbols.stream().map(Symbol::of).toList(); // all checked before any download
        HttpFetcher fetcher = new HttpFetcher(HttpFetcher.Settings.defaults(), HttpFetcher.Sleeper.real(),
                java.time.Clock.systemUTC(), java.util.random.RandomGenerator.getDefault(), err::println);
        var provider = Sources.network(source, baseUrl, fetcher);
        StoreAccess access = main.storeAccess(err);
        // the store is opened only for short bursts: never while a download (with its retries) runs
        CachingSource cached = new CachingSource(provider, access, refresh, java.time.Clock.systemUTC(),
                w -> err.println("warning: " + w));
        for (Symbol s : syms) {
            CachingSource.Outcome o = cached.fetch(s, iv, range);
            BarSeries bars = o.bars();
            if (bars.isEmpty()) {
                throw new UserInputException(source + " returned no " + iv + " bars for " + s + " in the requested range");
            }
            String how = switch (o.kind()) {
                case HIT -> "cache hit (no network call)";
                case DOWNLOADED -> "downloaded and stored";
                case EXTENDED -> o.added() == 0
                        ? "up to date: no bars after " + DataCommand.fmt(iv, o.previousLast())
                                + " (last " + CachingSource.REFETCH_BARS + " re-checked)"
                        : "extended: " + o.added() + " new bar" + (o.added() == 1 ? "" : "s") + " after "
                                + DataCommand.fmt(iv, o.previousLast()) + " (last " + CachingSource.REFETCH_BARS
                                + " re-checked)";
            };
            out.printf(Locale.ROOT, "%-10s %-4s %-8s %7d bars  %s .. %s  %s%n", bars.symbol(), iv, source, bars.size(),
                    DataCommand.fmt(bars, 0), DataCommand.fmt(bars, bars.size() - 1), how);
            out.flush();
        }
        out.println("store: " + access.file());
        return 0;
    }

    private static java.time.Instant date(String text, String option) {
        if (text == null) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + " '" + org.quantlstm.common.Excerpt.of(text)
                    + "' is not a date: use yyyy-MM-dd");
        }
        if (d.getYear() < 1800 || d.getYear() > 2200) {
            throw new UserInputException(option + " " + text + " is outside the years 1800..2200");
        }
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
