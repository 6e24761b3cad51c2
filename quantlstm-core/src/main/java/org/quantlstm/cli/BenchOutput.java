package org.quantlstm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers shared by the {@code bench} subcommands: the load average line and short, escaped echoes. */
final class BenchOutput {
    private BenchOutput() {
    }

    /** The first three fields of /proc/loadavg, or "unknown" where there is none. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** User input echoed in an error: at most 40 characters, control and non-ASCII characters escaped. */
    static String echo(String s) {
        StringBuilder b = new StringBuilder();
        String t = s.length() > 40 ? s.substring(0, 40) : s;
        for (char c : t.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return s.length() > 40 ? b + "..." : b.toString();
    }
}
