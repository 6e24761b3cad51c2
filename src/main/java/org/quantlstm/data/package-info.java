/**
 * Market data: the columnar, immutable {@link org.quantlstm.data.BarSeries}, the sources behind
 * {@link org.quantlstm.data.MarketDataSource} (bundled real prices, CSV files, Yahoo, Stooq, Binance),
 * the embedded DuckDB store, resampling and input validation. Depends only on {@code common}.
 */
package org.quantlstm.data;
