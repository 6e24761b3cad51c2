package org.quantlstm.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.systems.Systems;
import org.quantlstm.workflow.RunContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantlstm run [EXPERIMENT]}: one experiment end to end, leaving a run folder behind. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment end to end: data, features, LSTM, signals, backtest with costs, report.",
                "EXPERIMENT is a bundled name (default: spy-analyser) or a path to a YAML file."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", defaultValue = "spy-analyser", paramLabel = "EXPERIMENT",
            description = "spy-analyser or a path to an experiment YAML (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--ticker", description = "Ticker to trade (spy-analyser default SPY).")
    String ticker;

    @Option(names = "--period", paramLabel = "DAYS", description = "Calendar days of history (seed default 730).")
    Integer period;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Where prices come from: auto (default: the local store in --data-dir, then the bundled data),"
                    + " store, bundled, csv:PATH, yahoo, stooq or binance (cached in the store).")
    String source;

    @Option(names = "--base-url", paramLabel = "URL", description = "Provider base URL, for a mirror or a test stub.")
    java.net.URI baseUrl;

    @Option(names = "--cost-bps", paramLabel = "BPS", description = "Costs per side in basis points of traded notional (default 10).")
    Double costBps;

    @Option(names = "--fill", description = "next-open (default) or next-close.")
    String fill;

    @Option(names = "--epochs", description = "Maximum training epochs (early stopping may end sooner).")
    Integer epochs;

    @Option(names = "--seed", description = "Random seed for weights, dropout and shuffling.")
    Long seed;

    @Option(names = "--seeds", paramLabel = "N", description = "spy-analyser: train N seeds (seed, seed+1, ...) and "
            + "report mean +- std, min and max of the forecast and strategy figures (YAML robustness.seeds).")
    Integer seeds;

    @Option(names = "--universe", paramLabel = "FILE", description = "cross-sectional: long-format CSV of the stock universe (default: bundled liquid S&P 500 subset).")
    String universe;

    @Option(names = "--top-k", paramLabel = "K", description = "cross-sectional: at most K positions (default 5).")
    Integer topK;

    @Option(names = "--threshold", description = "cross-sectional: enter only above this alpha score (default 0.2).")
    Double threshold;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any config key, e.g. --set model.lookback=30.")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--no-progress", description = "Do not draw training progress bars.")
    boolean noProgress;

    @CommandLine.Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() {
        checkRunsDir(runsDir);
        Map<String, String> o = new LinkedHashMap<>(sets);
        put(o, "data.ticker", ticker);
        put(o, "data.period_days", period);
        put(o, "data.source", source);
        put(o, "backtest.cost_bps", costBps);
        put(o, "backtest.fill", fill);
        put(o, "model.epochs", epochs);
        put(o, "seed", seed);
        put(o, "robustness.seeds", seeds);
        put(o, "universe.file", universe);
        put(o, "strategy.top_k", topK);
        put(o, "strategy.entry_threshold", threshold);
        if (source != null && source.regionMatches(true, 0, "csv:", 0, 4) && ticker == null
                && !o.containsKey("data.ticker") && experiment.equals("spy-analyser")) {
            // a user's one-series file: name the series after the file, not after the default ticker
            o.put("data.ticker", RunCommand.symbolFromFile(source.substring(4)));
        }
        Systems systems = Systems.standard();
        ExperimentConfig config = systems.load(experiment, o);
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        try (org.quantlstm.workflow.TaskRunner runner = engineOptions.open(out::println)) {
            systems.run(config, new RunContext(runsDir, main.dataDir(), out, Clock.systemUTC(), !noProgress, baseUrl,
                    main.storeWait(), runner));
        }
        return 0;
    }

    /** A ticker from a file name: {@code data/my-prices.csv} → {@code MY-PRICES}; invalid characters become '_'. */
    static String symbolFromFile(String path) {
        String name = java.nio.file.Path.of(path).getFileName() == null ? "CSV" : java.nio.file.Path.of(path).getFileName().toString();
        name = name.replaceFirst("(?i)\\.csv(\\.gz)?$", "").replaceFirst("(?i)\\.gz$", "");
        String t = name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9._^=-]", "_");
        if (t.isEmpty() || !Character.isLetterOrDigit(t.charAt(0))) {
            t = "CSV" + t;
        }
        return t.length() > 20 ? t.substring(0, 20) : t;
    }

    /** A runs directory must be a directory (or not exist yet): a file there is a user error, exit 2. */
    static void checkRunsDir(Path dir) {
        if (dir.toString().isBlank()) {
            throw new org.quantlstm.common.UserInputException("--runs-dir is empty: give a directory");
        }
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new org.quantlstm.common.UserInputException("--runs-dir " + org.quantlstm.common.Excerpt.of(dir.toString(), 120)
                    + " is a file, not a directory");
        }
    }

    private static void put(Map<String, String> o, String key, Object value) {
        if (value != null) {
            o.put(key, String.valueOf(value));
        }
    }
}
