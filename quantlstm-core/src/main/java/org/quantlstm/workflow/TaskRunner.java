package org.quantlstm.workflow;

import java.io.Serializable;
import java.util.List;

/**
 * Runs independent units of work — one ticker's training, one tuning trial, one seed repeat, one chunk of a
 * backtest sweep — and returns their results in task order. A task is plain data ({@link Serializable}) and
 * so is its result (weights as bytes, forecasts, metrics), so the same call runs on local threads
 * ({@link LocalTaskRunner}, the default) or on a cluster (the Spark runner in module {@code quantlstm-spark}).
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>results come back in the order of {@code tasks}, whatever the order of completion;</li>
 *   <li>{@code work} must be a pure function of its task (its own seeds inside): a runner may run a task
 *       more than once (a retried executor) and must give the same answer as running it once, locally;</li>
 *   <li>{@code progress} is called on the caller's thread, once per finished task, in completion order;</li>
 *   <li>if any task fails, the call throws after the other tasks have stopped or finished; no partial list
 *       is returned.</li>
 * </ul>
 */
public interface TaskRunner extends AutoCloseable {

    /** A unit of work that can be shipped to another JVM. */
    @FunctionalInterface
    interface Work<T extends Serializable, R extends Serializable> extends Serializable {
        R apply(T task) throws Exception;
    }

    /** Told on the caller's thread each time a task finishes. */
    @FunctionalInterface
    interface Progress {
        void finished(String stage, int index, int done, int total);

        Progress NONE = (stage, index, done, total) -> {
        };
    }

    /**
     * Runs {@code work} over every task; {@code stage} names the batch in progress lines and errors (e.g.
     * {@code "train"}, {@code "sweep"}).
     */
    <T extends Serializable, R extends Serializable> List<R> map(String stage, List<T> tasks, Work<T, R> work,
            Progress progress);

    default <T extends Serializable, R extends Serializable> List<R> map(String stage, List<T> tasks, Work<T, R> work) {
        return map(stage, tasks, work, Progress.NONE);
    }

    /** How many tasks can run at once (threads, or executor cores of a cluster). */
    int parallelism();

    /** One line for the console and the run record, e.g. {@code "local (2 threads)"}. */
    String describe();

    /** Releases threads or the cluster connection; a closed runner rejects further calls. */
    @Override
    void close();
}
