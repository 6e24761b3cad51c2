package org.quantlstm.systems.weekly12;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.analytics.ForecastComparison;
import org.quantlstm.model.LinearForecaster;
import org.quantlstm.portfolio.Rebalancer;
import org.quantlstm.report.Drawdown;

/**
 * The baselines of weekly-12 (issue 14, item 6), printed after the tear sheet.
 *
 * <p><b>Forecasts</b>, per stock, of next week's simple return over the test weeks: the LSTM, a ridge
 * ({@link LinearForecaster} on the LSTM's own windows: same close-only input, the same train-only min-max scaler, same
 * target and training/validation windows; its penalty chosen on the validation windows), persistence ("next week =
 * this week", return 0) and drift (the training segment's mean weekly change): RMSE, IC and Diebold–Mariano of the
 * LSTM against each.
 *
 * <p><b>Portfolios</b> through the same weekly loop, rule, cap, costs and capital as the strategy: the ridge's
 * forecasts, the drift forecasts and persistence's (no predicted change) traded with the paper's rule; and
 * buy-and-hold of each stock (no costs). A stock whose sign of weight never changes over the test weeks in the LSTM
 * or ridge portfolio is named ("long on 52/52 weeks: buy-and-hold of that stock").
 */
record Weekly12Baselines(List<String> tickers, List<List<ForecastComparison.Line>> forecasts,
                         List<LinearForecaster> ridgeFits, List<Row> portfolios, List<Row> buyAndHold,
                         List<String> constantLines) {

    Weekly12Baselines {
        tickers = List.copyOf(tickers);
        forecasts = List.copyOf(forecasts);
        ridgeFits = List.copyOf(ridgeFits);
        portfolios = List.copyOf(portfolios);
        buyAndHold = List.copyOf(buyAndHold);
        constantLines = List.copyOf(constantLines);
    }

    /** One strategy's test figures: total return, annualised Sharpe of excess weekly returns, max drawdown. */
    record Row(String name, double totalReturn, double sharpe, double maxDrawdown) {
        static Row of(String name, double[] equity, double[] cashRate) {
            int n = equity.length - 1;
            double[] x = new double[n];
            double mean = 0;
            for (int t = 0; t < n; t++) {
                x[t] = equity[t + 1] / equity[t] - 1 - (cashRate == null ? 0 : cashRate[t]);
                mean += x[t] / n;
            }
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
            double sharpe = !(sd > 0) ? Double.NaN : mean / sd * Math.sqrt(52);
            return new Row(name, equity[n] / equity[0] - 1, sharpe, Drawdown.of(equity).maxDrawdown());
        }
    }

    /**
     * Builds the baselines. {@code lstm[k][i]} and {@code ridge[k][i]} are the forecasts of row k+1's close of stock i
     * made at row k; {@code drift[i]} the training mean weekly change of stock i (price units).
     */
    static Weekly12Baselines of(List<String> tickers, long[] times, double[][] prices, double[][] lstm,
                                double[][] ridge, double[] drift, List<LinearForecaster> fits,
                                WeeklyPortfolioLoop.Result strategy, Rebalancer rule, double[] initial, double costBps,
                                double capital, double[] cashRate) {
        int rows = prices.length;
        int n = tickers.size();
        List<List<ForecastComparison.Line>> fc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] actual = new double[rows - 1];
            double[] fl = new double[rows - 1];
            double[] fr = new double[rows - 1];
            double[] fp = new double[rows - 1];
            double[] fd = new double[rows - 1];
            for (int k = 0; k < rows - 1; k++) {
                double last = prices[k][i];
                actual[k] = prices[k + 1][i] / last - 1;
                fl[k] = lstm[k][i] / last - 1;
                fr[k] = ridge[k][i] / last - 1;
                fd[k] = drift[i] / last;
            }
            Map<String, double[]> f = new LinkedHashMap<>();
            f.put("lstm", fl);
            f.put("ridge", fr);
            f.put("persistence", fp);
            f.put("drift", fd);
            fc.add(ForecastComparison.compare(actual, f));
        }
        double[][] driftPred = new double[rows - 1][n];
        double[][] flat = new double[rows - 1][n];
        for (int k = 0; k < rows - 1; k++) {
            for (int i = 0; i < n; i++) {
                driftPred[k][i] = prices[k][i] + drift[i];
                flat[k][i] = prices[k][i];
            }
        }
        WeeklyPortfolioLoop.Result ridgeRun = WeeklyPortfolioLoop.run("ridge", times, prices, ridge, rule, initial,
                costBps, capital, cashRate);
        WeeklyPortfolioLoop.Result driftRun = WeeklyPortfolioLoop.run("drift", times, prices, driftPred, rule, initial,
                costBps, capital, cashRate);
        WeeklyPortfolioLoop.Result persRun = WeeklyPortfolioLoop.run("persistence", times, prices, flat, rule, initial,
                costBps, capital, cashRate);
        List<Row> pf = List.of(Row.of("lstm (the strategy)", strategy.equity(), cashRate),
                Row.of("ridge", ridgeRun.equity(), cashRate), Row.of("drift", driftRun.equity(), cashRate),
                Row.of("persistence", persRun.equity(), cashRate));
        List<Row> bh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] eq = new double[rows];
            for (int k = 0; k < rows; k++) {
                eq[k] = capital * prices[k][i] / prices[0][i];
            }
            bh.add(Row.of(tickers.get(i), eq, cashRate));
        }
        List<String> constant = new ArrayList<>();
        constant.addAll(constantLines("LSTM strategy", tickers, strategy.weights()));
        constant.addAll(constantLines("ridge strategy", tickers, ridgeRun.weights()));
        return new Weekly12Baselines(tickers, fc, fits, pf, bh, constant);
    }

    /** "LSTM strategy: NVDA long on 52/52 weeks, ..." for stocks whose weight sign never changes. */
    static List<String> constantLines(String what, List<String> tickers, double[][] weights) {
        List<String> parts = new ArrayList<>();
        int t = weights.length;
        for (int i = 0; i < tickers.size() && t > 0; i++) {
            double first = Math.signum(weights[0][i]);
            boolean same = true;
            for (double[] w : weights) {
                same &= Math.signum(w[i]) == first;
            }
            if (same) {
                String side = first > 0 ? "long" : first < 0 ? "short" : "flat";
                parts.add(String.format(Locale.ROOT, "%s %s on %d/%d weeks", tickers.get(i), side, t, t));
            }
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        return List.of(what + ": " + String.join(", ", parts) + (parts.size() == tickers.size()
                ? " - no stock's side ever changes: a constant long/short book" : "")
                + " (a constant side is buy-and-hold of that stock, or its reverse)");
    }

    /** The console section. */
    String text() {
        StringBuilder b = new StringBuilder();
        b.append("BASELINES (test weeks; portfolios through the same weekly loop, rule, cap, costs and capital)\n");
        b.append(String.format(Locale.ROOT, "%-22s %10s %8s %9s%n", "Portfolio", "Return", "Sharpe", "Max DD"));
        for (Row r : portfolios) {
            b.append(row(r));
        }
        b.append("Buy-and-hold of each stock (no costs):\n");
        for (Row r : buyAndHold) {
            b.append(row(r));
        }
        for (String line : constantLines) {
            b.append(line).append('\n');
        }
        b.append("Next-week return forecasts per stock (persistence = no change, drift = training mean weekly change):\n");
        for (int i = 0; i < tickers.size(); i++) {
            b.append(tickers.get(i)).append(" (").append(ridgeFits.get(i).describe()).append(")\n");
            b.append(ForecastComparison.table("  ", forecasts.get(i), 100, "(%)"));
        }
        return b.toString();
    }

    private static String row(Row r) {
        return String.format(Locale.ROOT, "%-22s %+9.2f%% %8s %8.2f%%%n", r.name(), r.totalReturn() * 100,
                Double.isNaN(r.sharpe()) ? "n/a" : String.format(Locale.ROOT, "%.2f", r.sharpe()), r.maxDrawdown() * 100);
    }

    /** For metrics.json. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> pf = new ArrayList<>();
        for (Row r : portfolios) {
            pf.add(rowJson(r));
        }
        m.put("portfolios", pf);
        Map<String, Object> bh = new LinkedHashMap<>();
        for (Row r : buyAndHold) {
            bh.put(r.name(), rowJson(r));
        }
        m.put("buy_and_hold", bh);
        m.put("constant_positions", constantLines);
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("ridge_lambda_per_row", ridgeFits.get(i).lambda());
            s.put("ridge_window_rows", ridgeFits.get(i).rows());
            s.put("lines", ForecastComparison.toMaps(forecasts.get(i)));
            f.put(tickers.get(i), s);
        }
        m.put("forecasts", f);
        return m;
    }

    private static Map<String, Object> rowJson(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("total_return", r.totalReturn());
        m.put("sharpe_excess", Double.isFinite(r.sharpe()) ? r.sharpe() : null);
        m.put("max_drawdown", r.maxDrawdown());
        return m;
    }
}
