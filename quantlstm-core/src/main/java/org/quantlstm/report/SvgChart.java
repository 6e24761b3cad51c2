package org.quantlstm.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, dependency-free SVG chart writer for the tear sheet: line and area series over time or over a number,
 * triangle markers, histograms and horizontal bars, with "nice" 1-2-5 axis ticks and calendar ticks on time axes.
 * Output is XML-well-formed SVG (usable inline in XHTML-compatible HTML5). Long series are thinned to at most
 * {@value #MAX_POINTS} points per line by keeping each bucket's minimum and maximum, so the shape (and every
 * extreme) survives while the file stays small. NaN values break a line.
 */
final class SvgChart {
    /** Most points drawn per line; longer series keep each bucket's min and max. */
    static final int MAX_POINTS = 1200;
    private static final double L = 70, R = 18, T = 46, B = 34;

    /** How the x values are read and labelled. */
    enum XAxis { TIME, NUMBER }

    /** How y tick labels are written. */
    enum YFormat { NUMBER, PERCENT }

    private record Line(String name, double[] x, double[] y, String color, double width, boolean dashed,
                        boolean fill, boolean legend) {
    }

    /** Marker shapes: triangles pointing up (long) or down (short), or a dot. */
    enum Shape { UP, DOWN, DOT }

    private record Marks(String name, double[] x, double[] y, String color, Shape shape) {
    }

    private final String id;
    private final String title;
    private final int width;
    private final int height;
    private final XAxis xAxis;
    private YFormat yFormat = YFormat.NUMBER;
    private boolean logY;
    private String yLabel = "";
    private final List<Line> lines = new ArrayList<>();
    private final List<Marks> marks = new ArrayList<>();
    private final List<Double> rules = new ArrayList<>();

