package org.quantlstm.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quantlstm.systems.Systems;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.TaskRunner;
import org.quantlstm.workflow.sweep.Grid;
import org.quantlstm.workflow.sweep.Sweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantlstm sweep EXPERIMENT --grid key=v1,v2 …}: a parameter grid over forecasts made once. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Evaluate a parameter grid (sizing, thresholds, costs, stops, fill, tickers) with the vectorized "
                + "backtester over forecasts made once, in chunks on the task runner.",
                "Writes a run folder with results.parquet (every configuration), summary.csv (top N by Sharpe with "
                        + "the Deflated Sharpe Ratio over the grid size), metrics.json and plan.json.",
                "Grid keys: sizing, threshold, k, cap, allow_short, cost_bps, slippage_bps, min_cost, stop_loss, "
                        + "take_profit, fill, tickers. Numbers may be ranges START:STOP:STEP."})
final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", defaultValue = "spy-analyser", paramLabel = "EXPERIMENT",
            description = "A bundled experiment name or a YAML path (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2", description = "A grid key and its values (repeat for more keys), "
            + "e.g. --grid sizing=binary,kelly --grid cost_bps=0:20:5.")
    List<String> grid = new ArrayList<>();

    @Option(names = "--forecast", paramLabel = "KIND", defaultValue = "model", description = "model (train the "
            + "experiment's network once; spy-analyser experiments), last-return (next return = last return) or drift "
            + "(expanding mean return); default: ${DEFAULT-VALUE}.")
    String forecast;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Reuse this spy-analyser run folder's forecasts "
            + "(a folder name under --runs-dir, or a path) instead of training.")
    String run;

    @Option(names = "--universe", paramLabel = "FILE", description = "A long-format CSV (date,ticker,open,high,low,"
            + "close,volume) of stocks to sweep instead of the experiment's tickers.")
    Path universe;

    @Option(names = "--max-tickers", paramLabel = "N", defaultValue = "0", description = "At most N tickers "
            + "(alphabetical for --universe); 0 = all.")
    int maxTickers;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows of the ranked summary "
            + "(default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--chunks", paramLabel = "N", defaultValue = "0", description = "Split the grid into N tasks "
            + "(default: 4 per runner slot, at most 250,000 configurations each). Results do not depend on it.")
    int chunks;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override an experiment key, e.g. --set data.period_days=365.")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @CommandLine.Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() {
        RunCommand.checkRunsDir(runsDir);
        Grid.parse(grid); // grid errors before any data is read
        ExperimentConfig config = Systems.standard().load(experiment, sets);
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        Sweep.Options options = new Sweep.Options(grid, forecast, run, universe, maxTickers, top, chunks);
        try (TaskRunner runner = engineOptions.open(out::println)) {
            Sweep.run(config, options, new RunContext(runsDir, main.dataDir(), out, Clock.systemUTC(), false, null,
                    main.storeWait(), runner));
        }
        return 0;
    }
}
