package org.quantlstm.features.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.quantlstm.data.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.AbstractIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/** ta4j 0.17 as a test oracle: conversions and a relative comparison. */
final class Ta4j {
    private Ta4j() {
    }

    /** A ta4j series (DoubleNum) holding the OHLCV columns of {@code s}. */
    static org.ta4j.core.BarSeries series(BarSeries s) {
        return series(s.epochMillis(), s.opens(), s.highs(), s.lows(), s.closes(), s.volumes());
    }

    static org.ta4j.core.BarSeries series(long[] t, double[] o, double[] h, double[] l, double[] c, double[] v) {
        org.ta4j.core.BarSeries ts = new BaseBarSeriesBuilder().withName("oracle").withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < c.length; i++) {
            ts.addBar(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t[i]), ZoneOffset.UTC), DoubleNum.valueOf(o[i]),
                    DoubleNum.valueOf(h[i]), DoubleNum.valueOf(l[i]), DoubleNum.valueOf(c[i]), DoubleNum.valueOf(v[i]));
        }
        return ts;
    }

    /** The indicator's values at every index, as doubles (computed in index order). */
    static double[] values(Indicator<Num> ind, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ind.getValue(i).doubleValue();
        }
        return out;
    }

    /** A ta4j indicator over a plain array (for inputs ta4j cannot build, e.g. a second series' returns). */
    static Indicator<Num> of(org.ta4j.core.BarSeries s, double[] values) {
        return new AbstractIndicator<>(s) {
            @Override
            public Num getValue(int index) {
                return DoubleNum.valueOf(values[index]);
            }

            @Override
            public int getUnstableBars() {
                return 0;
            }
        };
    }

    /**
     * Asserts {@code |actual − expected| <= tol · max(|expected|, floor)} for every index from {@code from}, where
     * {@code floor} is the mean absolute value of {@code expected} over the compared range (so that values
     * crossing zero, such as MACD or momentum, are compared relative to the column's own magnitude).
     */
    static void assertClose(String what, double[] expected, double[] actual, int from, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        double floor = 0;
        for (int i = from; i < expected.length; i++) {
            floor += Math.abs(expected[i]);
        }
        floor /= Math.max(1, expected.length - from);
        double worst = 0;
        int worstAt = -1;
        for (int i = from; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor);
            if (!(err <= worst)) {
                worst = err;
                worstAt = i;
            }
        }
        assertThat(worst).as("%s: worst relative error at index %d (expected %s, actual %s)", what, worstAt,
                worstAt < 0 ? "" : expected[worstAt], worstAt < 0 ? "" : actual[worstAt]).isLessThanOrEqualTo(tol);
    }

    /** Asserts the first {@code warm} values are NaN and the value at {@code warm} is finite. */
    static void assertWarmUp(String what, double[] actual, int warm) {
        for (int i = 0; i < warm; i++) {
            assertThat(actual[i]).as("%s[%d] before warm-up", what, i).isNaN();
        }
        assertThat(actual[warm]).as("%s[%d] at warm-up", what, warm).isFinite();
    }
}
