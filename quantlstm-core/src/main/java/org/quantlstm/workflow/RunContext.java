package org.quantlstm.workflow;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.quantlstm.data.DataResolver;
import org.quantlstm.data.HttpFetcher;

/**
 * Where a run writes and how it talks to the user: the runs root folder, the data directory (the local store),
 * a stream for progress and tables, a clock (fixed in tests), whether to draw progress bars, an optional
 * provider base URL (a mirror or a test stub) and how long to wait for a store another process is writing.
 * {@link #data(String)} gives the one data resolver every system loads prices through; {@link #runner()} runs
 * independent units of work (local threads unless {@code --engine} chose another engine). The caller that
 * made the context owns the runner and closes it.
 */
public record RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress, URI baseUrl,
                         java.time.Duration storeWait, TaskRunner runner) {

    public RunContext {
        if (runner == null) {
            runner = LOCAL;
        }
    }

    /** Shared default: one daemon thread per core, made on demand; systems never close the context's runner. */
    private static final TaskRunner LOCAL = LocalTaskRunner.perCore();

    public RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress, URI baseUrl,
                      java.time.Duration storeWait) {
        this(runsDir, dataDir, out, clock, progress, baseUrl, storeWait, null);
    }

    public RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress) {
        this(runsDir, dataDir, out, clock, progress, null, java.time.Duration.ofMinutes(5));
    }

    /** This context with another task runner. */
    public RunContext withRunner(TaskRunner other) {
        return new RunContext(runsDir, dataDir, out, clock, progress, baseUrl, storeWait, other);
    }

    /** The data resolver for a source spec ({@code auto}, {@code store}, {@code bundled}, {@code csv:PATH}, a provider). */
    public DataResolver data(String source) {
        return DataResolver.of(source, new org.quantlstm.data.StoreAccess(dataDir, storeWait, out::println), baseUrl,
                () -> new HttpFetcher(HttpFetcher.Settings.defaults(),
                HttpFetcher.Sleeper.real(), clock, java.util.random.RandomGenerator.getDefault(), out::println));
    }
}
