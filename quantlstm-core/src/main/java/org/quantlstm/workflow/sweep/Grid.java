package org.quantlstm.workflow.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quantlstm.backtest.FillTiming;
import org.quantlstm.common.Excerpt;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.SizingMethod;

/**
 * A parameter grid over the settings that act after the forecasts: sizing method and its parameter and cap,
 * neutral band, shorts, costs, stops, fill timing and the ticker universe. Built from {@code --grid key=v1,v2,…}
 * options (numeric values may also be a range {@code start:stop:step}, both ends included). The configurations
 * are the cartesian product in the order the keys were given, the last key varying fastest (as Python's
 * {@code itertools.product}): configuration {@code i} is decoded from {@code i} in that mixed radix, so any
 * chunk of the grid is described by two numbers.
 *
 * <p>Keys that would change the forecasts (model, split, data, features, seed…) are rejected: a sweep makes its
 * forecasts once and only varies what acts on them.
 *
 * @param axes one axis per key, in the order given
 */
public record Grid(List<Axis> axes) implements Serializable {
    /** Largest number of configurations a sweep accepts. */
    public static final long MAX_CONFIGS = 10_000_000L;
    /** Largest number of values one key may take (ranges included). */
    static final int MAX_VALUES = 100_000;

    /** The keys a grid may vary, with their meaning. */
    public static final Map<String, String> KEYS = knownKeys();

    /** Keys (and key prefixes) that would change the forecasts: never swept. */
    private static final Set<String> FORECAST_KEYS = Set.of("seed", "lookback", "epochs", "hidden", "layers",
            "dropout", "learning_rate", "batch_size", "patience", "net", "target", "loss", "cell", "retrain", "train",
            "validation", "period_days", "interval", "source", "ticker", "features", "feature_set");
    private static final List<String> FORECAST_PREFIXES = List.of("model.", "split.", "data.", "features.",
            "tuning.", "universe.", "strategy.", "portfolio.");

    private static Map<String, String> knownKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sizing", "sizing method: binary, fixed, proportional, kelly, volatility");
        m.put("threshold", "neutral band: long above +band, short below -band (signal.threshold)");
        m.put("k", "the sizing method's parameter k (binary 1, fixed 0.5, proportional 1, kelly 2, volatility 1)");
        m.put("cap", "position cap |target| <= cap");
        m.put("allow_short", "true or false (signal.allow_short)");
        m.put("cost_bps", "costs per side in bps of traded notional (backtest.cost_bps)");
        m.put("slippage_bps", "slippage in bps (backtest.slippage_bps)");
        m.put("min_cost", "minimum charge per fill (backtest.min_cost)");
        m.put("stop_loss", "stop-loss fraction of entry, 0 = off (signal.stop_loss)");
        m.put("take_profit", "take-profit fraction of entry, 0 = off (signal.take_profit)");
        m.put("fill", "next-open or next-close (backtest.fill)");
        m.put("tickers", "a universe: one ticker, several joined by '+', or all");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * One key's values. {@code values} holds the number each configuration reads: the value itself for numeric
     * keys, the ordinal for sizing and fill, 1/0 for allow_short, the value's index for tickers.
     */
    public record Axis(String key, List<String> labels, double[] values) implements Serializable {
        public Axis {
            labels = List.copyOf(labels);
            values = values.clone();
            if (labels.size() != values.length || labels.isEmpty()) {
                throw new IllegalArgumentException(key + ": labels and values differ or are empty");
            }
        }

        public int size() {
            return values.length;
        }

        /** Whether the values are numbers (written as DOUBLE columns) rather than names. */
        public boolean numeric() {
            return !key.equals("sizing") && !key.equals("fill") && !key.equals("tickers") && !key.equals("allow_short");
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        double value(int i) {
            return values[i];
        }
    }

