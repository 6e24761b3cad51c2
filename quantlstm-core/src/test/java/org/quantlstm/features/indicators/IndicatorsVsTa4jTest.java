package org.quantlstm.features.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quantlstm.features.indicators.Ta4j.assertClose;
import static org.quantlstm.features.indicators.Ta4j.assertWarmUp;
import static org.quantlstm.features.indicators.Ta4j.values;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.CovarianceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.statistics.VarianceIndicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.17 on real bundled prices: SPY's 8,387 daily bars (1993–2026, adjusted OHLC) and,
 * for the benchmark-relative ones, AAPL against SPY. Tolerance 1e-9 relative; where the conventions differ
 * (Wilder seeds, sample vs population std, percent vs fraction) the test asserts the difference and compares
 * from where the conventions agree, or against the ta4j quantities converted by the exact factor.
 */
class IndicatorsVsTa4jTest {
    static final double TOL = 1e-9;
    static BarSeries spy;
    static org.ta4j.core.BarSeries ts;
    static double[] close;
    static double[] high;
    static double[] low;
    static double[] volume;
    static int n;
    static ClosePriceIndicator tc;

    @BeforeAll
    static void load() {
        spy = new BundledSource().load(Symbol.of("SPY")).adjusted();
        ts = Ta4j.series(spy);
        close = spy.closes();
        high = spy.highs();
        low = spy.lows();
        volume = spy.volumes();
        n = spy.size();
        tc = new ClosePriceIndicator(ts);
        assertThat(n).isEqualTo(8387);
    }

    @Test
    void lagsEqualTa4jPreviousValue() {
        for (int k = 1; k <= 5; k++) {
            double[] mine = new Lag(k).compute(close);
            assertWarmUp("lag", mine, k);
            assertClose("lag " + k, values(new PreviousValueIndicator(tc, k), n), mine, k, 0.0);
        }
    }

    @Test
    void smaMatchesTa4j() {
        for (int p : new int[] {7, 14, 20, 21, 100}) {
            double[] mine = new Sma(p).compute(close);
            assertWarmUp("sma", mine, p - 1);
            assertClose("sma " + p, values(new SMAIndicator(tc, p), n), mine, p - 1, TOL);
        }
    }

    @Test
    void emaMatchesTa4jFromWarmUpWithTheSameFirstValueSeed() {
        for (int p : new int[] {12, 26}) {
            double[] mine = new Ema(p).compute(close);
            assertWarmUp("ema", mine, p - 1);
            assertClose("ema " + p, values(new EMAIndicator(tc, p), n), mine, p - 1, TOL);
        }
    }

    @Test
    void macdLineSignalAndHistogramMatchTa4j() {
        Macd.Result r = Macd.standard().compute(close);
        MACDIndicator m = new MACDIndicator(tc, 12, 26);
        assertWarmUp("macd", r.line(), 25);
        assertWarmUp("signal", r.signal(), 33);
        assertWarmUp("hist", r.histogram(), 33);
        assertClose("macd line", values(m, n), r.line(), 25, TOL);
        assertClose("macd signal", values(new EMAIndicator(m, 9), n), r.signal(), 33, TOL);
        assertClose("macd hist", values(m.getHistogram(9), n), r.histogram(), 33, TOL);
    }

    @Test
    void rsiDiffersFromTa4jOnlyByTheWilderSeedAndConverges() {
        double[] mine = new Rsi(14).compute(close);
        double[] ta = values(new RSIIndicator(tc, 14), n);
        assertWarmUp("rsi", mine, 14);
        // ta4j seeds its Wilder average with the (zero) gain at index 0: the first values differ visibly ...
        assertThat(Math.abs(mine[14] - ta[14])).isGreaterThan(1e-3);
        // ... and the difference decays by 13/14 per bar: (13/14)^400 ≈ 1e-13
        assertClose("rsi after convergence", ta, mine, 400, TOL);
        // from the warm-up on, mine equals an independent textbook computation (see RsiFixtureTest too)
        assertClose("rsi vs hand", handRsi(close, 14), mine, 14, 1e-12);
    }

    @Test
    void atrDiffersFromTa4jOnlyByTheWilderSeedAndConverges() {
        double[] mine = new Atr(14).compute(high, low, close);
        double[] ta = values(new ATRIndicator(ts, 14), n);
        assertWarmUp("atr", mine, 14);
        assertThat(Math.abs(mine[14] - ta[14]) / ta[14]).isGreaterThan(1e-6);
        assertClose("atr after convergence", ta, mine, 400, TOL);
        assertClose("atr vs hand", handAtr(high, low, close, 14), mine, 14, 1e-12);
    }

