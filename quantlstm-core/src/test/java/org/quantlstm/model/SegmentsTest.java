package org.quantlstm.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.DataSplit;
import org.quantlstm.features.Windows;

class SegmentsTest {
    private static Windows windows(int n) {
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            end[i] = 4 + i;
        }
        return new Windows(new float[n * 5], new float[n], end, n, 5, 1);
    }

    @Test
    void seed001SplitIsChronologicalWithPurgedBoundaries() {
        // 100 windows: test = last 30; validation = last 7 of the first 70 (floor(70 * 0.1)); 1 purged per boundary
        Segments s = Segments.chronological(windows(100));
        assertThat(s.train().endIndex()).startsWith(4).endsWith(4 + 61).hasSize(62);
        assertThat(s.valid().endIndex()).startsWith(4 + 63).endsWith(4 + 68).hasSize(6);
        assertThat(s.test().endIndex()).startsWith(4 + 70).endsWith(4 + 99).hasSize(30);
    }

    @Test
    void withoutValidationOnlyTheTrainTestBoundaryIsPurged() {
        Segments s = Segments.split(windows(10), new DataSplit(10, 7, 7), 2);
        assertThat(s.train().samples()).isEqualTo(5);
        assertThat(s.valid().samples()).isZero();
        assertThat(s.test().endIndex()).containsExactly(11, 12, 13);
    }
}
