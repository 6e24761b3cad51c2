package org.quantlstm.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.quantlstm.common.UserInputException;
import org.quantlstm.workflow.TaskRunner;

/**
 * A {@link TaskRunner} on Apache Spark: each {@link #map} call is one Spark job over an RDD with one partition per
 * task, so every task is one Spark task (scheduled on any free executor core, retried up to
 * {@code spark.task.maxFailures} times when an attempt fails or its executor dies). Results are collected on the
 * driver in task order; progress is told on the caller's thread as each task's success reaches the driver (a
 * {@link SparkListener} feeds a queue that the calling thread drains while it waits for the job).
 *
 * <p>Tasks and results travel with Java serialisation, so they must be {@link Serializable} plain data, and the
 * classes of the work must be on the executors' class path (the assembly jar, or {@code spark.jars}).
 */
public final class SparkTaskRunner implements TaskRunner {
    /** The local property that tags a {@link #map} call's job, so the listener finds its stage. */
    static final String BATCH = "quantlstm.batch";
    private static final AtomicLong BATCHES = new AtomicLong();

    private final JavaSparkContext sc;
    private final boolean owned;
    private final Listener listener = new Listener();
    private volatile boolean closed;

    /**
     * @param sc    the Spark context the tasks run on
     * @param owned whether {@link #close} stops the context (true when this runner made it)
     */
    public SparkTaskRunner(JavaSparkContext sc, boolean owned) {
        this.sc = java.util.Objects.requireNonNull(sc, "sc");
        this.owned = owned;
        sc.sc().addSparkListener(listener);
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(String stage, List<T> tasks, Work<T, R> work,
            Progress progress) {
        if (closed) {
            throw new IllegalStateException("task runner is closed");
        }
        if (sc.sc().isStopped()) {
            throw new IllegalStateException(stage + ": the Spark context has stopped (Spark gives up when no master at "
                    + sc.master() + " answers for a minute)");
        }
        int n = tasks.size();
        if (n == 0) {
            return List.of();
        }
        String batch = "q" + BATCHES.incrementAndGet();
        LinkedBlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        listener.open(batch, finished);
        String previous = sc.getLocalProperty(BATCH);
        JavaFutureAction<List<R>> job;
        try {
            sc.setLocalProperty(BATCH, batch);
            sc.setJobDescription("quantlstm " + stage + " (" + n + " tasks)");
            JavaRDD<T> rdd = sc.parallelize(new ArrayList<>(tasks), n);
            job = rdd.map(call(work)).collectAsync();
        } finally {
            sc.setLocalProperty(BATCH, previous);
            sc.setJobDescription(null);
        }
        BitSet told = new BitSet(n);
        int done = 0;
        try {
            while (!job.isDone()) {
                Integer index = finished.poll(100, TimeUnit.MILLISECONDS);
                if (index != null && index < n && !told.get(index)) {
                    told.set(index);
                    progress.finished(stage, index, ++done, n);
                }
            }
            List<R> out = job.get();
            // successes whose listener events had not reached the driver's queue yet
            for (Integer index; (index = finished.poll()) != null; ) {
                if (index < n && !told.get(index)) {
                    told.set(index);
                    progress.finished(stage, index, ++done, n);
                }
            }
            for (int i = told.nextClearBit(0); i < n; i = told.nextClearBit(i + 1)) {
                told.set(i);
                progress.finished(stage, i, ++done, n);
            }
            if (out.size() != n) {
                throw new IllegalStateException(stage + ": " + out.size() + " results for " + n + " tasks");
            }
            return Collections.unmodifiableList(new ArrayList<>(out));
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(stage + ": interrupted", e);
        } catch (ExecutionException e) {
            throw failure(stage, e.getCause() == null ? e : e.getCause());
        } finally {
            listener.close(batch);
        }
    }

    /** The Spark function of a work item; static so that it captures only {@code work}. */
    private static <T extends Serializable, R extends Serializable> org.apache.spark.api.java.function.Function<T, R>
            call(Work<T, R> work) {
        return work::apply;
    }

    /**
     * A failed job as the exception the local runner would throw: a user's mistake found inside a task stays a
     * {@link UserInputException} (one line, exit code 2); anything else names the stage and Spark's reason.
     */
    static RuntimeException failure(String stage, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserInputException u) {
                return u;
            }
        }
        String msg = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        int nl = msg.indexOf('\n');
        return new IllegalStateException(stage + " failed on Spark: " + (nl > 0 ? msg.substring(0, nl) : msg), t);
    }

    @Override
    public int parallelism() {
        return Math.max(1, sc.defaultParallelism());
    }

    @Override
    public String describe() {
        return "spark " + sc.master() + " (" + parallelism() + (parallelism() == 1 ? " core)" : " cores)");
    }

    /** The Spark context (for tests and callers that broadcast data). */
    public JavaSparkContext context() {
        return sc;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sc.sc().removeSparkListener(listener);
        if (owned) {
            sc.stop();
        }
    }

    /** Routes successful task ends of tagged jobs to the queue of their {@link #map} call. */
    private static final class Listener extends SparkListener {
        private final Map<String, LinkedBlockingQueue<Integer>> batches = new ConcurrentHashMap<>();
        private final Map<Integer, LinkedBlockingQueue<Integer>> stages = new ConcurrentHashMap<>();
        private final Map<Integer, List<Integer>> jobStages = new ConcurrentHashMap<>();

        void open(String batch, LinkedBlockingQueue<Integer> queue) {
            batches.put(batch, queue);
        }

        void close(String batch) {
            batches.remove(batch);
        }

        @Override
        public void onJobStart(SparkListenerJobStart e) {
            String batch = e.properties() == null ? null : e.properties().getProperty(BATCH);
            LinkedBlockingQueue<Integer> queue = batch == null ? null : batches.get(batch);
            if (queue == null) {
                return;
            }
            List<Integer> ids = new ArrayList<>();
            for (Object id : scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds())) {
                ids.add((Integer) id);
                stages.put((Integer) id, queue);
            }
            jobStages.put(e.jobId(), ids);
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            LinkedBlockingQueue<Integer> queue = stages.get(e.stageId());
            if (queue != null && e.taskInfo() != null && e.taskInfo().successful()) {
                queue.offer(e.taskInfo().index());
            }
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd e) {
            List<Integer> ids = jobStages.remove(e.jobId());
            if (ids != null) {
                ids.forEach(stages::remove);
            }
        }
    }
}
