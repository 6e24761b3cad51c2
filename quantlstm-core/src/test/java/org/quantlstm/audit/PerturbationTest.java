package org.quantlstm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.data.BarSeries;

/** The perturbation keeps every bar up to the cut and every timestamp, and replaces everything after it. */
class PerturbationTest {
    private static BarSeries series(int n) {
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 86_400_000L * (20_000 + i);
            c[i] = 100 + i * 0.1 + Math.sin(i);
            o[i] = c[i] - 0.2;
            h[i] = c[i] + 1;
            l[i] = c[i] - 1;
            v[i] = 1000;
        }
        double[] a = c.clone();
        for (int i = 0; i < n; i++) {
            a[i] *= 0.5;
        }
        return BarSeries.of(new Symbol("X"), Interval.D1, t, o, h, l, c, a, v);
    }

    @Test
    void barsUpToTheCutAreKeptAndLaterBarsReplaced() {
        BarSeries s = series(300);
        long cut = s.epochMillis(199);
        BarSeries p = Perturbation.after(s, cut, 7);
        assertThat(p.epochMillis()).isEqualTo(s.epochMillis());
        assertThat(LeakageAudit.sameBars(p.slice(0, 200), s.slice(0, 200))).isTrue();
        for (int i = 200; i < 300; i++) {
            assertThat(p.close(i)).isNotEqualTo(s.close(i));
            assertThat(p.high(i)).isGreaterThanOrEqualTo(Math.max(p.open(i), p.close(i)));
            assertThat(p.low(i)).isLessThanOrEqualTo(Math.min(p.open(i), p.close(i))).isPositive();
            assertThat(p.adjClose(i) / p.close(i)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        }
        // wild, not subtle: the path after the cut moves far more than the real one
        double real = Math.abs(Math.log(s.close(299) / s.close(199)));
        double fake = 0;
        for (int i = 201; i < 300; i++) {
            fake += Math.abs(Math.log(p.close(i) / p.close(i - 1)));
        }
        assertThat(fake).isGreaterThan(10 * real);
    }

    @Test
    void theSameSeedGivesTheSamePathAndAnotherSeedAnother() {
        BarSeries s = series(100);
        long cut = s.epochMillis(49);
        assertThat(LeakageAudit.sameBars(Perturbation.after(s, cut, 1), Perturbation.after(s, cut, 1))).isTrue();
        assertThat(LeakageAudit.sameBars(Perturbation.after(s, cut, 1), Perturbation.after(s, cut, 2))).isFalse();
        assertThat(Perturbation.after(s, s.epochMillis(99), 1)).isSameAs(s);
    }
}
