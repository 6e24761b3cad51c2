/**
 * LSTM forecasters. The only package that sees DJL: specs are records, {@code Forecaster} fits, predicts,
 * saves and loads; forecast metrics are reported next to naive baselines. No DJL type appears in a public
 * signature here.
 */
package org.quantlstm.model;
