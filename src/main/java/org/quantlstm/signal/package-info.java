/** Signals from forecasts, position sizing methods, hybrids and risk limits. */
package org.quantlstm.signal;
