package org.quantlstm.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;
import org.quantlstm.portfolio.TopKSchedule.Action;
import org.quantlstm.portfolio.TopKSchedule.Decision;

/** The seed's holding rules on a hand-made universe of four stocks over daily bars (one bar per calendar day). */
class TopKScheduleTest {
    private static final long DAY = 86_400_000L;
    private static final double N = Double.NaN;

    private static long[] days(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * DAY;
        }
        return t;
    }

    private static double[] row(double... v) {
        return v;
    }

    private final TopKSchedule schedule = new TopKSchedule(new TopKSchedule.Rules(2, 0.2, 0.0, 7, 0.5));

    @Test
    void entersTheBestAboveTheThresholdUpToK() {
        double[][] s = {row(1.0, 1.0), row(0.5, 0.5), row(0.3, 0.3), row(0.1, 3.0)};
        TopKSchedule.Plan p = schedule.plan(days(2), s);
        // bar 0: A and B are the two best; C (0.3 > 0.2) is eligible but the book is full; D is below 0.2
        assertThat(column(p, 0)).containsExactly(0.5, 0.5, 0.0, 0.0);
        // bar 1: D jumps to 3.0 but there is no free slot and nothing is under review
        assertThat(column(p, 1)).containsExactly(0.5, 0.5, 0.0, 0.0);
        assertThat(p.decisions()).containsExactly(new Decision(0, 0, Action.ENTER, 1.0),
                new Decision(0, 1, Action.ENTER, 0.5));
    }

    @Test
    void holdingsAreReviewedOnlyEverySevenDaysAndSoldBelowZero() {
        int n = 16;
        double[] a = new double[n], b = new double[n], c = new double[n], d = new double[n];
        Arrays.fill(a, 1.0);
        Arrays.fill(b, 0.5);
        Arrays.fill(c, 0.1);
        Arrays.fill(d, N);
        a[3] = -2.0;               // negative but not a review day: kept
        a[7] = -0.5;               // review day (7 days after entry): sold
        b[7] = 0.1;                // review day, 0 <= 0.1 < 0.2: kept, clock restarts at day 7
        for (int t = 8; t < n; t++) {
            a[t] = -1;
            b[t] = -1.0;           // negative from day 8: next review is day 14
            c[t] = 0.9;            // eligible from day 8 (after A's slot was freed on day 7)
        }
        TopKSchedule.Plan p = schedule.plan(days(n), new double[][] {a, b, c, d});
        for (int t = 0; t < 7; t++) {
            assertThat(column(p, t)).as("day %d", t).containsExactly(0.5, 0.5, 0.0, 0.0);
        }
        assertThat(column(p, 7)).containsExactly(0.0, 0.5, 0.0, 0.0);
        for (int t = 8; t < 14; t++) {
            assertThat(column(p, t)).as("day %d", t).containsExactly(0.0, 0.5, 0.5, 0.0);
        }
        assertThat(column(p, 14)).containsExactly(0.0, 0.0, 0.5, 0.0);
        assertThat(p.decisions()).containsExactly(
                new Decision(0, 0, Action.ENTER, 1.0), new Decision(0, 1, Action.ENTER, 0.5),
                new Decision(7, 0, Action.EXIT, -0.5), new Decision(7, 1, Action.KEEP, 0.1),
                new Decision(8, 2, Action.ENTER, 0.9), new Decision(14, 1, Action.EXIT, -1.0),
                // C entered on day 8 is reviewed on day 15 and kept (0.9)
                new Decision(15, 2, Action.KEEP, 0.9));
        for (int t = 0; t < n; t++) {
            assertThat(p.holdings(t)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void reviewCountsCalendarDaysNotBars() {
        // bars on days 0, 1, 2, 9: the fourth bar is the first at least 7 days after the entry
        long[] t = {0, DAY, 2 * DAY, 9 * DAY};
        double[][] s = {row(1.0, -1, -1, -1), row(N, N, N, N), row(N, N, N, N)};
        TopKSchedule.Plan p = schedule.plan(t, s);
        assertThat(p.targets()[0]).containsExactly(0.5, 0.5, 0.5, 0.0);
    }

    @Test
    void aHoldingWithoutAScoreOnItsReviewIsKeptAndNaNIsNeverEntered() {
        double[][] s = {row(1.0, N, N, N, N, N, N, N, N), row(N, N, N, N, N, N, N, N, N),
                row(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)};
        TopKSchedule.Plan p = schedule.plan(days(9), s);
        assertThat(p.targets()[0]).containsOnly(0.5);
        assertThat(p.targets()[1]).containsOnly(0.0);
        assertThat(p.targets()[2]).containsOnly(0.0);
    }

    @Test
    void rejectsLeverageAndInvertedThresholds() {
        assertThatThrownBy(() -> new TopKSchedule.Rules(5, 0.2, 0.0, 7, 0.25)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> new TopKSchedule.Rules(5, 0.0, 0.2, 7, 0.2)).isInstanceOf(UserInputException.class);
        assertThat(TopKSchedule.Rules.seed()).isEqualTo(new TopKSchedule.Rules(5, 0.2, 0.0, 7, 0.2));
    }

    private static List<Double> column(TopKSchedule.Plan p, int bar) {
        return Arrays.stream(p.targets()).map(r -> r[bar]).toList();
    }
}
