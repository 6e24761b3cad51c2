package org.quantlstm.tuning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.quantlstm.common.UserInputException;

/**
 * A named, persisted search (Optuna's {@code Study}): runs an {@link Objective} over trials proposed by a
 * {@link Sampler}, stops hopeless ones with a {@link Pruner}, and keeps every trial in a {@link StudyStorage}.
 *
 * <p>Resuming and sharing. Opening a study by name loads it with all its trials; {@link #optimizeUntil}
 * runs trials until the study as a whole holds the requested number of COMPLETE, PRUNED or RUNNING
 * trials, counted atomically in the store when each trial is created, so a run that was killed continues
 * where it stopped and several threads or processes sharing the study never overshoot the budget. A
 * RUNNING trial whose worker process is gone (same host: its pid no longer exists or was reused; another
 * host: no heartbeat — a suggestion or report — for {@code remoteStaleAfter}, 1 hour by default) is marked
 * FAIL when the next trial is created; FAIL trials do not count towards the budget, so a killed trial is
 * in effect re-queued: a fresh trial (new number, new proposal) takes its place, and the failed one stays
 * in the history with whatever parameters and reports it had.
 *
 * <p>Failures. An objective that throws (other than {@link TrialPrunedException}) or returns NaN or an
 * infinity gives a FAIL trial and the study goes on; a {@link UserInputException} or an {@link Error}
 * marks the trial FAIL and then stops the study and is rethrown.
 */
public final class Study {
    private final StudyStorage storage;
    private final StudyStorage.StudyInfo info;
    private final Sampler sampler;
    private final Pruner pruner;
    private final List<StudyListener> listeners;
    private final StudyStorage.Liveness liveness;
    private final LongSupplier clock;
    private final Object listenerLock = new Object();

    private Study(Builder b) {
        this.storage = b.storage;
        this.info = storage.openStudy(b.name, b.direction);
        this.sampler = b.sampler;
        this.pruner = b.pruner;
        this.listeners = List.copyOf(b.listeners);
        this.liveness = new StudyStorage.Liveness(WorkerId.current(), b.remoteStaleAfter.toMillis());
        this.clock = System::currentTimeMillis;
    }

    /** Starts describing a study called {@code name} in {@code storage} (created on first use). */
    public static Builder builder(StudyStorage storage, String name) {
        return new Builder(storage, name);
    }

    /** Study options; defaults: minimize, TPE seeded with 0, no pruner, no listener. */
    public static final class Builder {
        private final StudyStorage storage;
        private final String name;
        private Direction direction = Direction.MINIMIZE;
        private Sampler sampler = new TpeSampler(0);
        private Pruner pruner = Pruner.none();
        private final List<StudyListener> listeners = new ArrayList<>();
        private Duration remoteStaleAfter = Duration.ofHours(1);

        private Builder(StudyStorage storage, String name) {
            this.storage = Objects.requireNonNull(storage, "storage");
            if (name == null || name.isBlank()) {
                throw new UserInputException("study name: must not be blank");
            }
            this.name = name;
        }

        public Builder direction(Direction d) {
            this.direction = Objects.requireNonNull(d);
            return this;
        }

        public Builder sampler(Sampler s) {
            this.sampler = Objects.requireNonNull(s);
            return this;
        }

        public Builder pruner(Pruner p) {
            this.pruner = Objects.requireNonNull(p);
            return this;
        }

        public Builder listener(StudyListener l) {
            this.listeners.add(Objects.requireNonNull(l));
            return this;
        }

        /** How long a RUNNING trial of a worker on another host may stay silent before it is failed. */
        public Builder remoteStaleAfter(Duration d) {
            this.remoteStaleAfter = Objects.requireNonNull(d);
            return this;
        }

        /** Creates the study in the store, or loads it (its direction must match). */
        public Study open() {
            return new Study(this);
        }
    }

    public String name() {
        return info.name();
    }

    public Direction direction() {
        return info.direction();
    }

