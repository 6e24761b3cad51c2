package org.quantlstm.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.backtest.Prices;
import org.quantlstm.backtest.VectorizedBacktester;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.Thresholds;
import org.quantlstm.signal.VolatilityRatio;

/** Sweep chunks against direct single runs of the vectorized backtester, chunking invariance and the DSR. */
class SweepDataTest {
    static final int PPY = 252;
    static final SweepData.Defaults DEFAULTS = new SweepData.Defaults(SizingMethod.BINARY, 0.001, true, 10, 0, 0, 0, 0,
            FillTiming.NEXT_OPEN, 100_000);

    static SweepData.Column column(String name, long seed, int n) {
        Random rnd = new Random(seed);
        double[] open = new double[n], close = new double[n], pred = new double[n];
        long[] t = new long[n];
        double c = 100;
        for (int i = 0; i < n; i++) {
            t[i] = i * 86_400_000L;
            open[i] = c * (1 + 0.003 * rnd.nextGaussian());
            c = open[i] * (1 + 0.01 * rnd.nextGaussian());
            close[i] = c;
        }
        pred[0] = Double.NaN;
        for (int i = 1; i < n; i++) {
            pred[i] = 0.5 * (close[i] / close[i - 1] - 1) + 0.003 * rnd.nextGaussian();
        }
        return new SweepData.Column(name, t, open, close, pred, VolatilityRatio.causalRatio(close, 20));
    }

    static SweepData data(Grid grid, List<SweepData.Column> cols) {
        return new SweepData(cols, Sweep.universes(grid, cols), DEFAULTS, PPY, grid);
    }

    static final Grid GRID = Grid.parse(List.of("sizing=binary,fixed,proportional,kelly,volatility",
            "threshold=0,0.002", "k=0.5,2", "cost_bps=0,10", "stop_loss=0,0.02", "fill=next-open,next-close"));

    /** Sharpe of a direct run, computed from its equity: mean/std (ddof 1) of simple returns x sqrt(252). */
    static double sharpe(BacktestResult r) {
        double[] x = r.returns();
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        double sd = Math.sqrt(s / (x.length - 1));
        return sd > 0 ? m / sd * Math.sqrt(PPY) : Double.NaN;
    }

    static double maxDrawdown(double[] eq, double capital) {
        double peak = capital, mdd = 0;
        for (double e : eq) {
            peak = Math.max(peak, e);
            mdd = Math.min(mdd, e / peak - 1);
        }
        return mdd;
    }

