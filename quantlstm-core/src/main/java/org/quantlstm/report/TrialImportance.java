package org.quantlstm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quantlstm.model.ForecastMetrics;

/**
 * A quick parameter-importance screen over tuning trials (trials.csv: number, state, value, params as JSON): for each
 * parameter, |Spearman rank correlation| between its value and the objective over completed trials, normalised so
 * the importances sum to 1. A categorical parameter is first coded by the mean objective of its category (which makes
 * the correlation an upper bound of what an order could show). Not fANOVA: it sees monotone effects only, and says so
 * in the report.
 */
final class TrialImportance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialImportance() {
    }

    /** Parameter → importance (sum 1), largest first; empty when fewer than 3 completed trials or no variation. */
    static Map<String, Double> of(CsvTable trials) {
        List<Map<String, JsonNode>> params = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            String state = trials.has("state") ? trials.cell(i, "state") : "";
            double v = CsvTable.number(trials.cell(i, "value"));
            if (!(state.isEmpty() || state.equalsIgnoreCase("COMPLETE")) || !Double.isFinite(v)) {
                continue;
            }
            try {
                JsonNode p = JSON.readTree(trials.cell(i, "params"));
                Map<String, JsonNode> m = new LinkedHashMap<>();
                p.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
                params.add(m);
                values.add(v);
            } catch (IOException e) {
                // a trial whose params are not JSON carries no information for the screen
            }
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        if (params.size() < 3) {
            return raw;
        }
        double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> names = new ArrayList<>();
        params.forEach(m -> m.keySet().forEach(k -> {
            if (!names.contains(k)) {
                names.add(k);
            }
        }));
        for (String name : names) {
            double[] x = new double[y.length];
            boolean numeric = params.stream().allMatch(m -> m.get(name) == null || m.get(name).isNumber()
                    || m.get(name).isBoolean());
            Map<String, double[]> catMean = new HashMap<>();
            if (!numeric) {
                for (int i = 0; i < y.length; i++) {
                    double[] s = catMean.computeIfAbsent(key(params.get(i).get(name)), k -> new double[2]);
                    s[0] += y[i];
                    s[1]++;
                }
            }
            for (int i = 0; i < y.length; i++) {
                JsonNode n = params.get(i).get(name);
                if (numeric) {
                    x[i] = n == null ? Double.NaN : n.isBoolean() ? (n.asBoolean() ? 1 : 0) : n.asDouble();
                } else {
                    double[] s = catMean.get(key(n));
                    x[i] = s[0] / s[1];
                }
            }
            double rho = ForecastMetrics.spearman(x, y);
            raw.put(name, Double.isFinite(rho) ? Math.abs(rho) : 0);
        }
        double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        if (sum <= 0) {
            return out;
        }
        raw.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.put(e.getKey(), e.getValue() / sum));
        return out;
    }

    private static String key(JsonNode n) {
        return n == null ? "" : n.asText();
    }
}
