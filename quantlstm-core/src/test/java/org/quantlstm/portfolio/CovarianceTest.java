package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Golden values computed independently with numpy (vectorised formulas of the papers, Ledoit-Wolf's covCor.m
 * translated line by line) on the small panels below.
 */
class CovarianceTest {
    /** 6 periods × 3 assets: the constant-correlation intensity is interior (δ ≈ 0.66). */
    static final double[][] SIX = {
            {0.01, 0.02, -0.01}, {0.03, -0.01, 0.00}, {-0.02, 0.01, 0.02}, {0.00, 0.03, 0.01},
            {0.015, -0.02, -0.005}, {0.02, 0.01, 0.03}};
    /** 10 periods × 3 assets, strongly co-moving: the scaled-identity intensity is interior (δ ≈ 0.31). */
    static final double[][] TEN = {
            {0.010, 0.020, -0.010}, {0.030, -0.010, 0.000}, {-0.020, 0.010, 0.020}, {0.000, 0.030, 0.010},
            {0.015, -0.020, -0.005}, {0.020, 0.010, 0.030}, {0.050, 0.060, 0.045}, {-0.040, -0.050, -0.030},
            {0.035, 0.040, 0.020}, {-0.030, -0.025, -0.035}};

    static void assertMatrix(double[][] actual, double[][] expected, double tol) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tol));
            }
        }
    }

    @Test
    void sampleCovarianceUsesDdofOne() {
        double[][] expected = {
                {0.00086222222222222, 0.00069944444444444, 0.00054555555555556},
                {0.00069944444444444, 0.00110027777777778, 0.00069805555555556},
                {0.00054555555555556, 0.00069805555555556, 0.0006525}};
        assertMatrix(SampleCovariance.estimate(TEN), expected, 1e-15);
    }

    @Test
    void ledoitWolfScaledIdentityMatchesHandComputation() {
        LedoitWolf.Result r = LedoitWolf.estimate(TEN, LedoitWolf.Target.SCALED_IDENTITY);
        assertThat(r.shrinkage()).isCloseTo(0.31453597596545, within(1e-12));
        double[][] expected = {
                {0.00077867355579571, 0.00043149960312975, 0.00033656283580096},
                {0.00043149960312975, 0.00092553422294511, 0.00043064277309971},
                {0.00033656283580096, 0.00043064277309971, 0.00064929222125919}};
        assertMatrix(r.covariance(), expected, 1e-15);
    }

    @Test
    void ledoitWolfConstantCorrelationMatchesHandComputation() {
        LedoitWolf.Result r = LedoitWolf.estimate(SIX, LedoitWolf.Target.CONSTANT_CORRELATION);
        assertThat(r.shrinkage()).isCloseTo(0.6617008549442593, within(1e-12));
        double[][] expected = {
                {2.5347222222222215e-04, -7.1980075784422885e-05, -4.5647467722640260e-05},
                {-7.1980075784422885e-05, 2.8888888888888882e-04, -2.8540286188745704e-06},
                {-4.5647467722640260e-05, -2.8540286188745704e-06, 1.9791666666666666e-04}};
        assertMatrix(r.covariance(), expected, 1e-15);
    }

    @Test
    void ledoitWolfIntensityIsClippedToOne() {
        // κ/T = 20.3 for the strongly co-moving panel: the estimate is the constant-correlation target itself
        LedoitWolf.Result r = LedoitWolf.estimate(TEN, LedoitWolf.Target.CONSTANT_CORRELATION);
        assertThat(r.shrinkage()).isEqualTo(1.0);
        assertThat(r.covariance()[0][1]).isCloseTo(0.00066309398532674, within(1e-15));
    }

    @Test
    void ewmaWithHugeHalfLifeIsTheSampleCovariance() {
        double[][] ewma = new EwmaCovariance(1e12).estimate(TEN);
        assertMatrix(ewma, SampleCovariance.estimate(TEN), 1e-12);
    }

    @Test
    void ewmaWeightsHalveEveryHalfLife() {
        double[] w = EwmaCovariance.weights(5, 2.0);
        assertThat(w[4]).isEqualTo(1.0);
        assertThat(w[2]).isCloseTo(0.5, within(1e-15));
        assertThat(w[0]).isCloseTo(0.25, within(1e-15));
        // EWMA mean of 1,2,3 with half-life 1: weights 1/4, 1/2, 1 → (0.25 + 1 + 3) / 1.75
        assertThat(ExpectedReturns.ewma(new double[][] {{1}, {2}, {3}}, 1.0)[0]).isCloseTo(4.25 / 1.75, within(1e-15));
    }

    @Test
    void ewmaCovarianceMatchesWeightedFormulaWithBiasCorrection() {
        // two rows, half-life 1: weights 0.5, 1; mean = (0.5·a + b)/1.5; c = 1.5² / (1.5² − 1.25)
        double[][] r = {{0.0}, {0.03}};
        double mean = 0.03 / 1.5;
        double biased = (0.5 * mean * mean + (0.03 - mean) * (0.03 - mean)) / 1.5;
        double expected = biased * 2.25 / (2.25 - 1.25);
        assertThat(new EwmaCovariance(1).estimate(r)[0][0]).isCloseTo(expected, within(1e-18));
    }

    @Test
    void simpleReturnsFollowThePaperEquationOne() {
        double[][] r = Returns.simple(new double[][] {{100, 10}, {110, 9}, {99, 9.9}});
        assertThat(r[0][0]).isCloseTo(0.1, within(1e-15));
        assertThat(r[0][1]).isCloseTo(-0.1, within(1e-15));
        assertThat(r[1][0]).isCloseTo(-0.1, within(1e-15));
        assertThat(r[1][1]).isCloseTo(0.1, within(1e-15));
    }
}
