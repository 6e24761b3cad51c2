package org.quantlstm.workflow.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.backtest.VectorizedBacktester;
import org.quantlstm.common.Excerpt;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.CsvBarReader;
import org.quantlstm.features.sets.SpyAnalyser31;
import org.quantlstm.model.TrainingListener;
import org.quantlstm.report.ProbabilisticSharpe;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.VolatilityRatio;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.ForecastSpec;
import org.quantlstm.workflow.ForecastStage;
import org.quantlstm.workflow.MarketData;
import org.quantlstm.workflow.RunContext;
import org.quantlstm.workflow.RunFolder;
import org.quantlstm.workflow.TaskRunner;

/**
 * {@code quantlstm sweep}: forecasts made once, then a parameter grid over the vectorized backtester, in chunks
 * through the run context's {@link TaskRunner}. Writes a run folder with {@code results.parquet} (one row per
 * configuration, in grid order), {@code summary.csv} (the top N by Sharpe with the Deflated Sharpe Ratio over the
 * grid size), {@code metrics.json}, {@code plan.json}, {@code config.yaml} and {@code data.json}. Nothing in the
 * folder depends on the number of threads or chunks (timings go to the console only).
 */
public final class Sweep {
    /** Forecast sources: the experiment's model (spy-analyser experiments), or a cheap causal forecast. */
    public static final List<String> FORECASTS = List.of("model", "last-return", "drift");

    private Sweep() {
    }

    /**
     * What to sweep.
     *
     * @param grid         the {@code --grid} options
     * @param forecast     model, last-return or drift (ignored with {@code run})
     * @param run          a run folder (id under the runs dir, or a path) whose {@code forecasts.csv} is reused; null
     * @param universeFile a long-format CSV of stocks instead of the experiment's tickers; null
     * @param maxTickers   at most this many tickers of the universe file (alphabetical), 0 = all
     * @param top          rows of the summary
     * @param chunks       chunks of the grid; 0 = four per runner slot, at most 250,000 configurations each
     */
    public record Options(List<String> grid, String forecast, String run, Path universeFile, int maxTickers, int top,
                          int chunks) {
        public Options {
            grid = List.copyOf(grid);
            forecast = forecast == null ? "model" : forecast.strip().toLowerCase(Locale.ROOT);
            if (!FORECASTS.contains(forecast)) {
                throw new UserInputException("--forecast " + Excerpt.of(forecast) + ": use one of "
                        + String.join(", ", FORECASTS));
            }
            if (run != null && universeFile != null) {
                throw new UserInputException("--run and --universe: give one of them (a run folder holds one ticker's "
                        + "forecasts)");
            }
            if (maxTickers < 0 || top < 1 || chunks < 0) {
                throw new UserInputException("--max-tickers and --chunks must be >= 0 and --top >= 1");
            }
        }
    }

    /** The sweep as applied (plan.json): everything that decides the results. */
    public record Plan(String experiment, String forecast, String forecastRun, String universe, List<String> tickers,
                       int periodDays, double testFraction, String interval, int periodsPerYear, Grid grid,
                       SweepData.Defaults defaults, long configurations, int top) {
    }

    /** The per-configuration results, in grid order. */
    public record Results(double[] sharpe, double[] totalReturn, double[] maxDrawdown, long[] fills) {
    }

    /** What a sweep returns: the folder, the ranked top rows and the results. */
    public record Outcome(Path folder, SweepData data, Results results, long[] ranking, double[] dsr, double sr0,
                          String summary) {
    }

