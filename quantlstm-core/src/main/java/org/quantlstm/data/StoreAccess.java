package org.quantlstm.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a command reaches the local store: the data directory, how long to wait for another process that holds
 * the store, and where to say that it is waiting. Each {@link #read} or {@link #write} opens the store for one
 * short burst and closes it again, so that a slow step (a download, a parse) never holds the store and other
 * processes are blocked for one transaction at most.
 *
 * @param dir     the data directory holding {@value MarketStore#FILE_NAME}
 * @param maxWait the longest wait for another process's lock before failing with one line
 * @param notices receives one "waiting for the store" line when an open has to wait
 */
public record StoreAccess(Path dir, Duration maxWait, Consumer<String> notices) {
    public StoreAccess {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(notices, "notices");
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be >= 0: " + maxWait);
        }
    }

    /** Runs {@code f} on the store opened read-only; empty when there is no store yet (nothing is created). */
    public <T> Optional<T> read(Function<MarketStore, T> f) {
        Optional<MarketStore> opened = MarketStore.openForReading(dir, maxWait, notices);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (MarketStore store = opened.get()) {
            return Optional.ofNullable(f.apply(store));
        }
    }

    /** Runs {@code f} on the store opened for writing (created if needed), then closes it. */
    public <T> T write(Function<MarketStore, T> f) {
        try (MarketStore store = MarketStore.open(dir, maxWait, notices)) {
            return f.apply(store);
        }
    }

    /** The store file this access opens. */
    public Path file() {
        return dir.resolve(MarketStore.FILE_NAME);
    }
}
