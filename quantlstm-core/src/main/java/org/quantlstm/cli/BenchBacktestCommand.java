package org.quantlstm.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.Prices;
import org.quantlstm.backtest.SweepResult;
import org.quantlstm.backtest.VectorizedBacktester;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.Thresholds;
import org.quantlstm.signal.VolatilityRatio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quantlstm bench backtest [--threads N]}: the vectorized backtester in a sweep of 10,000 configurations
 * (5 sizing methods × 100 neutral bands × 20 sizing parameters) over bundled daily SPY 2014–2023 (2,516 bars),
 * 10 bps costs, next-open fills. The forecast is a fixed causal proxy (yesterday's return), so only the
 * backtester is timed. Median of the timed sweeps after 3 warm-ups, in wall time and in process CPU time (the
 * CPU seconds the JVM used during the sweep: on a shared machine less sensitive to other processes than the wall
 * clock; with N threads it is the CPU of all of them: bar-evaluations per CPU-second).
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest sweep throughput (bar-evaluations/s) on bundled SPY.")
final class BenchBacktestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "Worker threads, one figure each (default ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed sweeps (default ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public void run() {
        if (repeat < 1 || threads.stream().anyMatch(t -> t < 1)) {
            throw new UserInputException("bench backtest: --threads and --repeat must be >= 1");
        }
        BarSeries spy = new BundledSource().load(Symbol.of("SPY"), Interval.D1,
                new DateRange(Instant.parse("2014-01-01T00:00:00Z"), Instant.parse("2023-12-31T00:00:00Z"))).adjusted();
        Prices prices = new Prices("SPY", spy.epochMillis(), spy.opens(), spy.closes());
        double[] close = spy.closes();
        double[] forecast = new double[close.length];
        forecast[0] = Double.NaN;
        for (int i = 1; i < close.length; i++) {
            forecast[i] = close[i] / close[i - 1] - 1;
        }
        double[] vol = VolatilityRatio.causalRatio(close, VolatilityRatio.SEED_WINDOW);
        List<PositionSizer> configs = new ArrayList<>(10_000);
        for (SizingMethod m : SizingMethod.values()) {
            PositionSizer seed = PositionSizer.seed(m, true);
            for (int b = 0; b < 100; b++) {
                for (int k = 1; k <= 20; k++) {
                    configs.add(seed.withThresholds(Thresholds.symmetric(b * 1e-4, true))
                            .withParameter(seed.parameter() * k / 4.0, seed.cap()));
                }
            }
        }
        VectorizedBacktester vb = new VectorizedBacktester(BacktestConfig.DEFAULT);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "# SPY %s .. %s: %d bars x %d configurations = %d bar-evaluations per sweep; load %s%n",
                spy.date(0), spy.date(spy.size() - 1), spy.size(), configs.size(), (long) configs.size() * spy.size(),
                BenchOutput.loadAverage());
        for (int t : threads) {
            ForkJoinPool pool = new ForkJoinPool(t);
            try {
                double[] secs = new double[repeat], cpu = new double[repeat];
                SweepResult last = null;
                for (int i = 0; i < 3 + repeat; i++) {
                    long c0 = processCpuNanos(), t0 = System.nanoTime();
                    last = pool.submit(() -> vb.sweep(prices, forecast, vol, configs, 252)).get();
                    if (i >= 3) {
                        secs[i - 3] = (System.nanoTime() - t0) / 1e9;
                        cpu[i - 3] = (processCpuNanos() - c0) / 1e9;
                    }
                }
                Arrays.sort(secs);
                Arrays.sort(cpu);
                double median = secs[repeat / 2], cpuMedian = cpu[repeat / 2];
                w.printf(Locale.ROOT, "backtest sweep threads=%d median %.4f s%n", t, median);
                w.printf(Locale.ROOT, "backtest sweep threads=%d %.0f bar-evaluations/s%n", t,
                        last.barEvaluations() / median);
                // CPU time is counted in clock ticks: a median of 0 (a very short sweep) prints NaN
                w.printf(Locale.ROOT, "backtest sweep threads=%d cpu %.0f bar-evaluations/cpu-s%n", t,
                        cpuMedian > 0 ? last.barEvaluations() / cpuMedian : Double.NaN);
                w.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sweep failed", e.getCause());
            } finally {
                pool.shutdown();
            }
        }
    }

    /** CPU time of the whole JVM so far (0 where the platform does not report it). */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0L;
    }
}
