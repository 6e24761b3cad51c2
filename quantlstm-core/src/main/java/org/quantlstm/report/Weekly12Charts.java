package org.quantlstm.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.quantlstm.backtest.BacktestResult;

/**
 * The weekly-12 paper's figures as PNG (XChart, headless, written atomically): Figure 4, the cumulative return of
 * the strategy, 1/N and the index; Figure 3, each stock's weight in the strategy after every weekly rebalance (one
 * line per stock, negative = short).
 */
public final class Weekly12Charts {
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207), new Color(0, 0, 0),
        new Color(255, 187, 120)};

    private Weekly12Charts() {
    }

    /** Cumulative return in percent (equity / initial capital − 1) of each result, one line each. */
    public static void cumulativeReturns(long[] times, List<BacktestResult> results, List<String> labels, Path file) {
        XYChart c = chart("Cumulative return (weekly closes)", "Cumulative return (%)");
        List<Date> x = dates(times);
        for (int i = 0; i < results.size(); i++) {
            BacktestResult r = results.get(i);
            double[] y = new double[times.length];
            for (int k = 0; k < y.length; k++) {
                y[k] = (r.equity()[k] / r.initialCapital() - 1) * 100;
            }
            line(c, labels.get(i), x, y, PALETTE[i % PALETTE.length]);
        }
        write(c, file);
    }

    /** Weights {@code weights[k][i]} set at {@code times[k]}, in percent, one line per asset. */
    public static void weights(long[] times, double[][] weights, List<String> assets, Path file) {
        XYChart c = chart("Strategy weights after each weekly rebalance (cap 1/3; negative = short)",
                "Weight (% of portfolio)");
        List<Date> x = dates(times);
        for (int i = 0; i < assets.size(); i++) {
            double[] y = new double[times.length];
            for (int k = 0; k < y.length; k++) {
                y[k] = weights[k][i] * 100;
            }
            line(c, assets.get(i), x, y, PALETTE[i % PALETTE.length]);
        }
        write(c, file);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(1200).height(700).title(title).yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setDatePattern("yyyy-MM-dd");
        return c;
    }

    private static List<Date> dates(long[] times) {
        List<Date> x = new ArrayList<>(times.length);
        for (long t : times) {
            x.add(new Date(t));
        }
        return x;
    }

    private static void line(XYChart c, String name, List<Date> x, double[] y, Color color) {
        List<Double> ys = new ArrayList<>(y.length);
        for (double v : y) {
            ys.add(v);
        }
        XYSeries s = c.addSeries(name, x, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    private static void write(XYChart c, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(BitmapEncoder.getBufferedImage(c), "png", out)) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + file, e);
        }
        ResultWriter.atomicWrite(file, out.toByteArray());
    }
}
