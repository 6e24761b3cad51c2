package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.Thresholds;

/**
 * The sweep's fast kernel ({@link SweepKernel}) and the general loop ({@link VectorizedBacktester#simulate}) give
 * the same bits for every statistic, on random paths, with each feature the kernel handles on and off: fill
 * timing, proportional / per-share / minimum costs, borrow, financing and interest on cash, the gross limit
 * (binding and not), capital, every sizing method with and without shorts, NaN forecasts and volatility ratios.
 */
class SweepKernelTest {
    static List<BacktestConfig> configs() {
        List<FeeModel> fees = List.of(FeeModel.FREE, FeeModel.DEFAULT, FeeModel.commissionOnly(10).withSlippage(5, 3),
                FeeModel.DEFAULT.withPerShare(0.01), FeeModel.DEFAULT.withCarry(300, 500), FeeModel.commissionOnly(0)
                        .withCarry(0, 200));
        List<BacktestConfig> out = new ArrayList<>();
        for (FillTiming f : FillTiming.values()) {
            for (FeeModel fee : fees) {
                for (double gross : new double[] {0.5, 1.0, 1.5, 2.0}) {
                    out.add(new BacktestConfig(f, fee, RiskLimits.NONE, gross == 2.0 ? 1_000 : 100_000, gross, 252));
                }
            }
        }
        return out;
    }

    static List<PositionSizer> sizers() {
        List<PositionSizer> out = new ArrayList<>();
        for (SizingMethod m : SizingMethod.values()) {
            for (boolean shorts : new boolean[] {true, false}) {
                PositionSizer seed = PositionSizer.seed(m, shorts);
                for (double band : new double[] {0, 0.002}) {
                    for (double k : new double[] {0.5, 1, 30}) {
                        out.add(seed.withThresholds(Thresholds.symmetric(band, shorts))
                                .withParameter(seed.parameter() * k, k == 30 ? 3 : seed.cap()));
                    }
                }
            }
        }
        return out;
    }

