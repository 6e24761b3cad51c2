package org.quantlstm.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.quantlstm.common.AtomicFiles;
import org.quantlstm.common.UserInputException;
import org.quantlstm.tuning.BenchmarkFunctions;
import org.quantlstm.tuning.SamplerBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quantlstm bench tpe}: search quality of the samplers on Branin and Hartmann-6 (median of the best value
 * over seeds, minimisation), one line per function and sampler; a subcommand of {@link BenchCommand}.
 */
@Command(name = "tpe", mixinStandardHelpOptions = true,
        description = {"Median best value found by each sampler on Branin (min 0.398) and Hartmann-6 (min -3.322) over "
                + "seeds 0..N-1, one fresh in-memory study per seed, one worker.",
                "Optuna's figures for the same protocol: /usr/bin/python3 bench/optuna_tpe.py (see bench/tpe-side-by-side.sh)."})
final class BenchTpeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seeds", defaultValue = "20", description = "Seeds per function and sampler (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--trials", defaultValue = "100", description = "Trials per study (default: ${DEFAULT-VALUE}); "
            + "medians are also reported at half of it.")
    int trials;

    @Option(names = "--functions", defaultValue = "branin,hartmann6", split = ",",
            description = "Functions (default: ${DEFAULT-VALUE}).")
    List<String> functions;

    @Option(names = "--samplers", defaultValue = "random,tpe,tpe-multivariate,cmaes", split = ",",
            description = "Samplers (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(names = "--per-seed", paramLabel = "FILE", description = "Also write every seed's best values to this CSV "
            + "(function,sampler,seed,best_half,best); bench/optuna_tpe.py writes the same for Optuna, and "
            + "bench/tpe_significance.py compares the two.")
    Path perSeed;

    @Override
    public Integer call() {
        if (seeds < 1 || seeds > 10_000 || trials < 2 || trials > 100_000) {
            throw new UserInputException("bench tpe: --seeds must be in 1..10000 and --trials in 2..100000");
        }
        List<BenchmarkFunctions.Function> fs = new ArrayList<>();
        for (String f : functions) {
            fs.add(BenchmarkFunctions.all().stream().filter(x -> x.name().equals(f)).findFirst()
                    .orElseThrow(() -> new UserInputException("bench tpe: unknown function '" + shorten(f)
                            + "', use branin or hartmann6")));
        }
        for (String s : samplers) {
            if (!SamplerBenchmark.SAMPLERS.contains(s)) {
                throw new UserInputException("bench tpe: unknown sampler '" + shorten(s) + "', use one of "
                        + SamplerBenchmark.SAMPLERS);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> rows = new ArrayList<>();
        rows.add("function,sampler,seed,best_half,best");
        for (BenchmarkFunctions.Function f : fs) {
            for (String s : samplers) {
                SamplerBenchmark.Result r = SamplerBenchmark.run(f, s, seed -> SamplerBenchmark.sampler(s, seed), seeds,
                        trials);
                out.println(r.line());
                out.flush();
                rows.addAll(r.perSeedRows());
            }
        }
        if (perSeed != null) {
            try {
                AtomicFiles.write(perSeed, (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (UncheckedIOException e) {
                throw new UserInputException("bench tpe: cannot write --per-seed file " + shorten(perSeed.toString()));
            }
        }
        return 0;
    }

    private static String shorten(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("[^\\p{Print}]", "?");
    }
}
