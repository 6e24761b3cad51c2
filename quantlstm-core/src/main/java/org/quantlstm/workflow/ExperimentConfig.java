package org.quantlstm.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;

/**
 * A typed experiment: what data, which network, how to split, how to trade and what it costs. Read from YAML
 * strictly (an unknown or misspelt key is an error naming the key), with command-line overrides applied to the
 * YAML tree before it is read, so a flag and a file entry are validated the same way.
 *
 * <p>Named experiments ship in {@code experiments/NAME.yaml} (also inside the jar); a path to a YAML file works
 * the same way.
 */
public record ExperimentConfig(String name, String system, DataConfig data, ModelConfig model, SplitConfig split,
                               SignalConfig signal, BacktestConfig backtest, long seed, String yaml,
                               String label, Map<String, JsonNode> extraSections) {

    /**
     * Sections read by the pipeline of one system rather than here: {@code portfolio} (weekly-12),
     * {@code tuning} (multi-asset-4h), {@code universe} (multi-asset-4h, cross-sectional) and {@code strategy}
     * (cross-sectional), {@code robustness} (spy-analyser: {@code seeds}).
     */
    public static final List<String> PIPELINE_SECTIONS = List.of("portfolio", "tuning", "universe", "strategy",
            "robustness");

    public ExperimentConfig {
        extraSections = Map.copyOf(extraSections);
    }

    /**
     * A pipeline-specific section, read strictly: call {@link ConfigSection#rejectUnknownKeys()} after reading it.
     * An absent section reads as empty (every key takes its default).
     */
    public ConfigSection section(String name) {
        if (!PIPELINE_SECTIONS.contains(name)) {
            throw new IllegalArgumentException("not a pipeline section: " + name);
        }
        return new ConfigSection(label, name, extraSections.get(name));
    }

    /**
     * Where prices come from: {@code source} is auto (the local store, then the bundled data), store, bundled,
     * csv:PATH, yahoo, stooq or binance (see {@link org.quantlstm.data.DataResolver}).
     */
    public record DataConfig(List<Symbol> tickers, Symbol benchmark, String source, Interval interval, int periodDays) {
        public DataConfig {
            tickers = List.copyOf(tickers);
        }

        public Symbol ticker() {
            return tickers.get(0);
        }
    }

    /** The network, its cell, its training and its retraining scheme. */
    public record ModelConfig(String net, int lookback, int epochs, int batchSize, double learningRate, int patience,
                              String loss, int hidden, int layers, double dropout, String target,
                              org.quantlstm.model.LstmSpec.Cell cell, Retraining retrain) {
    }

    /** Chronological split: {@code train} of the samples (validation carved from its end) then test. */
    public record SplitConfig(double train, double validation) {
    }

    /**
     * Turning forecasts into positions, the per-position bracket (fractions; 0 = off) and the entry order type
     * ({@code signal.entry_order}, {@code entry_offset}, {@code entry_limit_offset}, {@code entry_expiry_bars};
     * market by default, see {@link org.quantlstm.backtest.EntryOrders}).
     */
    public record SignalConfig(boolean allowShort, double threshold, double stopLoss, double takeProfit,
                               double trailingStop, org.quantlstm.backtest.EntryOrders entry) {
        /** The bracket as the engines read it. */
        public org.quantlstm.signal.RiskLimits limits() {
            return new org.quantlstm.signal.RiskLimits(stopLoss, takeProfit, trailingStop);
        }
    }

    /**
     * Execution, costs, carry and leverage. {@code riskFree} is a Treasury series name (e.g. DGS3MO) or an annual
     * rate. {@code maxGross} is NaN when the experiment leaves it to the system's default.
     */
    public record BacktestConfig(double costBps, double slippageBps, double minCost, String fill, double initialCapital,
                                 String riskFree, double perShare, String impact, double impactBps,
                                 double maxParticipation, double borrowBps, double financingSpreadBps,
                                 double maxGross) {
        /** The one fee model of this experiment. */
        public org.quantlstm.backtest.FeeModel fees() {
            return new org.quantlstm.backtest.FeeModel(costBps, minCost, perShare, slippageBps,
                    org.quantlstm.backtest.FeeModel.Impact.parse(impact), impactBps, maxParticipation, borrowBps,
                    financingSpreadBps);
        }

        /** The gross limit: the experiment's, else {@code systemDefault}. */
        public double maxGross(double systemDefault) {
            return Double.isNaN(maxGross) ? systemDefault : maxGross;
        }

        /**
         * The engine configuration (fill, fees, capital, gross limit, periods per year; no bracket) of this
         * experiment, with {@code defaultGross} where the experiment sets no {@code backtest.max_gross}.
         */
        public org.quantlstm.backtest.BacktestConfig engine(int periodsPerYear, double defaultGross) {
            return new org.quantlstm.backtest.BacktestConfig(org.quantlstm.backtest.FillTiming.parse(fill), fees(),
                    org.quantlstm.signal.RiskLimits.NONE, initialCapital, maxGross(defaultGross), periodsPerYear);
        }
    }

    private static final ObjectMapper YAML = org.quantlstm.common.YamlLimits.mapper();
    /** The experiments shipped in {@code experiments/} (and in the jar). */
    public static final List<String> SYSTEMS = List.of("spy-analyser", "weekly-12", "multi-asset-4h", "cross-sectional");

    /**
     * Loads a named experiment ({@code spy-analyser}) or a YAML file path, then applies {@code overrides}
     * (dotted keys such as {@code data.ticker} → value).
     */
    public static ExperimentConfig load(String nameOrPath, Map<String, String> overrides) {
        String text;
        String label;
        Path p = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml") || Files.exists(p)) {
            if (!Files.isRegularFile(p)) {
                throw new UserInputException(nameOrPath + ": no such experiment file");
            }
            text = org.quantlstm.common.YamlLimits.readFile(p, nameOrPath);
            label = nameOrPath;
        } else {
            text = bundled(nameOrPath);
            label = "experiments/" + nameOrPath + ".yaml";
        }
        return parse(text, label, overrides);
    }

    /** The text of a named experiment shipped with quantlstm. */
    public static String bundled(String name) {
        if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new UserInputException("unknown experiment '" + name + "': use one of " + String.join(", ", SYSTEMS)
                    + " or a path to a .yaml file");
        }
        try (InputStream in = ExperimentConfig.class.getResourceAsStream("/experiments/" + name + ".yaml")) {
            if (in == null) {
                throw new UserInputException("unknown experiment '" + name + "': use one of "
                        + String.join(", ", SYSTEMS) + " or a path to a .yaml file");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("cannot read bundled experiment " + name + ": " + e.getMessage());
        }
    }

    /** Parses experiment text ({@code label} names it in errors) with overrides. */
    public static ExperimentConfig parse(String text, String label, Map<String, String> overrides) {
        org.quantlstm.common.YamlLimits.checkOverrides(overrides);
        JsonNode tree = org.quantlstm.common.YamlLimits.readTree(YAML, text, label);
        if (tree == null || !tree.isObject()) {
            throw new UserInputException(label + ": expected a YAML mapping at the top level");
        }
        ObjectNode root = (ObjectNode) tree;
        overrides.forEach((k, v) -> put(root, k, v));
        ConfigSection c = new ConfigSection(label, "", root);
        String name = c.string("name", null);
        if (name == null || name.isBlank()) {
            throw c.error("name", "is required");
        }
        String system = c.string("system", name).toLowerCase(Locale.ROOT);
        if (!system.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw c.error("system", "not a system name: '" + org.quantlstm.common.Excerpt.of(system) + "'");
        }
        long seed = (long) c.number("seed", 42);

        ConfigSection d = c.section("data");
        List<Symbol> tickers = d.has("tickers") ? d.list("tickers", List.of(), Symbol::of)
                : List.of(d.parsed("ticker", "SPY", Symbol::of));
        if (d.has("ticker") && d.has("tickers")) {
            throw d.error("data", "give either ticker or tickers, not both");
        }
        d.string("ticker", null);
        if (tickers.isEmpty()) {
            throw d.error("data.tickers", "is empty");
        }
        String source = d.parsed("source", "auto", org.quantlstm.data.DataResolver::validate);
        DataConfig data = new DataConfig(tickers, d.parsed("benchmark", "SPY", Symbol::of), source,
                d.parsed("interval", "1d", Interval::parse), d.integer("period_days", 730, 30, 100_000));

        ConfigSection m = c.section("model");
        ModelConfig model = new ModelConfig(m.string("net", system), m.integer("lookback", 60, 2, 1000),
                m.integer("epochs", 50, 1, 100_000), m.integer("batch_size", 32, 1, 65_536),
                m.number("learning_rate", 1e-3, 1e-7, 1.0), m.integer("patience", 10, 1, 10_000),
                m.string("loss", "mse"), m.integer("hidden", 64, 1, 4096), m.integer("layers", 2, 1, 16),
                m.number("dropout", 0.2, 0.0, 0.95), m.string("target", "next-close"),
                m.parsed("cell", "lstm", org.quantlstm.model.LstmSpec.Cell::parse),
                retraining(m));
        if (!model.target().equals("next-close") && !model.target().equals("next-return")) {
            throw m.error("model.target", "use next-close or next-return, got '" + model.target() + "'");
        }
        if (!model.loss().equals("mse") && !model.loss().equals("huber")) {
            throw m.error("model.loss", "use mse or huber, got '" + model.loss() + "'");
        }

        ConfigSection s = c.section("split");
        SplitConfig split = new SplitConfig(s.number("train", 0.7, 0.05, 0.99), s.number("validation", 0.1, 0.0, 0.9));

        ConfigSection g = c.section("signal");
        SignalConfig signal = new SignalConfig(g.bool("allow_short", true), g.number("threshold", 0.001, 0, 1),
                g.number("stop_loss", 0, 0, 0.99), g.number("take_profit", 0, 0, 10), g.number("trailing_stop", 0, 0, 0.99),
                entryOrders(g));

        ConfigSection b = c.section("backtest");
        String fill = b.string("fill", "next-open");
        if (!fill.equals("next-open") && !fill.equals("next-close")) {
            throw b.error("backtest.fill", "use next-open or next-close, got '" + fill + "'");
        }
        BacktestConfig backtest = new BacktestConfig(b.number("cost_bps", 10, 0, 10_000),
                b.number("slippage_bps", 0, 0, 10_000), b.number("min_cost", 0, 0, 1e9), fill,
                b.number("initial_capital", 100_000, 1, 1e15), b.string("risk_free", "DGS3MO"),
                b.number("per_share", 0, 0, 1e6), b.string("impact", "none"), b.number("impact_bps", 0, 0, 1e6),
                b.number("max_participation", 1, 1e-6, 1), b.number("borrow_bps", 50, 0, 1e5),
                b.number("financing_spread_bps", 100, 0, 1e5),
                b.has("max_gross") ? b.number("max_gross", 1, 1e-6, 100) : Double.NaN);
        try {
            org.quantlstm.backtest.FeeModel.Impact.parse(backtest.impact());
        } catch (UserInputException e) {
            throw b.error("backtest.impact", "use none, sqrt or volume-share, got '"
                    + org.quantlstm.common.Excerpt.of(backtest.impact()) + "'");
        }

        Map<String, JsonNode> extra = new java.util.LinkedHashMap<>();
        for (String sec : PIPELINE_SECTIONS) {
            c.section(sec);
            if (root.has(sec)) {
                extra.put(sec, root.get(sec).deepCopy());
            }
        }
        c.rejectUnknownKeysHere();
        String resolved;
        try {
            resolved = YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ExperimentConfig(name, system, data, model, split, signal, backtest, seed, resolved, label, extra);
    }

    /** The signal section's entry order keys; an offset that the chosen type does not use is an error. */
    private static org.quantlstm.backtest.EntryOrders entryOrders(ConfigSection g) {
        var type = g.parsed("entry_order", "market", org.quantlstm.backtest.EntryOrders::parseType);
        double offset = g.number("entry_offset", 0, 0, 0.5);
        double limitOffset = g.number("entry_limit_offset", 0, 0, 0.5);
        int expiry = g.integer("entry_expiry_bars", 1, 1, 10_000);
        String code = org.quantlstm.backtest.EntryOrders.code(type);
        if (type == org.quantlstm.backtest.Bracket.Type.MARKET) {
            for (String k : List.of("entry_offset", "entry_limit_offset", "entry_expiry_bars")) {
                if (g.has(k)) {
                    throw g.error("signal." + k, "is used only with signal.entry_order limit, stop or stop_limit "
                            + "(the entry order is market)");
                }
            }
        } else if (type != org.quantlstm.backtest.Bracket.Type.STOP_LIMIT && g.has("entry_limit_offset")) {
            throw g.error("signal.entry_limit_offset", "is used only with signal.entry_order stop_limit (it is "
                    + code + ")");
        }
        return new org.quantlstm.backtest.EntryOrders(type, offset, limitOffset, expiry);
    }

    private static Retraining retraining(ConfigSection m) {
        Retraining.Scheme scheme = m.parsed("retrain", "none", Retraining.Scheme::parse);
        int every = m.integer("retrain_every", 0, 0, 1_000_000);
        int window = m.integer("retrain_window", 0, 0, 10_000_000);
        try {
            return new Retraining(scheme, every, window);
        } catch (UserInputException e) {
            throw m.error("model.retrain", e.getMessage());
        }
    }

    /**
     * The dotted keys set in this experiment (after overrides), leaves only: {@code data.ticker},
     * {@code universe.intervals.ZW=F}, … A list counts as one leaf.
     */
    public java.util.SortedSet<String> presentKeys() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        try {
            collect(YAML.readTree(yaml), "", out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void collect(JsonNode node, String prefix, java.util.SortedSet<String> out) {
        if (node != null && node.isObject() && (prefix.isEmpty() || node.size() > 0)) {
            node.fieldNames().forEachRemaining(k -> collect(node.get(k), prefix.isEmpty() ? k : prefix + "." + k, out));
        } else if (!prefix.isEmpty()) {
            out.add(prefix);
        }
    }

    /**
     * Rejects every key set in this experiment that its system does not read: one line naming the key and the
     * system. {@code declared} holds dotted keys; {@code section.*} covers every key under a section.
     */
    public void requireKeysReadBy(String systemName, java.util.Set<String> declared) {
        for (String k : presentKeys()) {
            if (k.equals("name") || k.equals("system") || k.equals("seed") || matches(k, declared)) {
                continue;
            }
            throw new UserInputException(label + ": " + k + ": not read by system '" + systemName
                    + "', so it would be ignored; remove it (keys this system reads: "
                    + String.join(", ", new java.util.TreeSet<>(declared)) + ")");
        }
    }

    /** Whether {@code key} is one of {@code declared} or under a declared {@code section.*}. */
    public static boolean matches(String key, java.util.Set<String> declared) {
        if (declared.contains(key)) {
            return true;
        }
        for (String d : declared) {
            if (d.endsWith(".*") && key.startsWith(d.substring(0, d.length() - 1))) {
                return true;
            }
        }
        return false;
    }


    private static void put(ObjectNode root, String dotted, String value) {
        String[] parts = dotted.split("\\.");
        ObjectNode cur = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = cur.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                next = cur.putObject(parts[i]);
            }
            cur = (ObjectNode) next;
        }
        String key = parts[parts.length - 1];
        String v = value.strip();
        if (v.matches("-?\\d{1,18}")) {
            cur.put(key, Long.parseLong(v));
        } else if (v.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            cur.put(key, Double.parseDouble(v));
        } else if (v.equals("true") || v.equals("false")) {
            cur.put(key, Boolean.parseBoolean(v));
        } else {
            cur.put(key, value);
        }
    }
}
