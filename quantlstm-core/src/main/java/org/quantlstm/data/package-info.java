/**
 * Market data: the columnar, immutable {@link org.quantlstm.data.BarSeries}, the sources behind
 * {@link org.quantlstm.data.MarketDataSource} (bundled real prices, CSV files, Yahoo, Stooq, Binance),
 * the embedded DuckDB {@link org.quantlstm.data.MarketStore} with its caching front
 * {@link org.quantlstm.data.CachingSource}, {@link org.quantlstm.data.CsvBarReader} for any OHLCV file,
 * {@link org.quantlstm.data.BarValidator} (repair with warnings or reject with one line naming file and line),
 * {@link org.quantlstm.data.Resampler} (1h → 4h → 1d → 1wk Friday closes → 1mo) and
 * {@link org.quantlstm.data.RiskFreeRates} (FRED Treasury yields aligned causally to bars). Depends only on
 * {@code common}.
 */
package org.quantlstm.data;
