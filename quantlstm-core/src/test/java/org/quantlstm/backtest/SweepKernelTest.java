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
 * The sweep's lane kernel ({@link SweepKernel}) and the general loop ({@link VectorizedBacktester#simulate}) give
 * the same bits for every statistic, on random paths, with each feature the kernel handles on and off: fill
 * timing, proportional / per-share / minimum costs, borrow, financing and interest on cash, the gross limit
 * (binding and not), capital (a small book with a minimum cost goes bankrupt), every sizing method with and
 * without shorts, NaN forecasts and volatility ratios, and sweeps of more than one block of lanes. Its sizing step
 * equals {@link PositionSizer#size} as values, and its branch-free comparisons are exact.
 */
class SweepKernelTest {
    static List<BacktestConfig> configs() {
        List<FeeModel> fees = List.of(FeeModel.FREE, FeeModel.DEFAULT, FeeModel.commissionOnly(10).withSlippage(5, 3),
                FeeModel.DEFAULT.withPerShare(0.01), FeeModel.DEFAULT.withCarry(300, 500), FeeModel.commissionOnly(0)
                        .withCarry(0, 200), FeeModel.commissionOnly(10).withSlippage(0, 5)); // the last: $5 minimum
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
                        for (double[] ratio : new double[][] {vr, null}) {
                            double[][] fast = new double[sizers.size()][VectorizedBacktester.STATS];
                            SweepKernel.run(px, sizers, 0, sizers.size(), pr, ratio, cfg, rate, cfg.initialCapital(),
                                    fast);
                            for (int i = 0; i < sizers.size(); i++) {
                                double[] general = new double[VectorizedBacktester.STATS];
                                VectorizedBacktester.simulate(px, null, sizers.get(i), pr, ratio, cfg, rate,
                                        cfg.initialCapital(), null, general);
                                assertSameBits(fast[i], general, String.format("%s %s %s n=%d", cfg, sizers.get(i),
                                        rate == null ? "no rf" : "rf", n));
                                compared++;
                                fills += (long) general[VectorizedBacktester.FILLS];
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

    /** Every statistic the same bits (the sign of a zero included). */
    static void assertSameBits(double[] fast, double[] general, String what) {
        for (int z = 0; z < fast.length; z++) {
            assertThat(Double.doubleToRawLongBits(fast[z])).as("statistic %d: %s vs %s, %s", z, fast[z], general[z],
                    what).isEqualTo(Double.doubleToRawLongBits(general[z]));
        }
    }

    /** The comparison above can fail: a kernel that ignored the borrow fee would be caught. */
    @Test
    void theComparisonCatchesAMissingCost() {
        Object[] p = path(3, 250);
        PositionSizer s = PositionSizer.seed(SizingMethod.BINARY, true).withParameter(1, 1);
        BacktestConfig with = BacktestConfig.DEFAULT.withFees(FeeModel.DEFAULT.withCarry(300, 0));
        BacktestConfig without = BacktestConfig.DEFAULT.withFees(FeeModel.DEFAULT.withCarry(0, 0));
        double[][] fast = new double[1][VectorizedBacktester.STATS];
        SweepKernel.run((Prices) p[0], List.of(s), 0, 1, (double[]) p[1], (double[]) p[2], without, null,
                without.initialCapital(), fast);
        double[] general = new double[VectorizedBacktester.STATS];
        VectorizedBacktester.simulate((Prices) p[0], null, s, (double[]) p[1], (double[]) p[2], with, null,
                with.initialCapital(), null, general);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameBits(fast[0], general, "borrow"))
                .isInstanceOf(AssertionError.class);
    }

    /** The lane form of every sizer equals {@code clamp(size(x, v), ±maxGross)}, bar by bar, as values. */
    @Test
    void theLaneSizingEqualsPositionSizerSize() {
        List<PositionSizer> sizers = new ArrayList<>(sizers());
        sizers.add(PositionSizer.seed(SizingMethod.FIXED, true).withParameter(0, 0)); // zero cap
        Random rnd = new Random(11);
        double[] xs = new double[400], vs = new double[400];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = switch (i % 9) {
                case 0 -> 0.002; // exactly on the band
                case 1 -> -0.002;
                case 2 -> i % 2 == 0 ? 0.0 : -0.0;
                case 3 -> i % 2 == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 4 -> Double.MIN_VALUE * (i % 2 == 0 ? 1 : -1); // the smallest subnormal
                default -> 0.01 * rnd.nextGaussian();
            };
            vs[i] = switch (i % 7) {
                case 0 -> Double.NaN;
                case 1 -> 0;
                case 2 -> -0.5;
                case 3 -> Double.POSITIVE_INFINITY;
                default -> 2 * rnd.nextDouble();
            };
        }
        for (double maxGross : new double[] {0.5, 1, 3}) {
            SweepKernel.Lanes ln = new SweepKernel.Lanes(sizers.size());
            for (int i = 0; i < sizers.size(); i++) {
                ln.set(i, sizers.get(i), maxGross);
            }
            for (int b = 0; b < xs.length; b++) {
                ln.targets(xs[b], vs[b]);
                for (int i = 0; i < sizers.size(); i++) {
                    double w = sizers.get(i).size(xs[b], vs[b]);
                    double want = w != w ? 0 : Math.max(-maxGross, Math.min(maxGross, w));
                    assertThat(ln.target[i] == want).as("%s x=%s v=%s: %s vs %s", sizers.get(i), xs[b], vs[b],
                            ln.target[i], want).isTrue(); // == : the sign of a zero may differ
                }
            }
        }
    }

    @Test
    void theBranchFreeComparisonsAreExact() {
        double[] v = {0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-17, 0.001, 1,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2, 0.3};
        for (double a : v) {
            assertThat(SweepKernel.nonZero(a)).as("%s", a).isEqualTo(a != 0 ? 1.0 : 0.0);
            for (double b : v) {
                if (Double.isInfinite(a) && a == b) {
                    continue; // ∞ − ∞ is NaN: the kernel never compares two equal infinities
                }
                assertThat(SweepKernel.step(a, b)).as("%s > %s", a, b).isEqualTo(a > b ? 1.0 : 0.0);
            }
        }
    }

    private static double finalEquity(Object[] p, PositionSizer s, BacktestConfig cfg) {
        double[][] st = new double[1][VectorizedBacktester.STATS];
        SweepKernel.run((Prices) p[0], List.of(s), 0, 1, (double[]) p[1], (double[]) p[2], cfg, null,
                cfg.initialCapital(), st);
        return st[0][VectorizedBacktester.FINAL];
    }

    @Test
    void smallSweepsAreCutIntoSmallerBlocksForTheWorkers() {
        assertThat(SweepKernel.blockSize(10_000, 2)).isEqualTo(SweepKernel.LANES);
        assertThat(SweepKernel.blockSize(100, 2)).isEqualTo(16); // 13 per block wanted, 16 at least
        assertThat(SweepKernel.blockSize(1_000, 2)).isEqualTo(125);
        assertThat(SweepKernel.blockSize(1_000, 16)).isEqualTo(16);
        assertThat(SweepKernel.blockSize(1, 1)).isEqualTo(16);
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

    /** The sweep, which picks the kernel, equals full runs on the kernel's case, over several blocks of lanes. */
    @Test
    void aSweepThroughTheKernelEqualsFullRuns() {
        Object[] p = path(7, 300);
        Prices px = (Prices) p[0];
        double[] pr = (double[]) p[1], vr = (double[]) p[2];
        List<PositionSizer> sizers = new ArrayList<>(); // more than one block of lanes, the last one partial
        for (int r = 0; sizers.size() < 2 * SweepKernel.LANES + 37; r++) {
            for (PositionSizer s : sizers()) {
                sizers.add(s.withParameter(s.parameter() * (1 + 0.1 * r), s.cap()));
            }
        }
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
}
