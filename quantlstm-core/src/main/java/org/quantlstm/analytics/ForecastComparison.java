package org.quantlstm.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.model.ForecastMetrics;

/**
 * Several forecasts of one realised series side by side: RMSE, information coefficient (Pearson of forecast and
 * outcome; n/a for a constant forecast such as persistence or drift, which ranks nothing) and a Diebold–Mariano test
 * (HLN-corrected, squared loss, one step, Newey–West lag chosen automatically) of the first forecast, the model,
 * against each other one. Rows whose outcome or any forecast is not finite are left out of every figure alike.
 */
public final class ForecastComparison {

    private ForecastComparison() {
    }

    /**
     * One forecast's line. {@code dm} is the test of the model against this forecast (negative statistic: the model
     * is more accurate); null on the model's own line or with fewer than 3 rows.
     */
    public record Line(String name, int n, double rmse, double ic, DieboldMariano.Result dm) {
    }

    /** The lines, the model (the first entry of {@code forecasts}) first. */
    public static List<Line> compare(double[] actual, Map<String, double[]> forecasts) {
        if (forecasts.isEmpty()) {
            throw new IllegalArgumentException("no forecasts to compare");
        }
        int n = actual.length;
        boolean[] keep = new boolean[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(actual[i]);
            for (double[] f : forecasts.values()) {
                if (f.length != n) {
                    throw new IllegalArgumentException("forecast of " + f.length + " values for " + n + " outcomes");
                }
                ok &= Double.isFinite(f[i]);
            }
            keep[i] = ok;
            m += ok ? 1 : 0;
        }
        double[] a = pick(actual, keep, m);
        Map<String, double[]> fs = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : forecasts.entrySet()) {
            fs.put(e.getKey(), pick(e.getValue(), keep, m));
        }
        double[] model = fs.values().iterator().next();
        List<Line> out = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, double[]> e : fs.entrySet()) {
            double[] f = e.getValue();
            double rmse = m == 0 ? Double.NaN : ForecastMetrics.rmse(a, f);
            double ic = m < 3 || constant(f) ? Double.NaN : ForecastMetrics.pearson(f, a);
            DieboldMariano.Result dm = null;
            if (!first && m >= 3) {
                double[] l1 = new double[m];
                double[] l2 = new double[m];
                for (int i = 0; i < m; i++) {
                    l1[i] = (a[i] - model[i]) * (a[i] - model[i]);
                    l2[i] = (a[i] - f[i]) * (a[i] - f[i]);
                }
                boolean same = java.util.Arrays.equals(l1, l2);
                dm = same ? null : DieboldMariano.ofLosses(l1, l2, 1, Math.min(m - 1, DieboldMariano.automaticLag(m)));
            }
            out.add(new Line(e.getKey(), m, rmse, ic, dm));
            first = false;
        }
        return out;
    }

    private static boolean constant(double[] f) {
        for (double v : f) {
            if (v != f[0]) {
                return false;
            }
        }
        return true;
    }

    private static double[] pick(double[] x, boolean[] keep, int m) {
        double[] out = new double[m];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep[i]) {
                out[j++] = x[i];
            }
        }
        return out;
    }

    /**
     * A console table: name, n, RMSE (×{@code scale}, labelled {@code unit}), IC, and the DM statistic and p of the
     * model against the row, with "model better/worse at 5 %" or "no significant difference".
     */
    public static String table(String indent, List<Line> lines, double scale, String unit) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s%-16s %5s %12s %7s   %s%n", indent, "Forecast", "n", "RMSE " + unit, "IC",
                "Diebold-Mariano, " + lines.get(0).name() + " vs this (HLN, squared error)"));
        for (Line l : lines) {
            b.append(String.format(Locale.ROOT, "%s%-16s %5d %12.4f %7s   %s%n", indent, l.name(), l.n(), l.rmse() * scale,
                    Double.isNaN(l.ic()) ? "n/a" : String.format(Locale.ROOT, "%+.3f", l.ic()), dmText(lines.get(0), l)));
        }
        return b.toString();
    }

    /** "DM −1.23, p 0.219: no significant difference at 5 %" (or which side is better), or "-" on the model's line. */
    public static String dmText(Line model, Line l) {
        if (l == model) {
            return "-";
        }
        if (l.dm() == null) {
            return "n/a";
        }
        DieboldMariano.Result r = l.dm();
        String verdict = !r.significant(0.05) ? "no significant difference at 5 %"
                : r.statistic() < 0 ? model.name() + " more accurate at 5 %" : l.name() + " more accurate at 5 %";
        return String.format(Locale.ROOT, "DM %+.2f, p %.3f: %s", r.statistic(), r.pValue(), verdict);
    }

    /** The lines as maps for metrics.json. */
    public static List<Map<String, Object>> toMaps(List<Line> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", l.name());
            m.put("n", l.n());
            m.put("rmse", finite(l.rmse()));
            m.put("ic", finite(l.ic()));
            if (l.dm() != null) {
                m.put("dm_statistic_vs_model", finite(l.dm().statistic()));
                m.put("dm_p_value_vs_model", finite(l.dm().pValue()));
            }
            out.add(m);
        }
        return out;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
