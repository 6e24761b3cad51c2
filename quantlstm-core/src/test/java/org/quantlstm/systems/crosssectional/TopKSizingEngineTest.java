package org.quantlstm.systems.crosssectional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.backtest.Fill;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.backtest.Prices;
import org.quantlstm.portfolio.TopKSchedule;
import org.quantlstm.signal.Sizing;

/**
 * A sizing lambda that reads the context's new cross-sectional fields (rank, candidates) drives the top-K engine
 * end to end: the schedule, then the event backtester's fills.
 */
class TopKSizingEngineTest {
    private static final long DAY = 86_400_000L;
    private static final int N = 5;

    @Test
    void aLambdaReadingRankAndCandidatesSizesTheFills() {
        long[] t = new long[N];
        for (int i = 0; i < N; i++) {
            t[i] = i * DAY;
        }
        double[] pa = new double[N];
        double[] pb = new double[N];
        double[] pc = new double[N];
        Arrays.fill(pa, 100);
        Arrays.fill(pb, 50);
        Arrays.fill(pc, 20);
        List<Prices> prices = List.of(new Prices("A", t, pa, pa), new Prices("B", t, pb, pb),
                new Prices("C", t, pc, pc));
        double[] a = new double[N];
        double[] b = new double[N];
        double[] c = new double[N];
        Arrays.fill(a, 0.1);
        Arrays.fill(b, 0.7);   // ranked first every day
        Arrays.fill(c, 0.3);
        // the two best-ranked assets get 1/candidates = 1/3 of equity each; a holding keeps its position
        Sizing bestThird = ctx -> ctx.position() != 0 ? ctx.position()
                : ctx.rank() >= 1 && ctx.rank() <= 2 ? 1.0 / ctx.candidates() : 0;
        BacktestConfig cfg = BacktestConfig.DEFAULT.withFill(FillTiming.NEXT_OPEN)
                .withFees(FeeModel.commissionOnly(0).withSlippage(0, 0)).withCapital(90_000);
        TopKBacktest.Result r = TopKBacktest.run(new TopKSchedule(new TopKSchedule.Rules(1, 0.2, 0.0, 7, 1.0),
                bestThird), prices, new double[][] {a, b, c}, cfg, null);

        double[][] targets = r.plan().targets();
        for (int i = 0; i < N; i++) {
            // B (rank 1) and C (rank 2) enter on day 0 and are kept; A, ranked 3rd, never enters
            assertThat(targets[1][i]).isEqualTo(1.0 / 3);
            assertThat(targets[2][i]).isEqualTo(1.0 / 3);
            assertThat(targets[0][i]).isZero();
        }
        List<Fill> fills = r.portfolio().fills();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).asset()).isEqualTo(1);
        assertThat(fills.get(0).bar()).isEqualTo(1);
        assertThat(fills.get(0).deltaShares()).isCloseTo(30_000 / 50.0, within(1e-9));   // 90,000 / 3 at 50
        assertThat(fills.get(1).asset()).isEqualTo(2);
        assertThat(fills.get(1).bar()).isEqualTo(1);
        assertThat(fills.get(1).deltaShares()).isCloseTo(30_000 / 20.0, within(1e-9));   // 90,000 / 3 at 20
    }
}
