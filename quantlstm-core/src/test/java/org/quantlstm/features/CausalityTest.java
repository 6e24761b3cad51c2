package org.quantlstm.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.features.indicators.AsOfAlignment;
import org.quantlstm.features.indicators.Atr;
import org.quantlstm.features.indicators.Bollinger;
import org.quantlstm.features.indicators.Ema;
import org.quantlstm.features.indicators.ExcessReturn;
import org.quantlstm.features.indicators.Lag;
import org.quantlstm.features.indicators.Macd;
import org.quantlstm.features.indicators.Momentum;
import org.quantlstm.features.indicators.RateOfChange;
import org.quantlstm.features.indicators.RelativeStrength;
import org.quantlstm.features.indicators.ReturnVolatility;
import org.quantlstm.features.indicators.RollingBeta;
import org.quantlstm.features.indicators.Rsi;
import org.quantlstm.features.indicators.Sma;
import org.quantlstm.features.indicators.SmaGap;
import org.quantlstm.features.indicators.VolumeChange;
import org.quantlstm.features.indicators.VolumeRatio;
import org.quantlstm.features.sets.FeatureSets;

/**
 * No look-ahead: for every indicator and every feature set, changing the inputs after index {@code t} (scaled
 * by random factors, or replaced by NaN) leaves every output at indices {@code <= t} bit-identical. Checked at
 * several {@code t}, around the warm-up and far after it, on real prices (a 1,200-bar slice of SPY, and AAPL
 * against SPY for the relative features). The inputs run past the re-synchronisation period of the rolling
 * sums (1,024 bars), so that path is covered too.
 */
class CausalityTest {
    static final BundledSource SOURCE = new BundledSource();
    static final BarSeries SPY = SOURCE.load(Symbol.of("SPY")).adjusted().last(1200);

    /** Inputs: open, high, low, close, volume, benchmark close (aligned). */
    record Case(String name, int warmUp, Function<double[][], List<double[]>> f) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> indicators() {
        return Stream.of(
                new Case("lag 5", 5, in -> List.of(new Lag(5).compute(in[3]))),
                new Case("sma 21", 20, in -> List.of(new Sma(21).compute(in[3]))),
                new Case("ema 26", 25, in -> List.of(new Ema(26).compute(in[3]))),
                new Case("macd", 33, in -> {
                    Macd.Result r = Macd.standard().compute(in[3]);
                    return List.of(r.line(), r.signal(), r.histogram());
                }),
                new Case("rsi 14", 14, in -> List.of(new Rsi(14).compute(in[3]))),
                new Case("momentum 10", 10, in -> List.of(new Momentum(10).compute(in[3]))),
                new Case("roc 5", 5, in -> List.of(new RateOfChange(5).compute(in[3]))),
                new Case("bollinger", 19, in -> {
                    Bollinger.Result r = Bollinger.standard().compute(in[3]);
                    return List.of(r.upper(), r.middle(), r.lower(), r.width(), r.percentB());
                }),
                new Case("atr 14", 14, in -> List.of(new Atr(14).compute(in[1], in[2], in[3]))),
                new Case("volatility 20", 20, in -> List.of(new ReturnVolatility(20).compute(in[3]))),
                new Case("volume change", 1, in -> List.of(new VolumeChange().compute(in[4]))),
                new Case("volume ratio", 19, in -> List.of(new VolumeRatio(20).compute(in[4]))),
                new Case("sma100 gap", 99, in -> List.of(new SmaGap(100).compute(in[3]))),
                new Case("beta 60", 60, in -> List.of(new RollingBeta(60).compute(in[3], in[5]))),
                new Case("relative strength 20", 20, in -> List.of(new RelativeStrength(20).compute(in[3], in[5]))),
                new Case("excess return 20", 20, in -> List.of(new ExcessReturn(20).compute(in[3], in[5]))));
    }

    static int[] probes(int warm, int n) {
        TreeSet<Integer> t = new TreeSet<>(List.of(0, 1, warm - 2, warm - 1, warm, warm + 1, 2 * warm + 3, 500,
                1023, 1024, 1025, n - 2));
        return t.stream().filter(i -> i >= 0 && i < n - 1).mapToInt(Integer::intValue).toArray();
    }

