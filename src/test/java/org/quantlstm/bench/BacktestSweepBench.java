package org.quantlstm.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.Prices;
import org.quantlstm.backtest.SweepResult;
import org.quantlstm.backtest.VectorizedBacktester;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.Thresholds;
import org.quantlstm.signal.VolatilityRatio;

/**
 * Throughput of the vectorized backtester in a parameter sweep: 10,000 configurations (5 sizing methods × 100
 * neutral bands 0 … 0.99 % × 20 sizing parameters) over 10 years of real daily SPY bars (bundled, adjusted,
 * 2014-01-02 … 2023-12-29), with 10 bps costs and next-open fills. The forecast is a fixed, causal proxy: the
 * last daily return (momentum), so that only the backtester is measured. One bar-evaluation = one bar of one
 * configuration (sizing, possible fill with costs, marking, Sharpe and drawdown statistics).
 *
 * <p>Run: {@code mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java
 * -cp target/classes:target/test-classes:$(cat target/cp.txt) org.quantlstm.bench.BacktestSweepBench [threads...]}
 * (default threads: 1 and all available processors). Prints the median of 5 timed sweeps after 3 warm-ups.
 */
public final class BacktestSweepBench {
    private BacktestSweepBench() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        long from = LocalDate.parse("2014-01-01").atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long to = LocalDate.parse("2023-12-31").atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        BarSeries spy = new BundledSource().load(Symbol.of("SPY"), Interval.D1,
                new DateRange(java.time.Instant.ofEpochMilli(from), java.time.Instant.ofEpochMilli(to))).adjusted();
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
        int[] threads = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, Runtime.getRuntime().availableProcessors()};
        System.out.printf(Locale.ROOT, "SPY %s .. %s: %d bars, %d configurations, %d bar-evaluations per sweep%n",
                spy.date(0), spy.date(spy.size() - 1), spy.size(), configs.size(),
                (long) configs.size() * spy.size());
        for (int t : threads) {
            ForkJoinPool pool = new ForkJoinPool(t);
            try {
                double[] secs = new double[5];
                double[] cpu = new double[5];
                SweepResult last = null;
                for (int i = 0; i < 3 + secs.length; i++) {
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    last = pool.submit(() -> vb.sweep(prices, forecast, vol, configs, 252)).get();
                    long t1 = System.nanoTime();
                    long c1 = processCpuNanos();
                    if (i >= 3) {
                        secs[i - 3] = (t1 - t0) / 1e9;
                        cpu[i - 3] = (c1 - c0) / 1e9;
                    }
                }
                Arrays.sort(secs);
                Arrays.sort(cpu);
                double med = secs[secs.length / 2];
                int best = last.best();
                System.out.printf(Locale.ROOT, "threads=%d: median %.3f s per sweep (min %.3f, max %.3f) = %.1f million "
                                + "bar-evaluations/s; best Sharpe %.2f (%s band %.4f k %.2f)%n", t, med, secs[0],
                        secs[secs.length - 1], last.barEvaluations() / med / 1e6, last.sharpe()[best],
                        configs.get(best).name(), configs.get(best).thresholds().longAbove(),
                        configs.get(best).parameter());
                System.out.printf(Locale.ROOT, "threads=%d: median process CPU %.3f s per sweep = %.1f million "
                        + "bar-evaluations per CPU-second (less sensitive to other load on the machine)%n", t,
                        cpu[cpu.length / 2], last.barEvaluations() / cpu[cpu.length / 2] / 1e6);
            } finally {
                pool.shutdown();
            }
        }
    }
}
