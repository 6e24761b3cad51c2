package org.quantlstm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.quantlstm.tuning.DuckDbStorage;
import org.quantlstm.tuning.InMemoryStorage;
import org.quantlstm.tuning.Objective;
import org.quantlstm.tuning.Study;
import org.quantlstm.tuning.StudyStorage;
import org.quantlstm.tuning.TpeSampler;

/**
 * Bookkeeping cost per trial of a study (TPE, 2 parameters, 5 reports with a prune check each, a trivial
 * objective), in memory and in a DuckDB file (one process, one thread): what every real trial pays on top
 * of its training time.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(mvn -q -B -o dependency:build-classpath \
 *   -Dmdep.outputFile=/dev/stdout)" org.quantlstm.bench.StudyStoreBench [trials]
 * </pre>
 */
public final class StudyStoreBench {
    private StudyStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Objective o = t -> {
            double x = t.suggestFloat("x", -5, 5);
            int n = t.suggestInt("n", 1, 8);
            for (int step = 0; step < 5; step++) {
                t.report(step, x * x + n / (step + 1.0));
                t.pruneIfNeeded();
            }
            return x * x + n;
        };
        Path dir = Files.createTempDirectory("study-bench");
        time("in-memory", new InMemoryStorage(), o, trials);
        time("DuckDB file", new DuckDbStorage(dir.resolve("bench.duckdb")), o, trials);
    }

    private static void time(String label, StudyStorage storage, Objective o, int trials) {
        Study s = Study.builder(storage, "bench").sampler(new TpeSampler(0)).open();
        long t0 = System.nanoTime();
        s.optimize(o, trials);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "| %s | %d trials | %.1f ms/trial |%n", label, trials, ms / trials);
    }
}
