package org.quantlstm.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.features.indicators.AsOfAlignment;

class FeatureMatrixTest {
    @Test
    void columnsSliceAndFlatLayout() {
        FeatureMatrix m = FeatureMatrix.of(List.of("x", "y"), new long[] {1, 2, 3},
                new double[][] {{Double.NaN, 2, 3}, {4, 5, 6}});
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.firstCompleteRow()).isEqualTo(1);
        assertThat(m.isComplete(0)).isFalse();
        assertThat(m.column("y")).containsExactly(4, 5, 6);
        assertThat(m.toColumnMajor()).containsExactly(Double.NaN, 2, 3, 4, 5, 6);
        FeatureMatrix s = m.slice(1, 3);
        assertThat(s.firstCompleteRow()).isZero();
        assertThat(s.epochMillis()).containsExactly(2, 3);
        assertThatThrownBy(() -> FeatureMatrix.of(List.of("x", "x"), new long[] {1}, new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureMatrix.of(List.of("x"), new long[] {1, 2}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asOfAlignmentCarriesTheLastKnownValueAndNeverALaterOne() {
        double[] a = AsOfAlignment.align(new long[] {1, 2, 3, 5, 9}, new long[] {2, 3, 4, 10}, new double[] {20, 30, 40, 100});
        assertThat(a).containsExactly(Double.NaN, 20, 30, 40, 40);
    }
}
