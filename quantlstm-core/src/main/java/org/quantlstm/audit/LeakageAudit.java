package org.quantlstm.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.data.DataResolver;
import org.quantlstm.data.StoreAccess;
import org.quantlstm.data.quality.DataQuality;
import org.quantlstm.data.quality.Finding;
import org.quantlstm.data.quality.QualityReport;
import org.quantlstm.systems.Systems;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunOutcome;

/**
 * The audit of one experiment: a baseline run, then one rerun per cut on data perturbed after the cut, each
 * compared with the baseline up to the cut; and the data-quality table of every series the run read.
 *
 * <p>How the unmodified system is fed perturbed data: the series named in the baseline's {@code data.json} (any
 * object with a {@code symbol} and an {@code interval}) are loaded exactly as the run loaded them (same source,
 * same interval), perturbed after the cut, and written into a DuckDB store in a temporary data directory; the
 * rerun reads that store ({@code data.source=store}). A universe read from a file or the bundled universe
 * ({@code data.json}'s {@code universe}) is written perturbed to a long CSV file that the rerun reads
 * ({@code universe.file}). Before any cut, the same path is tried with the unperturbed data: if reading it back
 * does not give the baseline's bars bit for bit, the baseline is rerun through that path, so that only the
 * perturbation differs. Not perturbed: the bundled Treasury yields used as the risk-free rate, which the systems
 * read directly.
 */
