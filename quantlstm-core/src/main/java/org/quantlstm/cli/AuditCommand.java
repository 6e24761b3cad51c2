package org.quantlstm.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quantlstm.audit.AuditReport;
import org.quantlstm.audit.LeakageAudit;
import org.quantlstm.data.quality.DataQuality;
import org.quantlstm.systems.Systems;
import org.quantlstm.workflow.RunContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quantlstm audit [EXPERIMENT]}: the leakage audit (reruns on data perturbed after several cuts in the test
 * segment) and the data-quality table of every series. Exit 0 when every cut passes (data findings alone do not
 * fail), 1 when a cut fails, 3 with {@code --strict} when there are data findings, 2 on bad input.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit an experiment for look-ahead and bad data.",
                "Runs it once, then once per cut with every price after the cut replaced by a random walk, and requires "
                        + "identical forecasts, positions, weights and equity up to each cut; then prints a data-quality "
                        + "table per series.",
                "Exit codes: 0 no leak (data findings are reported, not failed), 1 a cut FAILs (look-ahead), "
                        + "3 --strict and data findings, 2 bad input."})
final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", defaultValue = "spy-analyser", paramLabel = "EXPERIMENT",
            description = "A bundled experiment name or a path to an experiment YAML (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--cuts", paramLabel = "N", defaultValue = "3",
            description = "Cut dates inside the test segment (default: ${DEFAULT-VALUE}); one rerun each.")
    int cuts;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs for every run (model.epochs), to make the reruns affordable.")
    Integer epochs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key, e.g. --set tuning.trials=1.")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where the audit folder goes (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--strict", description = "Data-quality findings fail the audit too (exit 3).")
    boolean strict;

    @Override
    public Integer call() {
        RunCommand.checkRunsDir(runsDir);
        Map<String, String> o = new LinkedHashMap<>(sets);
        if (epochs != null) {
            o.put("model.epochs", String.valueOf(epochs));
        }
        LeakageAudit.Options opt = new LeakageAudit.Options(cuts);
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        AuditReport r = new LeakageAudit(Systems.standard(), DataQuality.defaults()).run(experiment, o, opt,
                new RunContext(runsDir, main.dataDir(), out, Clock.systemUTC(), false, null, main.storeWait()));
        out.flush();
        return r.exitCode(strict);
    }
}
