package org.quantlstm.systems.crosssectional;


import java.util.List;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.EventBacktester;
import org.quantlstm.backtest.PortfolioResult;
import org.quantlstm.backtest.Prices;
import org.quantlstm.portfolio.TopKSchedule;

/**
 * The top-K engine of the cross-sectional system: {@link TopKSchedule} turns daily scores into target weights
 * (decided at each close), and the {@link EventBacktester} fills them at the next bar (open by default) from one
 * shared cash account, sizing every entry from the equity at the fill (compounding) and charging costs through
 * the config's fee model. The config's gross limit holds: when a new entry would take the book above
 * {@code maxGross} × equity (earlier winners have grown), that bar's orders are scaled down to it, so a long-only
 * book never holds more than the limit at a close.
 */
public final class TopKBacktest {
    /** The plan (targets and decisions) and the portfolio it produced. */
    public record Result(TopKSchedule.Plan plan, PortfolioResult portfolio) {
    }

    private TopKBacktest() {
    }

    /**
     * @param assets   prices of every stock on the same bars
     * @param scores   {@code scores[asset][bar]} (NaN = no score)
     * @param cashRate interest on cash per period (length bars − 1), or null
     */
    public static Result run(TopKSchedule schedule, List<Prices> assets, double[][] scores, BacktestConfig config,
                             double[] cashRate) {
        if (assets.isEmpty() || scores.length != assets.size()) {
            throw new IllegalArgumentException(assets.size() + " assets but " + scores.length + " score rows");
        }
        TopKSchedule.Plan plan = schedule.plan(assets.get(0).times(), scores);
        PortfolioResult pr = new EventBacktester(config, cashRate).run(assets, plan.targets());
        return new Result(plan, pr);
    }
}
