package org.quantlstm.systems.multiasset;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.model.TrainingHistory;
import org.quantlstm.portfolio.MertonAllocator;
import org.quantlstm.report.Drawdown;
import org.quantlstm.report.MultiAssetCharts;
import org.quantlstm.workflow.RunFolder;

/**
 * Seed 000's figures that this system keeps (issue 14, item 9): the HJB and tangent equity curves on one chart with
 * their volatility and drawdown (the seed claims HJB is smoother), and each asset's per-epoch training log of its test
 * model (the seed's Figure 4).
 */
final class SeedFigures {

    private SeedFigures() {
    }

    /** Equity from 1 compounding {@code r}. */
    static double[] equity(double[] r) {
        double[] e = new double[r.length + 1];
        e[0] = 1;
        for (int i = 0; i < r.length; i++) {
            e[i + 1] = e[i] * (1 + r[i]);
        }
        return e;
    }

    /** Annualised volatility (ddof 1) of per-period returns. */
    static double volatility(double[] r, int ppy) {
        double s = AssetTuner.std(r);
        return Double.isNaN(s) ? Double.NaN : s * Math.sqrt(ppy);
    }

    /** The console line comparing the two realised paths. */
    static String hjbVsTangentLine(MertonAllocator.Comparison cmp, int ppy) {
        double[] h = cmp.dynamic().realisedReturns();
        double[] t = cmp.tangentReturns();
        double vh = volatility(h, ppy);
        double vt = volatility(t, ppy);
        double dh = Drawdown.of(equity(h)).maxDrawdown();
        double dt = Drawdown.of(equity(t)).maxDrawdown();
        return String.format(Locale.ROOT, "HJB vs tangent equity (seed 000's smoothness claim; realised, causal): "
                + "volatility %.2f%% vs %.2f%% a year, max drawdown %.2f%% vs %.2f%%: %s%n", vh * 100, vt * 100, dh * 100,
                dt * 100, !(vh < vt) && !(dh > dt) ? "HJB is NOT smoother here"
                        : vh < vt && dh > dt ? "HJB is smoother on both" : "mixed (smoother on one measure only)");
    }

    /** The chart of both equity curves, on the panel's last dates. */
    static void chart(RunFolder folder, List<java.time.LocalDate> dates, MertonAllocator.Comparison cmp) {
        double[] h = equity(cmp.dynamic().realisedReturns());
        double[] t = equity(cmp.tangentReturns());
        int m = Math.min(h.length, t.length);
        List<Date> x = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            int d = dates.size() - m + k;
            x.add(d >= 0 ? Date.from(dates.get(d).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()) : new Date(k));
        }
        Map<String, List<Date>> times = new LinkedHashMap<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        times.put("HJB / Merton (dynamic)", x);
        values.put("HJB / Merton (dynamic)", java.util.Arrays.copyOf(h, m));
        times.put("Tangent (static)", x);
        values.put("Tangent (static)", java.util.Arrays.copyOf(t, m));
        MultiAssetCharts.portfolioValue(times, values, List.of(), null,
                "HJB vs tangent portfolio: realised equity after the warm-up (growth of 1)",
                folder.file("charts/mpt_hjb_vs_tangent_equity_" + folder.timestamp() + ".png"));
    }

    /** training_log.csv: ticker, epoch, train loss, validation loss (empty when none), learning rate. */
    static String trainingLogCsv(List<String> tickers, List<TrainingHistory> histories) {
        StringBuilder b = new StringBuilder("ticker,epoch,train_loss,valid_loss,learning_rate\n");
        for (int i = 0; i < tickers.size(); i++) {
            TrainingHistory h = histories.get(i);
            if (h == null) {
                continue;
            }
            double[] tl = h.trainLoss();
            double[] vl = h.validLoss();
            double[] lr = h.learningRate();
            for (int e = 0; e < tl.length; e++) {
                b.append(tickers.get(i)).append(',').append(e + 1).append(',').append(tl[e]).append(',')
                        .append(e < vl.length && Double.isFinite(vl[e]) ? String.valueOf(vl[e]) : "").append(',')
                        .append(e < lr.length ? String.valueOf(lr[e]) : "").append('\n');
            }
        }
        return b.toString();
    }

    /** One line per asset: the test model's training loss by epoch (the seed's Figure 4 as numbers). */
    static String trainingLogLines(List<String> tickers, List<TrainingHistory> histories) {
        StringBuilder b = new StringBuilder("TRAINING LOG of each asset's test model (MSE on the standardised target, "
                + "per epoch; training_log.csv):\n");
        for (int i = 0; i < tickers.size(); i++) {
            TrainingHistory h = histories.get(i);
            if (h == null) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "%-8s", tickers.get(i)));
            for (double v : h.trainLoss()) {
                b.append(String.format(Locale.ROOT, " %.4f", v));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
