package org.quantlstm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The study-inspection figures of a tuning run's tear sheet (in the manner of {@code optuna.visualization}), drawn
 * from the COMPLETE trials of one study (one ticker of trials.csv) as self-contained SVG:
 * <ul>
 *   <li><b>parameter importance</b>, fANOVA-style first-order (main-effect) variance shares: each parameter's values
 *       are cut into up to 5 quantile bins, and its importance is the variance of the objective's bin means
 *       (weighted by bin size) over the objective's total variance, i.e. the share of variance its marginal
 *       explains on a piecewise-constant model; shares are shown as computed (they need not sum to 1:
 *       interactions and noise take the rest). It is not Optuna's random-forest fANOVA;</li>
 *   <li><b>slice plots</b>: the objective against each parameter, one panel per parameter;</li>
 *   <li><b>parallel coordinates</b>: every trial as a line across the parameters' axes (each scaled to its own
 *       range), darker for better objective, the best trial in red;</li>
 *   <li><b>contour</b> of the two most important parameters: the objective smoothed over their plane (Gaussian
 *       Nadaraya–Watson kernel, bandwidth 0.15 of each range) on a 24 × 24 grid, with the trials on top.</li>
 * </ul>
 * Categorical parameters are placed at the index of their value in sorted order.
 */
