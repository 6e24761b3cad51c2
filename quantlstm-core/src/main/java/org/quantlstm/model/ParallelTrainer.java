package org.quantlstm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.quantlstm.features.Windows;

/**
 * Trains many independent models (one per asset) concurrently without oversubscribing the CPU:
 * {@code workers = min(jobs, cores)} threads, each running PyTorch with {@code max(1, cores / workers)}
 * intra-op threads, so that workers × threads ≤ cores (on 2 cores: 2 workers × 1 thread). Oversubscription
 * is costly with PyTorch's OpenMP threads, which spin while they wait.
 *
 * <p>Each job's {@link TrainConfig#threads()} is replaced by the per-worker thread count. Because every
 * forecaster draws its weights, batch order and dropout masks from its own seeded generators, the result of
 * each job equals training it alone with the same thread count (tested).
 */
public final class ParallelTrainer {
    private final int cores;

    /** @param cores CPU cores to use in total (e.g. {@code Runtime.getRuntime().availableProcessors()}) */
    public ParallelTrainer(int cores) {
        if (cores <= 0) {
            throw new IllegalArgumentException("cores must be positive: " + cores);
        }
        this.cores = cores;
    }

    /** One model to train. {@code valid} may be null. */
    public record Job(String name, LstmSpec spec, long seed, Windows train, Windows valid, TrainConfig config) {
    }

    /** A trained model; the caller owns (and must close) the forecaster. */
    public record Trained(String name, Forecaster forecaster, TrainingHistory history) implements AutoCloseable {
        @Override
        public void close() {
            forecaster.close();
        }
    }

    public int workers(int jobs) {
        return Math.max(1, Math.min(jobs, cores));
    }

    public int threadsPerWorker(int jobs) {
        return Math.max(1, cores / workers(jobs));
    }

    /** Trains all jobs; results in job order. On any failure every model already trained is closed. */
    public List<Trained> trainAll(List<Job> jobs) {
        return trainAll(jobs, t -> {
        });
    }

    /**
     * As {@link #trainAll(List)}, calling {@code finished} on the worker thread as soon as each model is trained
     * (in completion order, e.g. to print progress per asset); the callback must be thread-safe.
     */
    public List<Trained> trainAll(List<Job> jobs, java.util.function.Consumer<Trained> finished) {
        int workers = workers(jobs.size());
        int threads = threadsPerWorker(jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "quantlstm-train");
            t.setDaemon(true);
            return t;
        });
        List<Future<Trained>> futures = new ArrayList<>();
        try {
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    Forecaster f = Forecaster.create(job.spec(), job.seed());
                    try {
                        TrainingHistory h = f.fit(job.train(), job.valid(), job.config().withThreads(threads));
                        Trained done = new Trained(job.name(), f, h);
                        finished.accept(done);
                        return done;
                    } catch (RuntimeException e) {
                        f.close();
                        throw e;
                    }
                }));
            }
            List<Trained> out = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<Trained> fu : futures) {
                try {
                    out.add(fu.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while training", e);
                    break;
                }
            }
            if (failure != null) {
                out.forEach(Trained::close);
                throw failure;
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