public final class LeakageAudit {
    /** How many cuts, and the seed of the perturbations (the experiment's seed by default). */
    public record Options(int cuts) {
        public Options {
            if (cuts < 1 || cuts > 20) {
                throw new UserInputException("--cuts must be within 1..20: " + cuts);
            }
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Systems systems;
    private final DataQuality quality;

    public LeakageAudit(Systems systems, DataQuality quality) {
        this.systems = systems;
        this.quality = quality;
    }

    /** A series the run read, with the start of the part it used (for the data-quality table). */
    record Used(Symbol symbol, Interval interval, long usedFrom, long usedTo) {
    }

    /** Runs the audit; progress and tables go to {@code ctx.out()}. */
    public AuditReport run(String experiment, Map<String, String> overrides, Options opt, RunContext ctx) {
        ExperimentConfig cfg = systems.load(experiment, overrides);
        if (!systems.get(cfg.system()).keys().contains("data.source")) {
            throw new UserInputException("system " + cfg.system() + " does not read data.source, so the audit cannot "
                    + "feed it perturbed prices");
        }
        PrintStream out = ctx.out();
        Path folder = auditFolder(ctx.runsDir(), cfg.name(), ctx.clock().instant());
        out.printf(Locale.ROOT, "AUDIT %s (system %s): leakage under %d cut%s, then data quality; audit folder %s%n",
                cfg.name(), cfg.system(), opt.cuts(), opt.cuts() == 1 ? "" : "s", folder);
        out.printf(Locale.ROOT, "[1/%d] baseline run (as configured) ...%n", opt.cuts() + 1);
        long t0 = System.nanoTime();
        Path baseline = runLogged(cfg, ctx, folder.resolve("baseline"), ctx.dataDir(), folder.resolve("baseline.log"));
        out.printf(Locale.ROOT, "      done in %s: %s%n", seconds(t0), baseline);

        // what the run read
        if (!Files.exists(baseline.resolve("data.json"))) {
            throw new UserInputException("system " + cfg.system() + " wrote no data.json, so the audit cannot tell "
                    + "which series it read");
        }
        JsonNode data = readJson(baseline.resolve("data.json"));
        List<Used> used = used(data);
        String universe = data.path("universe").asText("");
        DataResolver original = ctx.data(cfg.data().source());
        Map<Used, BarSeries> series = new LinkedHashMap<>();
        Map<Used, String> where = new LinkedHashMap<>();
        for (Used u : used) {
            DataResolver.Loaded l = original.load(u.symbol(), u.interval());
            series.put(u, l.series());
            where.put(u, l.describe());
        }
        Map<Symbol, BarSeries> universeSeries = universe.isEmpty() ? Map.of() : readUniverse(universe);
        if (series.isEmpty() && universeSeries.isEmpty()) {
            throw new UserInputException(cfg.name() + ": the baseline run's data.json names no series, so there is "
                    + "nothing to perturb");
        }
        Set<Symbol> aliasesWanted = new LinkedHashSet<>(cfg.data().tickers());
        if (cfg.data().benchmark() != null) {
            aliasesWanted.add(cfg.data().benchmark());
        }

        // the test segment and the cuts
        List<Long> test = testTimes(baseline);
        if (test.size() < opt.cuts() + 2) {
            throw new UserInputException(cfg.name() + ": the test segment has " + test.size() + " bars, too few for "
                    + opt.cuts() + " cuts");
        }
        long[] cuts = cuts(test, opt.cuts());
        out.printf(Locale.ROOT, "      read %d series%s; test segment %s .. %s (%d bar times); cuts at %s%n",
                series.size(), universeSeries.isEmpty() ? "" : " and a universe of " + universeSeries.size(),
                label(test.get(0)), label(test.get(test.size() - 1)), test.size(),
                String.join(", ", Arrays.stream(cuts).mapToObj(LeakageAudit::label).toList()));

        // the substitution path with unperturbed data must give the same bars, else the baseline runs through it
        Map<String, String> sub = new LinkedHashMap<>(overrides);
        sub.put("data.source", "store");
        Path cleanDir = folder.resolve("data-clean");
        Path cleanUniverse = writeData(cleanDir, series, universeSeries, aliasesWanted, ctx);
        if (cleanUniverse != null) {
            sub.put("universe.file", cleanUniverse.toString());
        }
        if (!readsBack(cleanDir, series, cleanUniverse, universeSeries, ctx)) {
            out.println("      the store round trip is not bit-exact: rerunning the baseline through it");
            baseline = runLogged(systems.load(experiment, sub), ctx, folder.resolve("baseline-store"), cleanDir,
                    folder.resolve("baseline-store.log"));
        }
        deleteTree(cleanDir);

        List<AuditReport.Cut> verdicts = new ArrayList<>();
        for (int k = 1; k <= cuts.length; k++) {
            long cut = cuts[k - 1];
            long seed = cfg.seed() * 1_000_003L + k;
            Map<Used, BarSeries> perturbed = new LinkedHashMap<>();
            int replaced = 0;
            for (Map.Entry<Used, BarSeries> e : series.entrySet()) {
                BarSeries p = Perturbation.after(e.getValue(), cut, seed + e.getKey().symbol().hashCode());
                replaced += e.getValue().size() - e.getValue().indexAtOrAfter(cut + 1);
                perturbed.put(e.getKey(), p);
            }
            Map<Symbol, BarSeries> pu = new LinkedHashMap<>();
            for (Map.Entry<Symbol, BarSeries> e : universeSeries.entrySet()) {
                pu.put(e.getKey(), Perturbation.after(e.getValue(), cut, seed + e.getKey().hashCode()));
                replaced += e.getValue().size() - e.getValue().indexAtOrAfter(cut + 1);
            }
            Path dir = folder.resolve("data-cut-" + k);
            Path uf = writeData(dir, perturbed, pu, aliasesWanted, ctx);
            Map<String, String> o = new LinkedHashMap<>(overrides);
            o.put("data.source", "store");
            if (uf != null) {
                o.put("universe.file", uf.toString());
            }
            out.printf(Locale.ROOT, "[%d/%d] cut %d of %d at %s: %d bars after the cut replaced by a random walk in %d "
                            + "series; rerunning %s ...%n", k + 1, cuts.length + 1, k, cuts.length, label(cut), replaced,
                    perturbed.size() + pu.size(), cfg.system());
            long t1 = System.nanoTime();
            Path run = runLogged(systems.load(experiment, o), ctx, folder.resolve("cut-" + k), dir,
                    folder.resolve("cut-" + k + ".log"));
            deleteTree(dir);
            RunDiff.Result diff = RunDiff.compare(baseline, run, cut);
            AuditReport.Cut c = new AuditReport.Cut(k, cut, label(cut), replaced, perturbed.size() + pu.size(), diff, run);
            verdicts.add(c);
            out.printf(Locale.ROOT, "      %s%n", verdict(c) + " (" + seconds(t1) + ")");
        }

        // data quality over the part of each series the run used
        List<QualityReport> reports = new ArrayList<>();
        for (Map.Entry<Used, BarSeries> e : series.entrySet()) {
            BarSeries s = e.getValue();
            int from = s.indexAtOrAfter(e.getKey().usedFrom());
            int to = e.getKey().usedTo() == Long.MAX_VALUE ? s.size() : s.indexAtOrAfter(e.getKey().usedTo() + 1);
            BarSeries usedPart = s.slice(from, Math.max(from, to));
            reports.add(quality.check(usedPart, where.get(e.getKey())));
        }
        long uniFrom = time(data.path("first").asText(""));
        for (BarSeries s : universeSeries.values()) {
            BarSeries usedPart = uniFrom == Long.MIN_VALUE ? s : s.slice(s.indexAtOrAfter(uniFrom), s.size());
            reports.add(quality.check(usedPart, "universe " + universe));
        }
        AuditReport report = new AuditReport(cfg.name(), cfg.system(), folder, verdicts, reports);
        print(report, baseline, out);
        return report;
    }

    /**
     * {@code n} cuts evenly inside the test bar times. With intraday bars a cut is moved to the last test bar of its
     * UTC day, so that a daily row (equity by day, a daily series) dated at or before the cut holds no bar after it.
     */
    static long[] cuts(List<Long> test, int n) {
        boolean intraday = test.stream().anyMatch(t -> t % 86_400_000L != 0);
        long[] cuts = new long[n];
        for (int k = 1; k <= n; k++) {
            int i = (int) ((long) k * test.size() / (n + 1));
            if (intraday) {
                long day = Math.floorDiv(test.get(i), 86_400_000L);
                while (i + 1 < test.size() - 1 && Math.floorDiv(test.get(i + 1), 86_400_000L) == day) {
                    i++;
                }
            }
            cuts[k - 1] = test.get(i);
        }
        return cuts;
    }

    /** One line per cut: PASS with what was compared, or FAIL with the first differing cell. */
    static String verdict(AuditReport.Cut c) {
        RunDiff.Result d = c.diff();
        if (c.pass()) {
            return String.format(Locale.ROOT, "PASS: %s identical up to %s (%,d cells; largest difference %s)",
                    String.join(", ", d.files()), c.label(), d.cells(), d.maxAbsDiff() == 0 ? "0, bit-identical as written"
                            : String.format(Locale.ROOT, "%.1e", d.maxAbsDiff()));
        }
        RunDiff.Mismatch m = d.mismatch().orElseThrow();
        return "FAIL: first difference at or before the cut: " + m.describe();
    }

    private void print(AuditReport r, Path baseline, PrintStream out) {
        out.println();
        out.println("LEAKAGE (forecasts, positions, weights and equity up to each cut; cells equal as written or within "
                + "1e-12 relative)");
        for (AuditReport.Cut c : r.cuts()) {
            out.printf(Locale.ROOT, "  cut %d at %-16s %s%n", c.k(), c.label(), c.pass() ? "PASS" : "FAIL  " + c.diff()
                    .mismatch().orElseThrow().describe());
        }
        out.printf(Locale.ROOT, "  verdict: %s%n", r.leakFree() ? "PASS (no output before a cut depends on prices after it)"
                : "FAIL (an output before a cut changed when only later prices changed: look-ahead)");
        out.println();
        out.println("DATA QUALITY (thresholds in the README, section 'quantlstm audit'; findings are not errors unless --strict)");
        List<Trade> trades = trades(baseline.resolve("trades.csv"));
        List<String> clean = new ArrayList<>();
        int shown = 0;
        for (QualityReport q : r.quality()) {
            if (q.clean() && r.quality().size() > 12) {
                clean.add(q.symbol());
                continue;
            }
            out.print(q.table());
            shown++;
            int listed = 0;
            for (Finding f : q.findings()) {
                for (Trade t : trades) {
                    if (listed < 5 && t.asset().equals(q.symbol()) && t.entry() < f.epochMillis()
                            && f.epochMillis() <= t.exit()) {
                        out.printf(Locale.ROOT, "  inside a trade of the run: %s %s (%s), %s %s %s .. %s%n",
                                f.check().label(), f.when(), f.detail(), t.strategy(), t.side(), label(t.entry()),
                                label(t.exit()));
                        listed++;
                        break;
                    }
                }
            }
        }
        if (!clean.isEmpty()) {
            out.printf(Locale.ROOT, "%d more series with no findings: %s%n", clean.size(), String.join(" ", clean));
        }
        out.printf(Locale.ROOT, "%nAudit: leakage %s over %d cuts; %d data-quality finding%s in %d series. Folder: %s%n",
                r.leakFree() ? "PASS" : "FAIL", r.cuts().size(), r.findings(), r.findings() == 1 ? "" : "s",
                r.quality().size(), r.folder());
    }

    record Trade(String strategy, String asset, String side, long entry, long exit) {
    }

    private static List<Trade> trades(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<List<String>> rows = RunDiff.read(file);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> h = rows.get(0);
        int s = h.indexOf("strategy");
        int a = h.indexOf("asset");
        int d = h.indexOf("side");
        int en = h.indexOf("entry_time");
        int ex = h.indexOf("exit_time");
        if (s < 0 || a < 0 || d < 0 || en < 0 || ex < 0) {
            return List.of();
        }
        List<Trade> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() > Math.max(Math.max(s, a), Math.max(d, Math.max(en, ex)))) {
                out.add(new Trade(r.get(s), r.get(a), r.get(d), RunDiff.parseTime(r.get(en)), RunDiff.parseTime(r.get(ex))));
            }
        }
        return out;
    }

