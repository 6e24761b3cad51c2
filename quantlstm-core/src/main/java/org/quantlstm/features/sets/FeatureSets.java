package org.quantlstm.features.sets;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.quantlstm.common.UserInputException;
import org.quantlstm.features.FeatureSet;

/** The registry of named feature sets. */
public final class FeatureSets {
    private FeatureSets() {
    }

    /** All sets, in the order they are listed. */
    public static List<FeatureSet> all() {
        return List.of(new SpyAnalyser31(), new PriceRsi(), new CloseOnly(), new CrossSectional());
    }

    /** The set with this name (case-insensitive); a one-line {@link UserInputException} otherwise. */
    public static FeatureSet byName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return all().stream().filter(s -> s.name().equals(key)).findFirst()
                .orElseThrow(() -> new UserInputException("unknown feature set '" + name + "': use one of "
                        + all().stream().map(FeatureSet::name).collect(Collectors.joining(", "))));
    }
}
