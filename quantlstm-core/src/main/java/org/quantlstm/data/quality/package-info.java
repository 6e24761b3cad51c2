/**
 * Data-quality checks on one price series, each with a documented threshold: raw closes that jump by a split
 * ratio where the adjusted close does not (a split recorded only in the adjusted close), splits recorded
 * nowhere, 100× unit errors, stale runs (open = high = low = close, or zero volume, for several bars), roll
 * gaps in continuous futures, calendar gaps (missing weekdays beyond holidays, intraday holes) and duplicated
 * bars. {@link org.quantlstm.data.quality.DataQuality} runs them and returns a
 * {@link org.quantlstm.data.quality.QualityReport} that renders as one table per series. Findings are facts
 * about the data, not errors: the caller decides whether they fail anything. Depends on {@code common} and
 * {@code data}.
 */
package org.quantlstm.data.quality;
