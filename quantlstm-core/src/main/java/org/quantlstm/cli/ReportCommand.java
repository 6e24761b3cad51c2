package org.quantlstm.cli;

import java.nio.file.Path;
import org.quantlstm.report.TearSheet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quantlstm report RUN_DIR}: (re)builds the run folder's self-contained report.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "(Re)build RUN_DIR/report.html, the self-contained HTML tear sheet of a run (no network needed).")
final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. runs/20260101-120000-spy-analyser.")
    Path runDir;

    @Override
    public void run() {
        spec.commandLine().getOut().println("wrote " + TearSheet.write(runDir));
    }
}
