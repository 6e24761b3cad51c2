package org.quantlstm.cli;

import java.nio.file.Path;
import org.quantlstm.report.RunFigures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantlstm runs}: the past runs with their key figures, oldest first. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List past runs with system, date, best strategy, return, Sharpe, DSR and the benchmark's return.")
final class RunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run folders are (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Override
    public void run() {
        spec.commandLine().getOut().print(RunFigures.table(RunFigures.list(runsDir)));
    }
}