    /** Every object in data.json with a symbol and an interval, once per (symbol, interval). */
    static List<Used> used(JsonNode data) {
        Map<String, Used> m = new LinkedHashMap<>();
        walk(data, m);
        return List.copyOf(m.values());
    }

    private static void walk(JsonNode n, Map<String, Used> m) {
        if (n.isObject()) {
            JsonNode sym = n.get("symbol");
            JsonNode iv = n.get("interval");
            if (sym != null && sym.isTextual() && iv != null && iv.isTextual()) {
                Symbol s = new Symbol(sym.asText());
                Interval i = Interval.parse(iv.asText());
                long first = time(n.path("first").asText(""));
                long last = time(n.path("last").asText(""));
                String key = s.value() + " " + i.code();
                Used prev = m.get(key);
                long from = Math.max(prev == null ? Long.MIN_VALUE : prev.usedFrom(), first);
                long to = Math.min(prev == null ? Long.MAX_VALUE : prev.usedTo(),
                        last == Long.MIN_VALUE ? Long.MAX_VALUE : last);
                m.put(key, new Used(s, i, from, to));
            }
            n.elements().forEachRemaining(c -> walk(c, m));
        } else if (n.isArray()) {
            n.elements().forEachRemaining(c -> walk(c, m));
        }
    }

