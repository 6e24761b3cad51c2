/**
 * Portfolio construction as pure math on {@code double[]} and {@code double[][]}; it reads no files and knows
 * nothing of models or backtests (only {@code common} for its exception type, and {@code signal} for the per-asset
 * sizing rules that the rebalancing and top-K rules apply after their cross-sectional step).
 *
 * <p>Conventions. A return panel is {@code r[T][N]}: one row per period, oldest first, one column per asset.
 * Every figure is per period until annualised by {@link org.quantlstm.portfolio.Annualisation} with the
 * interval's periods per year N: return μ·N, volatility σ·√N, Sharpe ·√N, and an annual risk-free rate is
 * compounded to a period rate {@code (1 + r)^(1/N) − 1}. Sample statistics use ddof = 1, except inside
 * Ledoit-Wolf, which follows its papers (ddof = 0).
 *
 * <p>Contents.
 * <ul>
 *   <li>Estimators: {@link org.quantlstm.portfolio.ExpectedReturns} (historical mean, EWMA, forecasts) and
 *       {@link org.quantlstm.portfolio.CovarianceEstimator} implementations — sample, EWMA with a half-life, and
 *       Ledoit-Wolf shrinkage to a scaled identity or to constant correlation.</li>
 *   <li>{@link org.quantlstm.portfolio.MeanVariance}: minimum variance, maximum Sharpe (tangent), efficient
 *       frontier and capital market line under per-asset {@link org.quantlstm.portfolio.Bounds}, with optional L2 and
 *       turnover penalties, solved by ojAlgo's convex QP solver; singular covariances are ridge-repaired.</li>
 *   <li>{@link org.quantlstm.portfolio.MertonAllocator}: the Merton/HJB rule {@code w = (1/γ) Σ⁻¹(μ − r_f)} re-estimated
 *       every period from data up to that period, with caps, and its comparison with a static tangent portfolio.</li>
 *   <li>Rebalancing rules over a price panel: the weekly-12 paper's
 *       {@link org.quantlstm.portfolio.PredictedChangeRebalancer} and the 1/N
 *       {@link org.quantlstm.portfolio.EqualWeightRebalancer}, run by {@link org.quantlstm.portfolio.Rebalancing}.
 *       Every decision at date t reads only data up to t; tests perturb later prices and check earlier weights are
 *       bit-identical.</li>
 *   <li>{@link org.quantlstm.portfolio.TopKSchedule}: the cross-sectional seed's rules over time (daily entries into
 *       free slots, a review of each holding every N calendar days, exit below a threshold), as target weights.</li>
 *   <li>{@link org.quantlstm.portfolio.TopKSelector}: cross-sectional top-K entry above a threshold, exit below
 *       another, 1/K per slot.</li>
 * </ul>
 */
package org.quantlstm.portfolio;
