package org.quantlstm.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.quantlstm.common.UserInputException;

/**
 * Strict, typed reading of one YAML mapping: every key must be read, and a key nobody read is an error naming
 * the file, its path and the closest known key ("did you mean …"). Values are converted by hand (no reflective
 * binding), so every error says which key and what was expected.
 */
public final class ConfigSection {
    private final String source;
    private final String path;
    private final ObjectNode node;
    private final Set<String> read = new HashSet<>();
    private final List<ConfigSection> children = new ArrayList<>();

    ConfigSection(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        if (node == null || node.isNull() || node.isMissingNode()) {
            this.node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        } else if (node instanceof ObjectNode o) {
            this.node = o;
        } else {
            throw error(path.isEmpty() ? "the file" : path, "expected a mapping of keys to values, got " + node.getNodeType());
        }
    }

    public ConfigSection section(String key) {
        read.add(key);
        ConfigSection child = new ConfigSection(source, qualified(key), node.get(key));
        children.add(child);
        return child;
    }

    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    public String string(String key, String dflt) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isValueNode()) {
            throw error(qualified(key), "expected a single value");
        }
        return v.asText();
    }

    public double number(String key, double dflt) {
        String s = string(key, null);
        if (s == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw error(qualified(key), "expected a number, got '" + s + "'");
        }
    }

    public double number(String key, double dflt, double min, double max) {
        double v = number(key, dflt);
        if (!(v >= min && v <= max)) {
            throw error(qualified(key), "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(v));
        }
        return v;
    }

    public int integer(String key, int dflt, int min, int max) {
        double v = number(key, dflt);
        if (v != Math.rint(v) || v < min || v > max) {
            throw error(qualified(key), "must be a whole number between " + min + " and " + max + ", got " + fmt(v));
        }
        return (int) v;
    }

    public boolean bool(String key, boolean dflt) {
        String s = string(key, null);
        if (s == null) {
            return dflt;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(qualified(key), "expected true or false, got '" + s + "'");
        };
    }

    public <T> T parsed(String key, String dflt, Function<String, T> parser) {
        String s = string(key, dflt);
        if (s == null) {
            return null;
        }
        try {
            return parser.apply(s);
        } catch (UserInputException e) {
            throw error(qualified(key), e.getMessage());
        } catch (RuntimeException e) {
            throw error(qualified(key), "cannot read '" + s + "': " + e.getMessage());
        }
    }

    public <T> List<T> list(String key, List<T> dflt, Function<String, T> parser) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        List<String> raw = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> raw.add(e.asText()));
        } else {
            for (String s : v.asText().split(",")) {
                if (!s.isBlank()) {
                    raw.add(s.strip());
                }
            }
        }
        List<T> out = new ArrayList<>();
        for (String s : raw) {
            try {
                out.add(parser.apply(s));
            } catch (RuntimeException e) {
                throw error(qualified(key), e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Throws for the first key here that nobody read, and in the child sections read through this one, except
     * pipeline sections (checked by their pipelines).
     */
    void rejectUnknownKeysHere() {
        rejectUnknownKeys(false);
    }

    /** Throws for the first key, here or in a child section, that nobody read. */
    public void rejectUnknownKeys() {
        rejectUnknownKeys(true);
    }

    private void rejectUnknownKeys(boolean includePipelineSections) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                String hint = closest(k, read);
                throw error(qualified(k), "unknown key" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; known keys here: " + String.join(", ", new java.util.TreeSet<>(read)));
            }
        }
        for (ConfigSection child : children) {
            if (includePipelineSections || !(path.isEmpty() && ExperimentConfig.PIPELINE_SECTIONS.contains(child.path))) {
                child.rejectUnknownKeys(true);
            }
        }
    }

    public UserInputException error(String key, String what) {
        return new UserInputException(source + ": " + key + ": " + what);
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String closest(String key, Set<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = levenshtein(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return bestD <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
