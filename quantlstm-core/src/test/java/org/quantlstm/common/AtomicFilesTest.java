package org.quantlstm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void replacesTheFileWithOrdinaryPermissionsAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/metrics.json");
        AtomicFiles.write(f, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(f, "{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(f)).isEqualTo("{\"a\":2}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        try (var s = Files.list(f.getParent())) {
            assertThat(s.toList()).containsExactly(f);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.csv");
        AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        Path notADir = dir.resolve("x.csv/inner.csv");
        assertThatThrownBy(() -> AtomicFiles.write(notADir, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(Files.readString(f)).isEqualTo("old");
    }
}
