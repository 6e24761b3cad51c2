/**
 * Hyperparameter search: search spaces, samplers (random, grid, TPE), pruners and persisted studies.
 * Knows nothing of backtests: an objective is a function wired in {@code workflow}.
 */
package org.quantlstm.tuning;
