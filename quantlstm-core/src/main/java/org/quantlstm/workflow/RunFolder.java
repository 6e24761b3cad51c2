package org.quantlstm.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A run's output folder, {@code runs/<yyyyMMdd-HHmmss>-<name>/}, written all-or-nothing: files go into a hidden
 * staging folder {@code runs/.staging-…} and {@link #commit()} renames it into place. A run that fails or is
 * interrupted leaves no half-written run folder behind ({@link #close()} without commit deletes the staging
 * folder).
 */
public final class RunFolder implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules()
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("java-time-as-text")
                    .addSerializer(java.time.LocalDate.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance)
                    .addSerializer(java.time.Instant.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance)
                    .addSerializer(java.time.Duration.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance)
                    .addSerializer(java.nio.file.Path.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance));

    private final Path staging;
    private final Path target;
    private final String timestamp;
    private boolean committed;

    private RunFolder(Path staging, Path target, String timestamp) {
        this.staging = staging;
        this.target = target;
        this.timestamp = timestamp;
    }

    /** Opens a staging folder for a run called {@code name} under {@code runsRoot}. */
    public static RunFolder create(Path runsRoot, String name, Clock clock) {
        String stamp = STAMP.format(clock.instant());
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(runsRoot);
            Path target = runsRoot.resolve(stamp + "-" + safe);
            int k = 2;
            while (Files.exists(target)) {
                target = runsRoot.resolve(stamp + "-" + safe + "-" + k++);
            }
            removeStaleStaging(runsRoot);
            Path staging = Files.createTempDirectory(runsRoot, STAGING + ProcessHandle.current().pid() + "-" + stamp + "-");
            return new RunFolder(staging, target, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder under " + runsRoot, e);
        }
    }

    private static final String STAGING = ".staging-";

    /**
     * Deletes the staging folders of runs whose process is gone (killed with {@code kill -9}, power loss): their
     * name carries the owner's PID. A staging folder of a live process is left alone; one without a PID (older
     * versions) is removed once it is a day old.
     */
    static int removeStaleStaging(Path runsRoot) {
        int removed = 0;
        try (var dirs = Files.newDirectoryStream(runsRoot, STAGING + "*")) {
            for (Path d : dirs) {
                String rest = d.getFileName().toString().substring(STAGING.length());
                int dash = rest.indexOf('-');
                boolean stale;
                try {
                    long pid = Long.parseLong(rest.substring(0, Math.max(0, dash)));
                    // a stamp (yyyyMMdd) is not a PID: names of the older form fall through to the age rule
                    stale = rest.substring(0, dash).length() != 8
                            ? ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
                            : ageOver(d, java.time.Duration.ofDays(1));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    stale = ageOver(d, java.time.Duration.ofDays(1));
                }
                if (stale && Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(d);
                    removed++;
                }
            }
        } catch (IOException e) {
            // cleaning up is best effort: a folder we cannot list or delete is left for the user
        }
        return removed;
    }

    private static boolean ageOver(Path p, java.time.Duration age) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(java.time.Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The UTC timestamp in the folder name, {@code yyyyMMdd-HHmmss}, also used in chart file names. */
    public String timestamp() {
        return timestamp;
    }

    /** Where a file of this run is written now (inside the staging folder until commit). */
    public Path file(String relative) {
        Path p = staging.resolve(relative).normalize();
        if (!p.startsWith(staging)) {
            throw new IllegalArgumentException("file outside run folder: " + relative);
        }
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The final folder (exists only after {@link #commit()}). */
    public Path finalPath() {
        return target;
    }

    public void writeJson(String relative, Object value) {
        try {
            JSON.writeValue(file(relative).toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    public void writeText(String relative, String text) {
        try {
            Files.writeString(file(relative), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    /**
     * Records the plan as applied: {@code config.yaml} (the experiment after overrides; every key in it was read,
     * since a key the system does not read is rejected before the run) and {@code plan.json} (every setting the run
     * used, defaults included, as the system resolved them).
     */
    public void writeConfig(ExperimentConfig cfg, Record plan) {
        writeText("config.yaml", cfg.yaml());
        writeText("plan.json", planJson(cfg, plan));
    }

    /** The text of {@code plan.json}: the system, the seed and the plan (dates as ISO text). */
    public static String planJson(ExperimentConfig cfg, Record plan) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("system", cfg.system());
        m.put("seed", cfg.seed());
        m.put("plan", plan);
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan.json", e);
        }
    }

    /**
     * Writes {@code report.html}, the self-contained tear sheet of everything written so far, headed with the
     * run's final folder name. Call it last, just before {@link #commit()}.
     */
    public void writeTearSheet() {
        org.quantlstm.report.TearSheet.write(staging, target.getFileName().toString());
    }

    /** Moves the staging folder into place; returns the final path. */
    public Path commit() {
        try {
            org.quantlstm.common.AtomicFiles.readableByAll(staging, true);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            committed = true;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move run folder into place at " + target, e);
        }
    }

    /** Deletes the staging folder unless the run was committed. */
    @Override
    public void close() {
        if (committed || !Files.exists(staging)) {
            return;
        }
        try {
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + staging, e);
        }
    }
}