    public Grid {
        axes = List.copyOf(axes);
        Set<String> seen = new LinkedHashSet<>();
        for (Axis a : axes) {
            if (!seen.add(a.key())) {
                throw new UserInputException("--grid " + a.key() + ": key given twice; list all its values in one --grid");
            }
        }
        size(axes);
    }

    /** Parses {@code key=v1,v2,…} options; an empty list gives the one-configuration grid (all defaults). */
    public static Grid parse(List<String> options) {
        List<Axis> axes = new ArrayList<>();
        List<String> forecastKeys = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String[]> parsed = new ArrayList<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--grid " + Excerpt.of(o) + ": expected KEY=V1,V2,… (e.g. --grid cost_bps=5,10)");
            }
            String raw = o.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String key = canonical(raw);
            if (key == null) {
                if (changesForecasts(raw)) {
                    forecastKeys.add(Excerpt.of(raw));
                } else {
                    unknown.add(Excerpt.of(raw));
                }
                continue;
            }
            parsed.add(new String[]{key, o.substring(eq + 1)});
        }
        if (!forecastKeys.isEmpty()) {
            throw new UserInputException("--grid " + String.join(", ", forecastKeys) + ": would change the forecasts, which a"
                    + " sweep makes once; sweep only " + String.join(", ", KEYS.keySet()));
        }
        if (!unknown.isEmpty()) {
            throw new UserInputException("--grid: unknown key" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " (known: " + String.join(", ", KEYS.keySet()) + ")");
        }
        for (String[] p : parsed) {
            axes.add(axis(p[0], p[1]));
        }
        return new Grid(axes);
    }

    /** The canonical key for a grid key or its experiment-file spelling; null if it is not a grid key. */
    static String canonical(String key) {
        return switch (key) {
            case "sizing", "method" -> "sizing";
            case "threshold", "band", "signal.threshold" -> "threshold";
            case "k", "parameter" -> "k";
            case "cap" -> "cap";
            case "allow_short", "signal.allow_short" -> "allow_short";
            case "stop_loss", "signal.stop_loss" -> "stop_loss";
            case "take_profit", "signal.take_profit" -> "take_profit";
            case "cost_bps", "backtest.cost_bps" -> "cost_bps";
            case "slippage_bps", "backtest.slippage_bps" -> "slippage_bps";
            case "min_cost", "backtest.min_cost" -> "min_cost";
            case "fill", "backtest.fill" -> "fill";
            case "tickers", "universe" -> "tickers";
            default -> null;
        };
    }

    private static boolean changesForecasts(String key) {
        return FORECAST_KEYS.contains(key) || FORECAST_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static Axis axis(String key, String text) {
        List<String> items = new ArrayList<>();
        for (String v : text.split(",", -1)) {
            String s = v.strip();
            if (s.isEmpty()) {
                throw new UserInputException("--grid " + key + "=" + Excerpt.of(text) + ": empty value");
            }
            if (s.indexOf(':') > 0 && numeric(key)) {
                items.addAll(range(key, s));
            } else {
                items.add(s);
            }
            if (items.size() > MAX_VALUES) {
                throw new UserInputException("--grid " + key + ": more than " + MAX_VALUES + " values");
            }
        }
        List<String> labels = new ArrayList<>();
        double[] values = new double[items.size()];
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String s = items.get(i);
            String label;
            double v;
            switch (key) {
                case "sizing" -> {
                    SizingMethod m = SizingMethod.parse(s);
                    label = m.code();
                    v = m.ordinal();
                }
                case "fill" -> {
                    FillTiming f = FillTiming.parse(s);
                    label = f.code();
                    v = f.ordinal();
                }
                case "allow_short" -> {
                    String b = s.toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false")) {
                        throw new UserInputException("--grid allow_short=" + Excerpt.of(s) + ": use true or false");
                    }
                    label = b;
                    v = b.equals("true") ? 1 : 0;
                }
                case "tickers" -> {
                    label = s.toUpperCase(Locale.ROOT);
                    v = i;
                }
                default -> {
                    v = number(key, s);
                    label = plain(v, s);
                }
            }
            if (!seen.add(label)) {
                throw new UserInputException("--grid " + key + ": value " + Excerpt.of(label) + " given twice");
            }
            labels.add(label);
            values[i] = v;
        }
        return new Axis(key, labels, values);
    }

    private static boolean numeric(String key) {
        return !key.equals("sizing") && !key.equals("fill") && !key.equals("tickers") && !key.equals("allow_short");
    }

    private static double number(String key, String s) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserInputException("--grid " + key + "=" + Excerpt.of(s) + ": not a number");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new UserInputException("--grid " + key + "=" + Excerpt.of(s) + ": must be a finite number >= 0");
        }
        if (key.equals("stop_loss") && v >= 1) {
            throw new UserInputException("--grid stop_loss=" + Excerpt.of(s) + ": must be in [0, 1)");
        }
        return v;
    }

    /** {@code start:stop:step}, both ends included, computed in decimal so that 0.1 steps stay 0.1 steps. */
    private static List<String> range(String key, String s) {
        String[] p = s.split(":", -1);
        if (p.length != 3) {
            throw new UserInputException("--grid " + key + "=" + Excerpt.of(s) + ": a range is START:STOP:STEP");
        }
        BigDecimal start, stop, step;
        try {
            start = new BigDecimal(p[0].strip());
            stop = new BigDecimal(p[1].strip());
            step = new BigDecimal(p[2].strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("--grid " + key + "=" + Excerpt.of(s) + ": a range is START:STOP:STEP of numbers");
        }
        if (step.signum() <= 0 || stop.compareTo(start) < 0) {
            throw new UserInputException("--grid " + key + "=" + Excerpt.of(s) + ": a range needs STEP > 0 and STOP >= START");
        }
        BigDecimal count = stop.subtract(start).divide(step, java.math.MathContext.DECIMAL64);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) {
            throw new UserInputException("--grid " + key + "=" + Excerpt.of(s) + ": more than " + MAX_VALUES + " values");
        }
        List<String> out = new ArrayList<>();
        for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
            out.add(v.stripTrailingZeros().toPlainString());
        }
        return out;
    }

    private static String plain(double v, String text) {
        try {
            return new BigDecimal(text.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return Double.toString(v);
        }
    }

    private static long size(List<Axis> axes) {
        long n = 1;
        for (Axis a : axes) {
            n *= a.size();
            if (n > MAX_CONFIGS) {
                throw new UserInputException("--grid: more than " + String.format(Locale.ROOT, "%,d", MAX_CONFIGS)
                        + " configurations (" + describeSizes(axes) + "); narrow the grid");
            }
        }
        return n;
    }

    private static String describeSizes(List<Axis> axes) {
        List<String> s = new ArrayList<>();
        for (Axis a : axes) {
            s.add(a.key() + " " + a.size());
        }
        return String.join(" x ", s);
    }

    /** Number of configurations (the product of the axes' sizes; 1 for an empty grid). */
    public long size() {
        return size(axes);
    }

    /** The axis of a key, or null. */
    public Axis axis(String key) {
        for (Axis a : axes) {
            if (a.key().equals(key)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The value index of every axis for configuration {@code config} (mixed radix, last axis fastest), written
     * into {@code out} (length = number of axes).
     */
    public void decode(long config, int[] out) {
        long r = config;
        for (int a = axes.size() - 1; a >= 0; a--) {
            int n = axes.get(a).size();
            out[a] = (int) (r % n);
            r /= n;
        }
    }

    /** The labels of configuration {@code config}, one per axis. */
    public List<String> labels(long config) {
        int[] idx = new int[axes.size()];
        decode(config, idx);
        List<String> out = new ArrayList<>();
        for (int a = 0; a < idx.length; a++) {
            out.add(axes.get(a).labels().get(idx[a]));
        }
        return out;
    }

    /** The keys in order. */
    public List<String> keys() {
        return axes.stream().map(Axis::key).toList();
    }
}
