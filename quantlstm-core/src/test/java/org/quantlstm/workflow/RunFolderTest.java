package org.quantlstm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BundledSource;

class RunFolderTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T14:35:22Z"), ZoneOffset.UTC);

    @Test
    void committedRunAppearsWithItsFiles(@TempDir Path root) throws Exception {
        Path done;
        try (RunFolder run = RunFolder.create(root, "spy-analyser", clock)) {
            run.writeJson("metrics.json", Map.of("sharpe", 1.5));
            run.writeText("charts/a.txt", "x");
            assertThat(run.timestamp()).isEqualTo("20261121-143522");
            done = run.commit();
        }
        assertThat(done.getFileName().toString()).isEqualTo("20261121-143522-spy-analyser");
        assertThat(Files.readString(done.resolve("metrics.json"))).contains("\"sharpe\" : 1.5");
        assertThat(done.resolve("charts/a.txt")).exists();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(done)))
                .isEqualTo("rwxr-xr-x");
        try (var s = Files.list(root)) {
            assertThat(s.toList()).containsExactly(done);
        }
    }

    @Test
    void failedRunLeavesNothingBehind(@TempDir Path root) throws Exception {
        try (RunFolder run = RunFolder.create(root, "x", clock)) {
            run.writeText("half.csv", "a,b\n1,");
            // no commit: an exception or interruption ends here
        }
        try (var s = Files.list(root)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void fingerprintChangesWithAnyPrice() {
        var spy = new BundledSource().load(Symbol.of("SPY")).last(100);
        String h = DataFingerprint.sha256(spy);
        assertThat(h).hasSize(64).isEqualTo(DataFingerprint.sha256(spy.slice(0, 100)));
        assertThat(DataFingerprint.sha256(spy.slice(0, 99))).isNotEqualTo(h);
    }

    @Test
    void stagingFoldersOfDeadRunsAreRemovedAtTheNextStartAndLiveOnesKept(@TempDir Path runs) throws Exception {
        Path dead = Files.createDirectories(runs.resolve(".staging-999999999-20260101-000000-123"));
        Files.writeString(dead.resolve("metrics.json"), "{}");
        Path live = Files.createDirectories(runs.resolve(".staging-" + ProcessHandle.current().pid()
                + "-20260101-000000-456"));
        Path oldForm = Files.createDirectories(runs.resolve(".staging-20250101-000000-789"));
        Files.setLastModifiedTime(oldForm, java.nio.file.attribute.FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Path freshOldForm = Files.createDirectories(runs.resolve(".staging-20260101-000000-999"));
        try (RunFolder f = RunFolder.create(runs, "x", Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC))) {
            assertThat(dead).doesNotExist();
            assertThat(oldForm).doesNotExist();
            assertThat(live).exists();
            assertThat(freshOldForm).exists();
        }
    }
}
