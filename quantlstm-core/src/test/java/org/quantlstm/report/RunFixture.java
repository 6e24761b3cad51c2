package org.quantlstm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A real spy-analyser run folder (test resources {@code report/spy-run}: written by {@code ./quantlstm run
 * --no-progress} on the bundled SPY data; the 20 per-strategy seed PNGs under charts/ were left out to keep the
 * repository small, every other file is as the run wrote it), copied to a fresh folder per test.
 */
final class RunFixture {
    private RunFixture() {
    }

    static Path copy(Path into) {
        try {
            Path src = Path.of(RunFixture.class.getResource("/report/spy-run/metrics.json").toURI()).getParent();
            Path dst = into.resolve("20260101-000000-spy-analyser");
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : s.toList()) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
