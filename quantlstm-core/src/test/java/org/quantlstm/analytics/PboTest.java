package org.quantlstm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PboTest {
    /** Rows are periods, columns strategies A, B, C; S = 4 blocks of one row. */
    private static final double[][] R = {
            {0, -2, 1},
            {-3, -2, 4},
            {3, 4, 4},
            {4, -1, 1}};

    @Test
    void smallCaseByHandWithTheMean() {
        // Performance = mean of the rows in the set (sums shown; the halves have equal size). Splits J (in sample):
        //   J={0,1}: IS −3,−4,5 → C; OOS {2,3}: 7,3,5 → C ranks 2 of 3 → ω = 2/4 → λ = 0
        //   J={0,2}: IS 3,2,5 → C; OOS {1,3}: 1,−3,5 → rank 3 → ω = 3/4 → λ = ln 3
        //   J={0,3}: IS 4,−3,2 → A; OOS {1,2}: 0,2,8 → rank 1 → ω = 1/4 → λ = −ln 3
        //   J={1,2}: IS 0,2,8 → C; OOS {0,3}: 4,−3,2 → rank 2 → λ = 0
        //   J={1,3}: IS 1,−3,5 → C; OOS {0,2}: 3,2,5 → rank 3 → λ = ln 3
        //   J={2,3}: IS 7,3,5 → A; OOS {0,1}: −3,−4,5 → rank 2 → λ = 0
        // PBO = #(λ ≤ 0)/6 = 4/6
        Pbo.Result r = Pbo.of(R, 4, StationaryBootstrap::mean);
        double l3 = Math.log(3);
        assertThat(r.logits()).containsExactly(new double[]{0, l3, -l3, 0, l3, 0}, within(1e-12));
        assertThat(r.pbo()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(r.splits()).isEqualTo(6);
        assertThat(r.blockSize()).isEqualTo(1);
    }

    @Test
    void leadingRemainderRowsAreDropped() {
        double[][] withExtra = new double[5][];
        withExtra[0] = new double[]{1000, -1000, 0};
        System.arraycopy(R, 0, withExtra, 1, 4);
        assertThat(Pbo.of(withExtra, 4, StationaryBootstrap::mean).pbo()).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void pureNoiseIsAboutOneHalf() {
        double sum = 0;
        int reps = 8;
        for (int k = 0; k < reps; k++) {
            sum += Pbo.of(noise(new SplittableRandom(100 + k), 480, 12, -1, 0), 8).pbo();
        }
        assertThat(sum / reps).isBetween(0.35, 0.65);
    }

    @Test
    void aStrategyWithTrueDriftIsNotOverfit() {
        // strategy 3 earns 0.5 sd per period on top of the noise: it wins in and out of sample
        Pbo.Result r = Pbo.of(noise(new SplittableRandom(5), 480, 12, 3, 0.5), 16);
        assertThat(r.splits()).isEqualTo(12870);
        assertThat(r.pbo()).isLessThan(0.02);
        // and a family where the in-sample winner is, by construction, an out-of-sample loser is all overfit
        double[][] flip = new double[8][2];
        for (int t = 0; t < 8; t++) {
            flip[t][0] = t % 2 == 0 ? 1 : -1;
            flip[t][1] = 0;
        }
        // S = 8 blocks of one row: the in-sample mean of A is (#even − #odd)/4; whenever A wins in sample (more even
        // rows in J) it loses out of sample, and on ties (A = B = 0 in sample) A, the first, is chosen and ties at
        // rank 1.5 → ω = 0.5 → λ = 0. So λ ≤ 0 on every split.
        assertThat(Pbo.of(flip, 8, StationaryBootstrap::mean).pbo()).isEqualTo(1.0);
    }

    @Test
    void neverTradingStrategiesScoreZero() {
        assertThat(Pbo.sharpe(new double[]{0, 0, 0})).isZero();
        assertThat(Pbo.sharpe(new double[]{1, 2, 3})).isCloseTo(2.0, within(1e-12));
        assertThat(Pbo.averageRank(new double[]{0, 0, 1, -1}, 0)).isEqualTo(2.5);
    }

    @Test
    void rejectsOddBlocks() {
        assertThatThrownBy(() -> Pbo.of(R, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pbo.of(R, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[][] noise(SplittableRandom rng, int t, int n, int drifted, double drift) {
        double[][] r = new double[t][n];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = DieboldMarianoTest.gauss(rng) + (j == drifted ? drift : 0);
            }
        }
        return r;
    }
}
