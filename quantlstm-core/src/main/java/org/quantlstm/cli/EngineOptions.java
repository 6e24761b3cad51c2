package org.quantlstm.cli;

import org.quantlstm.workflow.Engines;
import org.quantlstm.workflow.TaskRunner;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --master}, shared by the commands whose independent work can run elsewhere. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "Where independent tasks run: local (default, threads in this process) or spark.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "The engine's master: local[N] (N threads), or for Spark local[N] or spark://HOST:PORT.")
    String master;

    /** Opens the chosen runner; the caller closes it. */
    TaskRunner open(java.util.function.Consumer<String> log) {
        return Engines.open(engine, master, log);
    }
}
