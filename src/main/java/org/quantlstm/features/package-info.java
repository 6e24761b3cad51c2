/**
 * Technical indicators over {@code double[]} columns (one small class each, causal by construction),
 * named feature sets, targets, scalers fitted on the training segment only, and windowing into
 * (samples, lookback, features) float arrays. Depends on {@code common} and {@code data}.
 */
package org.quantlstm.features;