    SvgChart(String id, String title, int width, int height, XAxis xAxis) {
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("chart id must be an XML name: " + id);
        }
        this.id = id;
        this.title = title;
        this.width = width;
        this.height = height;
        this.xAxis = xAxis;
    }

    SvgChart percent() {
        yFormat = YFormat.PERCENT;
        return this;
    }

    SvgChart logY() {
        logY = true;
        return this;
    }

    SvgChart yLabel(String label) {
        yLabel = label;
        return this;
    }

    /** A horizontal reference line (e.g. 0 or 1). */
    SvgChart rule(double y) {
        rules.add(y);
        return this;
    }

    SvgChart line(String name, double[] x, double[] y, String color, double strokeWidth, boolean dashed) {
        lines.add(new Line(name, x, y, color, strokeWidth, dashed, false, true));
        return this;
    }

    /** A thin line left out of the legend (e.g. the other strategies behind the highlighted one). */
    SvgChart faint(String name, double[] x, double[] y, String color) {
        lines.add(new Line(name, x, y, color, 0.8, false, false, false));
        return this;
    }

    /** A line filled down (or up) to y = 0, e.g. underwater drawdown. */
    SvgChart area(String name, double[] x, double[] y, String color) {
        lines.add(new Line(name, x, y, color, 1.2, false, true, true));
        return this;
    }

    /** Triangle markers: pointing up (long) or down (short). */
    SvgChart markers(String name, double[] x, double[] y, String color, boolean up) {
        marks.add(new Marks(name, x, y, color, up ? Shape.UP : Shape.DOWN));
        return this;
    }

    /** Dot markers (e.g. one per tuning trial); NaN values are skipped. */
    SvgChart dots(String name, double[] x, double[] y, String color) {
        marks.add(new Marks(name, x, y, color, Shape.DOT));
        return this;
    }

    static double[] millis(long[] t) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = t[i];
        }
        return out;
    }

    String render() {
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0; i < l.x.length; i++) {
                if (usable(l.y[i]) && Double.isFinite(l.x[i])) {
                    xmin = Math.min(xmin, l.x[i]);
                    xmax = Math.max(xmax, l.x[i]);
                    ymin = Math.min(ymin, l.y[i]);
                    ymax = Math.max(ymax, l.y[i]);
                }
            }
            if (l.fill) {
                ymin = Math.min(ymin, 0);
                ymax = Math.max(ymax, 0);
            }
        }
        for (Marks m : marks) {
            for (int i = 0; i < m.x.length; i++) {
                if (usable(m.y[i])) {
                    xmin = Math.min(xmin, m.x[i]);
                    xmax = Math.max(xmax, m.x[i]);
                    ymin = Math.min(ymin, m.y[i]);
                    ymax = Math.max(ymax, m.y[i]);
                }
            }
        }
        for (double r : rules) {
            if (usable(r)) {
                ymin = Math.min(ymin, r);
                ymax = Math.max(ymax, r);
            }
        }
        StringBuilder s = open();
        if (!(xmax >= xmin) || !(ymax >= ymin)) {
            s.append(text(width / 2.0, height / 2.0, "middle", "no data", "muted"));
            return s.append("</svg>").toString();
        }
        if (xmax == xmin) {
            xmin -= 1;
            xmax += 1;
        }
        if (ymax == ymin) {
            double pad = ymax == 0 ? 1 : Math.abs(ymax) * 0.05;
            ymin -= pad;
            ymax += pad;
        }
        double[] yt = logY ? logTicks(ymin, ymax) : niceTicks(ymin, ymax, 6);
        if (!logY) {
            ymin = Math.min(ymin, yt[0]);
            ymax = Math.max(ymax, yt[yt.length - 1]);
        }
        Scale sc = new Scale(xmin, xmax, ymin, ymax);
        axes(s, sc, yt);
        s.append("<g clip-path=\"url(#").append(id).append("-clip)\">");
        for (double r : rules) {
            if (usable(r)) {
                double y = sc.y(r);
                s.append(String.format(Locale.ROOT, "<line class=\"rule\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                        L, y, width - R, y));
            }
        }
        for (Line l : lines) {
            int[] keep = thin(l.y, MAX_POINTS);
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            double firstX = Double.NaN, lastX = Double.NaN;
            for (int i : keep) {
                if (!usable(l.y[i]) || !Double.isFinite(l.x[i])) {
                    pen = false;
                    continue;
                }
                double px = sc.x(l.x[i]), py = sc.y(l.y[i]);
                if (Double.isNaN(firstX)) {
                    firstX = px;
                }
                lastX = px;
                d.append(pen ? 'L' : 'M').append(fmt(px)).append(' ').append(fmt(py));
                pen = true;
            }
            if (d.length() == 0) {
                continue;
            }
            if (l.fill) {
                double zero = sc.y(0);
                s.append("<path class=\"area\" fill=\"").append(l.color).append("\" d=\"").append(d)
                        .append('L').append(fmt(lastX)).append(' ').append(fmt(zero))
                        .append('L').append(fmt(firstX)).append(' ').append(fmt(zero)).append("Z\"/>");
            }
            s.append("<path class=\"series\" fill=\"none\" stroke=\"").append(l.color).append("\" stroke-width=\"")
                    .append(fmt(l.width)).append('"');
            if (l.dashed) {
                s.append(" stroke-dasharray=\"6 4\"");
            }
            s.append(" d=\"").append(d).append("\"><title>").append(Html.escape(l.name)).append("</title></path>");
        }
        for (Marks m : marks) {
            long count = java.util.Arrays.stream(m.y).filter(this::usable).count();
            // many markers shrink so that the lines under them stay readable
            double h = count > 300 ? 2.0 : count > 80 ? 3.0 : 4.5;
            s.append("<g class=\"markers\" fill=\"").append(m.color).append("\"><title>").append(Html.escape(m.name))
                    .append("</title>");
            for (int i = 0; i < m.x.length; i++) {
                if (!usable(m.y[i])) {
                    continue;
                }
                double px = sc.x(m.x[i]), py = sc.y(m.y[i]);
                if (m.shape == Shape.DOT) {
                    s.append("<circle cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py)).append("\" r=\"")
                            .append(fmt(h * 0.7)).append("\"/>");
                    continue;
                }
                boolean up = m.shape == Shape.UP;
                double tip = up ? py - h * 1.1 : py + h * 1.1, base = up ? py + h * 0.9 : py - h * 0.9;
                s.append("<path d=\"M").append(fmt(px)).append(' ').append(fmt(tip)).append('L').append(fmt(px - h))
                        .append(' ').append(fmt(base)).append('L').append(fmt(px + h)).append(' ').append(fmt(base))
                        .append("Z\"/>");
            }
            s.append("</g>");
        }
        s.append("</g>");
        legend(s);
        return s.append("</svg>").toString();
    }

    /** A histogram of {@code values} (NaN skipped) in {@code bins} equal-width bins, with a line at 0. */
    static String histogram(String id, String title, double[] values, int bins, String color, boolean percent) {
        SvgChart c = new SvgChart(id, title, 680, 300, XAxis.NUMBER);
        StringBuilder s = c.open();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                n++;
            }
        }
        if (n == 0) {
            s.append(c.text(c.width / 2.0, c.height / 2.0, "middle", "no data", "muted"));
            return s.append("</svg>").toString();
        }
        if (hi == lo) {
            double pad = lo == 0 ? 0.01 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        int[] count = new int[bins];
        double w = (hi - lo) / bins;
        for (double v : values) {
            if (Double.isFinite(v)) {
                count[Math.min(bins - 1, (int) ((v - lo) / w))]++;
            }
        }
        int max = 0;
        for (int k : count) {
            max = Math.max(max, k);
        }
        double[] yt = niceTicks(0, max, 5);
        Scale sc = c.new Scale(lo, hi, 0, Math.max(max, yt[yt.length - 1]));
        c.axesWith(s, sc, yt, YFormat.NUMBER, percent);
        s.append("<g fill=\"").append(color).append("\">");
        for (int k = 0; k < bins; k++) {
            if (count[k] == 0) {
                continue;
            }
            double x0 = sc.x(lo + k * w), x1 = sc.x(lo + (k + 1) * w), y = sc.y(count[k]);
            s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s: %d</title></rect>", x0 + 0.5, y, Math.max(0.5, x1 - x0 - 1), sc.y(0) - y,
                    Html.escape((percent ? Html.pct(lo + k * w) + " to " + Html.pct(lo + (k + 1) * w)
                            : Html.num(lo + k * w) + " to " + Html.num(lo + (k + 1) * w))), count[k]));
        }
        s.append("</g>");
        if (lo < 0 && hi > 0) {
            double z = sc.x(0);
            s.append(String.format(Locale.ROOT, "<line class=\"rule\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    z, T, z, c.height - B));
        }
        return s.append("</svg>").toString();
    }

    /**
     * Error bars, one row per label: a whisker from {@code lower} to {@code upper} with a dot at {@code estimate} and
     * a rule at 0 (e.g. 95 % bootstrap intervals of each strategy's Sharpe). A row with NaN bounds shows its estimate
     * only; a row with a NaN estimate is labelled "n/a".
     */
    static String intervals(String id, String title, List<String> labels, double[] estimate, double[] lower,
                            double[] upper, boolean percent) {
        int rowH = 20;
        int height = (int) (T + B + rowH * Math.max(1, labels.size()));
        SvgChart c = new SvgChart(id, title, 680, height, XAxis.NUMBER);
        StringBuilder s = c.open();
        double lo = 0, hi = 0;
        for (int i = 0; i < labels.size(); i++) {
            for (double v : new double[] {estimate[i], lower[i], upper[i]}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double[] xt = niceTicks(lo, hi > lo ? hi : lo + 1, 6);
        double xmin = Math.min(lo, xt[0]), xmax = Math.max(hi, xt[xt.length - 1]);
        double left = 200, pw = c.width - R - left - 10;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - xmin) / (xmax - xmin) * pw;
        for (double t : xt) {
            double x = px.applyAsDouble(t);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    x, T, x, height - B));
            s.append(c.text(x, height - B + 16, "middle", percent ? tickPct(t, xt.length > 1 ? xt[1] - xt[0] : 0.01)
                    : xt.length > 1 ? tickNum(t, xt[1] - xt[0]) : Html.num(t), "tick"));
        }
        if (xmin < 0 && xmax > 0) {
            double z = px.applyAsDouble(0);
            s.append(String.format(Locale.ROOT, "<line class=\"rule\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    z, T, z, height - B));
        }
        for (int i = 0; i < labels.size(); i++) {
            double y = T + i * rowH + rowH / 2.0;
            s.append(c.text(left - 6, y + 4, "end", labels.get(i), "tick"));
            String fmtEst = percent ? Html.pct(estimate[i]) : Html.num(estimate[i]);
            if (!Double.isFinite(estimate[i])) {
                s.append(c.text(left + 4, y + 4, "start", "n/a", "muted"));
                continue;
            }
            String tip = Html.escape(labels.get(i) + ": " + fmtEst + (Double.isFinite(lower[i]) ? " [" + (percent
                    ? Html.pct(lower[i]) + ", " + Html.pct(upper[i]) : Html.num(lower[i]) + ", " + Html.num(upper[i]))
                    + "]" : ""));
            if (Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                double x0 = px.applyAsDouble(lower[i]), x1 = px.applyAsDouble(upper[i]);
                s.append(String.format(Locale.ROOT, "<g class=\"errorbar\" stroke=\"#1f77b4\" stroke-width=\"1.6\">"
                        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                        + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><title>%s</title></g>",
                        x0, y, x1, y, x0, y - 5, x0, y + 5, x1, y - 5, x1, y + 5, tip));
            }
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#d62728\">"
                    + "<title>%s</title></circle>", px.applyAsDouble(estimate[i]), y, tip));
        }
        return s.append("</svg>").toString();
    }

    /** Horizontal bars, one per label, longest first as given (e.g. parameter importances). */
    static String hbars(String id, String title, List<String> labels, double[] values, String color) {
        int rowH = 22;
        int height = (int) (T + B + rowH * Math.max(1, labels.size()));
        SvgChart c = new SvgChart(id, title, 680, height, XAxis.NUMBER);
        StringBuilder s = c.open();
        double hi = 0, lo = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                hi = Math.max(hi, v);
                lo = Math.min(lo, v);
            }
        }
        // negative values (e.g. permutation importance where shuffling helped) get bars to the left of zero, in red
        double[] xt = niceTicks(lo, hi > lo ? hi : lo + 1, 5);
        double xmin = Math.min(0, xt[0]), xmax = xt[xt.length - 1];
        double left = 190, pw = c.width - R - left - 44;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - xmin) / (xmax - xmin) * pw;
        for (double t : xt) {
            double x = px.applyAsDouble(t);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    x, T, x, height - B));
            s.append(c.text(x, height - B + 16, "middle", xt.length > 1 ? tickNum(t, xt[1] - xt[0]) : Html.num(t),
                    "tick"));
        }
        double zero = px.applyAsDouble(0);
        if (xmin < 0) {
            s.append(String.format(Locale.ROOT, "<line class=\"rule\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    zero, T, zero, height - B));
        }
        for (int i = 0; i < labels.size(); i++) {
            double y = T + i * rowH;
            double v = Double.isFinite(values[i]) ? values[i] : 0;
            double x0 = Math.min(zero, px.applyAsDouble(v)), x1 = Math.max(zero, px.applyAsDouble(v));
            s.append(c.text(left - 6, y + rowH * 0.68, "end", labels.get(i), "tick"));
            s.append(String.format(Locale.ROOT, "<rect class=\"bar\" fill=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\"><title>%s: %s</title></rect>", v < 0 ? "#d62728" : color, x0, y + 3, x1 - x0,
                    rowH - 6.0, Html.escape(labels.get(i)), Html.num(values[i])));
            s.append(c.text(x1 + 4, y + rowH * 0.68, "start", tickSig3(values[i]), "tick"));
        }
        return s.append("</svg>").toString();
    }

    // ---------------------------------------------------------------------------------------------------------

    private final class Scale {
        final double xmin, xmax, ymin, ymax;

        Scale(double xmin, double xmax, double ymin, double ymax) {
            this.xmin = xmin;
            this.xmax = xmax;
            this.ymin = ymin;
            this.ymax = ymax;
        }

        double x(double v) {
            return L + (v - xmin) / (xmax - xmin) * (width - L - R);
        }

        double y(double v) {
            double lo = logY ? Math.log10(ymin) : ymin, hi = logY ? Math.log10(ymax) : ymax;
            double t = logY ? Math.log10(v) : v;
            return height - B - (t - lo) / (hi - lo) * (height - T - B);
        }
    }

    private boolean usable(double y) {
        return Double.isFinite(y) && (!logY || y > 0);
    }

    private StringBuilder open() {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(id)
                .append("\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" aria-label=\"")
                .append(Html.escape(title)).append("\">");
        s.append("<title>").append(Html.escape(title)).append("</title>");
        s.append(String.format(Locale.ROOT, "<defs><clipPath id=\"%s-clip\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                + "height=\"%.1f\"/></clipPath></defs>", id, L - 6, T - 6, width - L - R + 12.0, height - T - B + 12.0));
        s.append(text(L, 18, "start", title, "ctitle"));
        return s;
    }

    private void axes(StringBuilder s, Scale sc, double[] yt) {
        axesWith(s, sc, yt, yFormat, false);
    }

    private void axesWith(StringBuilder s, Scale sc, double[] yt, YFormat yf, boolean xPercent) {
        double step = yt.length > 1 ? Math.abs(yt[1] - yt[0]) : 1;
        for (double v : yt) {
            if (v < sc.ymin - 1e-12 || v > sc.ymax + 1e-12 || (logY && v <= 0)) {
                continue;
            }
            double y = sc.y(v);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    L, y, width - R, y));
            String label = yf == YFormat.PERCENT ? tickPct(v, step) : logY ? tickSig(v) : tickNum(v, step);
            s.append(text(L - 6, y + 4, "end", label, "tick"));
        }
        if (xAxis == XAxis.TIME) {
            for (double[] t : timeTicks((long) sc.xmin, (long) sc.xmax)) {
                double x = sc.x(t[0]);
                s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                        x, T, x, height - B));
                s.append(text(x, height - B + 16, "middle", timeLabel((long) t[0], (int) t[1]), "tick"));
            }
        } else {
            double[] xt = niceTicks(sc.xmin, sc.xmax, 7);
            double xs = xt.length > 1 ? xt[1] - xt[0] : 1;
            for (double v : xt) {
                if (v < sc.xmin - 1e-12 || v > sc.xmax + 1e-12) {
                    continue;
                }
                double x = sc.x(v);
                s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                        x, T, x, height - B));
                s.append(text(x, height - B + 16, "middle", xPercent ? tickPct(v, xs) : tickNum(v, xs), "tick"));
            }
        }
        s.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                L, T, width - L - R, height - T - B));
        if (!yLabel.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text class=\"axis\" transform=\"translate(14 %.1f) rotate(-90)\" "
                    + "text-anchor=\"middle\">%s</text>", T + (height - T - B) / 2, Html.escape(yLabel)));
        }
    }

    private void legend(StringBuilder s) {
        double x = L;
        double y = 34;
        for (Line l : lines) {
            if (!l.legend) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2.5\"%s/>", x, y - 4, x + 18, y - 4, l.color,
                    l.dashed ? " stroke-dasharray=\"5 3\"" : ""));
            s.append(text(x + 22, y, "start", l.name, "legend"));
            x += 34 + 6.6 * l.name.length();
        }
        for (Marks m : marks) {
            if (m.shape == Shape.DOT) {
                s.append("<circle fill=\"").append(m.color).append("\" cx=\"").append(fmt(x + 6)).append("\" cy=\"")
                        .append(fmt(y - 4)).append("\" r=\"3.2\"/>");
                s.append(text(x + 16, y, "start", m.name, "legend"));
                x += 28 + 6.6 * m.name.length();
                continue;
            }
            boolean up = m.shape == Shape.UP;
            double tip = up ? y - 9 : y + 1, base = up ? y : y - 8;
            s.append("<path fill=\"").append(m.color).append("\" d=\"M").append(fmt(x + 6)).append(' ').append(fmt(tip))
                    .append('L').append(fmt(x + 1)).append(' ').append(fmt(base)).append('L').append(fmt(x + 11))
                    .append(' ').append(fmt(base)).append("Z\"/>");
            s.append(text(x + 16, y, "start", m.name, "legend"));
            x += 28 + 6.6 * m.name.length();
        }
    }

    private String text(double x, double y, String anchor, String body, String cls) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", cls, x, y,
                anchor, Html.escape(body));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Indices to draw: all when short, else each bucket's first, min, max and last in time order. */
    static int[] thin(double[] y, int maxPoints) {
        int n = y.length;
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int buckets = Math.max(1, maxPoints / 4);
        int[] out = new int[buckets * 4];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets), to = (int) ((long) (b + 1) * n / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from, hi = from;
            for (int i = from; i < to; i++) {
                if (y[i] < y[lo] || Double.isNaN(y[lo])) {
                    lo = i;
                }
                if (y[i] > y[hi] || Double.isNaN(y[hi])) {
                    hi = i;
                }
            }
            int[] cand = {from, Math.min(lo, hi), Math.max(lo, hi), to - 1};
            for (int c : cand) {
                if (k == 0 || out[k - 1] < c) {
                    out[k++] = c;
                }
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** 1-2-5 ticks covering [lo, hi] with about {@code target} intervals. */
    static double[] niceTicks(double lo, double hi, int target) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
        double start = Math.floor(lo / step + 1e-9) * step, end = Math.ceil(hi / step - 1e-9) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = start + i * step;
            out[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }

    /** Ticks for a log axis: 1-2-5 per decade when the range spans more than ~20×, else linear nice ticks. */
    private static double[] logTicks(double lo, double hi) {
        if (hi / lo < 20) {
            double[] lin = niceTicks(lo, hi, 6);
            return java.util.Arrays.stream(lin).filter(v -> v > 0).toArray();
        }
        List<Double> t = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
            for (double m : new double[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v >= lo && v <= hi) {
                    t.add(v);
                }
            }
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String tickNum(double v, double step) {
        int dec = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + dec + "f", v);
    }

    private static String tickSig3(double v) {
        return Double.isFinite(v) ? tickSig(v) : Html.DASH;
    }

    /** Up to three significant digits, no trailing zeros (log-axis labels: 0.005, 0.02, 150). */
    static String tickSig(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String tickPct(double v, double step) {
        double p = step * 100;
        int dec = p >= 1 ? 0 : (int) Math.min(4, Math.ceil(-Math.log10(p) - 1e-9));
        return String.format(Locale.ROOT, "%." + dec + "f%%", v * 100);
    }

    /** Calendar ticks (epoch ms, unit code) in UTC: days, weeks, months, quarters or years, at most ~8. */
    static List<double[]> timeTicks(long from, long to) {
        int[] monthSteps = {1, 2, 3, 6, 12, 24, 60, 120};
        double days = (to - from) / 86_400_000.0;
        List<double[]> out = new ArrayList<>();
        if (days <= 60) {
            int step = days <= 10 ? 1 : 7;
            ZonedDateTime d = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC);
            while (d.toInstant().toEpochMilli() <= to) {
                if (d.toInstant().toEpochMilli() >= from) {
                    out.add(new double[] {d.toInstant().toEpochMilli(), 0});
                }
                d = d.plusDays(step);
            }
            return out;
        }
        int step = monthSteps[monthSteps.length - 1];
        for (int m : monthSteps) {
            if (days / 30.44 / m <= 8) {
                step = m;
                break;
            }
        }
        ZonedDateTime d = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC);
        if (step >= 12) {
            d = d.withMonth(1);
            while (d.getYear() % (step / 12) != 0) {
                d = d.plusYears(1);
            }
        } else {
            while ((d.getMonthValue() - 1) % step != 0) {
                d = d.plusMonths(1);
            }
        }
        while (d.toInstant().toEpochMilli() <= to) {
            if (d.toInstant().toEpochMilli() >= from) {
                out.add(new double[] {d.toInstant().toEpochMilli(), step >= 12 ? 2 : 1});
            }
            d = d.plusMonths(step);
        }
        return out;
    }

    private static String timeLabel(long t, int unit) {
        String p = unit == 2 ? "yyyy" : unit == 1 ? "yyyy-MM" : "yyyy-MM-dd";
        return DateTimeFormatter.ofPattern(p, Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(t));
    }
}
