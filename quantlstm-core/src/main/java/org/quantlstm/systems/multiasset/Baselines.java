package org.quantlstm.systems.multiasset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quantlstm.analytics.ForecastComparison;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.Prices;
import org.quantlstm.data.BarSeries;
import org.quantlstm.report.Drawdown;

/**
 * The naive strategies every LSTM row of the multi-asset system is shown beside, traded on the same test segment
 * with the same {@link Backtester} settings (fills, costs, capital) as the LSTM: buy-and-hold (long from the last
 * validation bar's close on, so bought at the first test bar) and the persistence sign ("the next bar like the last
 * one": target +1 after a rising bar, −1 after a falling one, or 0 there when shorts are off; 0 after an unchanged
 * close). Also names an LSTM strategy whose test position never changes ({@link #constantPosition}).
 *
 * <p>Positions are decided at bar t's close from closes up to t and filled at the next bar, as the LSTM's are. The
 * test position of a strategy is its target on every decision bar whose order is filled inside the segment: decision
 * bars {@code from .. to − 2}, i.e. one per test bar (the last bar's target has no next bar to fill on).
 */
final class Baselines {

    private Baselines() {
    }

    /** A constant test position of the LSTM strategy. */
    enum Held {
        LONG("long"), SHORT("short"), FLAT("flat");

        private final String code;

        Held(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static Held of(double target) {
            return target > 0 ? LONG : target < 0 ? SHORT : FLAT;
        }
    }

    /** One strategy's figures over the test segment: total return, annualised Sharpe (rf 0, ddof 1), max drawdown. */
    record Figures(String name, double totalReturn, double sharpe, double maxDrawdown) {
        static Figures of(String name, BacktestResult bt, int periodsPerYear) {
            double[] r = bt.returns();
            double s = AssetTuner.std(r);
            double sharpe = r.length < 2 || !(s > 0) ? 0 : AssetTuner.mean(r) / s * Math.sqrt(periodsPerYear);
            return new Figures(name, bt.totalReturn(), sharpe, Drawdown.of(bt.equity()).maxDrawdown());
        }
    }

    /**
     * An asset's comparison: the LSTM's figures, the two baselines', and the LSTM's constant test position (null when
     * it changes) held on {@code testBars} bars; with the ridge baseline ({@link RidgeBaseline}) its figures, its own
     * constant position, the forecast comparison (LSTM, ridge, persistence, drift) and a description of the fit (all
     * null without it).
     */
    record Report(Figures lstm, Figures buyAndHold, Figures persistence, Held constant, int testBars, Figures ridge,
                  Held ridgeConstant, List<ForecastComparison.Line> forecasts, String ridgeFit) {
        Report(Figures lstm, Figures buyAndHold, Figures persistence, Held constant, int testBars) {
            this(lstm, buyAndHold, persistence, constant, testBars, null, null, null, null);
        }

        Report {
            forecasts = forecasts == null ? null : List.copyOf(forecasts);
        }

        List<Figures> baselines() {
            return ridge == null ? List.of(buyAndHold, persistence) : List.of(buyAndHold, persistence, ridge);
        }
    }

    /**
     * Persistence-sign targets for decision bars {@code [from, to)} of {@code close}: the sign of bar t's return
     * {@code close[t]/close[t−1] − 1} (0 for t = 0, whose return is unknown, and for an unchanged close); −1 becomes 0
     * when {@code allowShort} is false.
     */
    static double[] persistenceSign(double[] close, int from, int to, boolean allowShort) {
        if (from < 0 || to > close.length || to <= from) {
            throw new IllegalArgumentException("bars " + from + ".." + to + " outside 0.." + close.length);
        }
        double[] pos = new double[to - from];
        for (int t = from; t < to; t++) {
            double sign = t == 0 ? 0 : Math.signum(close[t] - close[t - 1]);
            pos[t - from] = sign < 0 && !allowShort ? 0 : sign;
        }
        return pos;
    }

    /**
     * The single position the targets hold on every filled decision bar ({@code targets[0 .. length − 2]}), or null
     * when it changes (or there is no filled bar).
     */
    static Held constantPosition(double[] targets) {
        int n = targets.length - 1;
        if (n < 1) {
            return null;
        }
        Held first = Held.of(targets[0]);
        for (int i = 1; i < n; i++) {
            if (Held.of(targets[i]) != first) {
                return null;
            }
        }
        return first;
    }

    /** Test bars (filled decision bars) of a target series. */
    static int testBars(double[] targets) {
        return Math.max(0, targets.length - 1);
    }

    /** The segment {@code [from, to)} of the adjusted series the LSTM traded, as the backtester reads it. */
    static Prices prices(BarSeries series, int from, int to) {
        BarSeries s = series.slice(0, to).adjusted();
        return new Prices(series.symbol().value(), Arrays.copyOfRange(s.epochMillis(), from, to),
                Arrays.copyOfRange(s.opens(), from, to), Arrays.copyOfRange(s.closes(), from, to));
    }