final class TuningCharts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BINS = 5;

    private TuningCharts() {
    }

    /** The complete trials of a study: parameter columns (numeric codes) and objective values. */
    record Trials(List<String> names, double[][] x, double[] y, Map<String, List<String>> categories) {
    }

    /** Reads COMPLETE trials with a finite value from a trials.csv slice (columns state, value, params JSON). */
    static Trials read(CsvTable t) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            String state = t.has("state") ? t.cell(i, "state") : "";
            double v = CsvTable.number(t.cell(i, "value"));
            if (!(state.isEmpty() || state.equalsIgnoreCase("COMPLETE")) || !Double.isFinite(v) || !t.has("params")) {
                continue;
            }
            try {
                Map<String, JsonNode> m = new LinkedHashMap<>();
                JSON.readTree(t.cell(i, "params")).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
                rows.add(m);
                ys.add(v);
            } catch (IOException e) {
                // a row whose params are not JSON carries nothing to plot
            }
        }
        List<String> names = new ArrayList<>();
        rows.forEach(m -> m.keySet().forEach(k -> {
            if (!names.contains(k)) {
                names.add(k);
            }
        }));
        Map<String, List<String>> cats = new LinkedHashMap<>();
        for (String n : names) {
            if (!rows.stream().allMatch(m -> m.get(n) == null || m.get(n).isNumber())) {
                TreeSet<String> s = new TreeSet<>();
                rows.forEach(m -> s.add(m.get(n) == null ? "" : m.get(n).asText()));
                cats.put(n, List.copyOf(s));
            }
        }
        double[][] x = new double[rows.size()][names.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                JsonNode n = rows.get(i).get(names.get(j));
                List<String> c = cats.get(names.get(j));
                x[i][j] = n == null ? Double.NaN : c != null ? c.indexOf(n.asText()) : n.asDouble();
            }
        }
        return new Trials(List.copyOf(names), x, ys.stream().mapToDouble(Double::doubleValue).toArray(), cats);
    }

    /** Main-effect variance share of each parameter, largest first (see the class comment). */
    static Map<String, Double> mainEffects(Trials t) {
        Map<String, Double> raw = new LinkedHashMap<>();
        int n = t.y().length;
        if (n < 4) {
            return raw;
        }
        double mean = Arrays.stream(t.y()).average().orElse(0);
        double total = 0;
        for (double v : t.y()) {
            total += (v - mean) * (v - mean);
        }
        if (!(total > 0)) {
            return raw;
        }
        for (int j = 0; j < t.names().size(); j++) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final int col = j;
            Arrays.sort(order, (a, b) -> Double.compare(t.x()[a][col], t.x()[b][col]));
            int bins = Math.min(BINS, n / 2);
            double between = 0;
            int start = 0;
            for (int b = 0; b < bins; b++) {
                int end = (int) Math.round((double) n * (b + 1) / bins);
                // keep equal values in one bin
                while (end < n && end > 0 && t.x()[order[end]][col] == t.x()[order[end - 1]][col]) {
                    end++;
                }
                if (end <= start) {
                    continue;
                }
                double s = 0;
                for (int i = start; i < end; i++) {
                    s += t.y()[order[i]];
                }
                double m = s / (end - start);
                between += (end - start) * (m - mean) * (m - mean);
                start = end;
            }
            raw.put(t.names().get(j), between / total);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        raw.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Appends the four figures for one study; {@code k} makes the element ids unique. False when too few trials. */
    static boolean append(StringBuilder b, CsvTable trials, String ticker, boolean minimise, int k) {
        Trials t = read(trials);
        if (t.y().length < 4 || t.names().isEmpty()) {
            return false;
        }
        String suffix = ticker.isEmpty() ? "" : " \u2014 " + ticker;
        Map<String, Double> imp = mainEffects(t);
        if (!imp.isEmpty()) {
            b.append("<p class=\"muted\">Parameter importance").append(Html.escape(suffix)).append(": fANOVA-style "
                    + "main-effect variance shares (objective variance explained by each parameter's quantile-binned "
                    + "marginal means, ").append(t.y().length).append(" complete trials; not Optuna's random-forest "
                    + "fANOVA).</p>\n");
            fig(b, SvgChart.hbars("tuning-importance-" + k, "Parameter importance (main effects)" + suffix,
                    List.copyOf(imp.keySet()), imp.values().stream().mapToDouble(Double::doubleValue).toArray(), "#1f77b4"));
        }
        for (int j = 0; j < t.names().size(); j++) {
            double[] xs = new double[t.y().length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = t.x()[i][j];
            }
            String name = t.names().get(j);
            SvgChart c = new SvgChart("slice-" + k + "-" + j, "Slice: objective vs " + name + suffix
                    + (t.categories().containsKey(name) ? " (categories in sorted order)" : ""), 420, 240,
                    SvgChart.XAxis.NUMBER).dots("complete trial", xs, t.y(), "#444444");
            b.append("<div class=\"fig\" style=\"display:inline-block\">").append(c.render()).append("</div>");
        }
        b.append('\n');
        fig(b, parallel("parcoords-" + k, "Parallel coordinates" + suffix, t, minimise));
        if (imp.size() >= 2) {
            List<String> top = List.copyOf(imp.keySet()).subList(0, 2);
            fig(b, contour("contour-" + k, "Contour: " + top.get(0) + " \u00d7 " + top.get(1) + suffix
                    + " (kernel-smoothed objective)", t, t.names().indexOf(top.get(0)), t.names().indexOf(top.get(1)), minimise));
        }
        return true;
    }

    private static void fig(StringBuilder b, String svg) {
        b.append("<div class=\"fig\">").append(svg).append("</div>\n");
    }

    /** 0 for the worst objective, 1 for the best. */
    private static double[] goodness(double[] y, boolean minimise) {
        double lo = Arrays.stream(y).min().orElse(0);
        double hi = Arrays.stream(y).max().orElse(1);
        double[] g = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double u = hi > lo ? (y[i] - lo) / (hi - lo) : 0.5;
            g[i] = minimise ? 1 - u : u;
        }
        return g;
    }

    /** Light grey-blue (0) to dark blue (1). */
    static String shade(double g) {
        double u = Math.max(0, Math.min(1, g));
        int r = (int) Math.round(0xdd + (0x08 - 0xdd) * u);
        int gg = (int) Math.round(0xe3 + (0x30 - 0xe3) * u);
        int bb = (int) Math.round(0xee + (0x6b - 0xee) * u);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, gg, bb);
    }

    private static String head(String id, String title, int w, int h) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" width=\"" + w + "\" height=\"" + h
                + "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"sans-serif\" font-size=\"11\">"
                + "<title>" + Html.escape(title) + "</title><text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">"
                + Html.escape(title) + "</text>";
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "nan";
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    static String parallel(String id, String title, Trials t, boolean minimise) {
        int axes = t.names().size() + 1;
        int w = Math.max(600, 130 * axes);
        int h = 340;
        double top = 50;
        double bottom = h - 40;
        double left = 60;
        double step = axes == 1 ? 0 : (w - 2 * left) / (axes - 1);
        double[][] cols = new double[axes][];
        for (int j = 0; j < axes; j++) {
            cols[j] = new double[t.y().length];
            for (int i = 0; i < t.y().length; i++) {
                cols[j][i] = j < t.names().size() ? t.x()[i][j] : t.y()[i];
            }
        }
        double[] lo = new double[axes];
        double[] hi = new double[axes];
        for (int j = 0; j < axes; j++) {
            lo[j] = Arrays.stream(cols[j]).filter(Double::isFinite).min().orElse(0);
            hi[j] = Arrays.stream(cols[j]).filter(Double::isFinite).max().orElse(1);
        }
        double[] g = goodness(t.y(), minimise);
        int best = 0;
        for (int i = 1; i < g.length; i++) {
            if (g[i] > g[best]) {
                best = i;
            }
        }
        Integer[] order = new Integer[g.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(g[a], g[b]));   // best drawn last, on top
        StringBuilder s = new StringBuilder(head(id, title, w, h));
        for (int i : order) {
            StringBuilder pts = new StringBuilder();
            for (int j = 0; j < axes; j++) {
                double v = cols[j][i];
                double u = !Double.isFinite(v) ? 0.5 : hi[j] > lo[j] ? (v - lo[j]) / (hi[j] - lo[j]) : 0.5;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + j * step, bottom - u * (bottom - top)));
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(i == best ? "#d62728" : shade(g[i]))
                    .append("\" stroke-width=\"").append(i == best ? "2.2" : "1").append("\" points=\"")
                    .append(pts.toString().strip()).append("\"/>");
        }
        for (int j = 0; j < axes; j++) {
            double x = left + j * step;
            String name = j < t.names().size() ? t.names().get(j) : "objective";
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>",
                    x, top, x, bottom));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>",
                    x, bottom + 16, Html.escape(name)));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x, top - 6,
                    Html.escape(label(t, j, hi[j]))));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x, bottom + 30,
                    Html.escape(label(t, j, lo[j]))));
        }
        return s.append("</svg>").toString();
    }

    private static String label(Trials t, int j, double v) {
        if (j < t.names().size()) {
            List<String> c = t.categories().get(t.names().get(j));
            if (c != null && v >= 0 && v < c.size()) {
                return c.get((int) v);
            }
        }
        return num(v);
    }

    static String contour(String id, String title, Trials t, int a, int bIdx, boolean minimise) {
        int grid = 24;
        int cell = 14;
        double left = 70;
        double top = 40;
        int w = (int) (left + grid * cell + 170);
        int h = (int) (top + grid * cell + 50);
        double[] xa = new double[t.y().length];
        double[] xb = new double[t.y().length];
        for (int i = 0; i < xa.length; i++) {
            xa[i] = t.x()[i][a];
            xb[i] = t.x()[i][bIdx];
        }
        double alo = Arrays.stream(xa).min().orElse(0);
        double ahi = Arrays.stream(xa).max().orElse(1);
        double blo = Arrays.stream(xb).min().orElse(0);
        double bhi = Arrays.stream(xb).max().orElse(1);
        double ar = ahi > alo ? ahi - alo : 1;
        double br = bhi > blo ? bhi - blo : 1;
        double[][] z = new double[grid][grid];
        double zlo = Double.POSITIVE_INFINITY;
        double zhi = Double.NEGATIVE_INFINITY;
        double bw = 0.15;
        for (int p = 0; p < grid; p++) {
            for (int q = 0; q < grid; q++) {
                double ga = (p + 0.5) / grid;
                double gb = (q + 0.5) / grid;
                double sw = 0;
                double sy = 0;
                for (int i = 0; i < xa.length; i++) {
                    double da = ((xa[i] - alo) / ar - ga) / bw;
                    double db = ((xb[i] - blo) / br - gb) / bw;
                    double wgt = Math.exp(-0.5 * (da * da + db * db));
                    sw += wgt;
                    sy += wgt * t.y()[i];
                }
                z[p][q] = sw > 1e-300 ? sy / sw : Double.NaN;
                if (Double.isFinite(z[p][q])) {
                    zlo = Math.min(zlo, z[p][q]);
                    zhi = Math.max(zhi, z[p][q]);
                }
            }
        }
        StringBuilder s = new StringBuilder(head(id, title, w, h));
        for (int p = 0; p < grid; p++) {
            for (int q = 0; q < grid; q++) {
                double u = zhi > zlo ? (z[p][q] - zlo) / (zhi - zlo) : 0.5;
                double gdn = minimise ? 1 - u : u;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                        left + p * cell, top + (grid - 1 - q) * cell, cell, cell, shade(gdn)));
            }
        }
        double[] g = goodness(t.y(), minimise);
        int best = 0;
        for (int i = 1; i < g.length; i++) {
            if (g[i] > g[best]) {
                best = i;
            }
        }
        for (int i = 0; i < xa.length; i++) {
            double px = left + (xa[i] - alo) / ar * grid * cell;
            double py = top + grid * cell - (xb[i] - blo) / br * grid * cell;
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.8\"/>",
                    px, py, i == best ? "5" : "3", i == best ? "#d62728" : "#ff7f0e"));
        }
        double size = grid * cell;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#222\"/>",
                left, top, size, size));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>",
                left + size / 2, top + size + 32, Html.escape(t.names().get(a))));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                left, top + size + 15, Html.escape(label(t, a, alo)), left + size, top + size + 15, Html.escape(label(t, a, ahi))));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                left - 4, top + size, Html.escape(label(t, bIdx, blo)), left - 4, top + 10, Html.escape(label(t, bIdx, bhi))));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>",
                16.0, top + size / 2, 16.0, top + size / 2, Html.escape(t.names().get(bIdx))));
        double lx = left + size + 20;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">best %s</text>", lx, top + 10,
                Html.escape(num(minimise ? zlo : zhi))));
        for (int i = 0; i < 10; i++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"%s\"/>", lx,
                    top + 16 + i * 14, shade(1 - i / 9.0)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">worst %s</text>", lx, top + 16 + 10 * 14 + 12,
                Html.escape(num(minimise ? zhi : zlo))));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#d62728\">\u25cf best trial</text>", lx,
                top + 16 + 10 * 14 + 30));
        return s.append("</svg>").toString();
    }
}
