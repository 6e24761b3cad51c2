package org.quantlstm.tuning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.quantlstm.common.UserInputException;

/**
 * Studies in an embedded DuckDB file, shared safely by the threads of one process and by several
 * processes.
 *
 * <p>DuckDB lets only one process hold a database file open read-write at a time. So this store holds
 * the file only briefly: an operation opens a connection when none is held, does its work (inside one
 * transaction when it reads then writes), and the connection is closed once it has been idle for
 * {@code linger} (20 ms by default; a burst of suggestions shares one open, which costs tens of ms) or
 * right after an operation once it has been held for {@code maxHold} (1 s). An open that fails because
 * another process holds the file is retried with jittered exponential backoff (1 ms doubling to 8 ms)
 * until {@code lockTimeout}, and after releasing the file a process waits 15 ms before taking it again,
 * so that a waiting process gets its turn. Processes whose trials take longer than the linger interleave freely; with
 * objectives faster than that, one process may keep the file for up to {@code maxHold} at a time. Within
 * one process all operations of one instance are serialised by the instance's monitor; share one
 * instance between threads, and close it when done (an unclosed one releases the file after the linger). Trial numbers are allocated as {@code max(number)+1} inside the transaction that inserts
 * the trial, under the file lock, and {@code (study_id, number)} is the primary key.
 *
 * <p>Tables: {@code studies(study_id, name, direction, created_ms)} and {@code trials(study_id, number,
 * state, value, params, intermediate_values, start_ms, end_ms, duration_ms, heartbeat_ms, owner_host,
 * owner_pid, owner_start_ms, user_attrs)}; params, intermediate values and user attributes are JSON text, times epoch milliseconds UTC.
 */
public final class DuckDbStorage implements StudyStorage, AutoCloseable {
    private static final String SCHEMA_STUDIES = "CREATE TABLE IF NOT EXISTS studies (study_id BIGINT PRIMARY KEY, "
            + "name VARCHAR NOT NULL UNIQUE, direction VARCHAR NOT NULL, created_ms BIGINT NOT NULL)";
    private static final String SCHEMA_TRIALS = "CREATE TABLE IF NOT EXISTS trials (study_id BIGINT NOT NULL, "
            + "number INTEGER NOT NULL, state VARCHAR NOT NULL, value DOUBLE, params VARCHAR NOT NULL, "
            + "intermediate_values VARCHAR NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT, duration_ms BIGINT, "
            + "heartbeat_ms BIGINT NOT NULL, owner_host VARCHAR NOT NULL, owner_pid BIGINT NOT NULL, "
            + "owner_start_ms BIGINT NOT NULL, PRIMARY KEY (study_id, number))";
    /** Added after the first release: files written before get the column on open (NULL = no attributes). */
    private static final String ADD_USER_ATTRS = "ALTER TABLE trials ADD COLUMN IF NOT EXISTS user_attrs VARCHAR";
    private static final String SELECT_TRIALS = "SELECT number, state, value, params, intermediate_values, start_ms, "
            + "end_ms, heartbeat_ms, owner_host, owner_pid, owner_start_ms, user_attrs FROM trials WHERE study_id = ? "
            + "ORDER BY number";

    /** After releasing the file, wait this long before taking it again, so that waiting processes get in. */
    private static final long COOL_DOWN_NANOS = TimeUnit.MILLISECONDS.toNanos(15);

    private final Path file;
    private final String url;
    private final Duration lockTimeout;
    private final Duration linger;
    private final Duration maxHold;
    private final TrialJson json = new TrialJson();
    private final ScheduledExecutorService releaser;
    private Connection held;
    private long openedNanos;
    private long lastUseNanos;
    private ScheduledFuture<?> pendingRelease;
    private boolean closed;
    private long releasedNanos = System.nanoTime() - COOL_DOWN_NANOS;

    /**
     * A store at {@code file} (created with its parent folders when absent), waiting up to 2 minutes for a
     * lock, holding the file for at most 20 ms of idleness and 1 s in a row.
     */
    public DuckDbStorage(Path file) {
        this(file, Duration.ofMinutes(2), Duration.ofMillis(20), Duration.ofSeconds(1));
    }

