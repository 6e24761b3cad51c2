package org.quantlstm.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Drives Debian's {@code chromium} headless for the report tests: {@code --dump-dom} (the DOM after the page's
 * scripts ran) with {@code --enable-logging=stderr --v=0}, from whose stderr every {@code CONSOLE} line is collected
 * (console.log/warn/error and uncaught exceptions alike — the report writes nothing to the console, so any such
 * line is a failure), and {@code --screenshot}. Each call uses a fresh profile folder and the flags this machine
 * needs (no sandbox as root, no GPU, no background networking).
 */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    /** What one browser run gave: stdout (the DOM for --dump-dom), the console lines, the exit code. */
    record Result(int exitCode, String stdout, List<String> console) {
    }

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser from $CHROMIUM or the PATH, if any. */
    static Optional<HeadlessChromium> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Optional.of(new HeadlessChromium(Path.of(env)));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String n : NAMES) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, n);
                if (Files.isExecutable(p)) {
                    return Optional.of(new HeadlessChromium(p));
                }
            }
        }
        return Optional.empty();
    }

    Result dumpDom(Path html, Path workDir) throws IOException, InterruptedException {
        return dumpDom(html, "", workDir);
    }

    /** The DOM of {@code html} opened with a URL fragment (e.g. "#log"). */
    Result dumpDom(Path html, String fragment, Path workDir) throws IOException, InterruptedException {
        return run(workDir, "--dump-dom", html.toUri() + fragment);
    }

    Result screenshot(Path html, Path png, int width, int height, Path workDir) throws IOException, InterruptedException {
        return run(workDir, "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString());
    }

    private Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
        Path out = Files.createTempFile(workDir, "chromium-", ".out");
        Path err = Files.createTempFile(workDir, "chromium-", ".err");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr",
                "--v=0"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 180 s: " + cmd);
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE")).toList();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
