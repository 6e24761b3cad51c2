package org.quantlstm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.quantlstm.report.RunComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantlstm compare RUN_A RUN_B}: two runs' key figures side by side, optionally as compare.html. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Put two runs side by side: key figures of each and the difference B - A.")
final class CompareCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "First run folder.")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "Second run folder.")
    Path runB;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML comparison (table and growth-of-1 chart) to FILE, e.g. compare.html.")
    Path html;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        RunComparison c = RunComparison.of(runA, runB);
        out.print(c.table());
        if (html != null) {
            out.println("wrote " + c.writeHtml(html));
        }
    }
}
