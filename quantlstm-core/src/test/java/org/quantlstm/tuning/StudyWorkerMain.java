package org.quantlstm.tuning;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A worker process for the multi-process tests: waits for a go-file, then works on a DuckDB study until
 * it holds {@code total} trials. Prints {@code READY}, one {@code RAN number value} line per trial it
 * finished, and {@code BEST number value} at the end.
 *
 * <p>Args: db-file study total threads sleep-ms seed go-file [handshake]. With {@code handshake}, no trial of this
 * process finishes before a trial of another worker (another seed) has started: each trial writes
 * {@code go-file.started-SEED} and waits (at most 60 s) for a peer's file, so that a test of two sharing workers
 * does not depend on how the OS schedules them.
 */
public final class StudyWorkerMain {
    private StudyWorkerMain() {
    }

    /** The deterministic test objective: (x − 1)² + 0.1·n, plus a sleep to simulate work. */
    static Objective objective(long sleepMs) {
        return t -> {
            double x = t.suggestFloat("x", -5, 5);
            int n = t.suggestInt("n", 1, 8);
            Thread.sleep(sleepMs);
            return value(x, n);
        };
    }

    static double value(double x, int n) {
        return (x - 1) * (x - 1) + 0.1 * n;
    }

    /** {@link #objective(long)} that first announces this worker and waits (bounded) for a peer's announcement. */
    static Objective withHandshake(Objective inner, Path go, long seed) {
        Path mine = go.resolveSibling(go.getFileName() + ".started-" + seed);
        String prefix = go.getFileName() + ".started-";
        return t -> {
            if (!Files.exists(mine)) {
                try {
                    Files.createFile(mine);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another thread of this worker announced it first
                }
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (var files = Files.list(go.toAbsolutePath().getParent())) {
                    if (files.map(f -> f.getFileName().toString())
                            .anyMatch(n -> n.startsWith(prefix) && !n.equals(mine.getFileName().toString()))) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
            return inner.evaluate(t);
        };
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String study = args[1];
        int total = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long sleepMs = Long.parseLong(args[4]);
        long seed = Long.parseLong(args[5]);
        Path go = Path.of(args[6]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("READY");
        while (!Files.exists(go)) {
            Thread.sleep(10);
        }
        try (DuckDbStorage storage = new DuckDbStorage(db)) {
            Study s = Study.builder(storage, study).direction(Direction.MINIMIZE)
                    .sampler(new RandomSampler(seed))
                    .listener((trial, best, failure) -> out.println("RAN " + trial.number() + " " + trial.value()))
                    .open();
            Objective objective = args.length > 7 && args[7].equals("handshake")
                    ? withHandshake(objective(sleepMs), go, seed) : objective(sleepMs);
            s.optimizeUntil(objective, total, threads);
            FrozenTrial best = s.bestTrial().orElseThrow();
            out.println("BEST " + best.number() + " " + best.value());
        }
    }
}