    /** A random walk of n bars (volume unknown), its noisy forecast and a volatility ratio with NaNs and zeros. */
    static Object[] path(long seed, int n) {
        Random rnd = new Random(seed);
        double[] open = new double[n], close = new double[n], pr = new double[n], vr = new double[n];
        double c = 50 + 100 * rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            open[i] = c * (1 + 0.01 * rnd.nextGaussian());
            c = open[i] * (1 + 0.02 * rnd.nextGaussian());
            close[i] = c;
            pr[i] = i == 0 || rnd.nextInt(20) == 0 ? Double.NaN : 0.5 * (close[i] / close[i - 1] - 1)
                    + 0.003 * rnd.nextGaussian();
            vr[i] = rnd.nextInt(15) == 0 ? Double.NaN : rnd.nextInt(15) == 0 ? 0 : 0.5 + rnd.nextDouble();
        }
        return new Object[] {Prices.of("R" + seed, open, close), pr, vr};
    }

    @Test
    void theKernelAndTheGeneralLoopGiveTheSameBits() {
        List<PositionSizer> sizers = sizers();
        long compared = 0, fills = 0;
        for (long seed = 1; seed <= 4; seed++) {
            for (int n : new int[] {0, 1, 2, 3, 250}) {
                Object[] p = path(seed, n);
                Prices px = (Prices) p[0];
                double[] pr = (double[]) p[1], vr = (double[]) p[2];
                double[] rf = new double[Math.max(0, n - 1)];
                for (int i = 0; i < rf.length; i++) {
                    rf[i] = 0.0002 * Math.sin(i / 9.0 + seed); // negative rates too
                }
                for (BacktestConfig cfg : configs()) {
                    assertThat(SweepKernel.applies(cfg, px)).isTrue();
                    for (double[] rate : new double[][] {null, rf}) {
                        for (PositionSizer s : sizers) {
                            for (double[] ratio : s.method() == SizingMethod.VOLATILITY_ADJUSTED
                                    ? new double[][] {vr} : new double[][] {vr, null}) {
                                double[] fast = new double[VectorizedBacktester.STATS];
                                double[] general = new double[VectorizedBacktester.STATS];
                                SweepKernel.run(px, s, pr, ratio, cfg, rate, cfg.initialCapital(), fast);
                                VectorizedBacktester.simulate(px, null, s, pr, ratio, cfg, rate, cfg.initialCapital(),
                                        null, general);
                                assertThat(bits(fast)).as("%s %s %s n=%d", cfg, s, rate == null ? "no rf" : "rf", n)
                                        .containsExactly(bits(general));
                                compared++;
                                fills += (long) fast[VectorizedBacktester.FILLS];
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(fills).isGreaterThan(100_000);
        // the cases borrow cash (the financing spread changes the result) and hold shorts (so does the borrow fee)
        Object[] p = path(3, 250);
        PositionSizer levered = PositionSizer.seed(SizingMethod.BINARY, true).withParameter(2, 2);
        BacktestConfig cfg = BacktestConfig.DEFAULT.withMaxGross(2);
        assertThat(finalEquity(p, levered, cfg)).isNotEqualTo(finalEquity(p, levered,
                cfg.withFees(FeeModel.DEFAULT.withCarry(50, 0))));
        assertThat(finalEquity(p, levered, cfg)).isNotEqualTo(finalEquity(p, levered,
                cfg.withFees(FeeModel.DEFAULT.withCarry(0, 100))));
    }

    private static double finalEquity(Object[] p, PositionSizer s, BacktestConfig cfg) {
        double[] st = new double[VectorizedBacktester.STATS];
        SweepKernel.run((Prices) p[0], s, (double[]) p[1], (double[]) p[2], cfg, null, cfg.initialCapital(), st);
        return st[VectorizedBacktester.FINAL];
    }

    @Test
    void theGeneralLoopIsKeptForBracketsAndKnownVolumes() {
        Prices syn = BacktestPathsAgreeTest.PRICES; // with volumes
        Prices noVolume = new Prices(syn.name(), syn.times(), syn.open(), syn.high(), syn.low(), syn.close(),
                new double[syn.size()]);
        assertThat(SweepKernel.applies(BacktestConfig.DEFAULT, noVolume)).isTrue();
        assertThat(SweepKernel.applies(BacktestConfig.DEFAULT, syn)).isFalse();
        assertThat(SweepKernel.applies(BacktestConfig.DEFAULT.withLimits(new RiskLimits(0.02, 0)), noVolume)).isFalse();
        double[] vol = Arrays.copyOf(noVolume.volume(), syn.size());
        vol[syn.size() - 1] = 1_000; // one known volume is enough to need the participation cap
        Prices oneKnown = new Prices(syn.name(), syn.times(), syn.open(), syn.high(), syn.low(), syn.close(), vol);
        assertThat(SweepKernel.applies(BacktestConfig.DEFAULT, oneKnown)).isFalse();
    }

    /** The sweep, which picks the kernel, equals full runs bar for bar on the kernel's case. */
    @Test
    void aSweepThroughTheKernelEqualsFullRuns() {
        Object[] p = path(7, 300);
        Prices px = (Prices) p[0];
        double[] pr = (double[]) p[1], vr = (double[]) p[2];
        List<PositionSizer> sizers = sizers();
        for (BacktestConfig cfg : List.of(BacktestConfig.DEFAULT, configs().get(configs().size() - 1))) {
            VectorizedBacktester vb = new VectorizedBacktester(cfg);
            SweepResult r = vb.sweep(px, pr, vr, sizers, 252);
            for (int i = 0; i < sizers.size(); i++) {
                BacktestResult full = vb.run("x", px, sizers.get(i), pr, vr);
                assertThat(r.finalEquity()[i]).isEqualTo(full.finalEquity());
                assertThat(r.fills()[i]).isEqualTo(full.fills().size());
            }
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
