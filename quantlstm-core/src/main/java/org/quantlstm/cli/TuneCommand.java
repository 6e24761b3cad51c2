package org.quantlstm.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.quantlstm.systems.multiasset.TuneSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantlstm tune}: Optuna-style tuning of one asset's LSTM, persisted and resumable. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune one asset's price+RSI LSTM and long/short thresholds (multi-asset-4h system) on the "
                + "validation segment, then evaluate the best configuration once on the test segment.",
                "The study lives in <data-dir>/studies.duckdb: running the same command again resumes it, and "
                        + "--trials is the study's total (2 then 4 gives 4 trials, not 6)."})
final class TuneCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Option(names = "--ticker", defaultValue = "XAUUSD", description = "Ticker (default: ${DEFAULT-VALUE}), from --source (default auto: the local store, then the bundled data).")
    String ticker;

    @Option(names = "--interval", defaultValue = "4h", description = "Bar interval (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--trials", defaultValue = "50", description = "Total trials in the study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--objective", description = "profit-dd (default), sharpe or rmse, on the validation segment.")
    String objective;

    @Option(names = "--lambda", description = "Drawdown penalty in profit - lambda*|max drawdown| (default 1.0).")
    Double lambda;

    @Option(names = "--sampler", description = "tpe (default), tpe-multivariate, random, grid (3 values per numeric parameter) or cmaes; "
            + "with --jobs > 1 TPE uses the constant liar.")
    String sampler;

    @Option(names = "--pruner", description = "median (default), halving, hyperband or none.")
    String pruner;

    @Option(names = "--study", description = "Study name (default: TICKER-INTERVAL-OBJECTIVE-DAYSd).")
    String study;

    @Option(names = "--jobs", defaultValue = "1", description = "Trials run at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--period", paramLabel = "DAYS", description = "Calendar days of history (default 730).")
    Integer period;

    @Option(names = "--seed", description = "Random seed for the sampler and the networks (default 42).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key of experiments/multi-asset-4h.yaml, e.g. --set tuning.epochs=5,50 "
                    + "--set tuning.hidden_size=16,128 --set backtest.cost_bps=5.")
    java.util.Map<String, String> sets = new java.util.LinkedHashMap<>();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "0", description = "Ask N trials at a time (constant "
            + "liar for the pending ones) and evaluate them as tasks on the --engine's runner, the study staying here; "
            + "trials in batches are not pruned. 0 (default) = no batches (see --jobs).")
    int batch;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @CommandLine.Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        TuneSession.Request request = new TuneSession.Request(ticker, interval, period, trials, objective, lambda, sampler,
                pruner, study, jobs, seed, sets, batch);
        if (batch == 0) {
            TuneSession.run(request, main.dataDir(), out, data.resolver(main, "auto", spec.commandLine().getErr()));
            return 0;
        }
        try (org.quantlstm.workflow.TaskRunner runner = engineOptions.open(out::println)) {
            TuneSession.run(request, main.dataDir(), out, data.resolver(main, "auto", spec.commandLine().getErr()), runner);
        }
        return 0;
    }
}
