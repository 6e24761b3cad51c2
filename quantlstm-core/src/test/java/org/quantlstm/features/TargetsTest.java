package org.quantlstm.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;

class TargetsTest {
    static final double[] C = {100, 110, 99, 99, 120};

    @Test
    void nextCloseAndLogReturnLookOneBarAhead() {
        assertThat(Targets.nextClose(C)).containsExactly(110, 99, 99, 120, Double.NaN);
        double[] lr = Targets.nextLogReturn(C);
        assertThat(lr[0]).isCloseTo(Math.log(1.1), within(1e-15));
        assertThat(lr[2]).isZero();
        assertThat(lr[4]).isNaN();
    }

    @Test
    void kStepReturnDirectionAndExcessReturn() {
        double[] r2 = Targets.kStepReturn(C, 2);
        assertThat(r2[0]).isCloseTo(-0.01, within(1e-15));
        assertThat(r2[2]).isCloseTo(120.0 / 99 - 1, within(1e-15));
        assertThat(r2[3]).isNaN();
        assertThat(r2[4]).isNaN();
        assertThat(Targets.direction(C, 1)).containsExactly(1, 0, 0, 1, Double.NaN);
        double[] b = {50, 50, 55, 55, 55};
        double[] ex = Targets.excessReturn(C, b, 1);
        assertThat(ex[1]).isCloseTo(99.0 / 110 - 1 - 0.1, within(1e-15));
        assertThat(ex[4]).isNaN();
    }

    @Test
    void targetAtTUsesOnlyTPlusOneToTPlusK() {
        double[] base = new double[50];
        for (int i = 0; i < base.length; i++) {
            base[i] = 100 + Math.sin(i);
        }
        int k = 3;
        int t = 20;
        double y = Targets.kStepReturn(base, k)[t];
        double[] later = base.clone();
        later[t + k + 1] *= 2; // beyond the horizon: no effect
        double[] earlier = base.clone();
        earlier[t - 1] *= 2; // before t: no effect
        assertThat(Targets.kStepReturn(later, k)[t]).isEqualTo(y);
        assertThat(Targets.kStepReturn(earlier, k)[t]).isEqualTo(y);
        double[] inside = base.clone();
        inside[t + k] *= 2;
        assertThat(Targets.kStepReturn(inside, k)[t]).isNotEqualTo(y);
    }

    @Test
    void targetRecordComputesOnAdjustedClosesAndValidates() {
        BarSeries s = BarSeries.of(Symbol.of("X"), Interval.D1, new long[] {1, 2, 3}, new double[] {1, 1, 1},
                new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {10, 10, 10}, new double[] {1, 2, 4},
                new double[] {1, 1, 1});
        assertThat(new Target(Target.Kind.K_STEP_RETURN, 1).compute(s, null)).containsExactly(1, 1, Double.NaN);
        assertThat(Target.Kind.parse("next-log-return")).isEqualTo(Target.Kind.NEXT_LOG_RETURN);
        assertThatThrownBy(() -> Target.Kind.parse("bogus")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new Target(Target.Kind.NEXT_CLOSE, 2)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new Target(Target.Kind.EXCESS_RETURN, 1).compute(s, null))
                .isInstanceOf(UserInputException.class);
        BarSeries b = BarSeries.of(Symbol.of("B"), Interval.D1, new long[] {1, 3}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 3},
                new double[] {1, 1});
        // benchmark aligned as-of: at time 2 it is still 1, at time 3 it is 3
        assertThat(new Target(Target.Kind.EXCESS_RETURN, 1).compute(s, b)).containsExactly(1, -1, Double.NaN);
    }
}
