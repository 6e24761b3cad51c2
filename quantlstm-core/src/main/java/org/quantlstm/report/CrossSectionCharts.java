package org.quantlstm.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The cross-sectional seed's figures besides the equity curve (which is {@link EquityChart}): cumulative
 * realised P&amp;L by exit date, the distribution of closed-trade returns, the per-date information coefficient
 * with its running mean, and permutation feature importance. Headless PNGs, 1000 × 600, written atomically.
 */
public final class CrossSectionCharts {
    private static final int W = 1000;
    private static final int H = 600;

    private CrossSectionCharts() {
    }

    /** Cumulative realised P&amp;L (currency) of closed trades, stepped at each exit date. */
    public static void realizedPnl(long[] exitTimes, double[] pnl, String title, Path file) {
        XYChart c = xy(title, "Cumulative realised P&L");
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double cum = 0;
        for (int i = 0; i < exitTimes.length; i++) {
            cum += pnl[i];
            x.add(new Date(exitTimes[i]));
            y.add(cum);
        }
        if (x.isEmpty()) {
            x.add(new Date(0));
            y.add(0.0);
        }
        line(c, "realised P&L", x, y, new Color(31, 119, 180));
        write(c, file);
    }

    /** Histogram of trade returns in percent, {@code bins} equal-width bins over the observed range. */
    public static void returnHistogram(double[] returns, int bins, String title, Path file) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(title).xAxisTitle("Trade return (%)")
                .yAxisTitle("Trades").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(45);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double r : returns) {
            lo = Math.min(lo, r * 100);
            hi = Math.max(hi, r * 100);
        }
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        if (returns.length == 0) {
            labels.add("no trades");
            counts.add(0);
        } else {
            if (hi == lo) {
                hi = lo + 1;
            }
            double w = (hi - lo) / bins;
            int[] k = new int[bins];
            for (double r : returns) {
                k[Math.min(bins - 1, (int) ((r * 100 - lo) / w))]++;
            }
            for (int b = 0; b < bins; b++) {
                labels.add(String.format(Locale.ROOT, "%.1f", lo + (b + 0.5) * w));
                counts.add(k[b]);
            }
        }
        c.addSeries("trades", labels, counts).setFillColor(new Color(31, 119, 180));
        write(c, file);
    }

    /** IC and rank IC per date (thin lines) with the running mean of each (thick). */
    public static void informationCoefficient(long[] times, double[] ic, double[] rankIc, String title, Path file) {
        XYChart c = xy(title, "Correlation");
        List<Date> x = new ArrayList<>();
        List<Double> a = new ArrayList<>(), b = new ArrayList<>(), ma = new ArrayList<>(), mb = new ArrayList<>();
        double sa = 0, sb = 0;
        int na = 0, nb = 0;
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(ic[i]) || !Double.isFinite(rankIc[i])) {
                continue;
            }
            x.add(new Date(times[i]));
            a.add(ic[i]);
            b.add(rankIc[i]);
            sa += ic[i];
            sb += rankIc[i];
            ma.add(sa / ++na);
            mb.add(sb / ++nb);
        }
        if (x.isEmpty()) {
            x.add(new Date(0));
            a.add(0.0);
            b.add(0.0);
            ma.add(0.0);
            mb.add(0.0);
        }
        line(c, "IC", x, a, new Color(174, 199, 232));
        line(c, "rank IC", x, b, new Color(255, 187, 120));
        line(c, "IC running mean", x, ma, new Color(31, 119, 180));
        line(c, "rank IC running mean", x, mb, new Color(255, 127, 14));
        write(c, file);
    }

    /** One bar per feature: the drop in mean IC when that feature is shuffled (larger = more important). */
    public static void featureImportance(List<String> names, double[] drop, String title, Path file) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(title).xAxisTitle("Feature")
                .yAxisTitle("Drop in mean IC when shuffled").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(45);
        List<Double> v = new ArrayList<>();
        for (double d : drop) {
            v.add(Double.isFinite(d) ? d : 0.0);
        }
        c.addSeries("importance", names, v).setFillColor(new Color(44, 160, 44));
        write(c, file);
    }

    private static XYChart xy(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setDatePattern("yyyy-MM-dd");
        return c;
    }

    private static void line(XYChart c, String name, List<Date> x, List<Double> y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    private static void write(Chart<?, ?> c, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(c, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + file, e);
        }
        ResultWriter.atomicWrite(file, out.toByteArray());
    }
}
