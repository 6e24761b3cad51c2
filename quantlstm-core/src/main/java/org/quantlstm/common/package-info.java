/**
 * Small value types shared by every layer: symbols, bar intervals with their periods per year,
 * date ranges, chronological splits, and the exception type for errors a user can cause.
 * This package depends on nothing else in quantlstm.
 */
package org.quantlstm.common;
