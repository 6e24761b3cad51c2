package org.quantlstm.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quantlstm.common.UserInputException;

/**
 * A CSV file of a run folder held as strings (header + rows), with typed column views. Empty cells read as
 * NaN in numeric columns. Times may be ISO-8601 instants ({@code 2024-05-28T13:30:00Z}), local date-times or
 * dates (read as UTC midnight); they are returned as epoch milliseconds.
 */
final class CsvTable {
    private final List<String> header;
    private final List<String[]> rows;

    CsvTable(List<String> header, List<String[]> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /** Reads a CSV file with a header row; a file without a header is a user error naming the file. */
    static CsvTable read(Path file) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .readValues(Files.readString(file, StandardCharsets.UTF_8))) {
            List<String[]> all = it.readAll();
            if (all.isEmpty()) {
                throw new UserInputException(file + " is empty (expected a header row)");
            }
            List<String> head = Arrays.stream(all.get(0)).map(String::trim).toList();
            List<String[]> body = new ArrayList<>(all.size() - 1);
            for (int i = 1; i < all.size(); i++) {
                String[] r = all.get(i);
                if (r.length == 1 && r[0].isBlank()) {
                    continue;
                }
                body.add(Arrays.copyOf(r, head.size()));
            }
            return new CsvTable(head, body);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    List<String> header() {
        return header;
    }

    int size() {
        return rows.size();
    }

    boolean has(String column) {
        return header.contains(column);
    }

    int index(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        return i;
    }

    String cell(int row, String column) {
        String v = rows.get(row)[index(column)];
        return v == null ? "" : v;
    }

    String[] strings(String column) {
        int c = index(column);
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            String v = rows.get(i)[c];
            out[i] = v == null ? "" : v;
        }
        return out;
    }

    double[] doubles(String column) {
        String[] s = strings(column);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = number(s[i]);
        }
        return out;
    }

    long[] times(String column) {
        String[] s = strings(column);
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = time(s[i]);
        }
        return out;
    }

    /** The rows whose {@code column} equals {@code value}, as a new table. */
    CsvTable where(String column, String value) {
        int c = index(column);
        List<String[]> keep = new ArrayList<>();
        for (String[] r : rows) {
            if (value.equals(r[c])) {
                keep.add(r);
            }
        }
        return new CsvTable(header, keep);
    }

    /** Distinct values of a column in order of first appearance. */
    List<String> distinct(String column) {
        return Arrays.stream(strings(column)).distinct().toList();
    }

    static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return 1;
            }
            if (t.equals("false")) {
                return 0;
            }
            return Double.NaN;
        }
    }

    /** Epoch milliseconds of an ISO instant, local date-time (UTC) or date (UTC midnight). */
    static long time(String s) {
        String t = s.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (t.endsWith("Z")) {
                return Instant.parse(t).toEpochMilli();
            }
            if (t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t.replace(' ', 'T')).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new UserInputException("not a date or time: '" + s + "'");
        }
    }
}
