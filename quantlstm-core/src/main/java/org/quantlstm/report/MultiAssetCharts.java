package org.quantlstm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The multi-asset seed's figures (seed 000, figures 5, 6, 8 and 9) as PNG files, rendered headless with XChart and
 * written atomically: portfolio value by ticker with the average dashed; return against σ with a quadratic fit and
 * its tangent line from the risk-free rate; the efficient frontier with the tangent portfolio, the HJB portfolio
 * and the capital market line; and per asset the forecast against the actual price (predicted dashed) with long and
 * short entries marked above the strategy's equity. Inputs are plain arrays; the caller chooses the units (the
 * axis titles say which).
 */
public final class MultiAssetCharts {
    private static final Color CYAN = new Color(0, 170, 200);
    private static final Color PURPLE = new Color(128, 0, 160);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    /** matplotlib's tab10 without its cyan, which is kept for the average and the tangent/CML lines. */
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34)};

    private MultiAssetCharts() {
    }

    /** One line per ticker (value over time) and the average of them, dashed. */
    public static void portfolioValue(Map<String, List<Date>> times, Map<String, double[]> values, List<Date> avgTimes,
                                      double[] average, String title, Path file) {
        XYChart c = new XYChartBuilder().width(1200).height(600).title(title).yAxisTitle("Portfolio value").build();
        style(c);
        int k = 0;
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            line(c, e.getKey(), times.get(e.getKey()), e.getValue(), PALETTE[k++ % PALETTE.length]);
        }
        if (average != null && average.length > 1) {
            XYSeries s = line(c, "Average (expected)", avgTimes, average, CYAN);
            s.setLineStyle(DASHED);
        }
        write(BitmapEncoder.getBufferedImage(c), file);
    }

    /** Least-squares polynomial coefficients c0..c_degree of y on x. */
    public static double[] polyfit(double[] x, double[] y, int degree) {
        int k = degree + 1;
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < x.length; i++) {
            double[] pw = new double[2 * k];
            pw[0] = 1;
            for (int j = 1; j < pw.length; j++) {
                pw[j] = pw[j - 1] * x[i];
            }
            for (int r = 0; r < k; r++) {
                for (int col = 0; col < k; col++) {
                    a[r][col] += pw[r + col];
                }
                a[r][k] += pw[r] * y[i];
            }
        }
        for (int p = 0; p < k; p++) {
            int best = p;
            for (int r = p + 1; r < k; r++) {
                if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
                    best = r;
                }
            }
            double[] t = a[p];
            a[p] = a[best];
            a[best] = t;
            if (Math.abs(a[p][p]) < 1e-300) {
                throw new IllegalArgumentException("polynomial fit is singular (too few distinct x values)");
            }
            for (int r = 0; r < k; r++) {
                if (r != p) {
                    double f = a[r][p] / a[p][p];
                    for (int col = p; col <= k; col++) {
                        a[r][col] -= f * a[p][col];
                    }
                }
            }
        }
        double[] coef = new double[k];
        for (int r = 0; r < k; r++) {
            coef[r] = a[r][k] / a[r][r];
        }
        return coef;
    }

    static double eval(double[] coef, double x) {
        double v = 0;
        for (int i = coef.length - 1; i >= 0; i--) {
            v = v * x + coef[i];
        }
        return v;
    }

    /**
     * Return against σ, one point per asset; a quadratic fit (when at least three assets have distinct σ) and the
     * tangent line from {@code (0, riskFree)} to the fitted curve, touching it where {@code (fit(σ) − rf)/σ} is
     * largest over the assets' σ range (marked with an X).
     */
    public static void returnVsSigma(String[] names, double[] sigma, double[] ret, double riskFree, String xTitle,
                                     String yTitle, Path file) {
        XYChart c = new XYChartBuilder().width(1000).height(700).title("Return vs sigma (test segment)")
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c);
        for (int i = 0; i < names.length; i++) {
            XYSeries s = c.addSeries(names[i], new double[] {sigma[i]}, new double[] {ret[i]});
            s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : sigma) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        if (names.length >= 3 && hi > lo) {
            double[] coef = polyfit(sigma, ret, 2);
            int m = 60;
            double[] xs = new double[m];
            double[] ys = new double[m];
            double bestX = lo;
            double bestSlope = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                xs[i] = lo + (hi - lo) * i / (m - 1);
                ys[i] = eval(coef, xs[i]);
                if (xs[i] > 0 && (ys[i] - riskFree) / xs[i] > bestSlope) {
                    bestSlope = (ys[i] - riskFree) / xs[i];
                    bestX = xs[i];
                }
            }
            XYSeries fit = c.addSeries("Polynomial fit (degree 2)", xs, ys);
            fit.setMarker(SeriesMarkers.NONE);
            fit.setLineColor(Color.RED);
            if (Double.isFinite(bestSlope)) {
                double end = hi * 1.1;
                XYSeries tan = c.addSeries("Tangent line", new double[] {0, end},
                        new double[] {riskFree, riskFree + bestSlope * end});
                tan.setMarker(SeriesMarkers.NONE);
                tan.setLineColor(CYAN);
                XYSeries pt = c.addSeries("Tangent point", new double[] {bestX}, new double[] {eval(coef, bestX)});
                pt.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                pt.setMarker(SeriesMarkers.CROSS);
                pt.setMarkerColor(PURPLE);
            }
        }
        write(BitmapEncoder.getBufferedImage(c), file);
    }

    /**
     * The efficient frontier (σ, μ), the capital market line from the risk-free rate through the tangent portfolio
     * (dashed, when a tangent exists), the tangent portfolio (star), the HJB portfolio (dot) and the assets.
     */
    public static void frontier(double[] frontierSigma, double[] frontierMu, double[] tangentOrNull, double[] hjbOrNull,
                                double riskFree, String[] names, double[] assetSigma, double[] assetMu, String xTitle,
                                String yTitle, Path file) {
        XYChart c = new XYChartBuilder().width(1000).height(700).title("Efficient frontier: MPT tangent vs HJB (Merton)")
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(c);
        XYSeries f = c.addSeries("Efficient frontier", frontierSigma, frontierMu);
        f.setMarker(SeriesMarkers.NONE);
        f.setLineColor(Color.RED);
        double maxSigma = 0;
        for (double s : frontierSigma) {
            maxSigma = Math.max(maxSigma, s);
        }
        for (double s : assetSigma) {
            maxSigma = Math.max(maxSigma, s);
        }
        if (hjbOrNull != null) {
            maxSigma = Math.max(maxSigma, hjbOrNull[0]);
        }
        if (tangentOrNull != null && tangentOrNull[0] > 0) {
            double slope = (tangentOrNull[1] - riskFree) / tangentOrNull[0];
            double end = maxSigma * 1.1;
            XYSeries cml = c.addSeries("Capital market line", new double[] {0, end},
                    new double[] {riskFree, riskFree + slope * end});
            cml.setMarker(SeriesMarkers.NONE);
            cml.setLineColor(CYAN);
            cml.setLineStyle(DASHED);
            XYSeries t = c.addSeries("Tangent portfolio", new double[] {tangentOrNull[0]}, new double[] {tangentOrNull[1]});
            t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            t.setMarker(SeriesMarkers.DIAMOND);
            t.setMarkerColor(PURPLE);
        }
        if (hjbOrNull != null) {
            XYSeries h = c.addSeries("HJB (Merton) portfolio", new double[] {hjbOrNull[0]}, new double[] {hjbOrNull[1]});
            h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            h.setMarker(SeriesMarkers.CIRCLE);
            h.setMarkerColor(Color.BLUE);
        }
        for (int i = 0; i < names.length; i++) {
            XYSeries s = c.addSeries(names[i], new double[] {assetSigma[i]}, new double[] {assetMu[i]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.SQUARE);
        }
        write(BitmapEncoder.getBufferedImage(c), file);
    }

    /**
     * Seed figure 5: actual close (solid) and the forecast of it made one bar earlier (dashed), long entries as green
     * up-triangles and short entries as red down-triangles at the decision bar's close; below, the equity curve.
     * {@code predictedNext[i]} is the forecast made at bar i of bar i+1's close, drawn at bar i+1.
     */
    public static void forecastVsActual(String title, List<Date> x, double[] close, double[] predictedNext,
                                        double[] target, double[] equity, Path file) {
        int n = x.size();
        XYChart top = new XYChartBuilder().width(1200).height(520).title(title).yAxisTitle("Price").build();
        style(top);
        line(top, "Actual", x, close, Color.BLACK);
        List<Date> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            if (Double.isFinite(predictedNext[i])) {
                px.add(x.get(i + 1));
                py.add(predictedNext[i]);
            }
        }
        if (!px.isEmpty()) {
            XYSeries p = top.addSeries("Predicted (next bar)", px, py);
            p.setMarker(SeriesMarkers.NONE);
            p.setLineColor(new Color(31, 119, 180));
            p.setLineStyle(DASHED);
        }
        marks(top, "Long entry", x, close, target, 1, SeriesMarkers.TRIANGLE_UP, new Color(0, 160, 0));
        marks(top, "Short entry", x, close, target, -1, SeriesMarkers.TRIANGLE_DOWN, Color.RED);
        XYChart bottom = new XYChartBuilder().width(1200).height(280).yAxisTitle("Equity").build();
        style(bottom);
        bottom.getStyler().setLegendVisible(false);
        line(bottom, "Equity", x, equity, new Color(44, 160, 44));
        BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(BitmapEncoder.getBufferedImage(top), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(bottom), 0, 520, null);
        } finally {
            g.dispose();
        }
        write(img, file);
    }

    private static void marks(XYChart c, String name, List<Date> x, double[] close, double[] target, int side,
                              org.knowm.xchart.style.markers.Marker marker, Color color) {
        List<Date> mx = new ArrayList<>();
        List<Double> my = new ArrayList<>();
        for (int i = 0; i < target.length; i++) {
            double prev = i == 0 ? 0 : target[i - 1];
            if (target[i] == side && prev != side) {
                mx.add(x.get(i));
                my.add(close[i]);
            }
        }
        if (!mx.isEmpty()) {
            XYSeries s = c.addSeries(name, mx, my);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(marker);
            s.setMarkerColor(color);
        }
    }

    private static XYSeries line(XYChart c, String name, List<Date> x, double[] y, Color color) {
        List<Double> ys = new ArrayList<>(y.length);
        for (double v : y) {
            ys.add(v);
        }
        XYSeries s = c.addSeries(name, x, ys);
        s.setMarker(SeriesMarkers.NONE);
        if (color != null) {
            s.setLineColor(color);
        }
        return s;
    }

    private static void style(XYChart c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setDatePattern("yyyy-MM-dd");
    }

    private static void write(BufferedImage img, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + file, e);
        }
        ResultWriter.atomicWrite(file, out.toByteArray());
    }
}
