package org.quantlstm.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.quantlstm.systems.Systems;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;
import org.quantlstm.workflow.TaskRunner;

/** A small weekly-12 run (3 stocks, 1 epoch, bundled data, fixed seed and clock) on a given task runner. */
final class WeeklyFixture {
    private WeeklyFixture() {
    }

    static final Map<String, String> THREE_STOCKS = Map.ofEntries(
            Map.entry("data.tickers", "TSLA,NVDA,PEP"), Map.entry("data.source", "bundled"),
            Map.entry("portfolio.history_start", "2020-01-01"), Map.entry("portfolio.test_end", "2022-09-30"),
            Map.entry("model.epochs", "1"), Map.entry("model.patience", "1"), Map.entry("seed", "7"),
            Map.entry("portfolio.max_weight", "0.6"), Map.entry("portfolio.cores", "2"));

    /** What a run printed and wrote. */
    record Run(String console, String summary, Map<String, byte[]> files) {
    }

    static Run run(TaskRunner runner, Path dir) {
        Systems systems = Systems.standard();
        ExperimentConfig cfg = systems.load("weekly-12", THREE_STOCKS);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        RunContext ctx = new RunContext(dir.resolve("runs"), dir.resolve("data"), out,
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), true).withRunner(runner);
        RunOutcome outcome = systems.run(cfg, ctx);
        return new Run(console.toString(StandardCharsets.UTF_8), outcome.summary(), files(outcome.folder()));
    }

    /** The first line where two files differ, or null when their bytes are equal (short, for a failure message). */
    static String firstDifference(byte[] a, byte[] b) {
        if (java.util.Arrays.equals(a, b)) {
            return null;
        }
        String[] x = new String(a, StandardCharsets.UTF_8).split("\n", -1);
        String[] y = new String(b, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ":\n  " + cut(x[i]) + "\n  " + cut(y[i]);
            }
        }
        return "lengths " + x.length + " vs " + y.length + " lines";
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Every file of a run folder by relative path. */
    static Map<String, byte[]> files(Path folder) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(p);
                if (p.getFileName().toString().equals("report.html")) {
                    // the report stamps the wall-clock time it was written (not the run's clock): the one
                    // expected difference between two runs
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replaceFirst("report generated [0-9T:-]+Z", "report generated (time)")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.put(folder.relativize(p).toString(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
