/**
 * Technical indicators over {@code double[]} columns, one small final class each.
 *
 * <p>Common contract of every class here:
 * <ul>
 *   <li><b>Strictly causal.</b> The value at index {@code t} depends only on inputs at indices {@code <= t};
 *       every class computes in one forward pass, so changing inputs after {@code t} cannot change outputs at or
 *       before {@code t} (tested bit for bit).</li>
 *   <li><b>Warm-up.</b> {@code warmUp()} is the number of leading outputs that are {@code NaN} when the input
 *       starts with a finite value at index 0: the first defined output is at index {@code warmUp()}. Leading
 *       {@code NaN} inputs (e.g. a benchmark that starts later) shift the start: the computation begins at
 *       the first finite input. Interior {@code NaN} inputs are not supported for recursive indicators (they
 *       propagate to all later values); prices and volumes from {@code BarSeries} are always finite.</li>
 *   <li><b>O(n), allocation-light.</b> One pass per output (rolling sums with periodic exact re-synchronisation
 *       against drift), one output array per output column, at most one scratch array.</li>
 *   <li><b>Conventions</b> (each class documents its own): EMA seeded with the first value (ta4j, pandas
 *       {@code ewm(span, adjust=False)}), RSI and ATR with Wilder's seed (simple mean of the first
 *       {@code n} changes / true ranges, as TA-Lib), standard deviations with ddof = 1 (pandas
 *       {@code rolling().std()}), returns simple ({@code x[t]/x[t-1] - 1}) and not annualised.</li>
 * </ul>
 * Verified against ta4j 0.17 (a test-scoped oracle) or an independent hand computation in the tests.
 */
package org.quantlstm.features.indicators;
