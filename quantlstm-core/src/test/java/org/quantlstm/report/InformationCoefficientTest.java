package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed correlations and t-statistics. */
class InformationCoefficientTest {
    @Test
    void pearsonByHand() {
        // x = 1,2,3,4; y = 2,1,4,3: means 2.5, 2.5; Σdxdy = 3; Σdx² = Σdy² = 5 → 0.6
        assertThat(InformationCoefficient.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3}))
                .isCloseTo(0.6, within(1e-12));
    }

    @Test
    void spearmanUsesAverageRanksAndSkipsMissingPairs() {
        // after dropping the NaN pair: x = 10, 20, 20, 40 → ranks 1, 2.5, 2.5, 4; y = 1, 3, 2, 4 → ranks 1, 3, 2, 4
        // Pearson of the ranks: dx = -1.5, 0, 0, 1.5; dy = -1.5, .5, -.5, 1.5 → 4.5 / sqrt(4.5 × 5) = 0.9486833
        double[] x = {10, 20, 20, 40, Double.NaN};
        double[] y = {1, 3, 2, 4, 9};
        assertThat(InformationCoefficient.spearman(x, y)).isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
        assertThat(InformationCoefficient.ranks(new double[] {3, 1, 3})).containsExactly(2.5, 1, 2.5);
    }

    @Test
    void tooFewPairsOrNoSpreadIsNaN() {
        assertThat(InformationCoefficient.pearson(new double[] {1, 2}, new double[] {1, 2})).isNaN();
        assertThat(InformationCoefficient.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    }

    @Test
    void summaryTStatistic() {
        // 0.1, 0.3, NaN, 0.2: mean 0.2, std (ddof 1) 0.1, t = 0.2 / (0.1 / √3) = 2√3
        var s = InformationCoefficient.summarize(new double[] {0.1, 0.3, Double.NaN, 0.2});
        assertThat(s.dates()).isEqualTo(3);
        assertThat(s.mean()).isCloseTo(0.2, within(1e-12));
        assertThat(s.std()).isCloseTo(0.1, within(1e-12));
        assertThat(s.tStat()).isCloseTo(2 * Math.sqrt(3), within(1e-9));
        assertThat(InformationCoefficient.everyKth(new double[] {1, 2, 3, 4, 5, 6, 7}, 3)).containsExactly(1, 4, 7);
    }
}
