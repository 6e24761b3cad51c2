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
