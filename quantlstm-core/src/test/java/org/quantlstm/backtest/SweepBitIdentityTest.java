package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.Thresholds;

/**
 * The sweep's statistics are bit-identical to those of the code before the sweep loop was tuned (issue 13
 * follow-up): every final equity, Sharpe ratio, drawdown and fill count of 160 configurations × 12 engine
 * settings × 2 price sets (with and without volume) is folded into one 64-bit fingerprint per setting, recorded from the untuned loop at commit e5fa66a.
 * Any change in any bit of any figure changes the fingerprint.
 */
class SweepBitIdentityTest {
    /** Fingerprints recorded from the untuned sweep loop (commit e5fa66a), two per setting of {@link #settings}. */
    static final long[] GOLDEN = {
            0xfa91f44f1c474b8dL,
            0xfa91f44f1c474b8dL,
            0xf209e10a79249885L,
            0xf209e10a79249885L,
            0xa6b3245148b26427L,
            0xa6b3245148b26427L,
            0xad188af30e580b3fL,
            0xad188af30e580b3fL,
            0x461c139ac8e18dL,
            0x461c139ac8e18dL,
            0x40f4b0cdf061c5bbL,
            0xc8a99b27ace8b96bL,
            0x3b15db16e9e22d3dL,
            0x7424073b78058adfL,
            0x81dbee2a1f4cd463L,
            0x81dbee2a1f4cd463L,
            0x1d4abd007eb96cd7L,
            0x1d4abd007eb96cd7L,
            0x8099af633f12a671L,
            0x8099af633f12a671L,
            0xcb3e9d56edbcba61L,
            0xcb3e9d56edbcba61L,
            0xffca968035968b1fL,
            0xffca968035968b1fL
    };

    static List<PositionSizer> sizers() {
        List<PositionSizer> out = new ArrayList<>();
        for (SizingMethod m : SizingMethod.values()) {
            for (boolean shorts : new boolean[] {true, false}) {
                PositionSizer seed = PositionSizer.seed(m, shorts);
                for (int b = 0; b < 4; b++) {
                    for (int k = 1; k <= 4; k++) {
                        out.add(seed.withThresholds(Thresholds.symmetric(b * 5e-4, true))
                                .withParameter(seed.parameter() * k / 2.0, seed.cap() * (k == 4 ? 2 : 1)));
                    }
                }
            }
        }
        return out;
    }

    static List<VectorizedBacktester> settings() {
        double[] rf = new double[BacktestPathsAgreeTest.N - 1];
        for (int i = 0; i < rf.length; i++) {
            rf[i] = 0.0001 + 0.00005 * Math.sin(i / 17.0);
        }
        List<VectorizedBacktester> out = new ArrayList<>();
        BacktestConfig d = BacktestConfig.DEFAULT;
        out.add(new VectorizedBacktester(d));
        out.add(new VectorizedBacktester(d, rf));
        out.add(new VectorizedBacktester(d.withFill(FillTiming.NEXT_CLOSE)));
        out.add(new VectorizedBacktester(d.withFees(FeeModel.FREE)));
        out.add(new VectorizedBacktester(d.withFees(FeeModel.commissionOnly(10).withSlippage(5, 3))));
        out.add(new VectorizedBacktester(d.withFees(FeeModel.DEFAULT.withPerShare(0.01)
                .withImpact(FeeModel.Impact.SQRT, 50, 0.05)), rf));
        out.add(new VectorizedBacktester(d.withFees(FeeModel.DEFAULT.withCarry(300, 500)
                .withImpact(FeeModel.Impact.VOLUME_SHARE, 200, 1))));
        out.add(new VectorizedBacktester(d.withLimits(new RiskLimits(0.02, 0.03))));
        out.add(new VectorizedBacktester(d.withLimits(new RiskLimits(0.03, 0, 0.015)).withFill(FillTiming.NEXT_CLOSE), rf));
        out.add(new VectorizedBacktester(d.withMaxGross(2.0)));
        out.add(new VectorizedBacktester(d.withMaxGross(0.5).withFees(FeeModel.DEFAULT.withCarry(300, 500)), rf));
        out.add(new VectorizedBacktester(d.withCapital(1_000).withFees(FeeModel.commissionOnly(10).withSlippage(0, 5))));
        return out;
    }

    static long fingerprint(SweepResult r) {
        long h = 1125899906842597L;
        for (int i = 0; i < r.finalEquity().length; i++) {
            h = 31 * h + Double.doubleToLongBits(r.finalEquity()[i]);
            h = 31 * h + Double.doubleToLongBits(r.sharpe()[i]);
            h = 31 * h + Double.doubleToLongBits(r.maxDrawdown()[i]);
            h = 31 * h + r.fills()[i];
        }
        return h;
    }

    @Test
    void sweepStatisticsAreBitIdenticalToTheUntunedLoop() {
        List<PositionSizer> sizers = sizers();
        List<VectorizedBacktester> settings = settings();
        Prices p = BacktestPathsAgreeTest.PRICES;
        Prices noVolume = new Prices(p.name(), p.times(), p.open(), p.high(), p.low(), p.close(),
                new double[p.size()]); // volume 0 = unknown: no participation cap, no impact (the bench's case)
        long[] got = new long[2 * settings.size()];
        for (int s = 0; s < settings.size(); s++) {
            got[2 * s] = fingerprint(settings.get(s).sweep(p, BacktestPathsAgreeTest.FORECAST,
                    BacktestPathsAgreeTest.VOL, sizers, 252));
            got[2 * s + 1] = fingerprint(settings.get(s).sweep(noVolume, BacktestPathsAgreeTest.FORECAST,
                    BacktestPathsAgreeTest.VOL, sizers, 252));
        }
        assertThat(got).containsExactly(GOLDEN);
    }

    @Test
    void theSweepAgreesWithFullRunsOnEverySetting() {
        List<PositionSizer> sizers = sizers().subList(0, 24);
        for (VectorizedBacktester vb : settings()) {
            SweepResult r = vb.sweep(BacktestPathsAgreeTest.PRICES, BacktestPathsAgreeTest.FORECAST,
                    BacktestPathsAgreeTest.VOL, sizers, 252);
            for (int i = 0; i < sizers.size(); i++) {
                BacktestResult full = vb.run("x", BacktestPathsAgreeTest.PRICES, sizers.get(i),
                        BacktestPathsAgreeTest.FORECAST, BacktestPathsAgreeTest.VOL);
                double[] eq = full.equity();
                assertThat(r.finalEquity()[i]).isEqualTo(eq[eq.length - 1]);
                assertThat(r.fills()[i]).isEqualTo(full.fills().size());
            }
        }
    }
}
