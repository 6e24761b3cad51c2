package org.quantlstm.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quantlstm.common.UserInputException;
import org.quantlstm.tuning.DuckDbStorage;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.StudyExport;
import org.quantlstm.tuning.StudyStorage;
import org.quantlstm.tuning.TrialState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantlstm study list|show|export}: looks inside the tuning studies stored by {@code tune}. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Inspect tuning studies in <data-dir>/studies.duckdb (or --store FILE).",
        subcommands = {StudyCommand.ListCmd.class, StudyCommand.Show.class, StudyCommand.Export.class})
final class StudyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    Main main;

    @Option(names = "--store", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "Study store (default: <data-dir>/studies.duckdb).")
    Path store;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path storeFile() {
        Path f = store != null ? store : main.dataDir().resolve("studies.duckdb");
        if (!Files.isRegularFile(f)) {
            throw new UserInputException("study store " + escape(f.toString()) + ": no such file (run 'tune' first)");
        }
        return f;
    }

    static String escape(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("[^\\p{Print}]", "?");
    }


    static <T> T withStore(Path f, java.util.function.Function<DuckDbStorage, T> body) {
        try (DuckDbStorage s = new DuckDbStorage(f)) {
            return body.apply(s);
        }
    }

    static StudyStorage.StudyInfo find(StudyStorage s, String name) {
        return s.findStudy(name).orElseThrow(() -> new UserInputException("study '" + escape(name)
                + "' not found; 'quantlstm study list' shows the stored ones"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the stored studies.")
    static final class ListCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        StudyCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            String text = withStore(parent.storeFile(), s -> {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s  %-8s  %6s  %8s  %6s  %6s  %s%n",
                        "study", "goal", "trials", "complete", "pruned", "failed", "best"));
                for (StudyStorage.StudyInfo info : s.studies()) {
                    List<FrozenTrial> ts = s.trials(info.id());
                    sb.append(String.format(Locale.ROOT, "%-40s  %-8s  %6d  %8d  %6d  %6d  %s%n", info.name(),
                            info.direction().name().toLowerCase(Locale.ROOT), ts.size(), count(ts, TrialState.COMPLETE),
                            count(ts, TrialState.PRUNED), count(ts, TrialState.FAIL),
                            org.quantlstm.tuning.Study.best(ts, info.direction())
                                    .map(b -> org.quantlstm.tuning.OptunaStyleLog.number(b.value()) + " (trial " + b.number() + ")")
                                    .orElse("-")));
                }
                if (s.studies().isEmpty()) {
                    sb.append("(no studies)\n");
                }
                return sb.toString();
            });
            out.print(text);
            out.flush();
            return 0;
        }

        private static long count(List<FrozenTrial> ts, TrialState s) {
            return ts.stream().filter(t -> t.state() == s).count();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints a study: counts, best trial, every trial.")
    static final class Show implements Callable<Integer> {
        @CommandLine.ParentCommand
        StudyCommand parent;

        @Parameters(paramLabel = "NAME", description = "Study name (see 'study list').")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            String text = withStore(parent.storeFile(), s -> {
                StudyStorage.StudyInfo info = find(s, name);
                return StudyExport.show(info.name(), info.direction(), s.trials(info.id()));
            });
            out.print(text);
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes a study's trials as CSV (one column per parameter) or JSON (with intermediate values).")
    static final class Export implements Callable<Integer> {
        @CommandLine.ParentCommand
        StudyCommand parent;

        @Parameters(paramLabel = "NAME", description = "Study name (see 'study list').")
        String name;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
        Path output;

        @Override
        public Integer call() {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new UserInputException("--format: use csv or json, got '" + escape(format) + "'");
            }
            String text = withStore(parent.storeFile(), s -> {
                StudyStorage.StudyInfo info = find(s, name);
                List<FrozenTrial> ts = s.trials(info.id());
                return format.equals("csv") ? StudyExport.csv(ts) : StudyExport.json(info.name(), info.direction(), ts);
            });
            if (output == null) {
                PrintWriter out = parent.spec.commandLine().getOut();
                out.print(text);
                out.flush();
            } else {
                org.quantlstm.report.ResultWriter.atomicWrite(output, text.getBytes(StandardCharsets.UTF_8));
                parent.spec.commandLine().getOut().println("wrote " + output);
            }
            return 0;
        }
    }
}