    /** Runs the sweep of {@code cfg} with {@code options}, prints progress and the top rows, commits a run folder. */
    public static Outcome run(ExperimentConfig cfg, Options options, RunContext ctx) {
        if (!cfg.signal().entry().market()) {
            throw new UserInputException("signal.entry_order=" + cfg.signal().entry().code() + ": the sweep runs the "
                    + "vectorized engine, which fills market orders only; run entry orders with 'quantlstm run'");
        }
        Grid grid = Grid.parse(options.grid());
        PrintStream out = ctx.out();
        MarketData market = MarketData.of(cfg.data(), ctx);
        Loaded loaded = load(cfg, options, ctx, market);
        SweepData data = new SweepData(loaded.columns(), universes(grid, loaded.columns()), defaults(cfg),
                loaded.periodsPerYear(), grid);
        long size = grid.size();
        String forecastLabel = options.run() != null ? "run " + options.run() : options.forecast();
        Plan plan = new Plan(cfg.name(), options.run() != null ? "run" : options.forecast(), options.run(),
                loaded.universe(), loaded.columns().stream().map(SweepData.Column::name).toList(),
                cfg.data().periodDays(), 1 - cfg.split().train(), loaded.interval().code(), loaded.periodsPerYear(),
                grid, data.defaults(), size, options.top());
        int bars = loaded.columns().stream().mapToInt(SweepData.Column::bars).sum();
        out.printf(Locale.ROOT, "SWEEP %s: %d ticker%s (%s), %,d test bars in all; forecasts: %s%n", cfg.name(),
                loaded.columns().size(), loaded.columns().size() == 1 ? "" : "s", tickersText(plan.tickers()), bars,
                forecastLabel);
        TaskRunner runner = ctx.runner();
        int chunkCount = options.chunks() > 0 ? options.chunks()
                : (int) Math.min(Integer.MAX_VALUE, Math.max(4L * runner.parallelism(), (size + 249_999) / 250_000));
        List<SweepData.Chunk> chunks = SweepData.chunks(size, chunkCount);
        long barEvaluations = data.barEvaluations();
        out.printf(Locale.ROOT, "Grid: %s = %,d configurations, %,d bar-evaluations; %s, %d chunk%s%n",
                gridText(grid), size, barEvaluations, runner.describe(), chunks.size(), chunks.size() == 1 ? "" : "s");
        long t0 = System.nanoTime();
        int every = Math.max(1, chunks.size() / 20);
        List<SweepData.ChunkResult> parts = runner.map("sweep", chunks, data::evaluate, (stage, index, done, total) -> {
            if (done % every == 0 || done == total) {
                out.printf(Locale.ROOT, "sweep: %d/%d chunks done%n", done, total);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Results results = assemble(size, parts);
        long[] ranking = rank(results.sharpe());
        int top = (int) Math.min(options.top(), size);
        double[] perPeriod = finitePerPeriod(results.sharpe(), data.periodsPerYear());
        double variance = ProbabilisticSharpe.sharpeVariance(perPeriod);
        int trials = (int) size;
        double sr0 = ProbabilisticSharpe.expectedMaxSharpe(trials, variance);
        double[] dsr = new double[top];
        for (int r = 0; r < top; r++) {
            dsr[r] = dsr(data, ranking[r], results.sharpe()[(int) ranking[r]], sr0);
        }
        String table = table(grid, results, ranking, dsr, top, size);
        String dsrLine = String.format(Locale.ROOT, "DSR over %,d trials (the grid size): expected maximum per-period "
                        + "Sharpe of unskilled trials SR0 = %.4f (V[SR] = %.3g over %,d configurations that traded); "
                        + "best DSR = %s%n", size, sr0, variance, perPeriod.length,
                top == 0 || Double.isNaN(dsr[0]) ? "-" : String.format(Locale.ROOT, "%.3f", dsr[0]));
        out.print(table);
        out.print(dsrLine);
        out.printf(Locale.ROOT, "Evaluated %,d configurations x %d ticker%s in %.2f s: %,.0f configs/s, %.3g "
                        + "bar-evaluations/s (%s)%n", size, loaded.columns().size(),
                loaded.columns().size() == 1 ? "" : "s", seconds, size / seconds, barEvaluations / seconds,
                runner.describe());
        try (RunFolder folder = RunFolder.create(ctx.runsDir(), "sweep-" + cfg.name(), ctx.clock())) {
            folder.writeConfig(cfg, plan);
            Map<String, Object> dataJson = new LinkedHashMap<>();
            dataJson.put("universe", loaded.universe());
            dataJson.put("series", market.manifest());
            folder.writeJson("data.json", dataJson);
            writeParquet(folder.file("results.parquet"), grid, results, ranking);
            folder.writeText("summary.csv", summaryCsv(grid, results, ranking, dsr, top));
            folder.writeJson("metrics.json", metrics(plan, results, ranking, dsr, sr0, variance, perPeriod.length,
                    barEvaluations, grid));
            folder.writeText("summary.txt", table + dsrLine);
            Path path = folder.commit();
            out.println("Run folder: " + path);
            return new Outcome(path, data, results, Arrays.copyOf(ranking, top), dsr, sr0, table + dsrLine);
        }
    }

    private record Loaded(List<SweepData.Column> columns, String universe, Interval interval, int periodsPerYear) {
    }

    private static Loaded load(ExperimentConfig cfg, Options o, RunContext ctx, MarketData market) {
        Interval interval = cfg.data().interval();
        if (o.run() != null) {
            return fromRun(cfg, o, ctx, market);
        }
        List<BarSeries> series = new ArrayList<>();
        String universe;
        if (o.universeFile() != null) {
            if (!Files.isRegularFile(o.universeFile())) {
                throw new UserInputException("--universe " + Excerpt.of(o.universeFile().toString(), 80) + ": no such file");
            }
            var read = new CsvBarReader().read(o.universeFile(), null, Interval.D1, CsvBarReader.Format.LONG);
            List<Symbol> names = new ArrayList<>(read.series().keySet());
            names.sort(java.util.Comparator.comparing(Symbol::value));
            for (Symbol s : names) {
                if (o.maxTickers() > 0 && series.size() >= o.maxTickers()) {
                    break;
                }
                BarSeries b = read.series().get(s);
                if (b.size() > 0) {
                    series.add(b);
                }
            }
            interval = Interval.D1;
            universe = "file:" + o.universeFile();
        } else {
            List<Symbol> tickers = cfg.data().tickers();
            if (o.maxTickers() > 0 && tickers.size() > o.maxTickers()) {
                tickers = tickers.subList(0, o.maxTickers());
            }
            for (Symbol s : tickers) {
                series.add(market.load(s, interval));
            }
            universe = market.describeAll();
        }
        List<SweepData.Column> cols = new ArrayList<>();
        for (BarSeries full : series) {
            BarSeries s = MarketData.lastCalendarDays(full, cfg.data().periodDays());
            cols.add(o.forecast().equals("model") ? modelColumn(cfg, s, ctx) : cheapColumn(cfg, s, o.forecast()));
        }
        return new Loaded(cols, universe, interval, interval.periodsPerYear());
    }

    /** Trains the experiment's network once on the series (spy-analyser experiments) and keeps its test segment. */
    private static SweepData.Column modelColumn(ExperimentConfig cfg, BarSeries s, RunContext ctx) {
        if (!cfg.system().equals("spy-analyser")) {
            throw new UserInputException("--forecast model: sweeps train the network of spy-analyser experiments only ("
                    + Excerpt.of(cfg.system()) + " given); reuse a run's forecasts with --run or use --forecast last-return|drift");
        }
        ForecastSpec spec = ForecastSpec.from(cfg, SpyAnalyser31.NAME);
        ctx.out().printf(Locale.ROOT, "Training %s once for %s (lookback %d, %d epochs max)...%n", spec.networkLabel(),
                s.symbol(), spec.lookback(), cfg.model().epochs());
        try (ForecastStage.Outcome f = ForecastStage.run(spec, s, null, TrainingListener.SILENT)) {
            return column(s, f.testStart(), f.predictedReturn());
        }
    }

    /**
     * A cheap causal forecast over the whole series, kept on its test segment (the last {@code 1 − split.train} of
     * the bars): {@code last-return} predicts the next return to equal the last one (return persistence),
     * {@code drift} the mean of all returns so far (expanding, causal).
     */
    static SweepData.Column cheapColumn(ExperimentConfig cfg, BarSeries s, String kind) {
        double[] close = s.adjusted().closes();
        int n = close.length;
        double[] pred = new double[n];
        pred[0] = Double.NaN;
        double sum = 0;
        for (int t = 1; t < n; t++) {
            double r = close[t] / close[t - 1] - 1;
            sum += r;
            pred[t] = kind.equals("drift") ? sum / t : r;
        }
        int from = Math.min(n - 1, Math.max(1, (int) Math.floor(n * cfg.split().train())));
        return column(s, from, pred);
    }

    private static SweepData.Column column(BarSeries s, int from, double[] predicted) {
        BarSeries adj = s.adjusted();
        int n = adj.size();
        if (n - from < 2) {
            throw new UserInputException(s.symbol() + ": fewer than 2 test bars to sweep over");
        }
        double[] vr = VolatilityRatio.causalRatio(adj.closes(), VolatilityRatio.SEED_WINDOW);
        return new SweepData.Column(s.symbol().value(), Arrays.copyOfRange(adj.epochMillis(), from, n),
                Arrays.copyOfRange(adj.opens(), from, n), Arrays.copyOfRange(adj.closes(), from, n),
                Arrays.copyOfRange(predicted, from, n), Arrays.copyOfRange(vr, from, n));
    }

    /** Reuses a spy-analyser run folder's {@code forecasts.csv}: its dates and predicted returns, prices reloaded. */
    private static Loaded fromRun(ExperimentConfig cfg, Options o, RunContext ctx, MarketData market) {
        Path dir = Path.of(o.run());
        if (!Files.isDirectory(dir)) {
            dir = ctx.runsDir().resolve(o.run());
        }
        Path csv = dir.resolve("forecasts.csv");
        Path dataJson = dir.resolve("data.json");
        if (!Files.isRegularFile(csv) || !Files.isRegularFile(dataJson)) {
            throw new UserInputException("--run " + Excerpt.of(o.run(), 80) + ": no run folder with forecasts.csv and "
                    + "data.json (a spy-analyser run) there or under " + Excerpt.of(ctx.runsDir().toString(), 60));
        }
        String symbol;
        String interval;
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dataJson.toFile());
            symbol = node.path("symbol").asText("");
            interval = node.path("interval").asText("1d");
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<String> header = lines.isEmpty() ? List.of() : Arrays.asList(lines.get(0).split(","));
            int dateCol = header.indexOf("date"), predCol = header.indexOf("predicted_return");
            if (symbol.isEmpty() || dateCol < 0 || predCol < 0 || lines.size() < 3) {
                throw new UserInputException("--run " + Excerpt.of(o.run(), 80) + ": forecasts.csv needs date and "
                        + "predicted_return columns and data.json a symbol");
            }
            Interval iv = Interval.parse(interval);
            // the experiment's period, as the run itself used it: the volatility ratio's expanding median starts there
            BarSeries s = MarketData.lastCalendarDays(market.load(Symbol.of(symbol), iv), cfg.data().periodDays())
                    .adjusted();
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < s.size(); i++) {
                at.put(s.date(i).toString(), i);
            }
            int m = lines.size() - 1;
            long[] times = new long[m];
            double[] open = new double[m], close = new double[m], pred = new double[m], vr = new double[m];
            double[] ratio = VolatilityRatio.causalRatio(s.closes(), VolatilityRatio.SEED_WINDOW);
            for (int k = 0; k < m; k++) {
                String[] f = lines.get(k + 1).split(",", -1);
                Integer i = at.get(f[dateCol]);
                if (i == null) {
                    throw new UserInputException("--run " + Excerpt.of(o.run(), 80) + ": forecast date "
                            + Excerpt.of(f[dateCol]) + " is not a bar of " + symbol + " in " + market.describeFirst());
                }
                times[k] = s.epochMillis(i);
                open[k] = s.open(i);
                close[k] = s.close(i);
                pred[k] = f[predCol].isBlank() ? Double.NaN : Double.parseDouble(f[predCol]);
                vr[k] = ratio[i];
            }
            List<SweepData.Column> cols = List.of(new SweepData.Column(symbol, times, open, close, pred, vr));
            return new Loaded(cols, market.describeAll(), iv, iv.periodsPerYear());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        } catch (NumberFormatException e) {
            throw new UserInputException("--run " + Excerpt.of(o.run(), 80) + ": forecasts.csv has a value that is not "
                    + "a number: " + Excerpt.of(e.getMessage()));
        }
    }

