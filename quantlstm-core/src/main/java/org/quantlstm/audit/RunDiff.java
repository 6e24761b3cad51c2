package org.quantlstm.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares two run folders up to a cut: every {@code forecasts*.csv}, {@code equity*.csv}, {@code weights*.csv}
 * and {@code positions*.csv} of the baseline must exist in the other run with the same header, the same rows in
 * the same order, and equal cells in every row whose time (the {@code time} or {@code date} column) is at or
 * before the cut. Cells are equal when their text is identical or, as numbers, within {@link #TOLERANCE} relative
 * (in practice the runs are bit-identical: the largest difference is reported). Label columns, whose header names
 * an {@code actual} or {@code realised} value, hold the next bar's price by design and are not compared.
 */
public final class RunDiff {
    /** Relative tolerance for numeric cells: |a − b| ≤ 1e-12 · max(1, |a|, |b|). */
    public static final double TOLERANCE = 1e-12;

    private static final Pattern COMPARED = Pattern.compile("(forecasts|equity|weights|positions)[A-Za-z0-9_.^=-]*\\.csv");

    /** The first cell that differs. */
    public record Mismatch(String file, String time, String column, String baseline, String other) {
        public String describe() {
            return file + " " + time + " column " + column + ": " + baseline + " vs " + other;
        }
    }

    /** What was compared, the largest numeric difference, and the first mismatch if any. */
    public record Result(List<String> files, long cells, double maxAbsDiff, Optional<Mismatch> mismatch) {
        public Result {
            files = List.copyOf(files);
        }

        public boolean identical() {
            return mismatch.isEmpty();
        }
    }

    private RunDiff() {
    }

    /** The compared files of a run folder, by name. */
    public static List<String> comparedFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> COMPARED.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Compares {@code other} against {@code baseline} on every row at or before {@code cutMillis}. */
    public static Result compare(Path baseline, Path other, long cutMillis) {
        List<String> files = comparedFiles(baseline);
        long cells = 0;
        double maxDiff = 0;
        for (String name : files) {
            Path b = baseline.resolve(name);
            Path o = other.resolve(name);
            if (!Files.exists(o)) {
                return new Result(files, cells, maxDiff, Optional.of(new Mismatch(name, "-", "-", "present", "missing")));
            }
            List<List<String>> rb = read(b);
            List<List<String>> ro = read(o);
            if (rb.isEmpty()) {
                continue;
            }
            List<String> header = rb.get(0);
            if (ro.isEmpty() || !ro.get(0).equals(header)) {
                return new Result(files, cells, maxDiff, Optional.of(new Mismatch(name, "header", "-",
                        String.join(",", header), ro.isEmpty() ? "empty" : String.join(",", ro.get(0)))));
            }
            int timeCol = -1;
            for (int j = 0; j < header.size() && timeCol < 0; j++) {
                String h = header.get(j).toLowerCase(Locale.ROOT);
                if (h.equals("time") || h.equals("date")) {
                    timeCol = j;
                }
            }
            if (timeCol < 0) {
                continue;
            }
            boolean[] label = new boolean[header.size()];
            for (int j = 0; j < header.size(); j++) {
                String h = header.get(j).toLowerCase(Locale.ROOT);
                label[j] = h.contains("actual") || h.contains("realised") || h.contains("realized");
            }
            for (int i = 1; i < rb.size(); i++) {
                List<String> x = rb.get(i);
                if (x.size() <= timeCol) {
                    continue;
                }
                long t = parseTime(x.get(timeCol));
                if (t > cutMillis) {
                    continue;
                }
                String when = x.get(timeCol);
                if (i >= ro.size()) {
                    return new Result(files, cells, maxDiff, Optional.of(new Mismatch(name, when, "-", "row", "missing")));
                }
                List<String> y = ro.get(i);
                for (int j = 0; j < x.size(); j++) {
                    if (label[j]) {
                        continue;
                    }
                    String u = x.get(j);
                    String w = j < y.size() ? y.get(j) : "";
                    cells++;
                    if (u.equals(w)) {
                        continue;
                    }
                    double du = number(u);
                    double dw = number(w);
                    double d = Math.abs(du - dw);
                    if (Double.isFinite(d) && d <= TOLERANCE * Math.max(1, Math.max(Math.abs(du), Math.abs(dw)))) {
                        maxDiff = Math.max(maxDiff, d);
                        continue;
                    }
                    return new Result(files, cells, maxDiff, Optional.of(new Mismatch(name, when, header.get(j), u, w)));
                }
            }
        }
        return new Result(files, cells, maxDiff, Optional.empty());
    }

    /** The times in the {@code time}/{@code date} column of a run's CSV file, skipping rows whose {@code segment} is not {@code test}. */
    static List<Long> testTimes(Path file) {
        List<List<String>> rows = read(file);
        List<Long> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> header = rows.get(0);
        int tc = -1;
        int seg = -1;
        for (int j = 0; j < header.size(); j++) {
            String h = header.get(j).toLowerCase(Locale.ROOT);
            if (tc < 0 && (h.equals("time") || h.equals("date"))) {
                tc = j;
            }
            if (h.equals("segment")) {
                seg = j;
            }
        }
        if (tc < 0) {
            return out;
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() > tc && (seg < 0 || (r.size() > seg && r.get(seg).equals("test")))) {
                long t = parseTime(r.get(tc));
                if (t != Long.MIN_VALUE) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** An ISO instant, an ISO date (midnight UTC) or {@code yyyy-MM-dd HH:mm} (UTC); MIN_VALUE when none. */
    static long parseTime(String s) {
        String x = s.strip();
        try {
            if (x.length() == 10) {
                return LocalDate.parse(x).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (x.endsWith("Z")) {
                return Instant.parse(x).toEpochMilli();
            }
            return LocalDateTime.parse(x.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Reads a small CSV file (quoted fields allowed, no embedded newlines). */
    static List<List<String>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<List<String>> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (!line.isEmpty()) {
                out.add(split(line));
            }
        }
        return out;
    }

    static List<String> split(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                f.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        f.add(cur.toString());
        return f;
    }
}
