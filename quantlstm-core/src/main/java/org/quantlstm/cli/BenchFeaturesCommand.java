package org.quantlstm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;
import org.quantlstm.features.sets.FeatureSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quantlstm bench features [--file F] [--set NAME]}: how fast a feature set is computed over many daily
 * series (default: every bundled daily series; {@code --file} reads an OHLCV CSV such as the 502-ticker S&P 500
 * file). Parsing is not timed; the median of the timed passes after warm-up passes is printed.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Feature computation throughput (rows/s) over bundled daily series or a CSV file.")
final class BenchFeaturesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", paramLabel = "CSV", description = "OHLCV file (long or wide, .csv or .csv.gz); default: the bundled daily series.")
    Path file;

    @Option(names = "--set", defaultValue = "spy-analyser-31", description = "Feature set (default ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed passes (default ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public void run() {
        if (repeat < 1) {
            throw new UserInputException("bench features: --repeat must be >= 1");
        }
        FeatureSet fs = FeatureSets.byName(set);
        if (fs.needsBenchmark()) {
            throw new UserInputException("bench features: set " + BenchOutput.echo(set)
                    + " needs a benchmark series; choose a set without one");
        }
        List<BarSeries> series = load();
        long rows = series.stream().mapToLong(BarSeries::size).sum();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "# %s over %d series, %d rows (%s); load %s%n", fs.name(), series.size(), rows,
                file == null ? "bundled daily series" : file.getFileName(), BenchOutput.loadAverage());
        double check = 0;
        for (int i = 0; i < 3; i++) {
            check += pass(fs, series);
        }
        double[] secs = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            check += pass(fs, series);
            secs[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(secs);
        double median = secs[repeat / 2];
        w.printf(Locale.ROOT, "features %s series=%d rows=%d threads=1 median %.4f s%n", fs.name(), series.size(),
                rows, median);
        w.printf(Locale.ROOT, "features %s threads=1 min %.4f s%n", fs.name(), secs[0]);
        w.printf(Locale.ROOT, "features %s threads=1 %.0f rows/s%n", fs.name(), rows / median);
        if (Double.isNaN(check)) {
            w.println("# (checksum NaN)"); // keeps the work observable to the JIT
        }
        w.flush();
    }

    private List<BarSeries> load() {
        if (file != null) {
            return new ArrayList<>(new CsvBarReader().read(file, null, Interval.D1, CsvBarReader.Format.AUTO)
                    .series().values());
        }
        BundledSource source = new BundledSource();
        List<BarSeries> out = new ArrayList<>();
        for (BundledSource.Entry e : source.entries()) {
            if (e.interval() == Interval.D1) {
                out.add(source.load(e.symbol()));
            }
        }
        for (Symbol s : source.knownSymbols()) {
            BarSeries b = source.load(s);
            if (b.interval() == Interval.D1 && out.stream().noneMatch(x -> x.symbol().equals(b.symbol()))) {
                out.add(b);
            }
        }
        return out;
    }

    /** One pass over every series; returns a checksum so that the work cannot be dropped. */
    private static double pass(FeatureSet fs, List<BarSeries> series) {
        double sum = 0;
        for (BarSeries s : series) {
            FeatureMatrix m = fs.compute(s);
            int last = m.rows() - 1;
            for (int c = 0; c < m.width() && last >= 0; c++) {
                double v = m.value(last, c);
                sum += Double.isFinite(v) ? v : 0;
            }
        }
        return sum;
    }
}
