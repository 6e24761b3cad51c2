package org.quantlstm.workflow.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.backtest.Prices;
import org.quantlstm.backtest.SweepResult;
import org.quantlstm.backtest.VectorizedBacktester;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.Thresholds;

/**
 * Everything a sweep chunk needs, as plain serialisable data: per ticker the prices of its test segment and the
 * forecasts made once before the sweep, the universes the {@code tickers} axis names, the settings a key takes when
 * the grid does not vary it, and the grid. A chunk ({@link Chunk}) is two numbers; its result ({@link ChunkResult})
 * is four columns. Both go through {@code TaskRunner.map}, so a chunk runs the same on local threads or on a
 * cluster, and a configuration's result never depends on which chunk it was in.
 *
 * @param series         one column set per ticker (test segment only)
 * @param universes      for each value of the {@code tickers} axis the indexes of its series; one universe (all
 *                       series) when the grid has no such axis
 * @param defaults       the experiment's settings for keys the grid does not vary
 * @param periodsPerYear annualisation of the Sharpe ratio
 * @param grid           the grid
 */
public record SweepData(List<Column> series, int[][] universes, Defaults defaults, int periodsPerYear, Grid grid)
        implements Serializable {

    public SweepData {
        series = List.copyOf(series);
        universes = universes.clone();
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one series");
        }
    }

    /**
     * One ticker's test segment: bar times, adjusted opens and closes, the predicted next-bar return decided at
     * each bar's close, and the causal volatility ratio (for the volatility-adjusted method).
     */
    public record Column(String name, long[] times, double[] open, double[] close, double[] predicted,
                         double[] volRatio) implements Serializable {
        public Column {
            times = times.clone();
            open = open.clone();
            close = close.clone();
            predicted = predicted.clone();
            volRatio = volRatio.clone();
            int n = times.length;
            if (open.length != n || close.length != n || predicted.length != n || volRatio.length != n) {
                throw new IllegalArgumentException(name + ": columns differ in length");
            }
        }

        public int bars() {
            return times.length;
        }

        Prices prices() {
            return new Prices(name, times, open, close);
        }
    }

    /**
     * The settings of keys the grid leaves alone (from the experiment). With no {@code threshold} axis the band is
     * the method's seed band with the experiment's {@code signal.threshold} in place of the seed's 0.1 % (as the
     * spy-analyser suite does); with no {@code k} or {@code cap} axis they are the method's seed values.
     */
    public record Defaults(SizingMethod sizing, double threshold, boolean allowShort, double costBps,
                           double slippageBps, double minCost, double stopLoss, double takeProfit, FillTiming fill,
                           double capital) implements Serializable {
    }

    /** The settings of one configuration: a sizer, the backtest's configuration and the universe's index. */
    public record Config(PositionSizer sizer, BacktestConfig backtest, int universe) {
    }

    /** The configuration {@code config} of the grid ({@code idx}: scratch of one int per axis). */
    public Config config(long config, int[] idx) {
        grid.decode(config, idx);
        Defaults d = defaults;
        SizingMethod method = d.sizing();
        double threshold = Double.NaN, k = Double.NaN, cap = Double.NaN;
        boolean allowShort = d.allowShort();
        double cost = d.costBps(), slip = d.slippageBps(), min = d.minCost(), stop = d.stopLoss(), take = d.takeProfit();
        FillTiming fill = d.fill();
        int universe = 0;
        List<Grid.Axis> axes = grid.axes();
        for (int a = 0; a < axes.size(); a++) {
            Grid.Axis ax = axes.get(a);
            double v = ax.value(idx[a]);
            switch (ax.key()) {
                case "sizing" -> method = SizingMethod.values()[(int) v];
                case "threshold" -> threshold = v;
                case "k" -> k = v;
                case "cap" -> cap = v;
                case "allow_short" -> allowShort = v == 1;
                case "cost_bps" -> cost = v;
                case "slippage_bps" -> slip = v;
                case "min_cost" -> min = v;
                case "stop_loss" -> stop = v;
                case "take_profit" -> take = v;
                case "fill" -> fill = FillTiming.values()[(int) v];
                case "tickers" -> universe = idx[a];
                default -> throw new IllegalStateException("unknown axis " + ax.key());
            }
        }
        PositionSizer seed = PositionSizer.seed(method, allowShort);
        double band = !Double.isNaN(threshold) ? threshold
                : seed.thresholds().longAbove() == Thresholds.SEED_BAND ? d.threshold() : seed.thresholds().longAbove();
        PositionSizer sizer = new PositionSizer(method, Thresholds.symmetric(band, allowShort),
                Double.isNaN(k) ? seed.parameter() : k, Double.isNaN(cap) ? seed.cap() : cap);
        // the platform's fee model (borrow on shorts, financing spread) with the grid's commission and slippage
        BacktestConfig bc = new BacktestConfig(fill, FeeModel.DEFAULT.withBps(cost).withSlippage(slip, min),
                new RiskLimits(stop, take), d.capital(), 1.0, periodsPerYear);
        return new Config(sizer, bc, universe);
    }

    /** Bar-evaluations of the whole grid: for every configuration the bars of every ticker of its universe. */
    public long barEvaluations() {
        long size = grid.size();
        long perUniverse = size / universes.length;
        long total = 0;
        for (int[] u : universes) {
            long bars = 0;
            for (int t : u) {
                bars += series.get(t).bars();
            }
            total += perUniverse * bars;
        }
        return total;
    }

    /** A chunk of the grid: configurations {@code from} (inclusive) to {@code to} (exclusive). */
    public record Chunk(long from, long to) implements Serializable {
        public Chunk {
            if (from < 0 || to < from || to - from > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad chunk " + from + ".." + to);
            }
        }
    }

    /**
     * Per configuration of a chunk: Sharpe (annualised, rf = 0, ddof = 1; the mean over the universe's tickers,
     * a ticker that never traded counting 0, NaN when none traded), total return (the mean over tickers of final
     * equity / capital − 1), maximum drawdown (the worst ticker's, ≤ 0) and fills (summed).
     */
    public record ChunkResult(long from, double[] sharpe, double[] totalReturn, double[] maxDrawdown, long[] fills)
            implements Serializable {
    }

    /** The chunks of {@code size} configurations split into {@code count} nearly equal parts, in order. */
    public static List<Chunk> chunks(long size, int count) {
        int k = (int) Math.max(1, Math.min(count, size));
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new Chunk(size * i / k, size * (i + 1) / k));
        }
        return out;
    }

    /**
     * Evaluates one chunk on the calling thread: configurations are grouped by backtest settings and universe, and
     * each group runs through {@link VectorizedBacktester#sweep} once per ticker. The backtester's own parallel
     * loop is confined to a one-thread pool, so that a chunk uses one core and the runner alone decides how many
     * run at once.
     */
    public ChunkResult evaluate(Chunk chunk) {
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            return one.submit(() -> evaluateHere(chunk)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep chunk interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            one.shutdownNow();
        }
    }

    private ChunkResult evaluateHere(Chunk chunk) {
        int n = (int) (chunk.to() - chunk.from());
        double[] sumSharpe = new double[n], sumReturn = new double[n], mdd = new double[n];
        long[] fills = new long[n];
        boolean[] traded = new boolean[n];
        record Group(BacktestConfig backtest, int universe) {
        }
        Map<Group, List<Integer>> offsets = new LinkedHashMap<>();
        Map<Group, List<PositionSizer>> sizers = new LinkedHashMap<>();
        int[] idx = new int[grid.axes().size()];
        for (int i = 0; i < n; i++) {
            Config c = config(chunk.from() + i, idx);
            Group g = new Group(c.backtest(), c.universe());
            offsets.computeIfAbsent(g, x -> new ArrayList<>()).add(i);
            sizers.computeIfAbsent(g, x -> new ArrayList<>()).add(c.sizer());
        }
        Prices[] prices = new Prices[series.size()];
        for (var e : offsets.entrySet()) {
            Group g = e.getKey();
            List<Integer> off = e.getValue();
            List<PositionSizer> sz = sizers.get(g);
            VectorizedBacktester bt = new VectorizedBacktester(g.backtest());
            double capital = g.backtest().initialCapital();
            for (int t : universes[g.universe()]) {
                if (prices[t] == null) {
                    prices[t] = series.get(t).prices();
                }
                Column col = series.get(t);
                SweepResult r = bt.sweep(prices[t], col.predicted(), col.volRatio(), sz, periodsPerYear);
                double[] sh = r.sharpe(), fin = r.finalEquity(), dd = r.maxDrawdown();
                int[] f = r.fills();
                for (int j = 0; j < off.size(); j++) {
                    int o = off.get(j);
                    if (!Double.isNaN(sh[j])) {
                        sumSharpe[o] += sh[j];
                        traded[o] = true;
                    }
                    sumReturn[o] += fin[j] / capital - 1;
                    if (dd[j] < mdd[o]) {
                        mdd[o] = dd[j];
                    }
                    fills[o] += f[j];
                }
            }
            int size = universes[g.universe()].length;
            for (int o : off) {
                sumSharpe[o] = traded[o] ? sumSharpe[o] / size : Double.NaN;
                sumReturn[o] /= size;
            }
        }
        return new ChunkResult(chunk.from(), sumSharpe, sumReturn, mdd, fills);
    }
}
