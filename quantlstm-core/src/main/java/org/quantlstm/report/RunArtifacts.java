package org.quantlstm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.quantlstm.common.UserInputException;

/**
 * What a run folder holds, read once, every part optional except that the folder must exist and contain at least
 * {@code metrics.json} or {@code equity.csv}. The file names are the run-folder conventions every pipeline follows:
 * metrics.json (top-level "system" and "conventions", then system-specific objects), data.json, config.yaml,
 * summary.txt, equity.csv ({@code time} + {@code <strategy>_equity}/{@code <strategy>_position}), trades.csv,
 * forecasts.csv, weights.csv (portfolio runs), trials.csv (tuning runs) and charts/*.png.
 */
final class RunArtifacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path folder;
    final JsonNode metrics;
    final JsonNode data;
    final String config;
    final String summary;
    final CsvTable equity;
    final CsvTable trades;
    final CsvTable forecasts;
    final CsvTable weights;
    final CsvTable trials;
    final List<Path> charts;
    /**
     * Full-resolution per-asset equity files of a multi-asset run ({@code equity_<ticker>.csv}, each with one
     * {@code <name>_equity}/{@code <name>_position} pair), keyed by that name; empty when there are none.
     */
    final Map<String, CsvTable> assetEquity;
    final CsvTable ic;
    final CsvTable featureImportance;

    private RunArtifacts(Path folder) {
        this.folder = folder;
        this.metrics = json(folder.resolve("metrics.json"));
        this.data = json(folder.resolve("data.json"));
        this.config = text(folder.resolve("config.yaml"));
        this.summary = text(folder.resolve("summary.txt"));
        this.equity = csv(folder.resolve("equity.csv"));
        this.trades = csv(folder.resolve("trades.csv"));
        this.forecasts = csv(folder.resolve("forecasts.csv"));
        this.weights = csv(folder.resolve("weights.csv"));
        this.trials = csv(folder.resolve("trials.csv"));
        this.charts = pngs(folder.resolve("charts"));
        this.assetEquity = assetEquity(folder);
        this.ic = csv(folder.resolve("ic.csv"));
        this.featureImportance = csv(folder.resolve("feature_importance.csv"));
    }

    private static Map<String, CsvTable> assetEquity(Path folder) {
        Map<String, CsvTable> out = new java.util.LinkedHashMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("equity_") && n.endsWith(".csv") && Files.isRegularFile(f);
            }).sorted().toList()) {
                CsvTable t = CsvTable.read(p);
                List<String> eq = t.header().stream().filter(h -> h.endsWith("_equity")).toList();
                if (t.has("time") && eq.size() == 1 && t.size() > 0) {
                    out.put(eq.get(0).substring(0, eq.get(0).length() - "_equity".length()), t);
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot list " + folder + ": " + e.getMessage());
        }
        return out;
    }

    /**
     * The per-asset results of a multi-asset run: metrics.json "assets", an array of objects each with a "ticker"
     * (final_value, pnl, pnl_pct, win_rate_per_trade, avg_profit, avg_loss, max_drawdown, sigma_annual, trades, psr,
     * dsr…); empty for other runs.
     */
    List<JsonNode> assets() {
        List<JsonNode> out = new ArrayList<>();
        JsonNode a = metrics.path("assets");
        if (a.isArray()) {
            a.forEach(n -> {
                if (n.isObject() && n.hasNonNull("ticker")) {
                    out.add(n);
                }
            });
        }
        return out;
    }

    /** Periods per year of one asset: conventions.periods_per_year.<ticker> when that is an object, else the run's. */
    int periodsPerYear(String ticker, int fallback) {
        JsonNode p = metrics.path("conventions").path("periods_per_year");
        return p.isObject() ? p.path(ticker).asInt(fallback) : p.asInt(fallback);
    }

    /** Reads a run folder; a missing folder, or one without metrics.json and equity.csv, is a user error. */
    static RunArtifacts read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UserInputException("run folder not found: " + folder);
        }
        RunArtifacts a = new RunArtifacts(folder);
        if (a.metrics.isMissingNode() && a.equity == null) {
            throw new UserInputException(folder + " is not a run folder (no metrics.json or equity.csv)");
        }
        return a;
    }

    /** The "system" named in metrics.json, else the folder name. */
    String system() {
        String s = metrics.path("system").asText("");
        return s.isEmpty() ? folder.getFileName().toString() : s;
    }

    /** The strategies with an {@code <name>_equity} column in equity.csv, in column order. */
    List<String> equityNames() {
        List<String> out = new ArrayList<>();
        if (equity != null) {
            for (String h : equity.header()) {
                if (h.endsWith("_equity")) {
                    out.add(h.substring(0, h.length() - "_equity".length()));
                }
            }
        }
        return out;
    }

    /** A number from a JSON node that may hold a number or a string such as "NaN"; NaN when absent. */
    static double num(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return CsvTable.number(n.asText());
    }

    /** Every object under {@code root} (depth first, root included) with all of {@code keys}, with its JSON path. */
    static List<Map.Entry<String, JsonNode>> objectsWith(JsonNode root, String... keys) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        walk(root, "", out, keys);
        return out;
    }

    private static void walk(JsonNode n, String path, List<Map.Entry<String, JsonNode>> out, String[] keys) {
        if (n.isObject()) {
            boolean all = true;
            for (String k : keys) {
                all &= n.has(k);
            }
            if (all) {
                out.add(Map.entry(path, n));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out, keys);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", out, keys);
            }
        }
    }

    private static JsonNode json(Path f) {
        if (!Files.isRegularFile(f)) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + f + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String text(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UserInputException("cannot read " + f + ": " + e.getMessage());
        }
    }

    private static CsvTable csv(Path f) {
        return Files.isRegularFile(f) ? CsvTable.read(f) : null;
    }

    private static List<Path> pngs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + dir + ": " + e.getMessage());
        }
    }
}
