package org.quantlstm.features.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs shorter than the warm-up, leading NaN, zero volumes and bad periods. */
class EdgeCasesTest {
    static final double[] SHORT = {10, 11, 12};

    @Test
    void inputsShorterThanTheWarmUpGiveAllNaN() {
        List<double[]> outs = List.of(new Lag(5).compute(SHORT), new Sma(5).compute(SHORT), new Ema(5).compute(SHORT),
                Macd.standard().compute(SHORT).signal(), new Rsi(14).compute(SHORT), new Momentum(5).compute(SHORT),
                new RateOfChange(5).compute(SHORT), Bollinger.standard().compute(SHORT).percentB(),
                new Atr(14).compute(SHORT, SHORT, SHORT), new ReturnVolatility(20).compute(SHORT),
                new VolumeRatio(20).compute(SHORT), new SmaGap(100).compute(SHORT),
                new RollingBeta(60).compute(SHORT, SHORT), new RelativeStrength(5).compute(SHORT, SHORT),
                new ExcessReturn(5).compute(SHORT, SHORT), new Sma(3).compute(new double[0]));
        for (double[] o : outs) {
            for (double v : o) {
                assertThat(v).isNaN();
            }
        }
    }

    @Test
    void handComputedFixtures() {
        double n = Double.NaN;
        // EMA(3), alpha 0.5, seeded with the first value: 1, 1.5, 2.25, 3.125, 4.0625 (pandas ewm(span=3, adjust=False))
        assertThat(new Ema(3).compute(new double[] {1, 2, 3, 4, 5})).containsExactly(n, n, 2.25, 3.125, 4.0625);
        // Bollinger(3, 2) of 1,2,3: mean 2, sample std 1 -> bands 4 and 0, width 2, %b 0.75
        Bollinger.Result b = new Bollinger(3, 2).compute(new double[] {1, 2, 3});
        assertThat(b.upper()[2]).isEqualTo(4.0);
        assertThat(b.lower()[2]).isEqualTo(0.0);
        assertThat(b.width()[2]).isEqualTo(2.0);
        assertThat(b.percentB()[2]).isEqualTo(0.75);
        // volatility(2) of prices 100, 110, 99: returns 0.1, -0.1 -> sample std sqrt(0.02)
        assertThat(new ReturnVolatility(2).compute(new double[] {100, 110, 99})[2])
                .isCloseTo(Math.sqrt(0.02), org.assertj.core.api.Assertions.within(1e-15));
        // ATR(2): TR[1] = max(12-9, |12-10|, |9-10|) = 3, TR[2] = max(11-10.5, |11-11|, |10.5-11|) = 0.5
        double[] atr = new Atr(2).compute(new double[] {10.5, 12, 11}, new double[] {9.5, 9, 10.5},
                new double[] {10, 11, 10.8});
        assertThat(atr).containsExactly(n, n, 1.75);
        // beta of a series that moves exactly twice its benchmark's returns
        double[] bench = {100, 101, 99, 102, 100};
        double[] x = new double[bench.length];
        x[0] = 50;
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i - 1] * (1 + 2 * (bench[i] / bench[i - 1] - 1));
        }
        assertThat(new RollingBeta(3).compute(x, bench)[4]).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void leadingNaNShiftsTheStart() {
        double n = Double.NaN;
        double[] x = {n, n, 1, 2, 3, 4};
        assertThat(new Sma(2).compute(x)).containsExactly(n, n, n, 1.5, 2.5, 3.5);
        assertThat(new Ema(1).compute(x)).containsExactly(n, n, 1, 2, 3, 4);
        assertThat(new Rsi(2).compute(x)[4]).isEqualTo(100.0);
        assertThat(new Rsi(2).compute(x)[3]).isNaN();
    }

    @Test
    void zeroVolumeGivesNaNNotInfinity() {
        double[] v = {100, 0, 0, 50};
        double[] ch = new VolumeChange().compute(v);
        assertThat(ch[1]).isEqualTo(-1.0);
        assertThat(ch[2]).isNaN();
        assertThat(ch[3]).isNaN();
        assertThat(new VolumeRatio(2).compute(v)[2]).isNaN();
    }

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Macd(26, 12, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bollinger(20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingBeta(60).compute(SHORT, new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
