package org.quantlstm.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Safe reading of configuration YAML, which may come from anyone: bounded size ({@value #MAX_CHARS} characters),
 * bounded nesting ({@value #MAX_DEPTH} levels), few aliases ({@value #MAX_ALIASES}, against "billion laughs"),
 * and duplicate keys as an error (YAML's last-one-wins would silently drop a setting). Every failure is one
 * {@link UserInputException} line naming the file and, where known, the line.
 */
public final class YamlLimits {
    /** Largest config text, in characters. */
    public static final int MAX_CHARS = 1_000_000;
    /** Deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 64;
    /** Most aliases ({@code *name}) in one document. */
    public static final int MAX_ALIASES = 50;

    // segments are names or ticker symbols (universe.intervals.ZW=F, universe.periods_per_year.^SPX)
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_^][A-Za-z0-9_=^-]{0,63}(\\.[A-Za-z0-9_^][A-Za-z0-9_=^-]{0,63}){0,15}");

    private YamlLimits() {
    }

    /** A YAML mapper with the limits above and duplicate-key detection. */
    public static ObjectMapper mapper() {
        LoaderOptions lo = new LoaderOptions();
        lo.setAllowDuplicateKeys(false);
        lo.setMaxAliasesForCollections(MAX_ALIASES);
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setCodePointLimit(MAX_CHARS * 4);
        lo.setAllowRecursiveKeys(false);
        YAMLFactory f = YAMLFactory.builder()
                .loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_CHARS).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(f);
    }

    /** Reads a config file's text, refusing files over {@value #MAX_CHARS} characters before reading them. */
    public static String readFile(Path file, String label) {
        try {
            if (Files.isDirectory(file)) {
                throw new UserInputException(label + ": is a directory, not a YAML file");
            }
            if (Files.size(file) > 4L * MAX_CHARS) {
                throw new UserInputException(label + ": " + Files.size(file) + " bytes is too large for an experiment "
                        + "file (limit " + MAX_CHARS + " characters)");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            checkSize(text, label);
            return text;
        } catch (NoSuchFileException e) {
            throw new UserInputException(label + ": no such file");
        } catch (IOException e) {
            throw new UserInputException(label + ": cannot read (" + Excerpt.of(String.valueOf(e.getMessage()), 120)
                    + ")", e);
        }
    }

    /** Parses YAML text into a tree under the limits; any failure is one line naming {@code label}. */
    public static JsonNode readTree(ObjectMapper mapper, String text, String label) {
        checkSize(text, label);
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
            String why = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            if (why.contains("Duplicate field")) {
                why = why.replace("Duplicate field", "duplicate key") + "; each key may appear once";
            }
            throw new UserInputException(label + ": not valid YAML" + where + ": " + Excerpt.of(why, 200), e);
        } catch (RuntimeException | StackOverflowError e) {
            // SnakeYAML and Jackson limits surface as several exception types; a deep document as a stack overflow
            throw new UserInputException(label + ": YAML refused: " + Excerpt.of(String.valueOf(e.getMessage()), 200)
                    + " (limits: " + MAX_DEPTH + " levels, " + MAX_ALIASES + " aliases, " + MAX_CHARS + " characters)");
        }
    }

    /**
     * Checks override keys such as {@code model.lookback}: dotted names of letters, digits, {@code _} and
     * {@code -}, no empty part ({@code --set .=1} is refused).
     */
    public static void checkOverrides(Map<String, String> overrides) {
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String k = e.getKey();
            if (k == null || !KEY.matcher(k).matches()) {
                throw new UserInputException("--set key '" + Excerpt.of(String.valueOf(k)) + "' is not a config key; "
                        + "use dotted names such as model.lookback=30");
            }
            if (e.getValue() == null || e.getValue().length() > 10_000) {
                throw new UserInputException("--set " + k + ": value missing or longer than 10000 characters");
            }
        }
    }

    private static void checkSize(String text, String label) {
        if (text.length() > MAX_CHARS) {
            throw new UserInputException(label + ": " + text.length() + " characters is too large for an experiment "
                    + "file (limit " + MAX_CHARS + ")");
        }
    }
}
