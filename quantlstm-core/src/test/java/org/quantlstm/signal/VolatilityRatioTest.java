package org.quantlstm.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VolatilityRatioTest {
    @Test
    void expandingMedianByHand() {
        double[] m = VolatilityRatio.expandingMedian(new double[] {Double.NaN, 3, 1, 4, 1, 5});
        // {3}→3, {1,3}→2, {1,3,4}→3, {1,1,3,4}→2, {1,1,3,4,5}→3
        assertThat(m[0]).isNaN();
        assertThat(Arrays.copyOfRange(m, 1, 6)).containsExactly(3, 2, 3, 2, 3);
        double[] tm = VolatilityRatio.trailingMedian(new double[] {Double.NaN, 3, 1, 4, 1, 5}, 2);
        // last two: {3}, {3,1}, {1,4}, {4,1}, {1,5}
        assertThat(Arrays.copyOfRange(tm, 1, 6)).containsExactly(3, 2, 2.5, 2.5, 3);
    }

    @Test
    void ratioByHandWithTwoBarWindow() {
        // closes 100, 110, 99, 99: returns 0.1, −0.1, 0. With window 2 the std of two values a, b is |a−b|/√2:
        // vol2 = 0.2/√2, vol3 = 0.1/√2; expanding medians: t2 → vol2, t3 → (vol2+vol3)/2 = 0.15/√2
        double[] r = VolatilityRatio.causalRatio(new double[] {100, 110, 99, 99}, 2);
        assertThat(r[0]).isNaN();
        assertThat(r[1]).isNaN();
        assertThat(r[2]).isCloseTo(1.0, within(1e-12));
        assertThat(r[3]).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void ratioIsCausalWhereAFullSampleMedianWouldNotBe() {
        int n = 200;
        double[] close = new double[n];
        close[0] = 100;
        for (int i = 1; i < n; i++) {
            close[i] = close[i - 1] * (1 + 0.01 * Math.sin(i * 1.7));
        }
        double[] changed = close.clone();
        for (int i = 120; i < n; i++) {
            changed[i] = changed[i - 1] * (1 + 0.05 * Math.cos(i * 0.9)); // a violent regime after bar 119
        }
        double[] a = VolatilityRatio.causalRatio(close, 20);
        double[] b = VolatilityRatio.causalRatio(changed, 20);
        assertThat(Arrays.copyOf(b, 120)).containsExactly(Arrays.copyOf(a, 120));
        // the full-sample median (the leak) moves bar 60's ratio when only the future changed
        double fullA = median(VolatilityRatio.rollingVolatility(close, 20));
        double fullB = median(VolatilityRatio.rollingVolatility(changed, 20));
        assertThat(fullB).isNotCloseTo(fullA, within(1e-6));
    }

    private static double median(double[] x) {
        double[] v = Arrays.stream(x).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
