package org.quantlstm.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.systems.crosssectional.LiquidityRanking;

/**
 * Rebuilds the bundled liquid S&amp;P 500 subset from the shared 502-ticker file:
 * ranks by median daily dollar volume over 2013-01-01 .. 2018-12-31 (tickers with bars on at least 99 % of
 * that window's days), keeps the top N, and copies those tickers' rows unchanged (same text) into a gzip file,
 * plus a ticker list with the ranking figures.
 *
 * <pre>
 * mvn -q -o test-compile &amp;&amp; java -cp "target/classes:target/test-classes:$(cat cp.txt)" \
 *   org.quantlstm.bench.BuildLiquidUniverse ../shared/data/sp500_daily_2013_2025.csv.gz 60 src/main/resources/bundled
 * </pre>
 */
public final class BuildLiquidUniverse {
    private BuildLiquidUniverse() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path outDir = Path.of(args[2]);
        var read = new CsvBarReader().read(file, null, null, CsvBarReader.Format.LONG);
        List<LiquidityRanking.Row> ranked = LiquidityRanking.rank(read.series(), LocalDate.of(2013, 1, 1),
                LocalDate.of(2018, 12, 31), 0.99);
        List<LiquidityRanking.Row> top = ranked.subList(0, Math.min(n, ranked.size()));
        Set<String> keep = new HashSet<>();
        StringBuilder list = new StringBuilder("rank,ticker,median_dollar_volume_2013_2018,days_in_window\n");
        int rank = 1;
        for (var r : top) {
            keep.add(r.ticker().value());
            list.append(String.format(Locale.ROOT, "%d,%s,%.0f,%d%n", rank++, r.ticker().value(),
                    r.medianDollarVolume(), r.days()));
        }
        Files.writeString(outDir.resolve("sp500_liquid" + n + "_tickers.csv"), list.toString());
        Path gz = outDir.resolve("sp500_liquid" + n + "_daily.csv.gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(gz)) {
                 {
                     def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
                 }
             }, StandardCharsets.UTF_8))) {
            w.write(in.readLine());
            w.write('\n');
            for (String line; (line = in.readLine()) != null; ) {
                int a = line.indexOf(','), b = line.indexOf(',', a + 1);
                if (keep.contains(line.substring(a + 1, b))) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
        System.out.println(ranked.size() + " tickers qualified; kept " + top.size() + " -> " + gz);
    }
}