    /** Runs {@code nTrials} more trials in this call, one at a time. Returns the trials run here. */
    public List<FrozenTrial> optimize(Objective objective, int nTrials) {
        return optimize(objective, nTrials, 1);
    }

    /**
     * Runs {@code nTrials} more trials in this call (fewer if a grid runs out) on {@code nJobs} threads.
     * Returns the trials run here, by number.
     */
    public List<FrozenTrial> optimize(Objective objective, int nTrials, int nJobs) {
        if (nTrials < 0) {
            throw new UserInputException("number of trials: " + nTrials + " must be ≥ 0");
        }
        return run(objective, new AtomicInteger(nTrials), Integer.MAX_VALUE, nJobs);
    }

    /**
     * Runs trials on {@code nJobs} threads until the study holds {@code totalTrials} COMPLETE, PRUNED or
     * RUNNING trials (all workers counted). Safe to call again after a crash, and from several
     * processes at once. Returns the trials run here, by number.
     */
    public List<FrozenTrial> optimizeUntil(Objective objective, int totalTrials, int nJobs) {
        if (totalTrials < 0) {
            throw new UserInputException("number of trials: " + totalTrials + " must be ≥ 0");
        }
        return run(objective, null, totalTrials, nJobs);
    }

    private List<FrozenTrial> run(Objective objective, AtomicInteger quota, int budget, int nJobs) {
        if (nJobs < 1) {
            throw new UserInputException("parallel jobs: " + nJobs + " must be ≥ 1");
        }
        List<FrozenTrial> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> firstError = new AtomicReference<>();
        if (nJobs == 1) {
            work(objective, quota, budget, ran, stop);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(nJobs);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < nJobs; i++) {
                    futures.add(pool.submit(() -> {
                        try {
                            work(objective, quota, budget, ran, stop);
                        } catch (RuntimeException e) {
                            firstError.compareAndSet(null, e);
                            stop.set(true);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                throw new IllegalStateException("study " + name() + " interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("study " + name() + ": worker failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
            if (firstError.get() != null) {
                throw firstError.get();
            }
        }
        List<FrozenTrial> out = new ArrayList<>(ran);
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return out;
    }

    private void work(Objective objective, AtomicInteger quota, int budget, List<FrozenTrial> ran, AtomicBoolean stop) {
        while (!stop.get()) {
            if (quota != null && quota.getAndDecrement() <= 0) {
                return;
            }
            long startMs = clock.getAsLong();
            Optional<StudyStorage.TrialStart> start = storage.startTrial(info.id(), liveness, startMs, budget,
                    sampler::fixedParams);
            if (start.isEmpty()) {
                return;
            }
            Trial trial = new Trial(storage, info.id(), info.direction(), sampler, pruner, start.get(),
                    liveness.observer(), startMs, clock);
            TrialState state;
            double value = Double.NaN;
            String failure = null;
            RuntimeException rethrow = null;
            Error fatal = null;
            try {
                double v = objective.evaluate(trial);
                if (Double.isFinite(v)) {
                    state = TrialState.COMPLETE;
                    value = v;
                } else {
                    state = TrialState.FAIL;
                    failure = "the objective returned " + v;
                }
            } catch (TrialPrunedException e) {
                state = TrialState.PRUNED;
            } catch (UserInputException e) {
                state = TrialState.FAIL;
                failure = e.getMessage();
                rethrow = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state = TrialState.FAIL;
                failure = "interrupted";
                rethrow = new IllegalStateException("study " + name() + " interrupted", e);
            } catch (Exception e) {
                state = TrialState.FAIL;
                failure = e.toString();
            } catch (Error e) {
                state = TrialState.FAIL;
                failure = e.toString();
                fatal = e;
            }
            ran.add(finish(trial, state, value, failure));
            if (fatal != null) {
                stop.set(true);
                throw fatal;
            }
            if (rethrow != null) {
                stop.set(true);
                throw rethrow;
            }
        }
    }

    private FrozenTrial finish(Trial trial, TrialState state, double value, String failure) {
        if (!trial.markTold()) {
            throw new IllegalStateException("trial " + trial.number() + " of study " + name() + " was already told");
        }
        long end = clock.getAsLong();
        storage.finishTrial(info.id(), trial.number(), state, value, end);
        FrozenTrial done = trial.freeze(state, value, end);
        if (!listeners.isEmpty()) {
            Optional<FrozenTrial> best = bestTrial();
            synchronized (listenerLock) {
                for (StudyListener l : listeners) {
                    l.trialFinished(done, best, Optional.ofNullable(failure));
                }
            }
        }
        return done;
    }

    /**
     * Ask/tell, one trial: creates a RUNNING trial (number allocated by the store) for an evaluator outside
     * {@link #optimize}; ask for its parameters with the {@code suggest…} methods, then end it with
     * {@link #tell}, {@link #tellPruned} or {@link #tellFailed}. Empty when the sampler has nothing left (an
     * exhausted grid).
     */
    public Optional<Trial> ask() {
        long startMs = clock.getAsLong();
        return storage.startTrial(info.id(), liveness, startMs, Integer.MAX_VALUE, sampler::fixedParams)
                .map(start -> new Trial(storage, info.id(), info.direction(), sampler, pruner, start,
                        liveness.observer(), startMs, clock));
    }

    /**
     * Ask/tell for a batch (Optuna's {@code study.ask(fixed_distributions)}, {@code n} times): creates up to
     * {@code n} RUNNING trials one after another and suggests every parameter of {@code space} for each at once,
     * in the map's order. Each trial is sampled with the trials asked before it already stored as RUNNING, so
     * with a constant-liar sampler the batch spreads out. The proposals depend only on the study's stored trials,
     * the seed and the trial numbers, never on who evaluates them (a local pool, Spark tasks): a batch runner
     * that asks n, evaluates in any order and tells all gets the same study as one that tells in order.
     * Fewer than {@code n} when a grid runs out.
     */
    public List<Trial> ask(int n, java.util.Map<String, Distribution> space) {
        if (n < 0) {
            throw new UserInputException("batch size: " + n + " must be ≥ 0");
        }
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<Trial> t = ask();
            if (t.isEmpty()) {
                break;
            }
            space.forEach(t.get()::suggest);
            out.add(t.get());
        }
        return out;
    }

    /** Ends an asked trial with its value: COMPLETE when finite, else FAIL. Returns it as stored. */
    public FrozenTrial tell(Trial trial, double value) {
        return Double.isFinite(value) ? finish(trial, TrialState.COMPLETE, value, null)
                : finish(trial, TrialState.FAIL, Double.NaN, "the objective returned " + value);
    }

    /** Ends an asked trial as PRUNED (its reports so far are kept). */
    public FrozenTrial tellPruned(Trial trial) {
        return finish(trial, TrialState.PRUNED, Double.NaN, null);
    }

    /** Ends an asked trial as FAIL with a reason for the listeners. */
    public FrozenTrial tellFailed(Trial trial, String why) {
        return finish(trial, TrialState.FAIL, Double.NaN, why);
    }

    /** All trials of the study (every worker's), by number. */
    public List<FrozenTrial> trials() {
        return storage.trials(info.id());
    }

    /** The best COMPLETE trial of the study (every worker's); ties go to the lower number. */
    public Optional<FrozenTrial> bestTrial() {
        return best(trials(), info.direction());
    }

    /** Marks RUNNING trials of dead workers FAIL now; returns how many. */
    public int failStaleTrials() {
        return storage.failStaleTrials(info.id(), liveness, clock.getAsLong());
    }

    /** The best COMPLETE trial of {@code trials} in {@code direction}; ties go to the lower number. */
    public static Optional<FrozenTrial> best(List<FrozenTrial> trials, Direction direction) {
        FrozenTrial best = null;
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && Double.isFinite(t.value())
                    && (best == null || direction.better(t.value(), best.value())
                    || (t.value() == best.value() && t.number() < best.number()))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }
}
