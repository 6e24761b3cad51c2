package org.quantlstm.workflow;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.quantlstm.data.DataResolver;
import org.quantlstm.data.HttpFetcher;

/**
 * Where a run writes and how it talks to the user: the runs root folder, the data directory (the local store),
 * a stream for progress and tables, a clock (fixed in tests), whether to draw progress bars, and an optional
 * provider base URL (a mirror or a test stub). {@link #data(String)} gives the one data resolver every system
 * loads prices through.
 */
public record RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress, URI baseUrl) {

    public RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress) {
        this(runsDir, dataDir, out, clock, progress, null);
    }

    /** The data resolver for a source spec ({@code auto}, {@code store}, {@code bundled}, {@code csv:PATH}, a provider). */
    public DataResolver data(String source) {
        return DataResolver.of(source, dataDir, baseUrl, () -> new HttpFetcher(HttpFetcher.Settings.defaults(),
                HttpFetcher.Sleeper.real(), clock, java.util.random.RandomGenerator.getDefault(), out::println));
    }
}
