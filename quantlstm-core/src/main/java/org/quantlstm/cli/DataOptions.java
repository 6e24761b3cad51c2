package org.quantlstm.cli;

import java.net.URI;
import org.quantlstm.data.DataResolver;
import org.quantlstm.data.HttpFetcher;
import picocli.CommandLine.Option;

/**
 * {@code --source} and {@code --base-url}, shared by every command that reads prices; with the inherited
 * {@code --data-dir} they make the command's {@link DataResolver}.
 */
final class DataOptions {
    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Where prices come from: auto (default: the local store in --data-dir, then the bundled data),"
                    + " store, bundled, csv:PATH, yahoo, stooq or binance (cached in the store).")
    String source;

    @Option(names = "--base-url", paramLabel = "URL", description = "Provider base URL, for a mirror or a test stub.")
    URI baseUrl;

    /** The resolver for {@code --source} (or {@code dflt} when not given) over the data directory. */
    DataResolver resolver(Main main, String dflt, java.io.PrintWriter err) {
        return DataResolver.of(source != null ? source : dflt, main.storeAccess(err), baseUrl,
                () -> new HttpFetcher(HttpFetcher.Settings.defaults(), HttpFetcher.Sleeper.real(),
                        java.time.Clock.systemUTC(), java.util.random.RandomGenerator.getDefault(), err::println));
    }
}
