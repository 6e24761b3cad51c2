/**
 * {@code quantlstm audit}: checks that a whole system run cannot see the future and reports the quality of every
 * series it reads. It sits above {@code systems} (it runs any registered system through
 * {@code systems.Systems}) and below {@code cli}.
 *
 * <p>{@link org.quantlstm.audit.LeakageAudit} runs the experiment once as it is (the baseline), finds the series
 * it read from the run folder's {@code data.json} and the test segment from its CSV files, then, for several cut
 * dates inside the test segment, replaces every bar after the cut with a wild seeded random walk
 * ({@link org.quantlstm.audit.Perturbation}), writes those series into a temporary DuckDB store (and a temporary
 * universe file where the system reads one), reruns the unmodified system on it with the same training data and
 * seeds, and compares forecasts, positions, weights and equity up to the cut ({@link org.quantlstm.audit.RunDiff}).
 * {@link org.quantlstm.audit.AuditReport} holds the verdicts, the data-quality tables of
 * {@code data.quality} and the exit code.
 */
package org.quantlstm.audit;