    /** The universes of the {@code tickers} axis as indexes into the columns; one universe (all) without it. */
    static int[][] universes(Grid grid, List<SweepData.Column> cols) {
        Grid.Axis ax = grid.axis("tickers");
        int all = cols.size();
        if (ax == null) {
            return new int[][]{java.util.stream.IntStream.range(0, all).toArray()};
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < all; i++) {
            index.put(cols.get(i).name().toUpperCase(Locale.ROOT), i);
        }
        int[][] out = new int[ax.size()][];
        for (int v = 0; v < ax.size(); v++) {
            String label = ax.labels().get(v);
            if (label.equals("ALL")) {
                out[v] = java.util.stream.IntStream.range(0, all).toArray();
                continue;
            }
            String[] names = label.split("\\+");
            out[v] = new int[names.length];
            for (int j = 0; j < names.length; j++) {
                Integer i = index.get(names[j].strip());
                if (i == null) {
                    throw new UserInputException("--grid tickers: " + Excerpt.of(names[j]) + " is not in the sweep's "
                            + "universe (" + tickersText(cols.stream().map(SweepData.Column::name).toList()) + ")");
                }
                out[v][j] = i;
            }
        }
        return out;
    }

    static SweepData.Defaults defaults(ExperimentConfig cfg) {
        var sig = cfg.signal();
        var b = cfg.backtest();
        return new SweepData.Defaults(SizingMethod.BINARY, sig.threshold(), sig.allowShort(), b.costBps(),
                b.slippageBps(), b.minCost(), sig.stopLoss(), sig.takeProfit(), FillTiming.parse(b.fill()),
                b.initialCapital());
    }

