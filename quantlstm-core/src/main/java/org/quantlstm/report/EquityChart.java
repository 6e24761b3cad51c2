package org.quantlstm.report;

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
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.quantlstm.backtest.BacktestResult;

/**
 * Seed 001's chart, one PNG per strategy: on top the strategy's equity against buy-and-hold (both as growth of
 * 1 from their own starting capital), below the position held at each close in percent of equity ("how much
 * capital deployed each day"; negative = short). Rendered headless with XChart; the file is written atomically.
 * File naming ({@code {TICKER}_{STRATEGY}_{TIMESTAMP}.png}) is the caller's.
 */
public final class EquityChart {
    private final int width;
    private final int height;

    /** A chart of {@code width} × {@code height} pixels; the top panel takes 65 % of the height. */
    public EquityChart(int width, int height) {
        if (width < 200 || height < 200) {
            throw new IllegalArgumentException("chart must be at least 200x200 pixels: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /** 1200 × 800. */
    public static EquityChart standard() {
        return new EquityChart(1200, 800);
    }

    /** Renders the two panels into one image. */
    public BufferedImage render(BacktestResult strategy, BacktestResult buyAndHold, String title) {
        int top = (int) Math.round(height * 0.65), bottom = height - top;
        List<Date> x = new ArrayList<>(strategy.size());
        for (long t : strategy.times()) {
            x.add(new Date(t));
        }
        XYChart eq = new XYChartBuilder().width(width).height(top).title(title).yAxisTitle("Growth of 1").build();
        style(eq);
        addLine(eq, strategy.name(), x, growth(strategy), new Color(31, 119, 180));
        if (buyAndHold != null) {
            addLine(eq, "Buy & Hold", x, growth(buyAndHold), new Color(127, 127, 127));
        }
        XYChart pos = new XYChartBuilder().width(width).height(bottom).yAxisTitle("Position (% of equity)").build();
        style(pos);
        pos.getStyler().setLegendVisible(false);
        double[] p = new double[strategy.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = strategy.position()[i] * 100;
        }
        addLine(pos, "position", x, p, new Color(44, 160, 44));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(BitmapEncoder.getBufferedImage(eq), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(pos), 0, top, null);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Renders and writes a PNG to {@code file} (temporary file + move). */
    public void write(BacktestResult strategy, BacktestResult buyAndHold, String title, Path file) {
        BufferedImage img = render(strategy, buyAndHold, title);
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

    private static void style(XYChart c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setDatePattern("yyyy-MM-dd");
        c.getStyler().setXAxisLabelRotation(0);
    }

    private static void addLine(XYChart c, String name, List<Date> x, double[] y, Color color) {
        List<Double> ys = new ArrayList<>(y.length);
        for (double v : y) {
            ys.add(v);
        }
        XYSeries s = c.addSeries(name, x, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    private static double[] growth(BacktestResult r) {
        double[] g = new double[r.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.equity()[i] / r.initialCapital();
        }
        return g;
    }
}
