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
 * {@link #data(String)} gives the one data resolver every system loads prices through.
 */
public record RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress, URI baseUrl,
                         java.time.Duration storeWait) {

    public RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress) {
        this(runsDir, dataDir, out, clock, progress, null, java.time.Duration.ofMinutes(5));
    }

    /** The data resolver for a source spec ({@code auto}, {@code store}, {@code bundled}, {@code csv:PATH}, a provider). */
    public DataResolver data(String source) {
        return DataResolver.of(source, new org.quantlstm.data.StoreAccess(dataDir, storeWait, out::println), baseUrl,
                () -> new HttpFetcher(HttpFetcher.Settings.defaults(),
                HttpFetcher.Sleeper.real(), clock, java.util.random.RandomGenerator.getDefault(), out::println));
    }
}
