package org.quantlstm.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowingTest {
    static final double N = Double.NaN;

    static FeatureMatrix matrix() {
        // two features over 10 rows; NaN in row 0 (warm-up) and row 5 (a gap)
        double[] a = {N, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] b = {0, 10, 20, 30, 40, N, 60, 70, 80, 90};
        long[] t = new long[10];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return FeatureMatrix.of(List.of("a", "b"), t, new double[][] {a, b});
    }

    @Test
    void buildsRowMajorWindowsSkippingIncompleteOnes() {
        FeatureMatrix m = matrix();
        assertThat(m.firstCompleteRow()).isEqualTo(1);
        double[] y = Targets.nextClose(m.column("a"));
        Windows w = Windowing.build(m, y, 2, 0, 10);
        // complete rows: 1-4 and 6-9; windows of 2 ending at 2,3,4,7,8 (9 has no target)
        assertThat(w.endIndex()).containsExactly(2, 3, 4, 7, 8);
        assertThat(w.samples()).isEqualTo(5);
        assertThat(w.lookback()).isEqualTo(2);
        assertThat(w.features()).isEqualTo(2);
        // window 0 = rows 1,2: (a,b) = (1,10),(2,20)
        assertThat(w.x()).startsWith(1f, 10f, 2f, 20f, 2f, 20f, 3f, 30f);
        // window 3 = rows 6,7
        int base = 3 * 2 * 2;
        assertThat(new float[] {w.x()[base], w.x()[base + 1], w.x()[base + 2], w.x()[base + 3]})
                .containsExactly(6f, 60f, 7f, 70f);
        assertThat(w.y()).containsExactly(3f, 4f, 5f, 8f, 9f);
    }

    @Test
    void aSampleDependsOnlyOnRowsUpToItsDecisionBar() {
        FeatureMatrix m = matrix();
        double[] y = Targets.nextClose(m.column("a"));
        Windows w = Windowing.build(m, y, 2, 0, 10);
        FeatureMatrix later = matrix();
        later.column("a")[9] = 1e6; // internal arrays of a fresh matrix: a row after decision bars 2..8
        Windows w2 = Windowing.build(later, Targets.nextClose(later.column("a")), 2, 0, 10);
        // sample 4 (decision bar 8) has target close[9]: its y changes, its window does not
        assertThat(java.util.Arrays.copyOf(w2.x(), w.x().length)).isEqualTo(w.x());
        assertThat(w2.y()[4]).isEqualTo(1e6f);
        assertThat(java.util.Arrays.copyOf(w2.y(), 4)).isEqualTo(java.util.Arrays.copyOf(w.y(), 4));
    }

    @Test
    void rowRangeSelectsDecisionBarsButWindowsMayReachBack() {
        FeatureMatrix m = matrix();
        double[] y = Targets.nextClose(m.column("a"));
        Windows w = Windowing.build(m, y, 3, 3, 5);
        assertThat(w.endIndex()).containsExactly(3, 4);
        assertThat(w.x()[0]).isEqualTo(1f); // window ending at 3 starts at row 1, before the range
        assertThat(Windowing.build(m, y, 5, 0, 10).samples()).isZero();
    }
}
