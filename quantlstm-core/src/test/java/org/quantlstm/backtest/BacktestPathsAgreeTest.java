package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quantlstm.signal.PositionSizer;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.VolatilityRatio;

/** The vectorized and the event-driven path give the same equity, positions, fills and trades (1e-9). */
class BacktestPathsAgreeTest {
    static final int N = 400;
    static final Prices PRICES;
    static final double[] FORECAST;
    static final double[] VOL;

    static {
        Random rnd = new Random(42);
        double[] open = new double[N], close = new double[N], high = new double[N], low = new double[N];
        double[] volume = new double[N];
        long[] times = new long[N];
        double c = 100;
        for (int i = 0; i < N; i++) {
            open[i] = c * (1 + 0.003 * rnd.nextGaussian());
            c = open[i] * (1 + 0.01 * rnd.nextGaussian());
            close[i] = c;
            high[i] = Math.max(open[i], close[i]) * (1 + 0.004 * Math.abs(rnd.nextGaussian()));
            low[i] = Math.min(open[i], close[i]) * (1 - 0.004 * Math.abs(rnd.nextGaussian()));
            volume[i] = 20_000 + 5_000 * rnd.nextDouble();
            times[i] = i;
        }
        PRICES = new Prices("SYN", times, open, high, low, close, volume);
        FORECAST = new double[N];
        FORECAST[0] = Double.NaN;
        for (int i = 1; i < N; i++) {
            FORECAST[i] = 0.6 * (close[i] / close[i - 1] - 1) + 0.002 * rnd.nextGaussian();
        }
        VOL = VolatilityRatio.causalRatio(close, 20);
    }

    static Stream<Arguments> cases() {
        List<FeeModel> costs = List.of(FeeModel.FREE, FeeModel.commissionOnly(10), FeeModel.commissionOnly(10).withSlippage(5, 3),
                FeeModel.DEFAULT, FeeModel.DEFAULT.withPerShare(0.01).withImpact(FeeModel.Impact.SQRT, 50, 0.05),
                FeeModel.DEFAULT.withCarry(300, 500).withImpact(FeeModel.Impact.VOLUME_SHARE, 200, 1));
        List<RiskLimits> limits = List.of(RiskLimits.NONE, new RiskLimits(0.02, 0.03), new RiskLimits(0.03, 0, 0.015));
        Stream.Builder<Arguments> b = Stream.builder();
        for (SizingMethod m : SizingMethod.values()) {
            for (FillTiming f : FillTiming.values()) {
                for (FeeModel c : costs) {
                    for (RiskLimits l : limits) {
                        b.add(Arguments.of(m, f, c, l));
                    }
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void vectorizedAndEventPathsAgree(SizingMethod method, FillTiming fill, FeeModel costs, RiskLimits limits) {
        // 1.5 × gross on a volatility-adjusted book makes it borrow (financing); 1.0 elsewhere
        BacktestConfig cfg = new BacktestConfig(fill, costs, limits, 100_000)
                .withMaxGross(method == SizingMethod.VOLATILITY_ADJUSTED ? 1.5 : 1.0);
        PositionSizer sizer = PositionSizer.seed(method, true);
        if (method == SizingMethod.PROPORTIONAL) {
            sizer = sizer.withParameter(50, 1); // so that positions are not tiny
        }
        BacktestResult v = new VectorizedBacktester(cfg).run("v", PRICES, sizer, FORECAST, VOL);
        BacktestResult e = new EventBacktester(cfg).run("e", PRICES, sizer, FORECAST, VOL);
        assertThat(v.fills()).isNotEmpty();
        assertThat(e.equity()).containsExactly(v.equity(), within(1e-9));
        assertThat(e.position()).containsExactly(v.position(), within(1e-9));
        assertThat(e.costs()).containsExactly(v.costs(), within(1e-9));
        assertThat(e.borrow()).containsExactly(v.borrow(), within(1e-9));
        assertThat(e.financing()).containsExactly(v.financing(), within(1e-9));
        assertThat(e.gross()).containsExactly(v.gross(), within(1e-9));
        assertThat(e.fills()).hasSameSizeAs(v.fills());
        for (int i = 0; i < v.fills().size(); i++) {
            assertThat(e.fills().get(i).bar()).isEqualTo(v.fills().get(i).bar());
            assertThat(e.fills().get(i).deltaShares()).isCloseTo(v.fills().get(i).deltaShares(), within(1e-9));
            assertThat(e.fills().get(i).reason()).isEqualTo(v.fills().get(i).reason());
        }
        assertThat(e.trades()).hasSameSizeAs(v.trades());
        for (int i = 0; i < v.trades().size(); i++) {
            assertThat(e.trades().get(i).pnl()).isCloseTo(v.trades().get(i).pnl(), within(1e-9));
            assertThat(e.trades().get(i).exitBar()).isEqualTo(v.trades().get(i).exitBar());
            assertThat(e.trades().get(i).exitReason()).isEqualTo(v.trades().get(i).exitReason());
            assertThat(e.trades().get(i).borrow()).isCloseTo(v.trades().get(i).borrow(), within(1e-9));
        }
        // the sweep statistics come from the same loop: final equity equal too
        SweepResult s = new VectorizedBacktester(cfg).sweep(PRICES, FORECAST, VOL, List.of(sizer), 252);
        assertThat(s.finalEquity()[0]).isCloseTo(e.finalEquity(), within(1e-9));
        assertThat(s.fills()[0]).isEqualTo(e.fills().size());
        // and with interest on cash (about 4 % a year, varying)
        double[] rate = new double[N - 1];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = 0.00016 * (1 + 0.5 * Math.sin(i / 30.0));
        }
        BacktestResult vi = new VectorizedBacktester(cfg, rate).run("v", PRICES, sizer, FORECAST, VOL);
        BacktestResult ei = new EventBacktester(cfg, rate).run("e", PRICES, sizer, FORECAST, VOL);
        assertThat(ei.equity()).containsExactly(vi.equity(), within(1e-9));
        assertThat(vi.finalEquity()).isNotEqualTo(v.finalEquity());
    }
}
