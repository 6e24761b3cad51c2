/**
 * Parameter sweeps over the vectorized backtester: forecasts are made once (the experiment's network, a run
 * folder's forecasts, or a cheap causal forecast), then a grid of sizing, threshold, cost, stop, fill and universe
 * settings is evaluated in chunks through the task runner, and the results are written as a Parquet dataset with a
 * ranked summary and the Deflated Sharpe Ratio over the grid size.
 */
package org.quantlstm.workflow.sweep;
