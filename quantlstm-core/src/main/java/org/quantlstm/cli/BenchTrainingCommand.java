package org.quantlstm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;
import org.quantlstm.features.Targets;
import org.quantlstm.features.Windowing;
import org.quantlstm.features.Windows;
import org.quantlstm.features.scale.MinMaxScaler;
import org.quantlstm.features.sets.FeatureSets;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.ThroughputProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quantlstm bench training [--threads N]}: per seed network, training samples/s (batch 32, a full step
 * with Adam and clipping) and inference windows/s at batch 32 and 1024, on real bundled windows of the network's
 * own shape (min-max scaled; the values do not change the speed). Each figure follows an untimed warm-up.
 */
@Command(name = "training", mixinStandardHelpOptions = true,
        description = "Training samples/s and inference windows/s of the seed networks on bundled windows.")
final class BenchTrainingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", defaultValue = "1", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--networks", split = ",", paramLabel = "NAME",
            description = "Networks to measure (default all): spy-analyser, weekly-12, multi-asset, cross-sectional.")
    List<String> networks;

    @Option(names = "--steps", defaultValue = "20", description = "Timed training steps per network (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed training steps before the timed ones (default ${DEFAULT-VALUE}): the JIT must compile DJL's Java path first, which matters for the small networks.")
    int warmup;

    @Option(names = "--windows", defaultValue = "2048", description = "Windows per inference figure (default ${DEFAULT-VALUE}).")
    int inferWindows;

    @Option(names = "--batches", split = ",", defaultValue = "32,1024", paramLabel = "B",
            description = "Inference batch sizes (default ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--repeat", defaultValue = "1", description = "Measure every figure this many times (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--cpu", description = "Also print each figure per second of process CPU time ('cpu' lines).")
    boolean cpu;

    private static final int TRAIN_BATCH = 32;

    @Override
    public void run() {
        if (threads < 1 || steps < 1 || inferWindows < 1 || repeat < 1 || warmup < 0) {
            throw new UserInputException("bench training: --threads, --steps, --windows and --repeat must be >= 1,"
                    + " --warmup >= 0");
        }
        Map<String, Supplier<Case>> all = cases();
        List<String> names = networks == null || networks.isEmpty() ? new ArrayList<>(all.keySet()) : networks;
        for (String n : names) {
            if (!all.containsKey(n)) {
                throw new UserInputException("bench training: unknown network '" + BenchOutput.echo(n) + "'; known: "
                        + String.join(", ", all.keySet()));
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("# " + Forecaster.runtimeDescription() + "; intra-op threads " + threads + "; load "
                + BenchOutput.loadAverage());
        w.flush();
        for (String n : names) {
            Case c = all.get(n).get();
            for (int r = 0; r < repeat; r++) {
                try (ThroughputProbe probe = ThroughputProbe.create(c.spec(), 1, threads)) {
                    ThroughputProbe.Rate t = probe.train(c.windows(), TRAIN_BATCH, steps, warmup);
                    print(w, n + " train batch=" + TRAIN_BATCH, t, "samples");
                    for (int b : batches) {
                        if (b < 1) {
                            throw new UserInputException("bench training: batch sizes must be >= 1, got " + b);
                        }
                        int passes = Math.max(1, inferWindows / b);
                        print(w, n + " infer batch=" + b, probe.infer(c.windows(), Math.min(b, c.windows().samples()),
                                passes), "windows");
                    }
                }
            }
        }
    }

    private void print(PrintWriter w, String what, ThroughputProbe.Rate r, String unit) {
        w.printf(Locale.ROOT, "%s threads=%d %.1f %s/s%n", what, threads, r.perSecond(), unit);
        if (cpu) {
            w.printf(Locale.ROOT, "%s threads=%d cpu %.1f %s/cpu-s%n", what, threads, r.perCpuSecond(), unit);
        }
        w.flush();
    }

    /** A network and real windows of its shape. */
    record Case(LstmSpec spec, Windows windows) {
    }

    static Map<String, Supplier<Case>> cases() {
        Map<String, Supplier<Case>> m = new LinkedHashMap<>();
        m.put("spy-analyser", () -> new Case(LstmSpec.spyAnalyser(60, 31),
                windows("SPY", Interval.D1, "spy-analyser-31", null, 60)));
        m.put("weekly-12", () -> new Case(LstmSpec.weekly12(24, 1),
                windows("AAPL", Interval.W1, "close-only", null, 24)));
        m.put("multi-asset", () -> new Case(LstmSpec.multiAsset(48, 2, 32, 2, 0.2),
                windows("XAUUSD", Interval.H4, "price-rsi", null, 48)));
        m.put("cross-sectional", () -> new Case(LstmSpec.crossSectional(20, 14, 32, 1, 0.1),
                windows("AAPL", Interval.D1, "cross-sectional", "SPY", 20)));
        return m;
    }

    /** Windows over the whole bundled history, min-max scaled (fitted on all rows: a benchmark, not a forecast). */
    static Windows windows(String symbol, Interval interval, String set, String benchmark, int lookback) {
        BundledSource source = new BundledSource();
        BarSeries s = source.load(Symbol.of(symbol), interval, DateRange.all()).adjusted();
        FeatureSet fs = FeatureSets.byName(set);
        FeatureMatrix raw = benchmark == null ? fs.compute(s)
                : fs.compute(s, source.load(Symbol.of(benchmark), interval, DateRange.all()).adjusted());
        FeatureMatrix scaled = MinMaxScaler.fit(raw, raw.firstCompleteRow(), raw.rows()).transform(raw);
        double[] target = Targets.nextLogReturn(s.closes());
        return Windowing.build(scaled, target, lookback, 0, scaled.rows());
    }
}