    @Test
    void everyConfigurationMatchesADirectRunOfTheBacktester() {
        SweepData.Column col = column("SYN", 7, 300);
        SweepData d = data(GRID, List.of(col));
        SweepData.ChunkResult r = d.evaluate(new SweepData.Chunk(0, GRID.size()));
        Prices p = Prices.of("SYN", col.open(), col.close());
        int checked = 0;
        for (long i = 0; i < GRID.size(); i += 3) {
            List<String> l = GRID.labels(i);
            SizingMethod m = SizingMethod.parse(l.get(0));
            double band = Double.parseDouble(l.get(1)), k = Double.parseDouble(l.get(2));
            PositionSizer sizer = new PositionSizer(m, Thresholds.symmetric(band, true), k,
                    PositionSizer.seed(m, true).cap());
            BacktestConfig bc = new BacktestConfig(FillTiming.parse(l.get(5)),
                    FeeModel.DEFAULT.withBps(Double.parseDouble(l.get(3))).withSlippage(0, 0), new RiskLimits(Double.parseDouble(l.get(4)), 0),
                    100_000);
            BacktestResult direct = new VectorizedBacktester(bc).run("x", p, sizer, col.predicted(), col.volRatio());
            int j = (int) i;
            double s = sharpe(direct);
            if (Double.isNaN(s)) {
                assertThat(r.sharpe()[j]).isNaN();
            } else {
                assertThat(r.sharpe()[j]).as("config %d %s", i, l).isCloseTo(s, within(1e-9));
            }
            double[] eq = direct.equity();
            assertThat(r.totalReturn()[j]).isCloseTo(eq[eq.length - 1] / 100_000 - 1, within(1e-9));
            assertThat(r.maxDrawdown()[j]).isCloseTo(maxDrawdown(eq, 100_000), within(1e-9));
            assertThat(r.fills()[j]).isEqualTo(direct.fills().size());
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
        assertThat(java.util.Arrays.stream(r.fills()).max().orElse(0)).isGreaterThan(10);
    }

    @Test
    void aUniverseIsTheMeanOverItsTickers() {
        Grid g = Grid.parse(List.of("sizing=binary,kelly", "tickers=A,B,A+B"));
        SweepData d = data(g, List.of(column("A", 1, 200), column("B", 2, 200)));
        SweepData.ChunkResult r = d.evaluate(new SweepData.Chunk(0, g.size()));
        for (int s = 0; s < 2; s++) {
            int a = s * 3, b = s * 3 + 1, ab = s * 3 + 2;
            assertThat(r.sharpe()[ab]).isCloseTo((r.sharpe()[a] + r.sharpe()[b]) / 2, within(1e-12));
            assertThat(r.totalReturn()[ab]).isCloseTo((r.totalReturn()[a] + r.totalReturn()[b]) / 2, within(1e-12));
            assertThat(r.maxDrawdown()[ab]).isEqualTo(Math.min(r.maxDrawdown()[a], r.maxDrawdown()[b]));
            assertThat(r.fills()[ab]).isEqualTo(r.fills()[a] + r.fills()[b]);
        }
        assertThat(d.barEvaluations()).isEqualTo(2L * (200 + 200 + 400));
    }

    @Test
    void resultsDoNotDependOnTheChunks() {
        SweepData d = data(GRID, List.of(column("A", 3, 250), column("B", 4, 250)));
        Sweep.Results whole = Sweep.assemble(GRID.size(), List.of(d.evaluate(new SweepData.Chunk(0, GRID.size()))));
        List<SweepData.ChunkResult> parts = new ArrayList<>();
        for (SweepData.Chunk c : SweepData.chunks(GRID.size(), 7)) {
            parts.add(d.evaluate(c));
        }
        Sweep.Results chunked = Sweep.assemble(GRID.size(), parts);
        assertThat(chunked.sharpe()).containsExactly(whole.sharpe());
        assertThat(chunked.totalReturn()).containsExactly(whole.totalReturn());
        assertThat(chunked.maxDrawdown()).containsExactly(whole.maxDrawdown());
        assertThat(chunked.fills()).containsExactly(whole.fills());
        assertThat(SweepData.chunks(10, 4)).extracting(SweepData.Chunk::from).containsExactly(0L, 2L, 5L, 7L);
        assertThat(SweepData.chunks(3, 8)).hasSize(3);
    }

    @Test
    void rankingIsBySharpeThenGridOrderWithNaNLast() {
        long[] r = Sweep.rank(new double[]{0.5, Double.NaN, 1.2, 0.5, -3});
        assertThat(r).containsExactly(2, 0, 3, 4, 1);
    }

    @Test
    void expectedMaximumSharpeOfTwoTrialsMatchesTheHandValue() {
        // K = 2: SR0 = sqrt(V) ((1 - g) Phi^-1(1/2) + g Phi^-1(1 - 1/(2e))) = sqrt(V) * 0.5772157 * 0.9004526
        // (Phi^-1(0.8160603) = 0.9004526 from Python's statistics.NormalDist); = 0.5197553 sqrt(V)
        assertThat(org.quantlstm.report.ProbabilisticSharpe.expectedMaxSharpe(2, 0.04)).isCloseTo(0.2 * 0.5197553,
                within(1e-7));
    }

    @Test
    void deflatedSharpeOfATinyGridByHand() {
        SweepData.Column col = column("SYN", 11, 400);
        Grid g = Grid.parse(List.of("sizing=binary,fixed,kelly"));
        SweepData d = data(g, List.of(col));
        SweepData.ChunkResult r = d.evaluate(new SweepData.Chunk(0, 3));
        // per-period Sharpe of the three configurations and their sample variance (ddof 1)
        double[] sr = new double[3];
        for (int i = 0; i < 3; i++) {
            sr[i] = r.sharpe()[i] / Math.sqrt(PPY);
        }
        double mean = (sr[0] + sr[1] + sr[2]) / 3;
        double v = ((sr[0] - mean) * (sr[0] - mean) + (sr[1] - mean) * (sr[1] - mean) + (sr[2] - mean) * (sr[2] - mean)) / 2;
        // K = 3: (1 - g) Phi^-1(2/3) + g Phi^-1(1 - 1/(3e)) = 0.8528045 (Python statistics.NormalDist)
        double sr0 = Math.sqrt(v) * 0.8528045;
        long best = Sweep.rank(r.sharpe())[0];
        // the best configuration's returns, from a direct run
        SweepData.Config c = d.config(best, new int[1]);
        double[] x = new VectorizedBacktester(c.backtest()).run("x", Prices.of("SYN", col.open(), col.close()),
                c.sizer(), col.predicted(), col.volRatio()).returns();
        int n = x.length;
        double m = 0;
        for (double e : x) {
            m += e;
        }
        m /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (double e : x) {
            m2 += Math.pow(e - m, 2) / n;
            m3 += Math.pow(e - m, 3) / n;
            m4 += Math.pow(e - m, 4) / n;
        }
        double skew = m3 / Math.pow(m2, 1.5), kurt = m4 / (m2 * m2);
        double s = sr[(int) best];
        double z = (s - sr0) * Math.sqrt(n - 1) / Math.sqrt(1 - skew * s + (kurt - 1) / 4 * s * s);
        double expected = new NormalDistribution(0, 1).cumulativeProbability(z);
        double got = Sweep.dsr(d, best, r.sharpe()[(int) best],
                org.quantlstm.report.ProbabilisticSharpe.expectedMaxSharpe(3, v));
        assertThat(org.quantlstm.report.ProbabilisticSharpe.expectedMaxSharpe(3, v)).isCloseTo(sr0, within(1e-7 * Math.sqrt(v) + 1e-12));
        assertThat(got).isCloseTo(expected, within(1e-6));
        assertThat(got).isBetween(0.0, 1.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChunkWorkSurvivesJavaSerialisationAsASparkRunnerWouldShipIt() throws Exception {
        SweepData d = data(GRID, List.of(column("A", 5, 120)));
        org.quantlstm.workflow.TaskRunner.Work<SweepData.Chunk, SweepData.ChunkResult> work = d::evaluate;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(work);
            out.writeObject(new SweepData.Chunk(10, 50));
        }
        Object back, chunk;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
            chunk = in.readObject();
        }
        SweepData.ChunkResult shipped = ((org.quantlstm.workflow.TaskRunner.Work<SweepData.Chunk, SweepData.ChunkResult>) back)
                .apply((SweepData.Chunk) chunk);
        SweepData.ChunkResult here = d.evaluate(new SweepData.Chunk(10, 50));
        assertThat(shipped.from()).isEqualTo(10);
        assertThat(shipped.sharpe()).containsExactly(here.sharpe());
        assertThat(shipped.fills()).containsExactly(here.fills());
    }
}
