package org.quantlstm.systems.crosssectional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.special.Erf;
import org.quantlstm.common.UserInputException;
import org.quantlstm.backtest.PortfolioResult;
import org.quantlstm.report.Drawdown;
import org.quantlstm.report.InformationCoefficient;

/**
 * The alpha score choice and the baselines of the cross-sectional system (issue 14, items 6 and 9).
 *
 * <p><b>Absolute score</b> (the default, seed 003's meaning: "&gt; 0 means more likely than not to beat SPY"). The
 * model forecasts the vol-adjusted excess return y over the horizon; taking y ~ N(ŷ, σ²), with σ the root mean
 * squared error of the model on its validation windows (realised before the test segment), the probability of
 * beating SPY is p = Φ(ŷ/σ) and the score is 2p − 1 ∈ (−1, 1). A weak model gives scores near 0, so the seed's entry
 * threshold (0.2: p &gt; 0.6) can leave the book in cash. The <b>z-score</b> ({@code strategy.score: zscore}) ranks
 * the names of each date against each other: about half are always above 0, so the book is always invested. Both
 * are traded with the same rules, and both results are shown.
 *
 * <p><b>Baselines</b>: a ridge ({@code model.LinearForecaster}) on the pooled training windows (same features,
 * train-only scaler, target, purged split), its penalty chosen on the validation windows, scored and traded with
 * the same score and rules; persistence (no excess return: ŷ = 0) and drift (ŷ = the training windows' mean
 * target) as forecasts; equal-weight buy-and-hold of the universe and SPY buy-and-hold as portfolios.
 */
final class CrossSectionalBaselines {

    private CrossSectionalBaselines() {
    }

    /** Which alpha score the strategy trades. */
    enum Score {
        ABSOLUTE("absolute"), ZSCORE("zscore");

        private final String code;

        Score(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static Score parse(String text) {
            for (Score s : values()) {
                if (s.code.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return s;
                }
            }
            throw new UserInputException("strategy.score '" + org.quantlstm.common.Excerpt.of(String.valueOf(text))
                    + "': use absolute or zscore");
        }
    }

    /** Root mean squared error of forecasts against targets (NaN targets skipped); 1 when there are none. */
    static double residualScale(double[] pred, float[] y) {
        double se = 0;
        int k = 0;
        for (int i = 0; i < pred.length; i++) {
            if (Double.isFinite(pred[i]) && Float.isFinite(y[i])) {
                double e = pred[i] - y[i];
                se += e * e;
                k++;
            }
        }
        double s = k == 0 ? 1 : Math.sqrt(se / k);
        return s > 0 ? s : 1;
    }

    /** 2Φ(ŷ/σ) − 1 for every finite forecast on dates [from, n); NaN elsewhere. */
    static double[][] absoluteScores(double[][] predicted, int from, int n, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        }
        double[][] out = new double[predicted.length][n];
        for (int i = 0; i < predicted.length; i++) {
            java.util.Arrays.fill(out[i], Double.NaN);
            for (int t = from; t < n; t++) {
                double p = predicted[i][t];
                if (Double.isFinite(p)) {
                    out[i][t] = 2 * (0.5 * Erf.erfc(-p / sigma / Math.sqrt(2))) - 1;
                }
            }
        }
        return out;
    }

    /**
     * One portfolio's test figures: total return, annualised Sharpe of daily returns in excess of the risk-free rate
     * (n/a for a book that is never invested: its excess return is cash minus cash), max drawdown, and the share of
     * days with a position.
     */
    record Figures(String name, double totalReturn, double sharpe, double maxDrawdown, double investedShare) {
        static Figures of(String name, double[] equity, double[] gross, double[] rf) {
            int n = equity.length - 1;
            double mean = 0;
            double[] r = new double[Math.max(0, n)];
            for (int t = 0; t < n; t++) {
                r[t] = equity[t + 1] / equity[t] - 1 - (rf == null || t >= rf.length ? 0 : rf[t]);
                mean += r[t] / n;
            }
            double ss = 0;
            for (double v : r) {
                ss += (v - mean) * (v - mean);
            }
            double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
            int invested = 0;
            if (gross != null) {
                for (double g : gross) {
                    invested += g > 1e-12 ? 1 : 0;
                }
            }
            boolean never = gross != null && invested == 0;
            return new Figures(name, equity[n] / equity[0] - 1, never || !(sd > 0) ? Double.NaN : mean / sd * Math.sqrt(252),
                    Drawdown.of(equity).maxDrawdown(), gross == null ? Double.NaN : (double) invested / gross.length);
        }
    }

    /** One forecast's pooled test figures: RMSE over stock-dates, mean daily IC (NaN for constant forecasts). */
    record ForecastLine(String name, int n, double rmse, double meanDailyIc) {
    }

    /** Pooled RMSE and mean daily IC of {@code f[stock][date]} against {@code realized} on dates [from, to). */
    static ForecastLine forecastLine(String name, double[][] f, double[][] realized, int from, int to) {
        double se = 0;
        int k = 0;
        double icSum = 0;
        int days = 0;
        int m = f.length;
        for (int t = from; t < to; t++) {
            double[] a = new double[m];
            double[] b = new double[m];
            int c = 0;
            for (int i = 0; i < m; i++) {
                if (Double.isFinite(f[i][t]) && Double.isFinite(realized[i][t])) {
                    double e = f[i][t] - realized[i][t];
                    se += e * e;
                    k++;
                    a[c] = f[i][t];
                    b[c++] = realized[i][t];
                }
            }
            boolean flat = true;
            for (int j = 1; j < c; j++) {
                flat &= a[j] == a[0];
            }
            if (c >= 3 && !flat) {
                double ic = InformationCoefficient.pearson(java.util.Arrays.copyOf(a, c), java.util.Arrays.copyOf(b, c));
                if (Double.isFinite(ic)) {
                    icSum += ic;
                    days++;
                }
            }
        }
        return new ForecastLine(name, k, k == 0 ? Double.NaN : Math.sqrt(se / k), days == 0 ? Double.NaN : icSum / days);
    }

