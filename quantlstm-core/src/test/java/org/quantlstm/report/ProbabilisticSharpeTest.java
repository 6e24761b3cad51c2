package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values computed independently with python3's standard library only (statistics.NormalDist for Φ
 * and Φ⁻¹, math for the rest) from Bailey &amp; López de Prado's formulas:
 * <pre>
 * sr = mean/std(ddof=1); skew = m3/m2^1.5; kurt = m4/m2^2 (population moments, RAW)
 * psr(SR*) = Φ((sr − SR*)·√(n−1)/√(1 − skew·sr + (kurt−1)/4·sr²))
 * SR0 = √V·((1−γ)·Φ⁻¹(1−1/K) + γ·Φ⁻¹(1−1/(K·e))),  DSR = psr(SR0)
 * </pre>
 */
class ProbabilisticSharpeTest {
    private static final double[] X = {0.012, -0.004, 0.007, 0.021, -0.013, 0.003, 0.009, -0.027, 0.015, 0.004,
            0.011, -0.002};

    @Test
    void momentsOfTheFixture() {
        assertThat(Metrics.perPeriodSharpe(X, new double[X.length])).isCloseTo(0.22850643289285694, within(1e-13));
        assertThat(ProbabilisticSharpe.skewness(X)).isCloseTo(-0.9433396024703985, within(1e-12));
        assertThat(ProbabilisticSharpe.rawKurtosis(X)).isCloseTo(3.3931661592693474, within(1e-12));
    }

    @Test
    void psrMatchesThePaperFormula() {
        assertThat(ProbabilisticSharpe.psr(X, 0)).isCloseTo(0.751345271602246, within(1e-9));
        assertThat(ProbabilisticSharpe.psr(X, 0.05)).isCloseTo(0.7020185506575017, within(1e-9));
    }

    @Test
    void psrUsesRawNotExcessKurtosis() {
        // with excess kurtosis (the quantstats/Lean error) the fixture's PSR would be 0.7547916957550311
        assertThat(ProbabilisticSharpe.psr(X, 0)).isNotCloseTo(0.7547916957550311, within(1e-4));
        // normal returns (skew 0, raw kurtosis 3), SR = 0.5, n = 10:
        //   raw:    Φ(0.5·3/√(1 + 2/4·0.25)) = Φ(1.41421…) = 0.9213503964748575
        //   excess: Φ(0.5·3/√(1 − 1/4·0.25)) = Φ(1.54919…) = 0.9393323748207589  (wrong)
        assertThat(ProbabilisticSharpe.psr(0.5, 10, 0, 3, 0)).isCloseTo(0.9213503964748575, within(1e-9));
        assertThat(ProbabilisticSharpe.psr(0.5, 10, 0, 3, 0)).isNotCloseTo(0.9393323748207589, within(1e-3));
    }

    @Test
    void dsrDeflatesByTheExpectedMaximumOfKTrials() {
        assertThat(ProbabilisticSharpe.expectedMaxSharpe(10, 0.01)).isCloseTo(0.157459830134575, within(1e-9));
        assertThat(ProbabilisticSharpe.dsr(X, 10, 0.01)).isCloseTo(0.5835675428325231, within(1e-9));
        assertThat(ProbabilisticSharpe.dsr(X, 8, 0.0025)).isCloseTo(0.6779754147814903, within(1e-9));
        assertThat(ProbabilisticSharpe.dsr(X, 2, 0.04)).isCloseTo(0.6442956844956063, within(1e-9));
        // one trial: nothing to deflate
        assertThat(ProbabilisticSharpe.dsr(X, 1, 0.04)).isCloseTo(ProbabilisticSharpe.psr(X, 0), within(1e-15));
        // more trials never make the winner look better
        assertThat(ProbabilisticSharpe.dsr(X, 100, 0.01)).isLessThan(ProbabilisticSharpe.dsr(X, 10, 0.01));
    }
}
