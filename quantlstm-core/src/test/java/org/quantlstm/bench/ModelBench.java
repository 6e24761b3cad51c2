package org.quantlstm.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.quantlstm.features.Windows;
import org.quantlstm.model.Forecaster;
import org.quantlstm.model.LstmSpec;
import org.quantlstm.model.TrainConfig;

/**
 * Training and inference throughput of the spy-analyser network (batch 32, lookback 60, 31 features) and the
 * weekly-12 network (batch 32, lookback 24, 1 feature) on this machine, with random inputs (throughput does not
 * depend on the values). Prints one Markdown table row per network.
 *
 * <p>Run (after {@code mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}):
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.quantlstm.bench.ModelBench [threads]
 * [trainBatches] [epochs]}.
 */
public final class ModelBench {
    private ModelBench() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("# " + Forecaster.runtimeDescription() + ", intra-op threads " + threads);
        System.out.println("| network | params | input (batch, lookback, features) | train samples/s | inference windows/s"
                + " (batch 32) | inference windows/s (batch 1024) |");
        System.out.println("|---|---|---|---|---|---|");
        run(LstmSpec.spyAnalyser(60, 31), threads, batches, epochs);
        run(LstmSpec.weekly12(24, 1), threads, batches, epochs);
    }

    private static Windows random(int samples, int lookback, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[samples * lookback * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        float[] y = new float[samples];
        int[] end = new int[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = (float) r.nextDouble();
            end[i] = lookback - 1 + i;
        }
        return new Windows(x, y, end, samples, lookback, features);
    }

    private static void run(LstmSpec spec, int threads, int batches, int epochs) {
        int batch = 32;
        Windows train = random(batch * batches, spec.lookback(), spec.features(), 1);
        Windows infer = random(2048, spec.lookback(), spec.features(), 2);
        TrainConfig config = TrainConfig.defaults().withBatchSize(batch).withThreads(threads)
                .withEarlyStopping(0, 0, false).withLrPlateau(0, 0.5, 1e-6);
        try (Forecaster f = Forecaster.create(spec, 1)) {
            f.fit(train, null, config.withEpochs(1)); // warm-up
            long t0 = System.nanoTime();
            f.fit(train, null, config.withEpochs(epochs));
            double trainRate = (double) train.samples() * epochs / ((System.nanoTime() - t0) / 1e9);

            f.predict(infer.slice(0, 64)); // warm-up
            long t1 = System.nanoTime();
            for (int from = 0; from + batch <= infer.samples(); from += batch) {
                f.scoreCrossSection(infer.slice(from, from + batch));
            }
            double inferSmall = infer.samples() / ((System.nanoTime() - t1) / 1e9);
            long t2 = System.nanoTime();
            f.predict(infer);
            double inferLarge = infer.samples() / ((System.nanoTime() - t2) / 1e9);
            System.out.println(String.format(Locale.ROOT, "| %s | %,d | (%d, %d, %d) | %.1f | %.1f | %.1f |", spec.name(),
                    spec.parameterCount(), batch, spec.lookback(), spec.features(), trainRate, inferSmall, inferLarge));
        }
    }
}