    /** A matrix like {@code like} (finite where it is) filled with {@code value}. */
    static double[][] constant(double[][] like, int from, double value) {
        double[][] out = new double[like.length][];
        for (int i = 0; i < like.length; i++) {
            out[i] = new double[like[i].length];
            for (int t = 0; t < out[i].length; t++) {
                out[i][t] = t >= from && Double.isFinite(like[i][t]) ? value : Double.NaN;
            }
        }
        return out;
    }

    /**
     * A line naming a portfolio whose holdings never change over the test days ("flat on 280/280 days: it never
     * trades", or the same names held throughout), or null.
     */
    static String constantLine(String name, PortfolioResult pr, List<String> tickers) {
        double[][] w = pr.weights(); // [asset][bar]
        if (w.length == 0 || w[0].length == 0) {
            return null;
        }
        int bars = w[0].length;
        List<String> held = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            double first = Math.signum(w[i][0]);
            for (int t = 1; t < bars; t++) {
                if (Math.signum(w[i][t]) != first) {
                    return null;
                }
            }
            if (first != 0) {
                held.add(tickers.get(i) + (first > 0 ? " long" : " short"));
            }
        }
        if (held.isEmpty()) {
            return String.format(Locale.ROOT, "%s: flat on %d/%d test days: it never trades (all cash)", name, bars, bars);
        }
        return String.format(Locale.ROOT, "%s: holds the same names on %d/%d test days (%s): this is buy-and-hold of "
                + "them", name, bars, bars, String.join(", ", held));
    }

    /** Everything the baselines section shows. */
    record Report(Score score, double sigma, Figures chosen, Figures other, Figures ridge, Figures equalWeight,
                  Figures spy, List<ForecastLine> forecasts, String ridgeFit, List<String> constantLines) {
        Report {
            forecasts = List.copyOf(forecasts);
            constantLines = List.copyOf(constantLines);
        }

        String text() {
            StringBuilder b = new StringBuilder();
            b.append("ALPHA SCORE: ").append(score == Score.ABSOLUTE
                    ? String.format(Locale.ROOT, "absolute (default, the seed's): 2p - 1 with p = P(beat SPY over the "
                    + "horizon) = Phi(forecast / %.3f), sigma = the model's validation RMSE", sigma)
                    : "cross-sectional z-score per date (strategy.score: zscore)").append('\n');
            b.append("BASELINES (test segment; strategies traded with the same rules, costs and fills; Sharpe of excess returns)\n");
            b.append(String.format(Locale.ROOT, "%-48s %10s %8s %9s %9s%n", "Portfolio", "Return", "Sharpe", "Max DD",
                    "Invested"));
            for (Figures f : List.of(chosen, other, ridge, equalWeight, spy)) {
                b.append(String.format(Locale.ROOT, "%-48s %+9.2f%% %8s %8.2f%% %9s%n", f.name(), f.totalReturn() * 100,
                        Double.isNaN(f.sharpe()) ? "n/a" : String.format(Locale.ROOT, "%.2f", f.sharpe()),
                        f.maxDrawdown() * 100, Double.isNaN(f.investedShare()) ? "-"
                                : String.format(Locale.ROOT, "%.0f%%", f.investedShare() * 100)));
            }
            for (String l : constantLines) {
                b.append(l).append('\n');
            }
            b.append("Forecasts of the vol-adjusted excess return, test stock-dates pooled (").append(ridgeFit)
                    .append("):\n");
            b.append(String.format(Locale.ROOT, "  %-12s %8s %10s %13s%n", "Forecast", "n", "RMSE", "mean daily IC"));
            for (ForecastLine l : forecasts) {
                b.append(String.format(Locale.ROOT, "  %-12s %8d %10.4f %13s%n", l.name(), l.n(), l.rmse(),
                        Double.isNaN(l.meanDailyIc()) ? "n/a" : String.format(Locale.ROOT, "%+.4f", l.meanDailyIc())));
            }
            return b.toString();
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("score", score.code());
            m.put("sigma_validation_rmse", sigma);
            List<Object> pf = new ArrayList<>();
            for (Figures f : List.of(chosen, other, ridge, equalWeight, spy)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", f.name());
                r.put("total_return", f.totalReturn());
                r.put("sharpe", Double.isFinite(f.sharpe()) ? f.sharpe() : null);
                r.put("max_drawdown", f.maxDrawdown());
                r.put("invested_share", Double.isFinite(f.investedShare()) ? f.investedShare() : null);
                pf.add(r);
            }
            m.put("portfolios", pf);
            List<Object> fc = new ArrayList<>();
            for (ForecastLine l : forecasts) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", l.name());
                r.put("n", l.n());
                r.put("rmse", Double.isFinite(l.rmse()) ? l.rmse() : null);
                r.put("mean_daily_ic", Double.isFinite(l.meanDailyIc()) ? l.meanDailyIc() : null);
                fc.add(r);
            }
            m.put("forecasts", fc);
            m.put("ridge", ridgeFit);
            m.put("constant_positions", constantLines);
            return m;
        }
    }
}
