package org.quantlstm.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quantlstm.common.Excerpt;
import org.quantlstm.common.UserInputException;

/**
 * Chooses the {@link TaskRunner} for {@code --engine NAME [--master URL]}: {@code local} (the default: one
 * thread per core, or {@code --master local[N]} for N threads) is built in; any other engine is looked up among
 * the {@link TaskRunnerFactory} services on the class path.
 */
public final class Engines {
    private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\d{1,4}|\\*)]");

    private Engines() {
    }

    /** Opens the runner for an engine name (null = local) and master (null = the engine's default). */
    public static TaskRunner open(String engine, String master, Consumer<String> log) {
        String name = engine == null ? "local" : engine.trim().toLowerCase(Locale.ROOT);
        if (name.equals("local")) {
            return new LocalTaskRunner(localThreads(master));
        }
        List<String> known = new ArrayList<>(List.of("local"));
        for (TaskRunnerFactory f : ServiceLoader.load(TaskRunnerFactory.class)) {
            if (f.engine().equalsIgnoreCase(name)) {
                return f.open(master, log);
            }
            known.add(f.engine());
        }
        if (name.equals("spark")) {
            throw new UserInputException("--engine spark: the Spark engine is not on the class path; build it with"
                    + " 'mvn -B -DskipTests package' and run through ./quantlstm or spark-submit (README: Running on a cluster)");
        }
        throw new UserInputException("--engine " + Excerpt.of(engine, 40) + ": unknown engine (known: "
                + String.join(", ", known) + ")");
    }

    /** Threads for the local engine: {@code local[N]}, {@code local[*]} or null (one per core). */
    static int localThreads(String master) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (master == null || master.equals("local")) {
            return master == null ? cores : 1;
        }
        Matcher m = LOCAL_N.matcher(master.trim());
        if (!m.matches()) {
            throw new UserInputException("--master " + Excerpt.of(master, 60)
                    + ": the local engine takes local, local[N] or local[*]");
        }
        if (m.group(1).equals("*")) {
            return cores;
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1) {
            throw new UserInputException("--master " + master + ": N must be ≥ 1");
        }
        return n;
    }
}
