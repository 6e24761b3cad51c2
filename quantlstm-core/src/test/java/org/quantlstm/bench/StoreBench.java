package org.quantlstm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.data.MarketStore;

/**
 * Store benchmark (a plain main, not a unit test): parses a long-format OHLCV file with {@link CsvBarReader}
 * (validation included), upserts every series into a fresh {@link MarketStore} in one transaction, then reads
 * one symbol back many times and every symbol once. Prints rows/s for each step.
 *
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.quantlstm.bench.StoreBench \
 *     ../shared/data/sp500_daily_2013_2025.csv.gz AAPL
 * </pre>
 */
public final class StoreBench {
    private StoreBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/sp500_daily_2013_2025.csv.gz");
        Symbol one = Symbol.of(args.length > 1 ? args[1] : "AAPL");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        for (int rep = 1; rep <= repeats; rep++) {
            Path dir = Files.createTempDirectory("quantlstm-bench");
            try {
                long c0 = cpu();
                long t0 = System.nanoTime();
                CsvBarReader.Result r = new CsvBarReader().read(file, null, Interval.D1, CsvBarReader.Format.AUTO);
                long t1 = System.nanoTime();
                long c1 = cpu();
                int rows = r.rows();
                try (MarketStore store = MarketStore.open(dir)) {
                    store.upsertAll(r.series().values(), "bench", s -> DateRange.all());
                    long t2 = System.nanoTime();
                    long c2 = cpu();
                    int reads = 50;
                    long oneRows = 0;
                    for (int i = 0; i < reads; i++) {
                        oneRows += store.load(one, Interval.D1, DateRange.all()).orElseThrow().size();
                    }
                    long t3 = System.nanoTime();
                    long allRows = 0;
                    for (Symbol s : r.series().keySet()) {
                        BarSeries b = store.load(s, Interval.D1, DateRange.all()).orElseThrow();
                        allRows += b.size();
                    }
                    long t4 = System.nanoTime();
                    System.out.printf(Locale.ROOT, "run %d: %d series, %d rows%n", rep, r.series().size(), rows);
                    System.out.printf(Locale.ROOT, "  parse+validate  %7.2f s  %,12.0f rows/s  (process CPU %.2f s)%n", sec(t0, t1),
                            rows / sec(t0, t1), sec(c0, c1));
                    System.out.printf(Locale.ROOT, "  store upsert    %7.2f s  %,12.0f rows/s  (process CPU %.2f s)%n", sec(t1, t2),
                            rows / sec(t1, t2), sec(c1, c2));
                    System.out.printf(Locale.ROOT, "  import total    %7.2f s  %,12.0f rows/s%n", sec(t0, t2), rows / sec(t0, t2));
                    System.out.printf(Locale.ROOT, "  read %s x%d   %7.3f s  %,12.0f rows/s (%d rows per read)%n", one, reads,
                            sec(t2, t3), oneRows / sec(t2, t3), oneRows / reads);
                    System.out.printf(Locale.ROOT, "  read all %d     %7.2f s  %,12.0f rows/s%n", r.series().size(), sec(t3, t4),
                            allRows / sec(t3, t4));
                    System.out.printf(Locale.ROOT, "  store file      %,d bytes%n", Files.size(store.file()));
                }
            } finally {
                try (Stream<Path> w = Files.walk(dir)) {
                    w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** CPU time of the whole process (all threads, DuckDB's native ones included), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double sec(long a, long b) {
        return (b - a) / 1e9;
    }
}
