package org.quantlstm.cli;

import java.io.PrintWriter;
import org.quantlstm.common.Excerpt;
import org.quantlstm.common.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point. Exit codes: 0 success, 1 internal failure, 2 bad input (bad option, file, symbol or config);
 * {@code audit} also exits 1 when a leakage cut fails and 3 under {@code --strict} with data findings.
 */
@Command(name = "quantlstm", mixinStandardHelpOptions = true, version = "quantlstm 0.1.0",
        description = "LSTM trading research: data, features, forecasts, backtests, portfolios, tear sheets.",
        subcommands = {RunCommand.class, FetchCommand.class, DataCommand.class, FeaturesCommand.class,
                TrainCommand.class, PredictCommand.class, TuneCommand.class, PortfolioCommand.class, ReportCommand.class,
                RunsCommand.class, CompareCommand.class, BenchCommand.class, SweepCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for errors the user can fix. */
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors.")
    boolean verbose;

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "Directory of the local market store (market.duckdb). Default: $QUANTLSTM_DATA_DIR, else ~/.quantlstm.")
    java.nio.file.Path dataDir;

    @Option(names = "--store-wait", scope = CommandLine.ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the local store while another quantlstm process writes to it "
                    + "(default: ${DEFAULT-VALUE}).")
    long storeWaitSeconds;

    /** The longest error line printed; longer messages are cut (the input they quote is already excerpted). */
    static final int MAX_ERROR_CHARS = 1000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The data directory: --data-dir, else $QUANTLSTM_DATA_DIR, else ~/.quantlstm. */
    java.nio.file.Path dataDir() {
        if (dataDir != null) {
            if (dataDir.toString().isBlank()) {
                throw new UserInputException("--data-dir is empty: give a directory (or leave the option out for "
                        + "$QUANTLSTM_DATA_DIR, else ~/.quantlstm)");
            }
            return dataDir;
        }
        String env = System.getenv("QUANTLSTM_DATA_DIR");
        return env != null && !env.isBlank() ? java.nio.file.Path.of(env)
                : org.quantlstm.data.MarketStore.defaultDir();
    }

    /** How long a store open waits for another process's writer; refused when negative. */
    java.time.Duration storeWait() {
        if (storeWaitSeconds < 0 || storeWaitSeconds > 86_400) {
            throw new UserInputException("--store-wait must be within 0..86400 seconds: " + storeWaitSeconds);
        }
        return java.time.Duration.ofSeconds(storeWaitSeconds);
    }

    /** The store access for commands: the data directory, the wait and where "waiting" notices go. */
    org.quantlstm.data.StoreAccess storeAccess(PrintWriter err) {
        return new org.quantlstm.data.StoreAccess(dataDir(), storeWait(), line -> {
            err.println(line);
            err.flush();
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand("study", new StudyCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            Throwable cause = ex;
            if (verbose) {
                ex.printStackTrace(err);
            }
            if (cause instanceof UserInputException) {
                err.println("error: " + Excerpt.line(cause.getMessage(), MAX_ERROR_CHARS));
                return EXIT_BAD_INPUT;
            }
            err.println("internal error: " + Excerpt.line(String.valueOf(cause), MAX_ERROR_CHARS) + (verbose ? "" : " (run with --verbose for details)"));
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            err.println("error: " + Excerpt.line(ex.getMessage(), MAX_ERROR_CHARS));
            err.println("usage: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return EXIT_BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
