package org.quantlstm.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.DataResolver;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;
import org.quantlstm.features.sets.FeatureSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quantlstm features SYMBOL --set NAME [--interval 1d] [--out FILE.csv]} exports a feature set with a
 * date column (bundled data; the benchmark of relative sets is SPY at the same interval) (rows from the first complete row on, unless {@code --include-warmup}); without {@code --out}
 * it prints a short preview. {@code quantlstm features --list} names the sets and their columns.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Compute a named feature set for a symbol and export it as CSV, or list the sets.")
final class FeaturesCommand implements Runnable {
    private static final String BENCHMARK = "SPY";
    private static final DateTimeFormatter INTRADAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SYMBOL", description = "Symbol, e.g. SPY, AAPL, XAUUSD.")
    String symbol;

    @Option(names = "--set", paramLabel = "NAME", description = "Feature set: spy-analyser-31, price-rsi, close-only, cross-sectional.")
    String set;

    @Option(names = "--interval", description = "Bar interval, e.g. 1d, 1h (default: the series' own interval).")
    String interval;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the features to this CSV file (atomically).")
    Path out;

    @Option(names = "--include-warmup", description = "Also write the warm-up rows (empty cells for undefined values).")
    boolean includeWarmup;

    @Option(names = "--list", description = "List the feature sets and their columns.")
    boolean list;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @CommandLine.ParentCommand
    Main main;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        if (list) {
            for (FeatureSet fs : FeatureSets.all()) {
                int k = fs.columns().size();
                w.printf(Locale.ROOT, "%s (%d column%s%s): %s%n", fs.name(), k, k == 1 ? "" : "s",
                        fs.needsBenchmark() ? ", benchmark " + BENCHMARK : "", fs.description());
                w.println("  " + String.join(", ", fs.columns()));
            }
            return;
        }
        if (symbol == null) {
            throw new UserInputException("features: SYMBOL is missing (or use --list)");
        }
        if (set == null) {
            throw new UserInputException("features: --set NAME is missing (see 'quantlstm features --list')");
        }
        FeatureSet fs = FeatureSets.byName(set);
        DataResolver source = data.resolver(main, "auto", spec.commandLine().getErr());
        BarSeries series = source.load(Symbol.of(symbol), interval == null ? null : Interval.parse(interval)).series();
        Interval iv = series.interval();
        BarSeries bench = fs.needsBenchmark() ? source.load(Symbol.of(BENCHMARK), iv).series() : null;
        FeatureMatrix m = fs.compute(series, bench);
        int from = includeWarmup ? 0 : m.firstCompleteRow();
        if (out == null) {
            preview(w, series, fs, m, from);
        } else {
            write(out, series, m, from);
            w.printf(Locale.ROOT, "wrote %s: %d rows x %d features (%s, %s %s)%n", out, m.rows() - from, m.width(),
                    fs.name(), series.symbol(), iv);
        }
    }

    private static void preview(PrintWriter w, BarSeries s, FeatureSet fs, FeatureMatrix m, int from) {
        w.printf(Locale.ROOT, "%s %s  set=%s  rows=%d  features=%d  first complete row=%d (%s)%n", s.symbol(),
                s.interval(), fs.name(), m.rows(), m.width(), m.firstCompleteRow(),
                m.firstCompleteRow() < m.rows() ? time(s, m.firstCompleteRow()) : "-");
        w.println("date," + String.join(",", m.names()));
        for (int r = Math.max(from, m.rows() - 5); r < m.rows(); r++) {
            StringBuilder b = new StringBuilder(time(s, r));
            for (int c = 0; c < m.width(); c++) {
                double v = m.value(r, c);
                b.append(',').append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "");
            }
            w.println(b);
        }
    }

    private static void write(Path file, BarSeries s, FeatureMatrix m, int from) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserInputException("--out " + file + ": directory " + dir + " does not exist");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try (BufferedWriter bw = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                bw.write("date," + String.join(",", m.names()));
                bw.newLine();
                StringBuilder b = new StringBuilder(512);
                for (int r = from; r < m.rows(); r++) {
                    b.setLength(0);
                    b.append(time(s, r));
                    for (int c = 0; c < m.width(); c++) {
                        double v = m.value(r, c);
                        b.append(',');
                        if (Double.isFinite(v)) {
                            b.append(v);
                        }
                    }
                    bw.append(b).append('\n');
                }
            }
            org.quantlstm.common.AtomicFiles.readableByAll(tmp, false);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserInputException("--out " + file + ": cannot write (" + e.getMessage() + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static String time(BarSeries s, int i) {
        return s.interval().isIntraday() ? INTRADAY.format(s.time(i)) : s.date(i).toString();
    }
}