    public DuckDbStorage(Path file, Duration lockTimeout, Duration linger, Duration maxHold) {
        this.file = file.toAbsolutePath();
        this.url = "jdbc:duckdb:" + this.file;
        this.lockTimeout = lockTimeout;
        this.linger = linger;
        this.maxHold = maxHold;
        this.releaser = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "study-store-release");
            t.setDaemon(true);
            return t;
        });
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UserInputException("study store " + this.file + ": cannot create its folder (" + e.getMessage() + ")", e);
        }
        run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(SCHEMA_STUDIES);
                s.execute(SCHEMA_TRIALS);
                s.execute(ADD_USER_ATTRS);
            }
            return null;
        });
    }

    /** {@code ~/.quantlstm/studies.duckdb}, next to the market store. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".quantlstm", "studies.duckdb");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized StudyInfo openStudy(String name, Direction direction) {
        return run(c -> inTransaction(c, () -> {
            Optional<StudyInfo> existing = find(c, name);
            if (existing.isPresent()) {
                if (existing.get().direction() != direction) {
                    throw new UserInputException("study '" + name + "' exists with direction "
                            + existing.get().direction() + ", not " + direction);
                }
                return existing.get();
            }
            long id;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(study_id), 0) + 1 FROM studies")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO studies VALUES (?, ?, ?, ?)")) {
                p.setLong(1, id);
                p.setString(2, name);
                p.setString(3, direction.name());
                p.setLong(4, System.currentTimeMillis());
                p.executeUpdate();
            }
            return new StudyInfo(id, name, direction);
        }));
    }

    @Override
    public synchronized List<StudyInfo> studies() {
        return run(c -> {
            List<StudyInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT study_id, name, direction FROM studies ORDER BY study_id")) {
                while (rs.next()) {
                    out.add(new StudyInfo(rs.getLong(1), rs.getString(2), Direction.valueOf(rs.getString(3))));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized Optional<StudyInfo> findStudy(String name) {
        return run(c -> find(c, name));
    }

    @Override
    public synchronized Optional<TrialStart> startTrial(long studyId, Liveness liveness, long nowMs, int budget,
            Function<List<FrozenTrial>, Optional<Map<String, Object>>> fixedParams) {
        return run(c -> inTransaction(c, () -> {
            failStale(c, studyId, liveness, nowMs);
            List<FrozenTrial> history = select(c, studyId);
            long counted = history.stream().filter(t -> t.state() != TrialState.FAIL).count();
            if (counted >= budget) {
                return Optional.<TrialStart>empty();
            }
            Optional<Map<String, Object>> fixed = fixedParams.apply(history);
            if (fixed.isEmpty()) {
                return Optional.<TrialStart>empty();
            }
            int number = history.stream().mapToInt(FrozenTrial::number).max().orElse(-1) + 1;
            WorkerId w = liveness.observer();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO trials (study_id, number, state, value, params, "
                    + "intermediate_values, start_ms, end_ms, duration_ms, heartbeat_ms, owner_host, owner_pid, "
                    + "owner_start_ms) VALUES (?, ?, 'RUNNING', NULL, ?, '{}', ?, NULL, NULL, ?, ?, ?, ?)")) {
                p.setLong(1, studyId);
                p.setInt(2, number);
                p.setString(3, json.params(fixed.get()));
                p.setLong(4, nowMs);
                p.setLong(5, nowMs);
                p.setString(6, w.host());
                p.setLong(7, w.pid());
                p.setLong(8, w.processStartMs());
                p.executeUpdate();
            }
            return Optional.of(new TrialStart(number, fixed.get(), history));
        }));
    }

    @Override
    public synchronized void writeParams(long studyId, int number, Map<String, Object> params, long nowMs) {
        update("UPDATE trials SET params = ?, heartbeat_ms = ? WHERE study_id = ? AND number = ?",
                json.params(params), nowMs, studyId, number);
    }

    @Override
    public synchronized void writeIntermediate(long studyId, int number, SortedMap<Integer, Double> values, long nowMs) {
        update("UPDATE trials SET intermediate_values = ?, heartbeat_ms = ? WHERE study_id = ? AND number = ?",
                json.intermediate(values), nowMs, studyId, number);
    }

    @Override
    public synchronized void writeUserAttrs(long studyId, int number, Map<String, String> attrs, long nowMs) {
        update("UPDATE trials SET user_attrs = ?, heartbeat_ms = ? WHERE study_id = ? AND number = ?",
                json.params(new java.util.TreeMap<String, Object>(attrs)), nowMs, studyId, number);
    }

    private Map<String, String> attrs(String text) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (text != null) {
            json.params(text).forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    @Override
    public synchronized void finishTrial(long studyId, int number, TrialState state, double value, long endMs) {
        run(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE trials SET state = ?, value = ?, end_ms = ?, "
                    + "duration_ms = ? - start_ms WHERE study_id = ? AND number = ?")) {
                p.setString(1, state.name());
                if (Double.isNaN(value)) {
                    p.setNull(2, Types.DOUBLE);
                } else {
                    p.setDouble(2, value);
                }
                p.setLong(3, endMs);
                p.setLong(4, endMs);
                p.setLong(5, studyId);
                p.setInt(6, number);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized List<FrozenTrial> trials(long studyId) {
        return run(c -> select(c, studyId));
    }

    @Override
    public synchronized int failStaleTrials(long studyId, Liveness liveness, long nowMs) {
        return run(c -> inTransaction(c, () -> failStale(c, studyId, liveness, nowMs)));
    }

    private int failStale(Connection c, long studyId, Liveness liveness, long nowMs) throws SQLException {
        int n = 0;
        for (FrozenTrial t : select(c, studyId)) {
            if (liveness.stale(t, nowMs)) {
                try (PreparedStatement p = c.prepareStatement("UPDATE trials SET state = 'FAIL', end_ms = ?, "
                        + "duration_ms = ? - start_ms WHERE study_id = ? AND number = ? AND state = 'RUNNING'")) {
                    p.setLong(1, nowMs);
                    p.setLong(2, nowMs);
                    p.setLong(3, studyId);
                    p.setInt(4, t.number());
                    n += p.executeUpdate();
                }
            }
        }
        return n;
    }

    private Optional<StudyInfo> find(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT study_id, direction FROM studies WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StudyInfo(rs.getLong(1), name, Direction.valueOf(rs.getString(2))));
            }
        }
    }

    private List<FrozenTrial> select(Connection c, long studyId) throws SQLException {
        List<FrozenTrial> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(SELECT_TRIALS)) {
            p.setLong(1, studyId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    if (rs.wasNull()) {
                        value = Double.NaN;
                    }
                    long end = rs.getLong(7);
                    if (rs.wasNull()) {
                        end = -1;
                    }
                    out.add(new FrozenTrial(rs.getInt(1), TrialState.valueOf(rs.getString(2)), value,
                            json.params(rs.getString(4)), json.intermediate(rs.getString(5)), rs.getLong(6), end,
                            rs.getLong(8), new WorkerId(rs.getString(9), rs.getLong(10), rs.getLong(11)),
                            attrs(rs.getString(12))));
                }
            }
        }
        return out;
    }

    private void update(String sql, String text, long nowMs, long studyId, int number) {
        run(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, text);
                p.setLong(2, nowMs);
                p.setLong(3, studyId);
                p.setInt(4, number);
                p.executeUpdate();
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlBody<T> {
        T get() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, SqlBody<T> body) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = body.get();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Runs {@code work} on the held connection, opening one first (retrying while another process holds
     * the file); the connection is released after {@code linger} without use, or right after an
     * operation once it has been held for {@code maxHold}, so other processes get their turn.
     */
    private <T> T run(SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("study store " + file + " is closed");
        }
        Connection c = connection();
        try {
            T result = work.apply(c);
            lastUseNanos = System.nanoTime();
            if (lastUseNanos - openedNanos > maxHold.toNanos()) {
                release();
            } else {
                scheduleRelease();
            }
            return result;
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("study store " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    private Connection connection() {
        if (held != null) {
            return held;
        }
        long sinceRelease = System.nanoTime() - releasedNanos;
        if (sinceRelease < COOL_DOWN_NANOS) {
            sleep(TimeUnit.NANOSECONDS.toMillis(COOL_DOWN_NANOS - sinceRelease) + 1);
        }
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        long sleepMs = 1;
        while (true) {
            try {
                held = DriverManager.getConnection(url);
                openedNanos = System.nanoTime();
                return held;
            } catch (SQLException e) {
                if (!isLockConflict(e)) {
                    throw new IllegalStateException("study store " + file + ": " + e.getMessage(), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("study store " + file + " stayed locked by another process for "
                            + lockTimeout.toSeconds() + " s: " + e.getMessage(), e);
                }
            }
            sleep(sleepMs + ThreadLocalRandom.current().nextLong(sleepMs + 1));
            sleepMs = Math.min(8, sleepMs * 2);
        }
    }

    private void scheduleRelease() {
        if (pendingRelease != null) {
            pendingRelease.cancel(false);
        }
        long lingerNanos = linger.toNanos();
        pendingRelease = releaser.schedule(() -> {
            synchronized (this) {
                if (held != null && System.nanoTime() - lastUseNanos >= lingerNanos) {
                    release();
                }
            }
        }, lingerNanos, TimeUnit.NANOSECONDS);
    }

    private void release() {
        Connection c = held;
        held = null;
        if (c != null) {
            releasedNanos = System.nanoTime();
            try {
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException("study store " + file + ": closing failed: " + e.getMessage(), e);
            }
        }
    }

    /** Releases the file and stops the release timer. */
    @Override
    public synchronized void close() {
        closed = true;
        release();
        releaser.shutdownNow();
    }

    private static boolean isLockConflict(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Could not set lock") || m.contains("Conflicting lock");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the study store lock", e);
        }
    }
}
