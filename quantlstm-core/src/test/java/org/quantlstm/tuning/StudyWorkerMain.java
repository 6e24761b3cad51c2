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
 * <p>Args: db-file study total threads sleep-ms seed go-file
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
            s.optimizeUntil(objective(sleepMs), total, threads);
            FrozenTrial best = s.bestTrial().orElseThrow();
            out.println("BEST " + best.number() + " " + best.value());
        }
    }
}