    static double[][] inputs() {
        BarSeries qqq = SOURCE.load(Symbol.of("QQQ"));
        double[] bench = AsOfAlignment.align(SPY.epochMillis(), qqq.epochMillis(), qqq.adjCloses());
        return new double[][] {SPY.opens(), SPY.highs(), SPY.lows(), SPY.closes(), SPY.volumes(), bench};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicators")
    void indicatorIgnoresTheFuture(Case c) {
        double[][] base = inputs();
        List<double[]> expected = c.f().apply(base);
        int n = base[3].length;
        Random rnd = new Random(42);
        for (int t : probes(c.warmUp(), n)) {
            for (boolean nan : new boolean[] {false, true}) {
                double[][] in = new double[base.length][];
                for (int k = 0; k < base.length; k++) {
                    in[k] = base[k].clone();
                    for (int i = t + 1; i < n; i++) {
                        in[k][i] = nan ? Double.NaN : in[k][i] * (0.7 + 0.6 * rnd.nextDouble());
                    }
                }
                List<double[]> got = c.f().apply(in);
                assertPrefixIdentical(c.name(), expected, got, t);
                if (!nan && t < n - 10) {
                    assertSuffixChanged(c.name(), expected, got, t);
                }
            }
        }
    }

    static void assertPrefixIdentical(String what, List<double[]> expected, List<double[]> got, int t) {
        for (int k = 0; k < expected.size(); k++) {
            for (int i = 0; i <= t; i++) {
                assertThat(Double.doubleToRawLongBits(got.get(k)[i]))
                        .as("%s output %d at %d after perturbing beyond %d", what, k, i, t)
                        .isEqualTo(Double.doubleToRawLongBits(expected.get(k)[i]));
            }
        }
    }

    /** The perturbation must reach the output somewhere after {@code t}, or the check above proves nothing. */
    static void assertSuffixChanged(String what, List<double[]> expected, List<double[]> got, int t) {
        boolean changed = false;
        for (int k = 0; k < expected.size() && !changed; k++) {
            for (int i = t + 1; i < expected.get(k).length && !changed; i++) {
                changed = Double.doubleToRawLongBits(got.get(k)[i]) != Double.doubleToRawLongBits(expected.get(k)[i]);
            }
        }
        assertThat(changed).as("%s: perturbing beyond %d changed nothing", what, t).isTrue();
    }

    static Stream<Arguments> sets() {
        return FeatureSets.all().stream().map(s -> Arguments.of(s.name(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void featureSetIgnoresTheFuture(String name, FeatureSet set) {
        BarSeries series = set.needsBenchmark() ? SOURCE.load(Symbol.of("AAPL")).last(1200) : SPY;
        BarSeries bench = set.needsBenchmark() ? SOURCE.load(Symbol.of("SPY")) : null;
        FeatureMatrix expected = set.compute(series, bench);
        assertThat(expected.names()).isEqualTo(set.columns());
        Random rnd = new Random(7);
        for (int t : probes(expected.firstCompleteRow(), series.size())) {
            BarSeries s2 = perturbAfter(series, series.epochMillis(t), rnd);
            BarSeries b2 = bench == null ? null : perturbAfter(bench, series.epochMillis(t), rnd);
            FeatureMatrix got = set.compute(s2, b2);
            for (int c = 0; c < expected.width(); c++) {
                assertPrefixIdentical(name + " " + expected.names().get(c), List.of(expected.column(c)),
                        List.of(got.column(c)), t);
                if (t < series.size() - 10) {
                    assertSuffixChanged(name + " " + expected.names().get(c), List.of(expected.column(c)),
                            List.of(got.column(c)), t);
                }
            }
        }
    }

    /** A copy of {@code s} whose bars strictly after {@code afterMillis} are scaled by random factors. */
    static BarSeries perturbAfter(BarSeries s, long afterMillis, Random rnd) {
        double[] o = s.opens(), h = s.highs(), l = s.lows(), c = s.closes(), a = s.adjCloses(), v = s.volumes();
        for (int i = s.indexAtOrAfter(afterMillis + 1); i < s.size(); i++) {
            double f = 0.7 + 0.6 * rnd.nextDouble();
            o[i] *= f;
            h[i] *= f * 1.01;
            l[i] *= f * 0.99;
            c[i] *= f;
            a[i] *= f * (0.9 + 0.2 * rnd.nextDouble());
            v[i] *= 0.5 + rnd.nextDouble();
        }
        return BarSeries.of(s.symbol(), s.interval(), s.epochMillis(), o, h, l, c, a, v);
    }
}
