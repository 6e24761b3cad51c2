/** Portfolio math on {@code double[][]}: covariance estimators, mean-variance, Merton/HJB, top-K ranking. */
package org.quantlstm.portfolio;
