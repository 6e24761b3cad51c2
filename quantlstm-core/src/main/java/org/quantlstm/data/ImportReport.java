package org.quantlstm.data;

import java.util.List;
import java.util.Objects;

/**
 * What an import repaired or noticed without rejecting the input: rows sorted into time order, exact
 * duplicates dropped, open/close outside [low, high], gaps longer than expected, columns filled in (missing
 * open/high/low taken from close, missing volume set to 0). Each warning is one line naming the source.
 * Problems that cannot be repaired are not warnings: they are thrown as
 * {@link org.quantlstm.common.UserInputException}.
 */
public record ImportReport(String source, List<String> warnings) {
    public ImportReport {
        Objects.requireNonNull(source, "source");
        warnings = List.copyOf(warnings);
    }

    public boolean isClean() {
        return warnings.isEmpty();
    }
}
