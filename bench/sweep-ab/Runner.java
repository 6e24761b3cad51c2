/* Benchmark helper (not part of the build): see run.sh. */
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.quantlstm.backtest.*;
import org.quantlstm.common.*;
import org.quantlstm.data.*;
import org.quantlstm.signal.*;

/** One `bench backtest --threads 1` sweep per call: returns {worker thread CPU ns, wall ns, fingerprint, bar-evaluations}. */
public class Runner implements Callable<long[]> {
    final Prices prices; final double[] forecast, vol; final List<PositionSizer> configs; final VectorizedBacktester vb;
    final ForkJoinPool pool = new ForkJoinPool(1);
    public Runner() {
        BarSeries spy = new BundledSource().load(Symbol.of("SPY"), Interval.D1,
                new DateRange(Instant.parse("2014-01-01T00:00:00Z"), Instant.parse("2023-12-31T00:00:00Z"))).adjusted();
        prices = new Prices("SPY", spy.epochMillis(), spy.opens(), spy.closes());
        double[] close = spy.closes();
        forecast = new double[close.length];
        forecast[0] = Double.NaN;
        for (int i = 1; i < close.length; i++) forecast[i] = close[i] / close[i - 1] - 1;
        vol = VolatilityRatio.causalRatio(close, VolatilityRatio.SEED_WINDOW);
        configs = new ArrayList<>();
        String only = System.getProperty("only");
        for (SizingMethod m : SizingMethod.values()) {
            if (only != null && !m.name().equals(only)) continue;
            PositionSizer seed = PositionSizer.seed(m, true);
            for (int b = 0; b < 100; b++) for (int k = 1; k <= 20; k++)
                configs.add(seed.withThresholds(Thresholds.symmetric(b * 1e-4, true)).withParameter(seed.parameter() * k / 4.0, seed.cap()));
        }
        vb = new VectorizedBacktester(BacktestConfig.DEFAULT);
    }
    public long[] call() throws Exception {
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        return pool.submit(() -> {
            long c0 = tm.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            SweepResult r = vb.sweep(prices, forecast, vol, configs, 252);
            long t1 = System.nanoTime(), c1 = tm.getCurrentThreadCpuTime();
            long h = 1125899906842597L;
            for (int i = 0; i < r.finalEquity().length; i++) { h = 31*h + Double.doubleToLongBits(r.finalEquity()[i]); h = 31*h + Double.doubleToLongBits(r.sharpe()[i]); h = 31*h + Double.doubleToLongBits(r.maxDrawdown()[i]); h = 31*h + r.fills()[i]; }
            return new long[] {c1 - c0, t1 - t0, h, r.barEvaluations()};
        }).get();
    }
}
