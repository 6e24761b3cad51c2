package org.quantlstm.portfolio.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.quantlstm.portfolio.Allocation;
import org.quantlstm.portfolio.Bounds;
import org.quantlstm.portfolio.EfficientFrontier;
import org.quantlstm.portfolio.ExpectedReturns;
import org.quantlstm.portfolio.LedoitWolf;
import org.quantlstm.portfolio.MeanVariance;
import org.quantlstm.portfolio.MertonAllocator;
import org.quantlstm.portfolio.MertonSpec;
import org.quantlstm.portfolio.OptimizerSpec;
import org.quantlstm.portfolio.PredictedChangeRebalancer;
import org.quantlstm.portfolio.Rebalancing;
import org.quantlstm.portfolio.SampleCovariance;
import org.quantlstm.portfolio.WeightPath;

/**
 * Portfolio-layer timings on synthetic data with fixed seeds: 10 years of weekly returns (520 × 12) as in the
 * weekly-12 setting, and a 50-asset long-only problem. Run (after {@code mvn -o test-compile}):
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main PortfolioBench}
 * where cp.txt comes from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class PortfolioBench {
    double[][] returns12;
    double[] mu12;
    double[][] sigma12;
    double[] mu50;
    double[][] sigma50;
    double[][] prices12;
    double[][] predicted12;

    @Setup
    public void setup() {
        returns12 = returns(new Random(1), 520, 12);
        mu12 = ExpectedReturns.historicalMean(returns12);
        sigma12 = SampleCovariance.estimate(returns12);
        double[][] r50 = returns(new Random(2), 520, 50);
        mu50 = ExpectedReturns.historicalMean(r50);
        sigma50 = SampleCovariance.estimate(r50);
        Random rnd = new Random(3);
        prices12 = new double[53][12];
        predicted12 = new double[53][12];
        Arrays.fill(prices12[0], 100);
        for (int t = 0; t < 53; t++) {
            for (int i = 0; i < 12; i++) {
                if (t > 0) {
                    prices12[t][i] = prices12[t - 1][i] * (1 + returns12[t][i]);
                }
                predicted12[t][i] = prices12[t][i] * (1 + 0.03 * rnd.nextGaussian());
            }
        }
    }

    static double[][] returns(Random rnd, int rows, int n) {
        double[][] r = new double[rows][n];
        for (int t = 0; t < rows; t++) {
            double market = 0.02 * rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                r[t][i] = 0.002 + 0.0002 * i + (0.5 + 0.05 * (i % 10)) * market + 0.03 * rnd.nextGaussian();
            }
        }
        return r;
    }

    @Benchmark
    public Allocation maxSharpe12LongShortCapThird() {
        return new MeanVariance(OptimizerSpec.of(Bounds.longShort(12, 1.0 / 3))).maxSharpe(mu12, sigma12, 0.0008);
    }

    @Benchmark
    public Allocation minVariance12LongOnly() {
        return new MeanVariance(OptimizerSpec.of(Bounds.longOnly(12, 1.0 / 3))).minVariance(mu12, sigma12, 0.0008);
    }

    @Benchmark
    public Allocation maxSharpe50LongOnlyCap10() {
        return new MeanVariance(OptimizerSpec.of(Bounds.longOnly(50, 0.1))).maxSharpe(mu50, sigma50, 0.0008);
    }

    @Benchmark
    public EfficientFrontier frontier12x20Points() {
        return new MeanVariance(OptimizerSpec.of(Bounds.longOnly(12, 1.0 / 3))).frontier(mu12, sigma12, 0.0008, 20);
    }

    @Benchmark
    public LedoitWolf.Result ledoitWolfConstCorr520x12() {
        return LedoitWolf.estimate(returns12, LedoitWolf.Target.CONSTANT_CORRELATION);
    }

    @Benchmark
    public WeightPath hjbPath520x12() {
        return new MertonAllocator(new MertonSpec(3, 26, 52, 1.0 / 3, 1.5, true)).path(returns12, 0.0008);
    }

    @Benchmark
    public WeightPath weekly12Rule52Weeks() {
        double[] equal = new double[12];
        Arrays.fill(equal, 1.0 / 12);
        return Rebalancing.run(PredictedChangeRebalancer.paper(), prices12, predicted12, equal, 0.0008);
    }
}
