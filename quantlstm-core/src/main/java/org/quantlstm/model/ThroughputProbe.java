package org.quantlstm.model;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import org.quantlstm.common.UserInputException;
import org.quantlstm.features.Windows;

/**
 * Measures how fast one network trains and infers on given windows, through the same code paths as real work
 * ({@link Forecaster#fit} and one forward pass per batch), for {@code quantlstm bench training}. Each figure is
 * taken after a warm-up on the same shapes, so it excludes engine loading, JIT compilation and first-touch
 * allocation; it is reported both per second of wall time and per second of process CPU time (the latter
 * moves less when other work shares the machine).
 *
 * <p>Holds one forecaster (native memory): use try-with-resources.
 */
public final class ThroughputProbe implements AutoCloseable {
    private final Forecaster forecaster;
    private final int threads;

    /** A rate: {@code perSecond} of wall time and {@code perCpuSecond} of process CPU time. */
    public record Rate(double perSecond, double perCpuSecond, long items, double wallSeconds, double cpuSeconds) {
    }

    private ThroughputProbe(LstmSpec spec, long seed, int threads) {
        if (threads < 1) {
            throw new UserInputException("threads must be at least 1, got " + threads);
        }
        this.forecaster = Forecaster.create(Objects.requireNonNull(spec, "spec"), seed);
        this.threads = threads;
    }

    /** A probe for {@code spec} with initial weights from {@code seed}, running PyTorch on {@code threads} threads. */
    public static ThroughputProbe create(LstmSpec spec, long seed, int threads) {
        return new ThroughputProbe(spec, seed, threads);
    }

    /**
     * Training throughput: full steps (forward, loss, backward, clipping, Adam) over {@code steps} batches of
     * {@code batch} windows taken in order from {@code windows} (which must hold at least that many), after
     * {@code warmupSteps} untimed steps.
     */
    public Rate train(Windows windows, int batch, int steps, int warmupSteps) {
        int need = batch * Math.max(steps, warmupSteps);
        if (batch < 1 || steps < 1 || windows.samples() < need) {
            throw new UserInputException("training probe needs " + need + " windows, has " + windows.samples());
        }
        TrainConfig config = TrainConfig.defaults().withBatchSize(batch).withThreads(threads).withShuffle(false)
                .withEarlyStopping(0, 0, false).withLrPlateau(0, 0.5, 1e-6).withEpochs(1);
        if (warmupSteps > 0) {
            forecaster.fit(windows.slice(0, batch * warmupSteps), null, config);
        }
        Windows timed = windows.slice(0, batch * steps);
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        forecaster.fit(timed, null, config);
        return rate((long) batch * steps, System.nanoTime() - t0, processCpuNanos() - c0);
    }

    /**
     * Inference throughput: one forward pass (no gradients, no dropout) per batch of {@code batch} windows, over
     * {@code passes} consecutive batches of {@code windows}, after untimed warm-up passes (as many as 2,048
     * windows need, between 1 and 10: small batches of small networks run through DJL's Java path often enough
     * that it must be JIT-compiled before timing).
     */
    public Rate infer(Windows windows, int batch, int passes) {
        if (batch < 1 || passes < 1 || windows.samples() < batch) {
            throw new UserInputException("inference probe needs at least " + batch + " windows, has "
                    + windows.samples());
        }
        TorchRuntime.useThreads(threads);
        int per = windows.samples() / batch;
        Windows[] chunks = new Windows[Math.min(per, passes)];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = windows.slice(i * batch, (i + 1) * batch);
        }
        int warmup = Math.max(1, Math.min(10, 2048 / batch));
        for (int i = 0; i < warmup; i++) {
            forecaster.scoreCrossSection(chunks[i % chunks.length]);
        }
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < passes; i++) {
            forecaster.scoreCrossSection(chunks[i % chunks.length]);
        }
        return rate((long) batch * passes, System.nanoTime() - t0, processCpuNanos() - c0);
    }

    private static Rate rate(long items, long wallNanos, long cpuNanos) {
        double wall = wallNanos / 1e9;
        double cpu = cpuNanos / 1e9;
        return new Rate(items / wall, cpu > 0 ? items / cpu : Double.NaN, items, wall, cpu);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    @Override
    public void close() {
        forecaster.close();
    }
}
