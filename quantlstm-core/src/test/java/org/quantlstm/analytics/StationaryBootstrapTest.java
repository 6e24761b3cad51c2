package org.quantlstm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StationaryBootstrapTest {

    @Test
    void statisticsByHand() {
        double[] r = {0.1, -0.1, 0.1, 0.1};
        // mean 0.05, std (ddof 1) 0.1 → per period 0.5, ×√4 = 1.0
        assertThat(StationaryBootstrap.sharpe(4).applyAsDouble(r)).isCloseTo(1.0, within(1e-12));
        // equity 1.1, 0.99, 1.089, 1.1979 → CAGR with N = 8, n = 4: 1.1979² − 1 = 0.43496441
        assertThat(StationaryBootstrap.cagr(8).applyAsDouble(r)).isCloseTo(0.43496441, within(1e-12));
        // peak 1.1, trough 0.99 → 0.99/1.1 − 1 = −0.1
        assertThat(StationaryBootstrap.maxDrawdown().applyAsDouble(r)).isCloseTo(-0.1, within(1e-12));
        // starting capital 1 is the first peak: −20 % then +10 % → 0.8/1 − 1 = −0.2
        assertThat(StationaryBootstrap.maxDrawdown().applyAsDouble(new double[]{-0.2, 0.1})).isCloseTo(-0.2,
                within(1e-12));
        assertThat(StationaryBootstrap.sharpe(252).applyAsDouble(new double[]{0, 0, 0})).isNaN();
    }

    @Test
    void quantileIsTypeSeven() {
        // numpy.quantile([1, 2, 3, 4], 0.25) = 1 + 0.75·(2 − 1) = 1.75
        assertThat(StationaryBootstrap.quantile(new double[]{1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
        assertThat(StationaryBootstrap.quantile(new double[]{1, 2, 3, 4}, 1.0)).isEqualTo(4.0);
    }

    @Test
    void blocksHaveGeometricLengthsAndWrapAround() {
        int n = 50_000;
        int[] idx = StationaryBootstrap.indices(n, 10, new SplittableRandom(3));
        int starts = 0;
        for (int t = 1; t < n; t++) {
            if (idx[t] != (idx[t - 1] + 1) % n) {
                starts++;
            }
        }
        // a new block starts with probability 1/10 (a fresh start lands on the successor with probability 1/n)
        assertThat(starts / (double) (n - 1)).isCloseTo(0.1, within(0.01));
        // b = 1: every index is a fresh uniform draw — about 1/e of the positions are never drawn
        int[] iid = StationaryBootstrap.indices(n, 1, new SplittableRandom(4));
        boolean[] seen = new boolean[n];
        for (int i : iid) {
            seen[i] = true;
        }
        int unseen = 0;
        for (boolean s : seen) {
            unseen += s ? 0 : 1;
        }
        assertThat(unseen / (double) n).isCloseTo(Math.exp(-1), within(0.01));
    }

    @Test
    void deterministicForASeed() {
        double[] x = sample(new SplittableRandom(1), 300, 0.001);
        StationaryBootstrap b = new StationaryBootstrap(500, 5, 42);
        var a1 = b.interval(x, StationaryBootstrap.sharpe(252));
        var a2 = b.interval(x, StationaryBootstrap.sharpe(252));
        var other = new StationaryBootstrap(500, 5, 43).interval(x, StationaryBootstrap.sharpe(252));
        assertThat(a1).isEqualTo(a2);
        assertThat(other.lower()).isNotEqualTo(a1.lower());
        assertThat(a1.lower()).isLessThan(a1.estimate());
        assertThat(a1.upper()).isGreaterThan(a1.estimate());
        assertThat(a1.valid()).isEqualTo(500);
    }

    @Test
    void constantZeroSeriesHasNoInterval() {
        var i = new StationaryBootstrap(100, 5, 1).interval(new double[20], StationaryBootstrap.sharpe(252));
        assertThat(i.estimate()).isNaN();
        assertThat(i.lower()).isNaN();
        assertThat(i.valid()).isZero();
    }

    @Test
    void intervalOfTheMeanCoversMuAboutNinetyFivePercent() {
        double mu = 0.3;
        int reps = 200, covered = 0;
        SplittableRandom data = new SplittableRandom(2024);
        for (int k = 0; k < reps; k++) {
            double[] x = sample(data, 200, mu);
            var iv = new StationaryBootstrap(400, 3, k).interval(x, StationaryBootstrap::mean);
            if (iv.contains(mu)) {
                covered++;
            }
        }
        // nominal 95 %: 190 of 200 expected; the percentile interval is slightly narrow at n = 200, binomial sd ≈ 3
        assertThat(covered).isBetween(176, 198);
    }

    @Test
    void politisWhiteBlockLengthGrowsWithDependence() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 2000;
        double[] iid = sample(rng, n, 0);
        double[] ar = new double[n];
        for (int t = 1; t < n; t++) {
            ar[t] = 0.9 * ar[t - 1] + DieboldMarianoTest.gauss(rng);
        }
        double bIid = StationaryBootstrap.optimalBlockLength(iid);
        double bAr = StationaryBootstrap.optimalBlockLength(ar);
        assertThat(bIid).isBetween(1.0, 4.0);
        // AR(1) with φ = 0.9: theory gives b = (2G²/D)^{1/3} n^{1/3} with G = Σ|k|γ(k) = 2σ²φ/((1−φ)²(1−φ²)),
        // g(0) = σ²/(1−φ)² → (2G²/(2g(0)²))^{1/3} = (2φ/(1−φ²))^{2/3} = 9.47^{2/3} ≈ 4.48; × 2000^{1/3} ≈ 56
        assertThat(bAr).isBetween(30.0, 80.0);
        var auto = StationaryBootstrap.automatic(100, 1).interval(ar, StationaryBootstrap::mean);
        assertThat(auto.meanBlockLength()).isEqualTo(bAr);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new StationaryBootstrap(5, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StationaryBootstrap(100, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] sample(SplittableRandom rng, int n, double mu) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = mu + DieboldMarianoTest.gauss(rng);
        }
        return x;
    }
}
