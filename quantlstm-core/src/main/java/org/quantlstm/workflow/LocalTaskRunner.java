package org.quantlstm.workflow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link TaskRunner}: a fixed pool of daemon threads in this JVM. With one thread the tasks run on
 * the caller's thread, in order. Tasks are not serialised (they never leave the JVM), so the local path costs
 * nothing beyond the pool.
 */
public final class LocalTaskRunner implements TaskRunner {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int threads;
    private final ExecutorService pool;
    private volatile boolean closed;

    /** @param threads tasks run at once; ≥ 1 */
    public LocalTaskRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1: " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "quantlstm-task-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** One thread per available core. */
    public static LocalTaskRunner perCore() {
        return new LocalTaskRunner(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(String stage, List<T> tasks, Work<T, R> work,
            Progress progress) {
        if (closed) {
            throw new IllegalStateException("task runner is closed");
        }
        int n = tasks.size();
        Object[] out = new Object[n];
        if (pool == null || n <= 1) {
            for (int i = 0; i < n; i++) {
                out[i] = apply(stage, i, tasks.get(i), work);
                progress.finished(stage, i, i + 1, n);
            }
            return cast(out);
        }
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<Future<Integer>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            T task = tasks.get(i);
            futures.add(done.submit(() -> {
                out[index] = apply(stage, index, task, work);
                return index;
            }));
        }
        RuntimeException failure = null;
        try {
            for (int k = 0; k < n; k++) {
                Future<Integer> f = done.take();
                try {
                    int index = f.get();
                    if (failure == null) {
                        progress.finished(stage, index, k + 1, n);
                    }
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re
                                : new IllegalStateException(e.getCause());
                        futures.forEach(x -> x.cancel(true));
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled after an earlier failure
                }
            }
        } catch (InterruptedException e) {
            futures.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException(stage + ": interrupted", e);
        }
        if (failure != null) {
            throw failure;
        }
        return cast(out);
    }

    private static <T extends Serializable, R extends Serializable> R apply(String stage, int index, T task,
            Work<T, R> work) {
        try {
            return work.apply(task);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(stage + " task " + index + " failed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> cast(Object[] out) {
        return (List<R>) java.util.Collections.unmodifiableList(Arrays.asList(out));
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public String describe() {
        return "local (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    @Override
    public void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
