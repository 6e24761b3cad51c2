/** Metrics with documented conventions, charts, HTML tear sheets, CSV and JSON outputs. */
package org.quantlstm.report;