    @Test
    void momentumAndRateOfChangeMatchTa4j() {
        for (int p : new int[] {1, 5, 10}) {
            double[] mom = new Momentum(p).compute(close);
            assertWarmUp("momentum", mom, p);
            assertClose("momentum " + p, values(CombineIndicator.minus(tc, new PreviousValueIndicator(tc, p)), n), mom, p, TOL);
            double[] roc = new RateOfChange(p).compute(close);
            assertWarmUp("roc", roc, p);
            // ta4j's ROC is in percent
            double[] taRoc = values(new ROCIndicator(tc, p), n);
            for (int i = 0; i < n; i++) {
                taRoc[i] /= 100;
            }
            assertClose("roc " + p, taRoc, roc, p, TOL);
        }
    }

    @Test
    void bollingerUsesSampleStdWhereTa4jUsesPopulationStd() {
        Bollinger.Result r = Bollinger.standard().compute(close);
        assertWarmUp("bb upper", r.upper(), 19);
        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(new SMAIndicator(tc, 20));
        StandardDeviationIndicator popSd = new StandardDeviationIndicator(tc, 20);
        double[] m = values(mid, n);
        double[] sd = values(popSd, n);
        double f = Math.sqrt(20.0 / 19.0);
        double[] up = new double[n];
        double[] lo = new double[n];
        double[] width = new double[n];
        double[] pb = new double[n];
        double[] taWidth = values(new BollingerBandWidthIndicator(new BollingerBandsUpperIndicator(mid, popSd),
                mid, new BollingerBandsLowerIndicator(mid, popSd)), n);
        double[] taUpperPop = values(new BollingerBandsUpperIndicator(mid, popSd), n);
        double[] taPctB = values(new PercentBIndicator(tc, 20, 2.0), n);
        for (int i = 0; i < n; i++) {
            up[i] = m[i] + 2 * f * sd[i];
            lo[i] = m[i] - 2 * f * sd[i];
            width[i] = taWidth[i] / 100 * f; // percent → fraction; band width scales with the std
            pb[i] = (close[i] - lo[i]) / (up[i] - lo[i]);
        }
        assertClose("bb middle", m, r.middle(), 19, TOL);
        assertClose("bb upper", up, r.upper(), 19, TOL);
        assertClose("bb lower", lo, r.lower(), 19, TOL);
        assertClose("bb width", width, r.width(), 19, TOL);
        assertClose("bb %b", pb, r.percentB(), 19, TOL);
        // the convention difference itself: ta4j's population bands are narrower, its %b differs
        assertThat(r.upper()[100]).isGreaterThan(taUpperPop[100] + 1e-6);
        assertThat(Math.abs(r.percentB()[100] - taPctB[100])).isGreaterThan(1e-6);
    }

    @Test
    void returnVolatilityIsTa4jStdOfReturnsWithDdofOne() {
        double[] mine = new ReturnVolatility(20).compute(close);
        assertWarmUp("volatility", mine, 20);
        double[] ret = new double[n];
        for (int i = 1; i < n; i++) {
            ret[i] = close[i] / close[i - 1] - 1;
        }
        double[] pop = values(new StandardDeviationIndicator(Ta4j.of(ts, ret), 20), n);
        double f = Math.sqrt(20.0 / 19.0);
        for (int i = 0; i < n; i++) {
            pop[i] *= f;
        }
        assertClose("volatility 20", pop, mine, 20, TOL);
    }

    @Test
    void volumeChangeAndRatioMatchTa4j() {
        VolumeIndicator tv = new VolumeIndicator(ts);
        double[] change = new VolumeChange().compute(volume);
        assertWarmUp("volume change", change, 1);
        double[] taChange = values(new ROCIndicator(tv, 1), n);
        for (int i = 0; i < n; i++) {
            taChange[i] /= 100;
        }
        assertClose("volume change", taChange, change, 1, TOL);
        double[] ratio = new VolumeRatio(20).compute(volume);
        assertWarmUp("volume ratio", ratio, 19);
        assertClose("volume ratio", values(CombineIndicator.divide(tv, new SMAIndicator(tv, 20)), n), ratio, 19, TOL);
    }

