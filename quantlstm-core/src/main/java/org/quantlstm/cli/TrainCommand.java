package org.quantlstm.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.workflow.ModelWorkflow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantlstm train}: fit a network on a ticker, compare it with the naive baselines, save it. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an LSTM on a ticker and compare it with the naive baselines; save it.",
                "Chronological 70/30 split with validation carved from the end of train; prints RMSE, MAE, MAPE,",
                "directional accuracy, IC and rank IC next to persistence and drift, and saves the model with its",
                "scalers and feature set as one directory."})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ticker", defaultValue = "SPY", description = "Ticker (default: ${DEFAULT-VALUE}).")
    String ticker;

    @Option(names = "--net", defaultValue = "spy-analyser",
            description = "spy-analyser (31 features, 1d), weekly-12 (close, 1wk) or multi-asset (price+RSI, 4h). Default: ${DEFAULT-VALUE}.")
    String net;

    @Option(names = "--interval", description = "Bar interval (default: the network's).")
    String interval;

    @Option(names = "--period", paramLabel = "DAYS", description = "Calendar days of history, 0 = all (default: the network's).")
    Integer period;

    @Option(names = "--lookback", description = "Window length in bars (default: the network's).")
    Integer lookback;

    @Option(names = "--epochs", defaultValue = "50", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--patience", defaultValue = "10", description = "Early-stopping patience in epochs (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--target", defaultValue = "next-return",
            description = {"next-return (log return; forecasts close*exp(r)) or next-close (seed 001: the price level,",
                    "which cannot forecast beyond the training range once min-max scaled). Default: ${DEFAULT-VALUE}."})
    String target;

    @Option(names = "--out", description = "Model directory (default: models/TICKER-NET).")
    Path out;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    boolean noProgress;

    @Option(names = "--cell", defaultValue = "lstm", description = "Recurrent cell: lstm or gru (default: ${DEFAULT-VALUE}).")
    String cell;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        ModelWorkflow.NetDefaults d = ModelWorkflow.defaults(net);
        PrintStream ps = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        ModelWorkflow.train(new ModelWorkflow.TrainRequest(Symbol.of(ticker), net,
                interval == null ? d.interval() : Interval.parse(interval), period == null ? d.periodDays() : period,
                lookback == null ? d.lookback() : lookback, epochs, batchSize, lr, patience, seed, out, !noProgress,
                org.quantlstm.workflow.ForecastStage.TargetKind.parse(target), org.quantlstm.model.LstmSpec.Cell.parse(cell),
                data.resolver(main, "auto", spec.commandLine().getErr())), ps);
        return 0;
    }
}
