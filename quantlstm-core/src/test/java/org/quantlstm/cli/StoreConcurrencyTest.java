package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.data.MarketStore;
import org.quantlstm.data.StubHttpServer;
import org.quantlstm.data.StubHttpServer.Reply;

/**
 * The store under concurrency, with real OS processes: two imports into one data directory, a reader while
 * another process writes, and a reader during a slow fetch.
 */
class StoreConcurrencyTest {
    @TempDir
    Path dir;

    /** A started child: {@code quantlstm ARGS} in its own JVM, output collected on a daemon thread. */
    record Child(Process process, List<String> lines) {
        int await() throws InterruptedException {
            assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("child still running; output %s", lines).isTrue();
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    static Child quantlstm(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("IOERROR " + e);
            }
        });
        t.setDaemon(true);
        t.start();
        return new Child(p, lines);
    }

    /** A daily OHLCV file of {@code n} rows. */
    private Path csv(String name, int n, double base) throws IOException {
        Path f = dir.resolve(name);
        LocalDate d = LocalDate.of(1950, 1, 2);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("Date,Open,High,Low,Close,Volume\n");
            for (int i = 0; i < n; i++) {
                double c = base + (i % 100) * 0.01;
                w.write(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%d%n", d, c, c + 1, c - 1, c, 1000 + i));
                d = d.plusDays(1);
            }
        }
        return f;
    }

    private static void awaitLine(Child c, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!c.output().contains(text)) {
            assertThat(c.process().isAlive()).as("child ended without printing '%s': %s", text, c.output()).isTrue();
            assertThat(System.nanoTime()).as("no '%s' yet: %s", text, c.output()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void twoImportsIntoOneDataDirStartedTogetherBothSucceed() throws Exception {
        Path store = dir.resolve("store");
        Path a = csv("a.csv", 40_000, 100);
        Path b = csv("b.csv", 40_000, 200);
        Child first = quantlstm("--data-dir", store.toString(), "data", "import", a.toString(), "--symbol", "AAA");
        Child second = quantlstm("--data-dir", store.toString(), "data", "import", b.toString(), "--symbol", "BBB");
        assertThat(first.await()).as(first.output()).isZero();
        assertThat(second.await()).as(second.output()).isZero();
        MainTest.Result list = MainTest.run("--data-dir", store.toString(), "data", "list");
        assertThat(list.out()).contains("AAA", "BBB").contains("stored in").contains("2 series");
        assertThat(MainTest.run("--data-dir", store.toString(), "data", "show", "BBB").out()).contains("rows=40000");
    }

    @Test
    void aReaderWaitsForAWriterInAnotherProcessInsteadOfFailing() throws Exception {
        Path store = dir.resolve("store");
        assertThat(MainTest.run("--data-dir", store.toString(), "data", "import", csv("k.csv", 50, 10).toString(),
                "--symbol", "KEEP").code()).isZero();
        Child reader;
        try (MarketStore writer = MarketStore.open(store)) { // this process holds the store for writing
            reader = quantlstm("--data-dir", store.toString(), "data", "show", "KEEP");
            awaitLine(reader, "waiting for the store");
            assertThat(writer.rowCount()).isEqualTo(50);
        }
        assertThat(reader.await()).as(reader.output()).isZero();
        assertThat(reader.output()).contains("KEEP", "rows=50");
    }

    @Test
    void aWriterThatWaitsTooLongEndsInOneClearLine() throws Exception {
        Path store = dir.resolve("store");
        Path f = csv("k.csv", 50, 10);
        assertThat(MainTest.run("--data-dir", store.toString(), "data", "import", f.toString(), "--symbol", "KEEP")
                .code()).isZero();
        Child late;
        try (MarketStore writer = MarketStore.open(store)) {
            late = quantlstm("--data-dir", store.toString(), "--store-wait", "1", "data", "import", f.toString(),
                    "--symbol", "LATE");
            assertThat(late.await()).as(late.output()).isEqualTo(2);
        }
        List<String> errors = late.lines().stream().filter(l -> l.startsWith("error:")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("still in use by another process after 1 s", "--store-wait");
        assertThat(late.output()).doesNotContain("Exception");
    }

    @Test
    void dataShowWorksWhileAFetchWaitsForTheNetwork() throws Exception {
        Path store = dir.resolve("store");
        assertThat(MainTest.run("--data-dir", store.toString(), "data", "import", csv("k.csv", 50, 10).toString(),
                "--symbol", "KEEP").code()).isZero();
        try (StubHttpServer stub = StubHttpServer.start()) {
            stub.on("/v8/finance/chart/SPY", r -> Reply.json(StubHttpServer.fixture("yahoo_spy_1d.json")).delayedBy(4000));
            Child fetch = quantlstm("--data-dir", store.toString(), "fetch", "SPY", "--base-url", stub.baseUrl().toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (stub.requests().isEmpty()) { // the fetch is now inside its download
                assertThat(fetch.process().isAlive()).as(fetch.output()).isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
            MainTest.Result shown = MainTest.run("--data-dir", store.toString(), "--store-wait", "0", "data", "show", "KEEP");
            assertThat(shown.code()).as(shown.err()).isZero();
            assertThat(shown.out()).contains("rows=50");
            assertThat(shown.err()).doesNotContain("waiting");
            MainTest.Result imported = MainTest.run("--data-dir", store.toString(), "--store-wait", "0", "data", "import",
                    dir.resolve("k.csv").toString(), "--symbol", "MORE");
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(fetch.await()).as(fetch.output()).isZero();
            assertThat(fetch.output()).contains("downloaded and stored");
        }
        assertThat(MainTest.run("--data-dir", store.toString(), "data", "list").out()).contains("KEEP", "MORE", "SPY");
    }
}
