package org.quantlstm.workflow;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Where a run writes and how it talks to the user: the runs root folder, a stream for progress and tables, a
 * clock (fixed in tests) and whether to draw progress bars.
 */
public record RunContext(Path runsDir, Path dataDir, PrintStream out, Clock clock, boolean progress) {
}
