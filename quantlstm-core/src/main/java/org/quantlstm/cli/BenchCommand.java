package org.quantlstm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code quantlstm bench SUBCOMMAND}: measured throughput figures, one a line, each ending with the figure and
 * its unit (e.g. {@code spy-analyser train batch=32 threads=1 412.3 samples/s}) so that a script can read them.
 * A new benchmark is one picocli command class added to {@code subcommands} below.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput: training and inference of the seed networks, features, backtests.",
        subcommands = {BenchTrainingCommand.class, BenchFeaturesCommand.class, BenchBacktestCommand.class,
                BenchTpeCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