    /** Backtests of the two baselines on {@code prices}, whose bars are decision bars {@code from .. to − 1}. */
    static BacktestResult buyAndHold(BacktestConfig config, Prices prices) {
        return new Backtester(config).buyAndHold(prices);
    }

    static BacktestResult persistence(BacktestConfig config, Prices prices, double[] fullClose, int from,
                                      boolean allowShort) {
        double[] pos = persistenceSign(fullClose, from, from + prices.size(), allowShort);
        return new Backtester(config).run("persistence_sign", prices, pos);
    }

    /** The comparison for one asset's test evaluation. */
    static Report of(BarSeries series, AssetTuner.Evaluation test, BacktestConfig config, boolean allowShort,
                     int periodsPerYear) {
        return of(series, test, config, allowShort, periodsPerYear, null);
    }

    /** The comparison with the ridge baseline's test evaluation beside it ({@code ridge} may be null). */
    static Report of(BarSeries series, AssetTuner.Evaluation test, BacktestConfig config, boolean allowShort,
                     int periodsPerYear, RidgeBaseline.Result ridge) {
        Prices prices = prices(series, test.from(), test.to());
        double[] fullClose = series.slice(0, test.to()).adjusted().closes();
        Figures r = ridge == null ? null : Figures.of("ridge", ridge.test().backtest(), periodsPerYear);
        return new Report(Figures.of("lstm", test.backtest(), periodsPerYear),
                Figures.of("buy_and_hold", buyAndHold(config, prices), periodsPerYear),
                Figures.of("persistence_sign", persistence(config, prices, fullClose, test.from(), allowShort),
                        periodsPerYear),
                constantPosition(test.target()), testBars(test.target()), r,
                ridge == null ? null : constantPosition(ridge.test().target()),
                ridge == null ? null : RidgeBaseline.forecasts(series, test, ridge.test()),
                ridge == null ? null : ridge.fit().describe());
    }

    /** The console line naming a constant LSTM position, or null when the position changes. */
    static String constantLine(String ticker, Report r) {
        return constantLine(ticker, "LSTM", r.constant(), r.testBars());
    }

    /** The console line naming a strategy's constant position, or null when it changes. */
    static String constantLine(String ticker, String strategy, Held held, int bars) {
        if (held == null) {
            return null;
        }
        String what = switch (held) {
            case LONG -> "this is buy-and-hold";
            case SHORT -> "this is a constant short (buy-and-hold reversed)";
            case FLAT -> "it never trades";
        };
        return String.format(Locale.ROOT, "%s: the %s strategy is %s on %d of %d test bars: %s", ticker, strategy,
                held.code(), bars, bars, what);
    }

    /** The comparison table: per asset the LSTM, buy-and-hold and persistence-sign rows, then the constant lines. */
    static String table(List<String> tickers, List<Report> reports) {
        StringBuilder b = new StringBuilder();
        b.append("BASELINES (same test segment, fills, costs and capital as the LSTM strategy)\n");
        b.append(String.format(Locale.ROOT, "%-8s %-18s %10s %8s %8s%n", "Ticker", "Strategy", "Return", "Sharpe",
                "Max DD"));
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            List<Figures> rows = new java.util.ArrayList<>(List.of(r.lstm(), r.buyAndHold(), r.persistence()));
            if (r.ridge() != null) {
                rows.add(r.ridge());
            }
            for (Figures f : rows) {
                b.append(String.format(Locale.ROOT, "%-8s %-18s %+9.2f%% %8.2f %7.2f%%%n", tickers.get(i), f.name(),
                        f.totalReturn() * 100, f.sharpe(), f.maxDrawdown() * 100));
            }
        }
        for (int i = 0; i < reports.size(); i++) {
            String line = constantLine(tickers.get(i), reports.get(i));
            if (line != null) {
                b.append(line).append('\n');
            }
            String ridgeLine = constantLine(tickers.get(i), "ridge", reports.get(i).ridgeConstant(),
                    reports.get(i).testBars());
            if (ridgeLine != null) {
                b.append(ridgeLine).append('\n');
            }
        }
        b.append(forecastTables(tickers, reports));
        return b.toString();
    }

    // ---- ridge and forecast baselines (issue 14, item 6) ----

    /** Per asset the next-bar return forecasts of the LSTM, the ridge, persistence and drift (empty without ridge). */
    static String forecastTables(List<String> tickers, List<Report> reports) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r.forecasts() == null) {
                continue;
            }
            if (b.length() == 0) {
                b.append("FORECAST BASELINES (test segment, next-bar simple return; persistence = random walk, drift = "
                        + "mean bar return before the test)\n");
            }
            b.append(tickers.get(i)).append(" (").append(r.ridgeFit()).append(")\n");
            b.append(ForecastComparison.table("  ", r.forecasts(), 100, "(%)"));
        }
        return b.toString();
    }
}
