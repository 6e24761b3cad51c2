package org.quantlstm.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Excerpt;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * The local market-data store: one embedded DuckDB file ({@value #FILE_NAME}, by default in
 * {@code ~/.quantlstm}). Table {@code bars} holds bars keyed by (symbol, interval_code, ts), ts a UTC
 * {@code TIMESTAMP}; table {@code series} holds one row of metadata per (symbol, interval): source, fetched_at,
 * rows, first/last timestamp, a SHA-256 content hash of the stored series, and the time range the data is
 * known to cover (null ends = unbounded; used by {@link CachingSource}).
 *
 * <p><b>Upsert semantics.</b> Writing a series replaces the stored bars of that (symbol, interval) within the
 * span [first, last] of the new bars and keeps the stored bars outside it: a bar with an existing key is
 * replaced, new keys are added, and a stored bar inside the span that the new data no longer has (a provider
 * removed a bad tick) is removed. Writing the same data twice leaves the store unchanged (idempotent). Keys
 * stay unique by construction, so no index is kept: bulk loads run at appender speed and the file stays small.
 *
 * <p><b>Transactions.</b> Each call writes in ONE transaction (delete of the spans, DuckDB appender bulk load,
 * metadata), then commits; any failure rolls everything back and leaves earlier data intact. Symbols are
 * {@link Symbol}-validated and passed only as prepared-statement parameters. One connection per store; close
 * the store (try-with-resources).
 *
 * <p><b>Processes.</b> DuckDB allows one writing process, or several reading ones, per file at a time. The CLI
 * therefore opens the store only for short bursts (see {@link StoreAccess}): a reader opens it read-only, a
 * writer opens it for one transaction after all slow work (parsing, downloading, validating) is done, and
 * either one waits, with a visible notice and a bounded wait, while another process holds it. A write whose
 * bars equal the stored ones in their span rewrites nothing, so re-importing a file does not grow the store.
 */
public final class MarketStore implements AutoCloseable {
    /** The database file name inside the data directory. */
    public static final String FILE_NAME = "market.duckdb";

    /** Hook called after each appended row; lets tests inject a failure part-way through a batch. */
    @FunctionalInterface
    interface RowHook {
        void afterRow(long rowsAppended);
    }

    /** Metadata of one stored series. Range ends may be null (unbounded coverage). */
    public record SeriesInfo(Symbol symbol, Interval interval, String source, Instant fetchedAt, long rows,
                             Instant first, Instant last, String contentHash, DateRange coverage) {
    }

    private final Path file;
    private final Connection conn;
    private final Clock clock;
    private final RowHook hook;
    private final boolean readOnly;

    private MarketStore(Path dir, Clock clock, RowHook hook, boolean readOnly, Duration wait, Consumer<String> notices) {
        this.file = dir.resolve(FILE_NAME);
        this.clock = clock;
        this.hook = hook;
        this.readOnly = readOnly;
        if (dir.toString().isBlank()) {
            throw new UserInputException("the data directory is empty: give a directory");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("data directory " + dir + " is not a directory");
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException("store " + file + " is a directory, not a DuckDB file");
        }
        if (!readOnly) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UserInputException("data directory " + dir + " cannot be created: " + e.getMessage(), e);
            }
        }
        this.conn = connect(file, readOnly, wait, notices);
        if (readOnly) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bars (symbol VARCHAR NOT NULL, interval_code VARCHAR NOT NULL, "
                    + "ts TIMESTAMP NOT NULL, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, adj_close DOUBLE, "
                    + "volume DOUBLE)");
            st.execute("CREATE TABLE IF NOT EXISTS series (symbol VARCHAR NOT NULL, interval_code VARCHAR NOT NULL, "
                    + "source VARCHAR NOT NULL, fetched_at TIMESTAMP NOT NULL, rows BIGINT NOT NULL, first_ts TIMESTAMP, "
                    + "last_ts TIMESTAMP, content_hash VARCHAR NOT NULL, covered_from TIMESTAMP, covered_to TIMESTAMP, "
                    + "PRIMARY KEY (symbol, interval_code))");
        } catch (SQLException e) {
            closeQuietly();
            throw new IllegalStateException("store " + file + " could not be initialised", e);
        }
    }

    /**
     * Opens a DuckDB connection, waiting while another process holds the file's lock. DuckDB lets one process
     * write a file, or several processes read it, at a time; a writer of quantlstm holds the store only for one
     * short transaction, so waiting is the right answer to a busy store. The first failed attempt sends one
     * "waiting for the store" line to {@code notices}; at the end of {@code wait} the open fails with one line.
     */
    private static Connection connect(Path file, boolean readOnly, Duration wait, Consumer<String> notices) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DuckDB driver missing", e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long sleep = 50;
        boolean told = false;
        while (true) {
            try {
                Properties p = new Properties();
                if (readOnly) {
                    p.setProperty("duckdb.read_only", "true");
                }
                return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
            } catch (SQLException e) {
                String m = firstLine(e.getMessage());
                if (!isLockConflict(m)) {
                    throw new UserInputException("cannot open the store " + file + ": " + Excerpt.of(m, 300), e);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new UserInputException("the store " + file + " is still in use by another process after "
                            + wait.toSeconds() + " s" + holder(m) + "; try again when it has finished, or wait longer "
                            + "with --store-wait SECONDS", e);
                }
                if (!told) {
                    notices.accept("waiting for the store " + file + " (another process" + holder(m)
                            + " is writing to it; waiting up to " + wait.toSeconds() + " s)");
                    told = true;
                }
                try {
                    Thread.sleep(Math.min(sleep, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new UserInputException("interrupted while waiting for the store " + file, ie);
                }
                sleep = Math.min(500, sleep * 2);
            }
        }
    }

    static boolean isLockConflict(String message) {
        return message != null && (message.contains("Could not set lock") || message.contains("Conflicting lock"));
    }

    /** " (PID n)" from DuckDB's lock message, if it names the holder. */
    private static String holder(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PID (\\d+)").matcher(message);
        return m.find() ? " (PID " + m.group(1) + ")" : "";
    }

    /** Opens (creating if needed) the store in {@code dir}; fails at once if another process is writing to it. */
    public static MarketStore open(Path dir) {
        return new MarketStore(dir, Clock.systemUTC(), n -> { }, false, Duration.ZERO, s -> { });
    }

    /**
     * Opens (creating if needed) the store in {@code dir} for writing, waiting up to {@code wait} while another
     * process holds it; {@code notices} receives one "waiting" line if it has to wait.
     */
    public static MarketStore open(Path dir, Duration wait, Consumer<String> notices) {
        return new MarketStore(dir, Clock.systemUTC(), n -> { }, false, wait, notices);
    }

    /**
     * Opens the store in {@code dir} read-only, if its file exists (read paths never create files). Several
     * readers share the file; a writer in another process is waited for, up to {@code wait}.
     */
    public static Optional<MarketStore> openForReading(Path dir, Duration wait, Consumer<String> notices) {
        if (!Files.isRegularFile(dir.resolve(FILE_NAME))) {
            return Optional.empty();
        }
        return Optional.of(new MarketStore(dir, Clock.systemUTC(), n -> { }, true, wait, notices));
    }

    /** Opens the store in {@code dir} only if its file exists (read paths should not create files). */
    public static Optional<MarketStore> openIfExists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE_NAME)) ? Optional.of(open(dir)) : Optional.empty();
    }

    /** For tests: a fixed clock and a hook called after every appended row. */
    static MarketStore open(Path dir, Clock clock, RowHook hook) {
        return new MarketStore(dir, clock, hook, false, Duration.ZERO, s -> { });
    }

    /** The default data directory, {@code ~/.quantlstm}. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".quantlstm");
    }

    public Path file() {
        return file;
    }

    /** Upserts one series in one transaction; {@code coverage} is the range the data is known to cover. */
    public SeriesInfo upsert(BarSeries series, String source, DateRange coverage) {
        return upsertAll(List.of(series), source, s -> coverage).get(0);
    }

    /**
     * Upserts many series in ONE transaction (all or nothing). Empty series are skipped.
     *
     * @param coverage the range each series is known to cover (ends null = unbounded)
     * @return the metadata of each written series, in input order
     */
    public List<SeriesInfo> upsertAll(Collection<BarSeries> series, String source,
                                      Function<BarSeries, DateRange> coverage) {
        Objects.requireNonNull(source, "source");
        List<BarSeries> todo = series.stream().filter(s -> !s.isEmpty()).toList();
        if (todo.isEmpty()) {
            return List.of();
        }
        Map<String, BarSeries> keys = new LinkedHashMap<>();
        for (BarSeries s : todo) {
            if (keys.put(key(s.symbol(), s.interval()), s) != null) {
                throw new IllegalArgumentException("series " + s.symbol() + " " + s.interval() + " given twice");
            }
        }
        if (readOnly) {
            throw new IllegalStateException("store " + file + " was opened read-only");
        }
        Instant now = clock.instant();
        try {
            conn.setAutoCommit(false);
            try {
                Map<String, Boolean> existed = new LinkedHashMap<>();
                java.util.Set<String> unchanged = new java.util.HashSet<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT 1 FROM series WHERE symbol = ? AND interval_code = ?");
                     PreparedStatement del = conn.prepareStatement("DELETE FROM bars WHERE symbol = ? AND "
                             + "interval_code = ? AND ts BETWEEN epoch_ms(?::BIGINT) AND epoch_ms(?::BIGINT)")) {
                    for (BarSeries s : todo) {
                        ps.setString(1, s.symbol().value());
                        ps.setString(2, s.interval().code());
                        boolean had;
                        try (ResultSet rs = ps.executeQuery()) {
                            had = rs.next();
                        }
                        existed.put(key(s.symbol(), s.interval()), had);
                        if (had && contentHash(read(s.symbol(), s.interval(), new DateRange(s.time(0),
                                s.time(s.size() - 1)))).equals(contentHash(s))) {
                            unchanged.add(key(s.symbol(), s.interval())); // same bars: rewrite nothing
                            continue;
                        }
                        // replace the stored bars within the new data's span (first..last)
                        del.setString(1, s.symbol().value());
                        del.setString(2, s.interval().code());
                        del.setLong(3, s.epochMillis(0));
                        del.setLong(4, s.epochMillis(s.size() - 1));
                        del.executeUpdate();
                    }
                }
                long appended = 0;
                try (DuckDBAppender app = conn.unwrap(DuckDBConnection.class).createAppender(
                        DuckDBConnection.DEFAULT_SCHEMA, "bars")) {
                    for (BarSeries s : todo) {
                        if (unchanged.contains(key(s.symbol(), s.interval()))) {
                            continue;
                        }
                        String sym = s.symbol().value();
                        String iv = s.interval().code();
                        for (int i = 0; i < s.size(); i++) {
                            app.beginRow();
                            app.append(sym);
                            app.append(iv);
                            app.appendLocalDateTime(toLocal(s.epochMillis(i)));
                            app.append(s.open(i));
                            app.append(s.high(i));
                            app.append(s.low(i));
                            app.append(s.close(i));
                            app.append(s.adjClose(i));
                            app.append(s.volume(i));
                            app.endRow();
                            hook.afterRow(++appended);
                        }
                    }
                    app.flush();
                }
                List<SeriesInfo> out = new ArrayList<>();
                try (PreparedStatement stats = conn.prepareStatement("SELECT count(*), epoch_ms(min(ts)), epoch_ms(max(ts)) "
                        + "FROM bars WHERE symbol = ? AND interval_code = ?");
                     PreparedStatement meta = conn.prepareStatement("INSERT OR REPLACE INTO series VALUES "
                             + "(?, ?, ?, epoch_ms(?::BIGINT), ?, epoch_ms(?::BIGINT), epoch_ms(?::BIGINT), ?, "
                             + "epoch_ms(?::BIGINT), epoch_ms(?::BIGINT))")) {
                    for (BarSeries s : todo) {
                        stats.setString(1, s.symbol().value());
                        stats.setString(2, s.interval().code());
                        long rows, first, last;
                        try (ResultSet rs = stats.executeQuery()) {
                            rs.next();
                            rows = rs.getLong(1);
                            first = rs.getLong(2);
                            last = rs.getLong(3);
                        }
                        String hash = existed.get(key(s.symbol(), s.interval()))
                                ? contentHash(read(s.symbol(), s.interval(), DateRange.all())) : contentHash(s);
                        DateRange cov = coverage.apply(s);
                        meta.setString(1, s.symbol().value());
                        meta.setString(2, s.interval().code());
                        meta.setString(3, source);
                        meta.setLong(4, now.toEpochMilli());
                        meta.setLong(5, rows);
                        meta.setLong(6, first);
                        meta.setLong(7, last);
                        meta.setString(8, hash);
                        setInstant(meta, 9, cov == null ? null : cov.from());
                        setInstant(meta, 10, cov == null ? null : cov.to());
                        meta.executeUpdate();
                        out.add(new SeriesInfo(s.symbol(), s.interval(), source, Instant.ofEpochMilli(now.toEpochMilli()),
                                rows, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), hash,
                                cov == null ? DateRange.all() : cov));
                    }
                }
                conn.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store " + file + ": write failed, nothing was changed: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The time of the {@code k}-th last stored bar of a series (k = 1: the last bar), or of its first bar when
     * fewer than k are stored; empty when nothing is stored. An incremental fetch starts there, so that the
     * last few bars are downloaded again and revisions replace them.
     */
    public Optional<Instant> kthLastTime(Symbol symbol, Interval interval, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        String sql = "SELECT epoch_ms(ts) FROM (SELECT ts FROM bars WHERE symbol = ? AND interval_code = ? "
                + "ORDER BY ts DESC LIMIT ?) ORDER BY ts LIMIT 1";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, symbol.value());
            ps.setString(2, interval.code());
            ps.setInt(3, k);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store " + file + ": query failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** Metadata of a stored series, if any. */
    public Optional<SeriesInfo> info(Symbol symbol, Interval interval) {
        return query("WHERE symbol = ? AND interval_code = ?", symbol.value(), interval.code()).stream().findFirst();
    }

    /** Metadata of all stored series of a symbol, finest interval first. */
    public List<SeriesInfo> infos(Symbol symbol) {
        List<SeriesInfo> l = new ArrayList<>(query("WHERE symbol = ?", symbol.value()));
        l.sort((a, b) -> a.interval().compareTo(b.interval()));
        return l;
    }

    /** Metadata of every stored series, by symbol then interval. */
    public List<SeriesInfo> list() {
        List<SeriesInfo> l = new ArrayList<>(query(""));
        l.sort((a, b) -> a.symbol().equals(b.symbol()) ? a.interval().compareTo(b.interval())
                : a.symbol().compareTo(b.symbol()));
        return l;
    }

    /** The stored bars of a series within {@code range}, or empty if the series is not stored. */
    public Optional<BarSeries> load(Symbol symbol, Interval interval, DateRange range) {
        if (info(symbol, interval).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(symbol, interval, range));
        } catch (SQLException e) {
            throw new IllegalStateException("store " + file + ": read failed: " + firstLine(e.getMessage()), e);
        }
    }

    private BarSeries read(Symbol symbol, Interval interval, DateRange range) throws SQLException {
        long from = range.from() == null ? Long.MIN_VALUE : range.from().toEpochMilli();
        long to = range.to() == null ? Long.MAX_VALUE : range.to().toEpochMilli();
        String sql = "SELECT epoch_ms(ts), open, high, low, close, adj_close, volume FROM bars "
                + "WHERE symbol = ? AND interval_code = ?"
                + (range.from() == null ? "" : " AND ts >= epoch_ms(?::BIGINT)")
                + (range.to() == null ? "" : " AND ts <= epoch_ms(?::BIGINT)") + " ORDER BY ts";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int p = 1;
            ps.setString(p++, symbol.value());
            ps.setString(p++, interval.code());
            if (range.from() != null) {
                ps.setLong(p++, from);
            }
            if (range.to() != null) {
                ps.setLong(p, to);
            }
            BarSeries.Builder b = BarSeries.builder(symbol, interval);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6), rs.getDouble(7));
                }
            }
            return b.build();
        }
    }

    private List<SeriesInfo> query(String where, String... params) {
        String sql = "SELECT symbol, interval_code, source, epoch_ms(fetched_at), rows, epoch_ms(first_ts), "
                + "epoch_ms(last_ts), content_hash, epoch_ms(covered_from), epoch_ms(covered_to) FROM series " + where;
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<SeriesInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SeriesInfo(Symbol.of(rs.getString(1)), Interval.parse(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5), instant(rs, 6), instant(rs, 7),
                            rs.getString(8), new DateRange(instant(rs, 9), instant(rs, 10))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("store " + file + ": query failed: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * SHA-256 over the series' columns (timestamp as epoch millis, then open, high, low, close, adjusted close,
     * volume per bar, big-endian), as lowercase hex. Equal bars give equal hashes whatever their source.
     */
    public static String contentHash(BarSeries s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(56 * 1024);
            for (int i = 0; i < s.size(); i++) {
                if (buf.remaining() < 56) {
                    buf.flip();
                    md.update(buf);
                    buf.clear();
                }
                buf.putLong(s.epochMillis(i)).putDouble(s.open(i)).putDouble(s.high(i)).putDouble(s.low(i))
                        .putDouble(s.close(i)).putDouble(s.adjClose(i)).putDouble(s.volume(i));
            }
            buf.flip();
            md.update(buf);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private static java.time.LocalDateTime toLocal(long epochMillis) {
        return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, java.time.ZoneOffset.UTC);
    }

    /** Number of bars stored, all series together. */
    public long rowCount() {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM bars")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("store " + file + ": query failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static String key(Symbol s, Interval i) {
        return s.value() + "\u0000" + i.code();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void closeQuietly() {
        try {
            conn.close();
        } catch (SQLException | RuntimeException ignored) {
            // best effort while failing
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException("store " + file + ": close failed", e);
        }
    }
}