    @Test
    void smaGapMatchesTa4j() {
        double[] mine = new SmaGap(100).compute(close);
        assertWarmUp("sma gap", mine, 99);
        double[] ta = values(CombineIndicator.divide(tc, new SMAIndicator(tc, 100)), n);
        for (int i = 0; i < n; i++) {
            ta[i] -= 1;
        }
        assertClose("sma100 gap", ta, mine, 99, TOL);
    }

    @Test
    void betaRelativeStrengthAndExcessReturnAgainstSpy() {
        BarSeries aapl = new BundledSource().load(Symbol.of("AAPL")).adjusted();
        double[] x = aapl.closes();
        double[] b = AsOfAlignment.align(aapl.epochMillis(), spy.epochMillis(), close);
        int m = x.length;
        int start = Columns.firstFinite(x, b);
        assertThat(start).isGreaterThan(0); // AAPL starts before SPY: alignment gives leading NaN
        double[] beta = new RollingBeta(60).compute(x, b);
        for (int i = 0; i < start + 60; i++) {
            assertThat(beta[i]).isNaN();
        }
        assertThat(beta[start + 60]).isFinite();
        // oracle: ta4j covariance / variance (both population, the ddof cancels) over the returns
        BarSeries sub = aapl.slice(start, m);
        org.ta4j.core.BarSeries t = Ta4j.series(sub);
        double[] ra = new double[m - start];
        double[] rb = new double[m - start];
        for (int i = 1; i < ra.length; i++) {
            ra[i] = x[start + i] / x[start + i - 1] - 1;
            rb[i] = b[start + i] / b[start + i - 1] - 1;
        }
        Indicator<Num> ia = Ta4j.of(t, ra);
        Indicator<Num> ib = Ta4j.of(t, rb);
        double[] cov = values(new CovarianceIndicator(ia, ib, 60), ra.length);
        double[] var = values(new VarianceIndicator(ib, 60), ra.length);
        double[] expected = new double[m];
        double[] rs = new double[m];
        double[] ex = new double[m];
        for (int i = 0; i < ra.length; i++) {
            expected[start + i] = cov[i] / var[i];
        }
        assertClose("beta 60", expected, beta, start + 60, TOL);
        // relative strength and excess return: independent forms through logarithms
        double[] mineRs = new RelativeStrength(20).compute(x, b);
        double[] mineEx = new ExcessReturn(20).compute(x, b);
        for (int i = start + 20; i < m; i++) {
            rs[i] = Math.expm1(Math.log(x[i]) - Math.log(x[i - 20]) - Math.log(b[i]) + Math.log(b[i - 20]));
            ex[i] = Math.expm1(Math.log(x[i] / x[i - 20])) - Math.expm1(Math.log(b[i] / b[i - 20]));
        }
        assertThat(mineRs[start + 19]).isNaN();
        assertClose("relative strength 20", rs, mineRs, start + 20, TOL);
        assertClose("excess return 20", ex, mineEx, start + 20, TOL);
    }

    /** Wilder RSI straight from the textbook definition, written independently of {@link Rsi}. */
    static double[] handRsi(double[] x, int p) {
        double[] out = Columns.nan(x.length);
        double ag = 0;
        double al = 0;
        for (int i = 1; i <= p; i++) {
            double d = x[i] - x[i - 1];
            ag += Math.max(d, 0) / p;
            al += Math.max(-d, 0) / p;
        }
        out[p] = 100 * ag / (ag + al);
        for (int i = p + 1; i < x.length; i++) {
            double d = x[i] - x[i - 1];
            ag += (Math.max(d, 0) - ag) / p;
            al += (Math.max(-d, 0) - al) / p;
            out[i] = 100 * ag / (ag + al);
        }
        return out;
    }

    /** TA-Lib-style ATR written independently of {@link Atr}. */
    static double[] handAtr(double[] h, double[] l, double[] c, int p) {
        double[] out = Columns.nan(c.length);
        double[] tr = new double[c.length];
        for (int i = 1; i < c.length; i++) {
            tr[i] = Math.max(Math.max(h[i], c[i - 1]) - Math.min(l[i], c[i - 1]), 0);
        }
        double a = 0;
        for (int i = 1; i <= p; i++) {
            a += tr[i];
        }
        a /= p;
        out[p] = a;
        for (int i = p + 1; i < c.length; i++) {
            a += (tr[i] - a) / p;
            out[i] = a;
        }
        return out;
    }
}