    static Results assemble(long size, List<SweepData.ChunkResult> parts) {
        int n = (int) size;
        double[] sharpe = new double[n], ret = new double[n], mdd = new double[n];
        long[] fills = new long[n];
        for (SweepData.ChunkResult p : parts) {
            int from = (int) p.from();
            int m = p.sharpe().length;
            System.arraycopy(p.sharpe(), 0, sharpe, from, m);
            System.arraycopy(p.totalReturn(), 0, ret, from, m);
            System.arraycopy(p.maxDrawdown(), 0, mdd, from, m);
            System.arraycopy(p.fills(), 0, fills, from, m);
        }
        return new Results(sharpe, ret, mdd, fills);
    }

    /** Configuration indexes by Sharpe, highest first; NaN last; ties by grid order. */
    static long[] rank(double[] sharpe) {
        int n = sharpe.length;
        long[] keys = new long[n];
        // sort by (−Sharpe, index) via a boxed comparator on indexes: exact and stable
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            double x = sharpe[a], y = sharpe[b];
            boolean nx = Double.isNaN(x), ny = Double.isNaN(y);
            if (nx != ny) {
                return nx ? 1 : -1;
            }
            int c = nx ? 0 : Double.compare(y, x);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < n; i++) {
            keys[i] = idx[i];
        }
        return keys;
    }

    private static double[] finitePerPeriod(double[] sharpe, int ppy) {
        double root = Math.sqrt(ppy);
        return Arrays.stream(sharpe).filter(Double::isFinite).map(s -> s / root).toArray();
    }

    /**
     * The DSR of one configuration: PSR(SR0) with its per-period Sharpe, and the return count, skewness and raw
     * kurtosis of its full backtests (averaged over the universe's tickers that traded; for a one-ticker universe
     * these are exactly the textbook inputs).
     */
    static double dsr(SweepData data, long config, double sharpe, double sr0) {
        if (Double.isNaN(sharpe)) {
            return Double.NaN;
        }
        SweepData.Config c = data.config(config, new int[data.grid().axes().size()]);
        VectorizedBacktester bt = new VectorizedBacktester(c.backtest());
        double skew = 0, kurt = 0, count = 0;
        int k = 0;
        for (int t : data.universes()[c.universe()]) {
            SweepData.Column col = data.series().get(t);
            BacktestResult r = bt.run(col.name(), col.prices(), c.sizer(), col.predicted(), col.volRatio());
            double[] x = r.returns();
            double mean = Arrays.stream(x).average().orElse(0);
            double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
            if (x.length < 3 || !(var > 0)) {
                continue;
            }
            skew += ProbabilisticSharpe.skewness(x);
            kurt += ProbabilisticSharpe.rawKurtosis(x);
            count += x.length;
            k++;
        }
        if (k == 0) {
            return Double.NaN;
        }
        return ProbabilisticSharpe.psr(sharpe / Math.sqrt(data.periodsPerYear()), (int) Math.round(count / k),
                skew / k, kurt / k, sr0);
    }

    private static String tickersText(List<String> names) {
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + ", … " + names.get(names.size() - 1);
    }

    private static String gridText(Grid grid) {
        if (grid.axes().isEmpty()) {
            return "(no keys: the experiment's settings)";
        }
        List<String> s = new ArrayList<>();
        grid.axes().forEach(a -> s.add(a.key() + " " + a.size()));
        return String.join(" x ", s);
    }

    private static String table(Grid grid, Results res, long[] ranking, double[] dsr, int top, long size) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Top %d of %,d configurations by Sharpe (annualised, rf = 0; mean over "
                + "the universe's tickers):%n", top, size));
        List<String> keys = grid.keys();
        int[] w = new int[keys.size()];
        for (int a = 0; a < keys.size(); a++) {
            w[a] = Math.max(8, keys.get(a).length());
            for (int r = 0; r < top; r++) {
                w[a] = Math.max(w[a], grid.labels(ranking[r]).get(a).length());
            }
        }
        b.append(String.format(Locale.ROOT, "%4s %9s", "rank", "config"));
        for (int a = 0; a < keys.size(); a++) {
            b.append(String.format(Locale.ROOT, " %" + w[a] + "s", keys.get(a)));
        }
        b.append(String.format(Locale.ROOT, " %8s %9s %8s %7s %6s%n", "sharpe", "total_ret", "max_dd", "fills", "DSR"));
        for (int r = 0; r < top; r++) {
            int i = (int) ranking[r];
            b.append(String.format(Locale.ROOT, "%4d %9d", r + 1, i));
            List<String> labels = grid.labels(i);
            for (int a = 0; a < keys.size(); a++) {
                b.append(String.format(Locale.ROOT, " %" + w[a] + "s", labels.get(a)));
            }
            b.append(String.format(Locale.ROOT, " %8s %8.2f%% %7.2f%% %7d %6s%n", num(res.sharpe()[i], "%.3f"),
                    res.totalReturn()[i] * 100, res.maxDrawdown()[i] * 100, res.fills()[i], num(dsr[r], "%.3f")));
        }
        return b.toString();
    }

    private static String num(double v, String fmt) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, fmt, v);
    }

    static String summaryCsv(Grid grid, Results res, long[] ranking, double[] dsr, int top) {
        StringBuilder b = new StringBuilder("rank,config");
        for (String k : grid.keys()) {
            b.append(',').append(k);
        }
        b.append(",sharpe,total_return,max_drawdown,fills,dsr\n");
        for (int r = 0; r < top; r++) {
            int i = (int) ranking[r];
            b.append(r + 1).append(',').append(i);
            for (String l : grid.labels(i)) {
                b.append(',').append(l);
            }
            b.append(',').append(csv(res.sharpe()[i])).append(',').append(csv(res.totalReturn()[i])).append(',')
                    .append(csv(res.maxDrawdown()[i])).append(',').append(res.fills()[i]).append(',')
                    .append(csv(dsr[r])).append('\n');
        }
        return b.toString();
    }

    private static String csv(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.10g", v);
    }

    private static Map<String, Object> metrics(Plan plan, Results res, long[] ranking, double[] dsr, double sr0,
                                               double variance, int traded, long barEvaluations, Grid grid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configurations", plan.configurations());
        m.put("tickers", plan.tickers().size());
        m.put("bar_evaluations", barEvaluations);
        m.put("configurations_that_traded", traded);
        Map<String, Object> conv = new LinkedHashMap<>();
        conv.put("periods_per_year", plan.periodsPerYear());
        conv.put("sharpe", "mean/std (ddof 1) of simple bar returns x sqrt(periods_per_year), rf = 0; per configuration"
                + " the mean over its universe's tickers, a ticker that never traded counting 0");
        conv.put("cash_rate", 0);
        conv.put("fills", "decided at bar t's close, filled at bar t+1 (fill key)");
        m.put("conventions", conv);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("trials", plan.configurations());
        d.put("sharpe_variance_per_period", variance);
        d.put("sr0_per_period", sr0);
        m.put("deflated_sharpe", d);
        List<Map<String, Object>> top = new ArrayList<>();
        for (int r = 0; r < dsr.length; r++) {
            int i = (int) ranking[r];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r + 1);
            row.put("config", i);
            List<String> labels = grid.labels(i);
            Map<String, Object> settings = new LinkedHashMap<>();
            for (int a = 0; a < labels.size(); a++) {
                settings.put(grid.keys().get(a), labels.get(a));
            }
            row.put("settings", settings);
            row.put("sharpe", finite(res.sharpe()[i]));
            row.put("total_return", res.totalReturn()[i]);
            row.put("max_drawdown", res.maxDrawdown()[i]);
            row.put("fills", res.fills()[i]);
            row.put("dsr", finite(dsr[r]));
            top.add(row);
        }
        m.put("top", top);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Writes every configuration, in grid order, as Parquet through DuckDB ({@code COPY … TO … (FORMAT PARQUET)}):
     * config, one column per grid key (DOUBLE for numbers, VARCHAR for names), sharpe, total_return,
     * max_drawdown, fills and rank. One DuckDB thread, so the file's bytes depend only on the results.
     */
    static void writeParquet(Path file, Grid grid, Results res, long[] ranking) {
        int n = res.sharpe().length;
        long[] rankOf = new long[n];
        for (int r = 0; r < n; r++) {
            rankOf[(int) ranking[r]] = r + 1;
        }
        List<Grid.Axis> axes = grid.axes();
        StringBuilder ddl = new StringBuilder("CREATE TABLE results (config BIGINT");
        for (Grid.Axis a : axes) {
            ddl.append(", \"").append(a.key()).append("\" ").append(a.numeric() ? "DOUBLE" : "VARCHAR");
        }
        ddl.append(", sharpe DOUBLE, total_return DOUBLE, max_drawdown DOUBLE, fills BIGINT, rank BIGINT)");
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = conn.createStatement()) {
            st.execute("SET threads = 1");
            st.execute(ddl.toString());
            int[] idx = new int[axes.size()];
            try (DuckDBAppender app = conn.unwrap(DuckDBConnection.class).createAppender(
                    DuckDBConnection.DEFAULT_SCHEMA, "results")) {
                for (int i = 0; i < n; i++) {
                    grid.decode(i, idx);
                    app.beginRow();
                    app.append((long) i);
                    for (int a = 0; a < axes.size(); a++) {
                        Grid.Axis ax = axes.get(a);
                        if (ax.numeric()) {
                            app.append(ax.value(idx[a]));
                        } else {
                            app.append(ax.labels().get(idx[a]));
                        }
                    }
                    app.append(res.sharpe()[i]);
                    app.append(res.totalReturn()[i]);
                    app.append(res.maxDrawdown()[i]);
                    app.append(res.fills()[i]);
                    app.append(rankOf[i]);
                    app.endRow();
                }
                app.flush();
            }
            st.execute("COPY (SELECT * FROM results ORDER BY config) TO '" + file.toString().replace("'", "''")
                    + "' (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