    private static long time(String s) {
        return s.isEmpty() ? Long.MIN_VALUE : RunDiff.parseTime(s);
    }

    /** The test-segment bar times: from the forecasts file (test rows), else the equity file. */
    static List<Long> testTimes(Path run) {
        TreeSet<Long> t = new TreeSet<>();
        for (String name : RunDiff.comparedFiles(run)) {
            if (name.startsWith("forecasts")) {
                t.addAll(RunDiff.testTimes(run.resolve(name)));
            }
        }
        if (t.isEmpty()) {
            for (String name : RunDiff.comparedFiles(run)) {
                if (name.startsWith("equity")) {
                    t.addAll(RunDiff.testTimes(run.resolve(name)));
                }
            }
        }
        return new ArrayList<>(t);
    }

    private Path runLogged(ExperimentConfig cfg, RunContext ctx, Path runsDir, Path dataDir, Path log) {
        try (OutputStream os = Files.newOutputStream(createParent(log));
             PrintStream ps = new PrintStream(os, true, StandardCharsets.UTF_8)) {
            RunContext sub = new RunContext(runsDir, dataDir, ps, ctx.clock(), false, ctx.baseUrl(), ctx.storeWait(),
                    ctx.runner());
            RunOutcome r = systems.run(cfg, sub);
            return r.folder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
    }

    /** Writes the series (under their names and the config's aliases for them) into a store in {@code dir}. */
    private static Path writeData(Path dir, Map<Used, BarSeries> series, Map<Symbol, BarSeries> universe,
                                  Set<Symbol> aliasesWanted, RunContext ctx) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        if (!series.isEmpty()) {
            BundledSource bundled = new BundledSource();
            List<BarSeries> all = new ArrayList<>();
            for (BarSeries s : series.values()) {
                all.add(s);
                for (Symbol a : aliasesWanted) {
                    if (!a.equals(s.symbol()) && bundled.resolve(a).equals(s.symbol())) {
                        all.add(s.withSymbol(a));
                    }
                }
            }
            store(dir, ctx).write(st -> st.upsertAll(all, "audit", s -> DateRange.all()));
        }
        if (universe.isEmpty()) {
            return null;
        }
        Path file = dir.resolve("universe.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("date,ticker,open,high,low,close,adj_close,volume\n");
            for (BarSeries s : universe.values()) {
                for (int i = 0; i < s.size(); i++) {
                    w.write(s.date(i) + "," + s.symbol().value() + "," + s.open(i) + "," + s.high(i) + "," + s.low(i)
                            + "," + s.close(i) + "," + s.adjClose(i) + "," + s.volume(i) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static StoreAccess store(Path dir, RunContext ctx) {
        return new StoreAccess(dir, Duration.ofSeconds(30), ctx.out()::println);
    }

    private static boolean readsBack(Path dir, Map<Used, BarSeries> series, Path universeFile,
                                     Map<Symbol, BarSeries> universe, RunContext ctx) {
        if (!series.isEmpty()) {
            DataResolver r = DataResolver.of("store", store(dir, ctx), null, () -> {
                throw new IllegalStateException("no network in the audit");
            });
            for (Map.Entry<Used, BarSeries> e : series.entrySet()) {
                if (!sameBars(e.getValue(), r.load(e.getKey().symbol(), e.getKey().interval()).series())) {
                    return false;
                }
            }
        }
        if (universeFile != null) {
            Map<Symbol, BarSeries> back = new CsvBarReader().read(universeFile, null, Interval.D1,
                    CsvBarReader.Format.LONG).series();
            for (Map.Entry<Symbol, BarSeries> e : universe.entrySet()) {
                BarSeries b = back.get(e.getKey());
                if (b == null || !sameBars(e.getValue(), b)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean sameBars(BarSeries a, BarSeries b) {
        return Arrays.equals(a.epochMillis(), b.epochMillis()) && Arrays.equals(a.opens(), b.opens())
                && Arrays.equals(a.highs(), b.highs()) && Arrays.equals(a.lows(), b.lows())
                && Arrays.equals(a.closes(), b.closes()) && Arrays.equals(a.adjCloses(), b.adjCloses())
                && Arrays.equals(a.volumes(), b.volumes());
    }

    private static Map<Symbol, BarSeries> readUniverse(String spec) {
        CsvBarReader reader = new CsvBarReader();
        if (spec.startsWith("bundled:")) {
            String name = spec.substring("bundled:".length());
            try (InputStream in = LeakageAudit.class.getResourceAsStream("/bundled/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled universe " + name + " missing from the jar");
                }
                return reader.read(name, in, null, null, CsvBarReader.Format.LONG).series();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled universe " + name, e);
            }
        }
        if (spec.startsWith("file:")) {
            return reader.read(Path.of(spec.substring("file:".length())), null, Interval.D1, CsvBarReader.Format.LONG)
                    .series();
        }
        return Map.of();
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path auditFolder(Path runsDir, String name, Instant now) {
        String base = "audit-" + STAMP.format(now) + "-" + name;
        Path p = runsDir.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = runsDir.resolve(base + "-" + i);
        }
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UserInputException("cannot create the audit folder " + p + ": " + e.getMessage());
        }
    }

    private static Path createParent(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }

    /** A bar time for people: the date at midnight UTC, else date and time. */
    static String label(long millis) {
        Instant i = Instant.ofEpochMilli(millis);
        String s = i.toString();
        return millis % 86_400_000L == 0 ? s.substring(0, 10) : s.replace("T", " ").replace(":00Z", "");
    }

    private static String seconds(long t0) {
        return String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t0) / 1e9);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
