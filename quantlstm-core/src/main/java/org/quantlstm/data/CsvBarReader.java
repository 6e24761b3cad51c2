package org.quantlstm.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * Imports bars from any OHLCV text file, plain or gzip-compressed (detected from the content, not the name).
 *
 * <ul>
 *   <li><b>Delimiter</b>: sniffed from the header: comma, semicolon, tab or pipe. With a semicolon, tab or pipe
 *       delimiter a decimal comma ({@code 1,5}) is accepted.</li>
 *   <li><b>Quotes</b>: RFC 4180 fields in double quotes, with {@code ""} for a quote and embedded delimiters
 *       or line breaks.</li>
 *   <li><b>Header names</b>, case-insensitive, ignoring spaces, underscores, dashes, slashes and MT5's
 *       angle brackets: time = Date, Datetime, Timestamp, Time, date_utc, datetime_utc (a Date column plus a
 *       Time column are joined, as in MT5 exports); Open/o; High/h; Low/l; Close/c/Price/Last/Close/Last;
 *       Adj Close/adj_close/adjclose/Adjusted; Volume/vol/tick_volume; Ticker/Symbol for long format.</li>
 *   <li><b>Time formats</b>, detected from the first row: ISO dates, ISO date-times with {@code T} or a space,
 *       with or without seconds, fractions and a {@code Z}/{@code ±hh:mm} offset; {@code yyyy/MM/dd},
 *       {@code yyyy.MM.dd}; {@code MM/dd/yyyy}; {@code dd.MM.yyyy} and {@code dd-MM-yyyy}; {@code yyyyMMdd};
 *       epoch seconds (9–11 digits) and epoch milliseconds (12+ digits). Times without an offset are taken as
 *       UTC (for MT5 exports that is broker server time, see the data README §7).</li>
 *   <li><b>Layouts</b>: single series (OHLCV columns; the symbol comes from the caller); long (a ticker or
 *       symbol column, many series); wide (a time column plus one close column per ticker, giving close-only
 *       series; empty cells mean no bar for that ticker).</li>
 * </ul>
 *
 * <p>Missing columns: without open, open = close; without high/low they are max/min(open, close); without
 * adjusted close it equals close; without volume, volume = 0 (not NaN, so that volume features stay finite;
 * a warning says it is missing). Empty volume cells are also 0, counted in a warning.
 *
 * <p>The interval is inferred from the median spacing of the longest series unless given. Daily and coarser
 * bars are stored at midnight UTC of their date (a time of day is dropped, with a warning); the date is the one
 * written in the file when it carries an offset (yfinance's {@code 2024-01-02 00:00:00+01:00} stays 2024-01-02),
 * else the UTC date (epoch times of non-US daily bars may need care). Every series then
 * passes {@link BarValidator}; every rejection is one line naming the file, the line and the problem.
 */
public final class CsvBarReader {
    /** File layout. */
    public enum Format {
        AUTO, SINGLE, LONG, WIDE;

        public static Format parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("unknown format '" + s + "': use auto, single, long or wide");
            }
        }
    }

    /** The imported series (in symbol order) and what was repaired or noticed. */
    public record Result(Map<Symbol, BarSeries> series, ImportReport report) {
        public Result {
            series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
        }

        public int rows() {
            return series.values().stream().mapToInt(BarSeries::size).sum();
        }
    }

    private static final List<String> TIME = List.of("datetime", "datetimeutc", "timestamp", "timestamputc", "date",
            "dateutc", "time", "timeutc", "opentime", "day");
    private static final List<String> OPEN = List.of("open", "o", "openprice");
    private static final List<String> HIGH = List.of("high", "h", "highprice");
    private static final List<String> LOW = List.of("low", "l", "lowprice");
    private static final List<String> CLOSE = List.of("close", "c", "closeprice", "closelast", "price", "last",
            "lastprice");
    private static final List<String> ADJ = List.of("adjclose", "adjustedclose", "adjusted", "adjclosing",
            "adjprice");
    private static final List<String> VOLUME = List.of("volume", "vol", "tickvolume", "tickvol", "realvolume");
    private static final List<String> SYMBOL = List.of("ticker", "symbol");
    private static final java.util.Set<String> KNOWN = java.util.stream.Stream.of(TIME, OPEN, HIGH, LOW, CLOSE, ADJ,
            VOLUME, SYMBOL).flatMap(List::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** Plain decimal numbers only: no hex ({@code 0x1p3}), no type suffix ({@code 10d}), no spaces or NULs inside. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final java.util.regex.Pattern DECIMAL_COMMA =
            java.util.regex.Pattern.compile("[+-]?\\d+,\\d+([eE][+-]?\\d{1,3})?");

    /** The order of day, month and year in separated dates such as {@code 02/01/2024}. */
    public enum DateOrder {
        DMY, MDY, YMD;

        /** {@code dmy}, {@code mdy}, {@code ymd}, or a pattern such as {@code dd/MM/yyyy}. */
        public static DateOrder parse(String s) {
            String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("[^dmy]", "");
            t = t.replaceAll("d+", "d").replaceAll("m+", "m").replaceAll("y+", "y");
            return switch (t) {
                case "dmy" -> DMY;
                case "mdy" -> MDY;
                case "ymd" -> YMD;
                default -> throw new UserInputException("unknown date format '" + org.quantlstm.common.Excerpt.of(s)
                        + "': use dmy (dd/MM/yyyy), mdy (MM/dd/yyyy) or ymd (yyyy-MM-dd)");
            };
        }
    }

    /**
     * Limits on what one read may consume, so that no input can exhaust the heap.
     *
     * @param maxLineChars longest line (or quoted multi-line record), in characters
     * @param maxBytes     most bytes read, after decompression
     * @param maxRows      most data rows
     */
    public record Limits(int maxLineChars, long maxBytes, int maxRows) {
        public Limits {
            if (maxLineChars < 64 || maxBytes < 1024 || maxRows < 1) {
                throw new UserInputException("read limits too small: line " + maxLineChars + " chars, " + maxBytes
                        + " bytes, " + maxRows + " rows");
            }
        }

        /** 1,000,000 characters a line, 2 GiB of text, 20 million rows. */
        public static Limits defaults() {
            return new Limits(1_000_000, 2048L << 20, 20_000_000);
        }
    }

    private final BarValidator validator;
    private final Limits limits;

    public CsvBarReader() {
        this(new BarValidator());
    }

    public CsvBarReader(BarValidator validator) {
        this(validator, Limits.defaults());
    }

    public CsvBarReader(BarValidator validator, Limits limits) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads a file.
     *
     * @param symbol   for a single-series file its symbol (required); for long and wide files an optional
     *                 filter (only that ticker is imported)
     * @param interval the bar interval, or null to infer it from the spacing of the rows
     * @param format   the layout, or {@link Format#AUTO}
     */
    public Result read(Path file, Symbol symbol, Interval interval, Format format) {
        return read(file, symbol, interval, format, null);
    }

    /** As {@link #read(Path, Symbol, Interval, Format)}, with the date order given ({@code null}: inferred). */
    public Result read(Path file, Symbol symbol, Interval interval, Format format, DateOrder dateOrder) {
        String shown = org.quantlstm.common.Excerpt.of(file.toString(), 120);
        if (file.toString().isBlank()) {
            throw new UserInputException("the file name is empty");
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException(shown + ": is a directory, not a file");
        }
        String name = org.quantlstm.common.Excerpt.of(
                file.getFileName() == null ? file.toString() : file.getFileName().toString(), 120);
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in, symbol, interval, format, dateOrder);
        } catch (NoSuchFileException e) {
            throw new UserInputException(shown + ": no such file");
        } catch (IOException e) {
            throw new UserInputException(shown + ": cannot read (" + org.quantlstm.common.Excerpt.of(e.getMessage(), 120)
                    + ")", e);
        }
    }

    /** Reads a stream (gzip detected from its first two bytes); {@code source} names it in messages. */
    public Result read(String source, InputStream raw, Symbol symbol, Interval interval, Format format) {
        return read(source, raw, symbol, interval, format, null);
    }

    /** As {@link #read(String, InputStream, Symbol, Interval, Format)}, with the date order given (or null). */
    public Result read(String source, InputStream raw, Symbol symbol, Interval interval, Format format,
                       DateOrder dateOrder) {
        try {
            BufferedInputStream in = new BufferedInputStream(
                    BoundedLines.limit(raw, source, limits.maxBytes(), "input"), 1 << 16);
            in.mark(2);
            int b1 = in.read(), b2 = in.read();
            in.reset();
            InputStream body = (b1 == 0x1f && b2 == 0x8b)
                    ? BoundedLines.limit(new GZIPInputStream(in, 1 << 16), source, limits.maxBytes(), "decompressed text")
                    : in;
            try (InputStreamReader r = new InputStreamReader(body, StandardCharsets.UTF_8)) {
                return new Parse(source, new BoundedLines(r, source, limits.maxLineChars()), symbol, interval,
                        format == null ? Format.AUTO : format, dateOrder).run();
            }
        } catch (java.util.zip.ZipException e) {
            throw new UserInputException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new UserInputException(source + ": gzip data is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": read failed", e);
        }
    }

    /** State of one parse. */
    private final class Parse {
        private final String src;
        private final BoundedLines reader;
        private final Symbol wanted;
        private final Interval givenInterval;
        private final DateOrder dateOrder;
        private int records;
        private TimeParser timeParser;
        private Format format;
        private final List<String> warnings = new ArrayList<>();
        private int lineNo;
        private char delim;

        Parse(String src, BoundedLines reader, Symbol wanted, Interval interval, Format format, DateOrder dateOrder) {
            this.src = src;
            this.dateOrder = dateOrder;
            this.reader = reader;
            this.wanted = wanted;
            this.givenInterval = interval;
            this.format = format;
        }

        /** Reads one logical record (joins physical lines while a quote is open); null at end of input. */
        private String nextRecord() throws IOException {
            String line;
            do {
                line = reader.readLine();
                lineNo++;
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            if (++records > limits.maxRows() + 1) {
                throw new UserInputException(src + ": more than " + limits.maxRows() + " rows; raise the limit with "
                        + "--max-rows if the file is really that large");
            }
            checkText(line);
            int quotes = count(line, '"');
            if (quotes == 0) {
                return line;
            }
            StringBuilder sb = new StringBuilder(line);
            int start = lineNo;
            while (quotes % 2 != 0) {
                String more = reader.readLine();
                if (more == null) {
                    throw new UserInputException(src + " line " + start + ": unterminated quoted field");
                }
                lineNo++;
                checkText(more);
                if (sb.length() + more.length() + 1 > limits.maxLineChars()) {
                    throw new UserInputException(src + " line " + start + ": a quoted field runs over more than "
                            + limits.maxLineChars() + " characters (unterminated quote?)");
                }
                sb.append('\n').append(more);
                quotes += count(more, '"');
            }
            return sb.toString();
        }

        /** Text files of bars hold no NUL or other control bytes besides tab; a binary file is refused early. */
        private void checkText(String line) {
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                    throw new UserInputException(src + " line " + lineNo + ": control character "
                            + String.format("\\u%04x", (int) ch) + " at column " + (i + 1)
                            + " (a binary file, or not text in UTF-8?)");
                }
            }
        }

        Result run() throws IOException {
            String header = nextRecord();
            if (header == null) {
                throw new UserInputException(src + ": file is empty");
            }
            int headerLine = lineNo;
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            delim = sniff(header);
            String[] names = split(header, delim, headerLine, -1);
            String[] norm = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                norm[i] = normalise(names[i]);
            }
            String headerText = "[" + org.quantlstm.common.Excerpt.of(String.join(", ", names), 160) + "]";
            checkDuplicateColumns(names, norm);
            int time = find(norm, TIME);
            int timeOfDay = -1;
            if (time >= 0 && (norm[time].startsWith("date") || norm[time].equals("day"))) {
                int t2 = find(norm, List.of("time", "timeutc"));
                if (t2 >= 0 && !norm[time].startsWith("datetime")) {
                    timeOfDay = t2;
                }
            }
            if (time < 0) {
                throw new UserInputException(src + ": no date/time column in header " + headerText
                        + "; expected one of Date, Datetime, Timestamp, Time, date_utc, datetime_utc");
            }
            int sym = find(norm, SYMBOL);
            int o = find(norm, OPEN), h = find(norm, HIGH), l = find(norm, LOW), c = find(norm, CLOSE);
            int a = find(norm, ADJ), v = find(norm, VOLUME);
            if (format == Format.AUTO) {
                if (sym >= 0) {
                    format = Format.LONG;
                } else if (c < 0 && a < 0 && o < 0 && h < 0 && l < 0 && names.length > 1) {
                    format = Format.WIDE;
                } else {
                    format = Format.SINGLE;
                }
            }
            Map<String, RawBars> raws = new LinkedHashMap<>();
            switch (format) {
                case SINGLE, LONG -> {
                    if (format == Format.LONG && sym < 0) {
                        throw new UserInputException(src + ": long format needs a ticker or symbol column; header is "
                                + headerText);
                    }
                    if (format == Format.SINGLE && wanted == null) {
                        throw new UserInputException(src + ": the header " + headerText
                                + " has no ticker/symbol column, so the file holds one series: name it with --symbol");
                    }
                    if (c < 0 && a < 0) {
                        throw new UserInputException(src + ": no close column in header " + headerText
                                + "; expected one of Close, c, Price, Last, Adj Close"
                                + " (or use --format wide for one close column per ticker)");
                    }
                    readOhlc(raws, names.length, time, timeOfDay, sym, o, h, l, c, a, v);
                }
                case WIDE -> readWide(raws, names, time, timeOfDay);
                default -> throw new IllegalStateException();
            }
            if (raws.isEmpty() || raws.values().stream().allMatch(r -> r.n == 0)) {
                throw new UserInputException(src + ": no data rows after the header");
            }
            if (wanted != null && format != Format.SINGLE) {
                RawBars only = raws.get(wanted.value());
                if (only == null) {
                    throw new UserInputException(src + ": no rows for symbol " + wanted + " (found: "
                            + String.join(" ", new TreeMap<>(raws).keySet()) + ")");
                }
                raws = Map.of(wanted.value(), only);
            }
            if (timeParser != null && timeParser.ambiguous()) {
                warnings.add(src + ": every date reads both ways (day and month both 12 or less, e.g. "
                        + clip(timeParser.firstValue) + "); read as " + timeParser.pattern()
                        + "; if that is wrong, pass --date-format " + (timeParser.order == TimeParser.MDY ? "dmy" : "mdy"));
            }
            Interval interval = decideInterval(raws);
            if (interval.compareTo(Interval.D1) >= 0) {
                int shifted = 0;
                for (RawBars r : raws.values()) {
                    for (int i = 0; i < r.n; i++) {
                        long day = Math.floorDiv(r.local[i], 86_400_000L) * 86_400_000L;
                        if (day != r.t[i]) {
                            r.t[i] = day;
                            shifted++;
                        }
                    }
                }
                if (shifted > 0) {
                    warnings.add(src + ": " + shifted + " timestamps had a time of day; " + interval
                            + " bars are kept at midnight UTC of their date (in the file's own offset, if it gives one)");
                }
            }
            Map<Symbol, BarSeries> out = new TreeMap<>();
            for (Map.Entry<String, RawBars> e : new TreeMap<>(raws).entrySet()) {
                Symbol s = format == Format.SINGLE ? wanted : Symbol.of(e.getKey());
                if (e.getValue().n == 0) {
                    warnings.add(src + ": column " + s + " has no values; skipped");
                    continue;
                }
                out.put(s, validator.validate(src, s, interval, e.getValue(), warnings));
            }
            return new Result(out, new ImportReport(src, warnings));
        }

        private void readOhlc(Map<String, RawBars> raws, int width, int time, int timeOfDay, int sym, int o, int h,
                              int l, int c, int a, int v) throws IOException {
            List<String> filled = new ArrayList<>();
            if (o < 0) {
                filled.add("open = close");
            }
            if (h < 0) {
                filled.add("high = max(open, close)");
            }
            if (l < 0) {
                filled.add("low = min(open, close)");
            }
            if (c < 0) {
                filled.add("close = adjusted close");
            }
            if (!filled.isEmpty()) {
                warnings.add(src + ": missing columns filled in: " + String.join(", ", filled));
            }
            if (v < 0) {
                warnings.add(src + ": no volume column; volume set to 0");
            }
            String[] f = new String[width];
            TimeParser tp = null;
            String lastTime = null;
            long lastMillis = 0;
            long lastLocal = 0;
            String lastSym = null;
            RawBars cur = null;
            int emptyVolume = 0;
            if (sym < 0) {
                cur = new RawBars();
                raws.put(wanted.value(), cur);
            }
            for (String rec; (rec = nextRecord()) != null; ) {
                int line = lineNo;
                split(rec, delim, line, width, f);
                String ts = timeOfDay < 0 ? f[time] : f[time].strip() + " " + f[timeOfDay].strip();
                if (!ts.equals(lastTime)) {
                    if (tp == null) {
                        tp = timeParser = TimeParser.detect(src, line, ts, dateOrder);
                    }
                    lastMillis = tp.parse(src, line, ts);
                    lastLocal = lastMillis + tp.lastOffset;
                    lastTime = ts;
                }
                if (sym >= 0) {
                    String s = f[sym].strip();
                    if (!s.equals(lastSym)) {
                        String canonical;
                        try {
                            canonical = Symbol.of(s).value();
                        } catch (UserInputException e) {
                            throw new UserInputException(src + " line " + line + ": " + e.getMessage());
                        }
                        cur = raws.computeIfAbsent(canonical, k -> new RawBars());
                        lastSym = s;
                    }
                }
                double close = c >= 0 ? number(f[c], "close", line) : number(f[a], "adjusted close", line);
                double adj = a >= 0 ? number(f[a], "adjusted close", line) : close;
                double open = o >= 0 ? number(f[o], "open", line) : close;
                double high = h >= 0 ? number(f[h], "high", line) : Math.max(open, close);
                double low = l >= 0 ? number(f[l], "low", line) : Math.min(open, close);
                double vol = 0;
                if (v >= 0) {
                    if (f[v].isBlank()) {
                        emptyVolume++;
                    } else {
                        vol = number(f[v], "volume", line);
                    }
                }
                cur.add(lastMillis, lastLocal, open, high, low, close, adj, vol, line);
            }
            if (emptyVolume > 0) {
                warnings.add(src + ": " + emptyVolume + " empty volume field" + (emptyVolume == 1 ? "" : "s")
                        + " set to 0");
            }
        }

        private void readWide(Map<String, RawBars> raws, String[] names, int time, int timeOfDay) throws IOException {
            int width = names.length;
            RawBars[] cols = new RawBars[width];
            for (int i = 0; i < width; i++) {
                if (i == time || i == timeOfDay) {
                    continue;
                }
                String s = names[i].strip();
                try {
                    Symbol.of(s);
                } catch (UserInputException e) {
                    throw new UserInputException(src + " line " + lineNo + ": wide format expects one ticker per column: "
                            + e.getMessage());
                }
                cols[i] = new RawBars();
                if (raws.put(Symbol.of(s).value(), cols[i]) != null) {
                    throw new UserInputException(src + " line " + lineNo + ": ticker column " + s + " appears twice");
                }
            }
            warnings.add(src + ": wide format: " + raws.size() + " close-only series (open = high = low = close, volume 0)");
            String[] f = new String[width];
            TimeParser tp = null;
            for (String rec; (rec = nextRecord()) != null; ) {
                int line = lineNo;
                split(rec, delim, line, width, f);
                String ts = timeOfDay < 0 ? f[time] : f[time].strip() + " " + f[timeOfDay].strip();
                if (tp == null) {
                    tp = timeParser = TimeParser.detect(src, line, ts, dateOrder);
                }
                long t = tp.parse(src, line, ts);
                long local = t + tp.lastOffset;
                for (int i = 0; i < width; i++) {
                    if (cols[i] == null || f[i].isBlank()) {
                        continue;
                    }
                    double x = number(f[i], names[i].strip(), line);
                    cols[i].add(t, local, x, x, x, x, x, 0, line);
                }
            }
        }

        private Interval decideInterval(Map<String, RawBars> raws) {
            RawBars longest = raws.values().stream().max((x, y) -> Integer.compare(x.n, y.n)).orElseThrow();
            long median = medianSpacing(longest);
            if (givenInterval != null) {
                if (median > 0 && median < givenInterval.nominal().toMillis() / 2) {
                    throw new UserInputException(src + ": rows are about " + human(median) + " apart but the interval is "
                            + givenInterval + "; pass the matching --interval (or resample after import)");
                }
                if (median > maxMedianSpacing(givenInterval).toMillis()) {
                    throw new UserInputException(src + ": rows are about " + human(median) + " apart, too far apart for "
                            + givenInterval + " bars; pass the matching --interval (or leave it out to infer it)");
                }
                return givenInterval;
            }
            if (median <= 0) {
                throw new UserInputException(src + ": cannot infer the interval from fewer than two distinct times; pass --interval");
            }
            if (median < Duration.ofMinutes(50).toMillis()) {
                throw new UserInputException(src + ": rows are about " + human(median)
                        + " apart; the finest supported interval is 1h");
            }
            Interval iv;
            if (median <= Duration.ofMinutes(90).toMillis()) {
                iv = Interval.H1;
            } else if (median <= Duration.ofHours(6).toMillis()) {
                iv = Interval.H4;
            } else if (median <= Duration.ofDays(4).toMillis()) {
                iv = Interval.D1;
            } else if (median <= Duration.ofDays(10).toMillis()) {
                iv = Interval.W1;
            } else if (median <= Duration.ofDays(40).toMillis()) {
                iv = Interval.MO1;
            } else {
                throw new UserInputException(src + ": rows are about " + human(median)
                        + " apart; cannot infer an interval, pass --interval");
            }
            return iv;
        }

        private double number(String s, String column, int line) {
            if (s.isEmpty() || s.isBlank()) {
                throw new UserInputException(src + " line " + line + ": " + clip(column) + " is empty");
            }
            String t = s.strip();
            if (DECIMAL.matcher(t).matches()) {
                return Double.parseDouble(t);
            }
            if (delim != ',' && DECIMAL_COMMA.matcher(t).matches()) {
                return Double.parseDouble(t.replace(',', '.'));
            }
            switch (t.toLowerCase(Locale.ROOT)) { // named so that the validator can say what is wrong
                case "nan":
                    return Double.NaN;
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw new UserInputException(src + " line " + line + ": " + clip(column) + " '" + clip(s)
                            + "' is not a number");
            }
        }

        /** Two header fields that name the same column (Close and close, Adj Close and adj_close) are an error. */
        private void checkDuplicateColumns(String[] names, String[] norm) {
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < norm.length; i++) {
                if (norm[i].isEmpty() || !KNOWN.contains(norm[i])) {
                    continue;
                }
                Integer j = seen.putIfAbsent(norm[i], i);
                if (j != null) {
                    throw new UserInputException(src + " line 1: columns " + (j + 1) + " '" + clip(names[j].strip())
                            + "' and " + (i + 1) + " '" + clip(names[i].strip())
                            + "' name the same thing; keep one of them");
                }
            }
        }

        /** Splits a record; with {@code width >= 0} checks the field count and fills {@code out}. */
        private String[] split(String rec, char d, int line, int width, String[] out) {
            List<String> fields = null;
            String[] target = out;
            int count = 0;
            int len = rec.length();
            int i = 0;
            while (true) {
                String field;
                if (i < len && rec.charAt(i) == '"') {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= len) {
                            throw new UserInputException(src + " line " + line + ": unterminated quoted field");
                        }
                        char ch = rec.charAt(i);
                        if (ch == '"') {
                            if (i + 1 < len && rec.charAt(i + 1) == '"') {
                                sb.append('"');
                                i += 2;
                            } else {
                                i++;
                                break;
                            }
                        } else {
                            sb.append(ch);
                            i++;
                        }
                    }
                    field = sb.toString();
                    while (i < len && rec.charAt(i) != d) {
                        if (!Character.isWhitespace(rec.charAt(i))) {
                            throw new UserInputException(src + " line " + line + ": text after a closing quote");
                        }
                        i++;
                    }
                } else {
                    int j = rec.indexOf(d, i);
                    if (j < 0) {
                        j = len;
                    }
                    field = rec.substring(i, j);
                    i = j;
                }
                if (target != null) {
                    if (count < target.length) {
                        target[count] = field;
                    } else if (!field.isBlank()) {
                        throw new UserInputException(src + " line " + line + ": expected " + width + " fields, found more");
                    }
                } else {
                    if (fields == null) {
                        fields = new ArrayList<>();
                    }
                    fields.add(field);
                }
                count++;
                if (i >= len) {
                    break;
                }
                i++; // skip the delimiter
            }
            if (target != null) {
                if (count < width) {
                    throw new UserInputException(src + " line " + line + ": expected " + width + " fields, found " + count);
                }
                return target;
            }
            return fields.toArray(new String[0]);
        }

        private String[] split(String rec, char d, int line, int width) {
            return split(rec, d, line, width, null);
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** The delimiter that occurs most often outside quotes in the header; comma if none. */
    static char sniff(String header) {
        char[] cands = {',', ';', '\t', '|'};
        int[] counts = new int[cands.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < cands.length; k++) {
                    if (ch == cands[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < cands.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return cands[best];
    }

    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                b.append(Character.toLowerCase(ch));
            }
        }
        return b.toString();
    }

    private static int find(String[] norm, List<String> names) {
        for (String n : names) {
            for (int i = 0; i < norm.length; i++) {
                if (norm[i].equals(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The widest median spacing that still fits bars of {@code interval}: trading sessions leave gaps (nights,
     * weekends), so 1h bars may sit 3 h apart in the median, 4h bars 12 h, daily bars 6 days (thinly traded),
     * weekly bars 20 days and monthly bars 50 days; wider is a coarser interval than the one given.
     */
    static Duration maxMedianSpacing(Interval interval) {
        return switch (interval) {
            case H1 -> Duration.ofHours(3);
            case H4 -> Duration.ofHours(12);
            case D1 -> Duration.ofDays(6);
            case W1 -> Duration.ofDays(20);
            case MO1 -> Duration.ofDays(50);
        };
    }

    private static long medianSpacing(RawBars r) {
        long[] t = Arrays.copyOf(r.t, r.n);
        Arrays.sort(t);
        long[] d = new long[Math.max(0, t.length - 1)];
        int k = 0;
        for (int i = 1; i < t.length; i++) {
            if (t[i] > t[i - 1]) {
                d[k++] = t[i] - t[i - 1];
            }
        }
        if (k == 0) {
            return 0;
        }
        d = Arrays.copyOf(d, k);
        Arrays.sort(d);
        return d[k / 2];
    }

    private static String human(long millis) {
        if (millis < 3_600_000L) {
            return (millis / 60_000) + " min";
        }
        if (millis < 2 * 86_400_000L) {
            return String.format(Locale.ROOT, "%.1f h", millis / 3_600_000.0);
        }
        return String.format(Locale.ROOT, "%.1f days", millis / 86_400_000.0);
    }

    /** A short, escaped excerpt of input for a message. */
    private static String clip(String s) {
        return org.quantlstm.common.Excerpt.of(s, 40);
    }

    /**
     * Parses one time format, chosen from the first value: epoch seconds or milliseconds, {@code yyyyMMdd}, or
     * three numbers separated by {@code - / .} (year first; else month first with a slash, day first otherwise)
     * optionally followed by {@code T} or spaces, {@code HH:mm[:ss[.fff]]} and {@code Z}/{@code ±hh[:]mm}/UTC.
     */
    static final class TimeParser {
        private enum Kind { EPOCH_S, EPOCH_MS, COMPACT, SEPARATED }

        private static final int YMD = 0, MDY = 1, DMY = 2;
        private final Kind kind;
        private final char sep;
        private final int order;
        private final boolean explicit;
        private boolean firstAbove12;
        private boolean secondAbove12;
        private String firstValue;
        /** The UTC offset (millis) of the last value parsed; 0 when it had none. Local time = UTC + offset. */
        long lastOffset;

        private TimeParser(Kind kind, char sep, int order) {
            this(kind, sep, order, false);
        }

        private TimeParser(Kind kind, char sep, int order, boolean explicit) {
            this.kind = kind;
            this.sep = sep;
            this.order = order;
            this.explicit = explicit;
        }

        /** Whether every day-first or month-first date parsed so far would also read the other way round. */
        boolean ambiguous() {
            return kind == Kind.SEPARATED && order != YMD && !explicit && !firstAbove12 && !secondAbove12;
        }

        String pattern() {
            return order == YMD ? "yyyy" + sep + "MM" + sep + "dd" : order == MDY ? "MM" + sep + "dd" + sep + "yyyy"
                    : "dd" + sep + "MM" + sep + "yyyy";
        }

        static TimeParser detect(String src, int line, String raw) {
            return detect(src, line, raw, null);
        }

        static TimeParser detect(String src, int line, String raw, DateOrder given) {
            TimeParser tp = detectKind(src, line, raw);
            tp.firstValue = raw.strip();
            if (given == null || tp.kind != Kind.SEPARATED) {
                return tp;
            }
            int order = switch (given) {
                case YMD -> YMD;
                case MDY -> MDY;
                case DMY -> DMY;
            };
            TimeParser out = new TimeParser(Kind.SEPARATED, tp.sep, order, true);
            out.firstValue = tp.firstValue;
            return out;
        }

        private static TimeParser detectKind(String src, int line, String raw) {
            String s = raw.strip();
            int digits = 0;
            while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
                digits++;
            }
            if (digits == 0) {
                throw new UserInputException(src + " line " + line + ": unrecognised date '" + clip(s) + "'");
            }
            if (digits == s.length()) {
                if (digits == 8) {
                    int y = Integer.parseInt(s.substring(0, 4)), m = Integer.parseInt(s.substring(4, 6));
                    int d = Integer.parseInt(s.substring(6, 8));
                    if (y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                        return new TimeParser(Kind.COMPACT, ' ', YMD);
                    }
                }
                if (digits >= 9 && digits <= 11) {
                    return new TimeParser(Kind.EPOCH_S, ' ', YMD);
                }
                if (digits >= 12 && digits <= 14) {
                    return new TimeParser(Kind.EPOCH_MS, ' ', YMD);
                }
                throw new UserInputException(src + " line " + line + ": unrecognised date '" + clip(s) + "'");
            }
            char sep = s.charAt(digits);
            if (sep == '.' && digits >= 9) {
                return new TimeParser(Kind.EPOCH_S, ' ', YMD);
            }
            if (sep != '-' && sep != '/' && sep != '.') {
                throw new UserInputException(src + " line " + line + ": unrecognised date '" + clip(s) + "'");
            }
            int order = digits == 4 ? YMD : sep == '/' ? MDY : DMY;
            return new TimeParser(Kind.SEPARATED, sep, order);
        }

        long parse(String src, int line, String raw) {
            String s = raw.strip();
            lastOffset = 0;
            try {
                switch (kind) {
                    case EPOCH_S:
                        if (s.indexOf('.') >= 0) {
                            return Math.round(Double.parseDouble(s) * 1000.0);
                        }
                        return Math.multiplyExact(Long.parseLong(s), 1000L);
                    case EPOCH_MS:
                        return Long.parseLong(s);
                    case COMPACT:
                        if (s.length() != 8) {
                            throw bad(src, line, s);
                        }
                        return day(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                                Integer.parseInt(s.substring(6, 8)));
                    default:
                        return separated(src, line, s);
                }
            } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
                throw bad(src, line, s);
            }
        }

        private long separated(String src, int line, String s) {
            int[] pos = {0};
            int p1 = digits(s, pos);
            int l1 = pos[0];
            expect(s, pos, sep, src, line);
            int p2 = digits(s, pos);
            expect(s, pos, sep, src, line);
            int start3 = pos[0];
            int p3 = digits(s, pos);
            int l3 = pos[0] - start3;
            int y, m, d;
            if (order == YMD) {
                if (l1 != 4) {
                    throw bad(src, line, s);
                }
                y = p1;
                m = p2;
                d = p3;
            } else {
                if (l3 != 4) {
                    throw bad(src, line, s);
                }
                y = p3;
                m = order == MDY ? p1 : p2;
                d = order == MDY ? p2 : p1;
                firstAbove12 |= p1 > 12;
                secondAbove12 |= p2 > 12;
            }
            long millis = day(y, m, d);
            int i = pos[0];
            int n = s.length();
            if (i == n) {
                return millis;
            }
            if (s.charAt(i) == 'T' || s.charAt(i) == ' ') {
                i++;
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
            } else {
                throw bad(src, line, s);
            }
            pos[0] = i;
            int hh = digits(s, pos);
            expect(s, pos, ':', src, line);
            int mm = digits(s, pos);
            int ss = 0;
            int ms = 0;
            if (pos[0] < n && s.charAt(pos[0]) == ':') {
                pos[0]++;
                ss = digits(s, pos);
                if (pos[0] < n && s.charAt(pos[0]) == '.') {
                    pos[0]++;
                    int start = pos[0];
                    int frac = digits(s, pos);
                    int fl = pos[0] - start;
                    ms = fl >= 3 ? (int) (frac / Math.pow(10, fl - 3)) : frac * (fl == 1 ? 100 : 10);
                }
            }
            if (hh > 23 || mm > 59 || ss > 59) {
                throw bad(src, line, s);
            }
            i = pos[0];
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            long offset = 0;
            if (i < n) {
                String z = s.substring(i);
                if (z.equals("Z") || z.equalsIgnoreCase("UTC") || z.equalsIgnoreCase("GMT")) {
                    offset = 0;
                } else if ((z.charAt(0) == '+' || z.charAt(0) == '-') && (z.length() == 6 || z.length() == 5
                        || z.length() == 3)) {
                    int sign = z.charAt(0) == '-' ? -1 : 1;
                    String digitsOnly = z.substring(1).replace(":", "");
                    if (digitsOnly.length() != 2 && digitsOnly.length() != 4) {
                        throw bad(src, line, s);
                    }
                    int oh = Integer.parseInt(digitsOnly.substring(0, 2));
                    int om = digitsOnly.length() == 4 ? Integer.parseInt(digitsOnly.substring(2)) : 0;
                    if (oh > 18 || om > 59) {
                        throw bad(src, line, s); // no UTC offset exceeds ±18:00
                    }
                    offset = sign * (oh * 3_600_000L + om * 60_000L);
                } else {
                    throw bad(src, line, s);
                }
            }
            lastOffset = offset;
            return millis + ((hh * 60L + mm) * 60L + ss) * 1000L + ms - offset;
        }

        private static int digits(String s, int[] pos) {
            int i = pos[0];
            int v = 0;
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 9) {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                throw new NumberFormatException("digits expected at " + start);
            }
            pos[0] = i;
            return v;
        }

        private void expect(String s, int[] pos, char ch, String src, int line) {
            if (pos[0] >= s.length() || s.charAt(pos[0]) != ch) {
                throw bad(src, line, s);
            }
            pos[0]++;
        }

        private static long day(int y, int m, int d) {
            return LocalDate.of(y, m, d).toEpochDay() * 86_400_000L;
        }

        private UserInputException bad(String src, int line, String s) {
            String expected = switch (kind) {
                case EPOCH_S -> "epoch seconds";
                case EPOCH_MS -> "epoch milliseconds";
                case COMPACT -> "yyyyMMdd";
                default -> (order == YMD ? "yyyy" + sep + "MM" + sep + "dd" : order == MDY ? "MM/dd/yyyy"
                        : "dd" + sep + "MM" + sep + "yyyy") + " [HH:mm[:ss]]";
            };
            String hint = kind == Kind.SEPARATED && order != YMD && !explicit
                    ? "; if the file writes the " + (order == MDY ? "day" : "month") + " first, pass --date-format "
                            + (order == MDY ? "dmy" : "mdy") : "";
            return new UserInputException(src + " line " + line + ": invalid date '" + clip(s) + "' (expected "
                    + expected + (explicit ? ", as given by --date-format" : ", as detected from the first row") + hint + ")");
        }
    }
}
