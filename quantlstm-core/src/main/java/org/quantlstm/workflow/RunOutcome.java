package org.quantlstm.workflow;

import java.nio.file.Path;

/** A finished run: its folder and the text a person reads at the end (tables, verdicts). */
public record RunOutcome(Path folder, String summary) {
}
