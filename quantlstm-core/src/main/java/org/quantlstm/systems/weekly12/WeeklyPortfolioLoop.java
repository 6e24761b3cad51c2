package org.quantlstm.systems.weekly12;


import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.ExecutionModel;
import org.quantlstm.backtest.FeeModel;
import org.quantlstm.common.UserInputException;
import org.quantlstm.portfolio.RebalanceContext;
import org.quantlstm.portfolio.Rebalancer;
import org.quantlstm.portfolio.Returns;

/**
 * The weekly portfolio simulation of the weekly-12 system: one account holding N stocks by weight, rebalanced at
 * every row of a price panel by a {@link Rebalancer}, with proportional costs on turnover and compounding.
 *
 * <p>Timing (the paper's convention). Row t of {@code prices} is a rebalancing date (a Friday's adjusted close).
 * The decision at row t is taken at that close from prices up to row t and the forecasts made at row t, and it is
 * filled at that same close; the new weights then earn the following week's return, close t → close t+1. There is
 * no decision at the last row, which only marks the portfolio.
 *
 * <p>Arithmetic, for t = 0 … T−2, with E_t the equity at close t before trading:
 * <ol>
 *   <li>The weights before trading, {@code d_t}: all cash at t = 0 ({@code d_0 = 0}); later the previous weights
 *       moved with the prices, {@code d_t,i = w_{t−1,i}(1 + r_t,i) / (1 + R_t)} where {@code R_t} is the portfolio
 *       return of the week (cash earns the risk-free rate).</li>
 *   <li>The rule's new weights {@code w_t}. At t = 0 the rule sees {@code initialWeights} as the portfolio it
 *       adjusts (e.g. 1/N); later it sees {@code w_{t−1}} with the prices of rows t−1 and t, so its own drift
 *       computation agrees with step 1 for fully invested weights.</li>
 *   <li>The gross limit: if {@code Σ_i |w_t,i|} exceeds {@code maxGross}, every weight is scaled down by the same
 *       factor so that it equals it.</li>
 *   <li>Turnover (one-way, in fractions of equity) {@code τ_t = Σ_i |w_t,i − d_t,i|} — at t = 0 this is the cost of
 *       buying in from cash, {@code Σ|w_0,i|}. Costs {@code C_t = fees.notionalCost(τ_t · E_t)} (the one
 *       {@link FeeModel}: bps per side plus slippage, at least the minimum) are paid out of the portfolio: the
 *       weights apply to {@code E_t − C_t}.</li>
 *   <li>Compounding: {@code E_{t+1} = (E_t − C_t) · (1 + Σ_i w_t,i r_{t+1,i} + I(1 − Σ_i w_t,i) − B_t)} with
 *       {@code r_{t+1,i} = P_{t+1,i}/P_t,i − 1}; {@code I(c) = fees.interest(c, rf_t, N)} the week's interest on the
 *       cash fraction c (the risk-free rate, plus the financing spread when c &lt; 0) and
 *       {@code B_t = fees.borrowFee(Σ_{w<0} |w_t,i|, N)} the week's borrow fee on the short weights (shorts are
 *       negative weights; a short's proceeds are part of the cash term).</li>
 * </ol>
 * With zero costs and fully invested weights the returns equal those of
 * {@link org.quantlstm.portfolio.Rebalancing#run} (tested).
 */
public final class WeeklyPortfolioLoop {
    private WeeklyPortfolioLoop() {
    }

    /**
     * A simulated portfolio.
     *
     * @param name           label, e.g. {@code strategy}
     * @param times          row times (epoch ms), length T
     * @param equity         equity at each close, after the week's return and before trading at that close; equity[0]
     *                       is the initial capital
     * @param weights        {@code weights[t]} = weights set at row t (fractions of post-cost equity), t = 0 … T−2
     * @param turnover       one-way turnover τ_t at row t (0 at the last row)
     * @param costs          costs paid at row t, currency (0 at the last row)
     * @param borrow         borrow fees of the week ending at row t, currency (0 at row 0)
     * @param financing      financing paid on negative cash in the week ending at row t, currency (0 at row 0)
     * @param initialCapital starting equity
     */
    public record Result(String name, long[] times, double[] equity, double[][] weights, double[] turnover,
                         double[] costs, double[] borrow, double[] financing, double initialCapital) {
        public Result {
            Objects.requireNonNull(name, "name");
            times = times.clone();
            equity = equity.clone();
            weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
            turnover = turnover.clone();
            costs = costs.clone();
            borrow = borrow.clone();
            financing = financing.clone();
        }

        public double totalBorrow() {
            return Arrays.stream(borrow).sum();
        }

        public double totalFinancing() {
            return Arrays.stream(financing).sum();
        }

        /** Gross exposure Σ|w| set at each decision row (rows 0 … T−2). */
        public double[] grossByRow() {
            double[] g = new double[weights.length];
            for (int t = 0; t < g.length; t++) {
                g[t] = gross(weights[t]);
            }
            return g;
        }

        @Override
        public long[] times() {
            return times.clone();
        }

        @Override
        public double[] equity() {
            return equity.clone();
        }

        @Override
        public double[][] weights() {
            return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public double[] turnover() {
            return turnover.clone();
        }

        @Override
        public double[] costs() {
            return costs.clone();
        }

        /** Weekly simple returns of equity, net of costs, length T−1. */
        public double[] returns() {
            return BacktestResult.periodReturns(equity);
        }

        public double totalCosts() {
            return Arrays.stream(costs).sum();
        }

        /** Mean one-way turnover per rebalancing (rows 0 … T−2). */
        public double meanTurnover() {
            return Arrays.stream(turnover, 0, turnover.length - 1).average().orElse(0);
        }

        /**
         * As a {@link BacktestResult}, so the report layer can summarise and write it: {@code close} is the
         * portfolio's own equity (there is no single traded asset), {@code position} the net exposure Σw and
         * {@code gross} the gross exposure Σ|w| held over the week ending at each row (row 0 holds nothing yet),
         * {@code traded} τ_t·E_t, borrow and financing as charged. No fills and no round trips: a portfolio resized
         * every week has no meaningful entry and exit.
         */
        public BacktestResult toBacktestResult() {
            int n = times.length;
            double[] position = new double[n];
            double[] grossCol = new double[n];
            double[] traded = new double[n];
            for (int t = 0; t < n - 1; t++) {
                double net = 0;
                for (double v : weights[t]) {
                    net += v;
                }
                position[t + 1] = net;
                grossCol[t + 1] = gross(weights[t]);
                traded[t] = turnover[t] * equity[t];
            }
            return new BacktestResult(name, times, equity, equity, position, grossCol, traded, costs, borrow,
                    financing, List.of(), List.of(), initialCapital);
        }

        private static double gross(double[] w) {
            double g = 0;
            for (double v : w) {
                g += Math.abs(v);
            }
            return g;
        }
    }

    /**
     * Runs {@code rule} over {@code prices[T][N]} (T ≥ 2 rows, strictly positive). {@code predicted[t]} (null for
     * rules without forecasts) holds the forecasts of row t+1's prices made at row t; rows up to T−2 are used.
     * {@code cashRate[t]} (length T−1, or null for zero) is the risk-free return of the week from row t to t+1.
     */
    public static Result run(String name, long[] times, double[][] prices, double[][] predicted, Rebalancer rule,
                             double[] initialWeights, double costBps, double capital, double[] cashRate) {
        if (!(costBps >= 0) || Double.isInfinite(costBps)) {
            throw new UserInputException("cost in basis points must be a finite number >= 0, got " + costBps);
        }
        return run(name, times, prices, null, predicted, rule, initialWeights, FeeModel.commissionOnly(costBps),
                Double.POSITIVE_INFINITY, 52, ExecutionModel.SAME_CLOSE, capital, cashRate);
    }

    /**
     * Runs {@code rule} as {@link #run(String, long[], double[][], double[][], Rebalancer, double[], double, double,
     * double[])} with the full fee model (costs, borrow fee, financing), a gross limit ({@code maxGross}, infinity =
     * none) and an execution model: {@link ExecutionModel#SAME_CLOSE} (the paper's convention, {@code opens} may be
     * null) or {@link ExecutionModel#NEXT_OPEN}, which needs {@code opens[T][N]}: the weights decided at close t are
     * then filled at row t+1's open (the Monday open of the next week for weekly bars). Until that fill the old
     * weights ride the gap from close t to open t+1; turnover and costs are measured at the open, on the weights
     * drifted to it; the new weights earn open t+1 → close t+1. The week's interest, financing and borrow fee are
     * charged on the new weights (they are held for most of the week). {@code periodsPerYear} (52 for weeks) turns
     * the annual borrow and financing rates into weekly ones.
     */
    public static Result run(String name, long[] times, double[][] prices, double[][] opens, double[][] predicted,
                             Rebalancer rule, double[] initialWeights, FeeModel fees, double maxGross,
                             int periodsPerYear, ExecutionModel exec, double capital, double[] cashRate) {
        Objects.requireNonNull(fees, "fees");
        boolean atOpen = exec.lag() == 1 && exec.atOpen();
        if (exec.lag() == 1 && !exec.atOpen()) {
            throw new IllegalArgumentException("the weekly loop fills at the same close or the next open, not "
                    + exec.code());
        }
        if (atOpen && (opens == null || opens.length != prices.length)) {
            throw new IllegalArgumentException("next-open fills need one row of opens per row of prices");
        }
        Objects.requireNonNull(rule, "rule");
        int n = Returns.requirePanel("prices", prices, 2);
        int rows = prices.length;
        if (times.length != rows) {
            throw new IllegalArgumentException("times: " + times.length + " values for " + rows + " price rows");
        }
        if (predicted != null && predicted.length < rows - 1) {
            throw new IllegalArgumentException("predictions: " + predicted.length + " rows, need " + (rows - 1));
        }
        if (initialWeights.length != n) {
            throw new IllegalArgumentException("initial weights: " + initialWeights.length + " values for " + n
                    + " assets");
        }
        if (cashRate != null && cashRate.length != rows - 1) {
            throw new IllegalArgumentException("cash rate: " + cashRate.length + " values for " + (rows - 1) + " weeks");
        }
        if (!(maxGross > 0)) {
            throw new UserInputException("max gross exposure must be > 0, got " + maxGross);
        }
        if (!(capital > 0) || Double.isInfinite(capital)) {
            throw new UserInputException("initial capital must be a positive number, got " + capital);
        }
        double[] equity = new double[rows];
        double[] borrow = new double[rows];
        double[] financing = new double[rows];
        double[][] w = new double[rows - 1][];
        double[] turnover = new double[rows];
        double[] costs = new double[rows];
        double[] before = new double[n];
        equity[0] = capital;
        for (int t = 0; t < rows - 1; t++) {
            RebalanceContext ctx = t == 0
                    ? new RebalanceContext(initialWeights, prices[0], prices[0], predicted == null ? null : predicted[0])
                    : new RebalanceContext(w[t - 1], prices[t - 1], prices[t], predicted == null ? null : predicted[t]);
            double[] target = rule.rebalance(ctx);
            if (target.length != n) {
                throw new IllegalStateException("rule returned " + target.length + " weights for " + n + " assets");
            }
            w[t] = target.clone();
            double g = 0;
            for (double v : w[t]) {
                g += Math.abs(v);
            }
            if (g > maxGross) {
                for (int i = 0; i < n; i++) {
                    w[t][i] *= maxGross / g;
                }
            }
            double atFill = equity[t];
            double[] fillPx = prices[t];
            if (atOpen) {
                // the old weights ride the gap from close t to open t+1
                double gap = 0;
                for (int i = 0; i < n; i++) {
                    gap += before[i] * (opens[t + 1][i] / prices[t][i] - 1);
                }
                if (!(1 + gap > 0)) {
                    throw new UserInputException(name + ": portfolio value fell to zero or below at the open after row "
                            + t);
                }
                for (int i = 0; i < n; i++) {
                    before[i] = before[i] * (opens[t + 1][i] / prices[t][i]) / (1 + gap);
                }
                atFill = equity[t] * (1 + gap);
                fillPx = opens[t + 1];
            }
            double tau = 0;
            for (int i = 0; i < n; i++) {
                tau += Math.abs(w[t][i] - before[i]);
            }
            turnover[t] = tau;
            costs[t] = fees.notionalCost(tau * atFill);
            double invested = atFill - costs[t];
            double rf = cashRate == null ? 0 : cashRate[t];
            double portfolio = 0;
            double held = 0;
            double[] grown = new double[n];
            for (int i = 0; i < n; i++) {
                double r = prices[t + 1][i] / fillPx[i] - 1;
                portfolio += w[t][i] * r;
                held += w[t][i];
                grown[i] = w[t][i] * (1 + r);
            }
            double shortFraction = 0;
            for (int i = 0; i < n; i++) {
                shortFraction += Math.max(0, -w[t][i]);
            }
            double interest = fees.interest(1 - held, rf, periodsPerYear);
            double borrowFee = fees.borrowFee(shortFraction, periodsPerYear);
            borrow[t + 1] = borrowFee * invested;
            if (1 - held < 0) {
                financing[t + 1] = -interest * invested; // the whole charge on the negative balance, rf + spread
            }
            double growth = 1 + portfolio + interest - borrowFee;
            if (!(growth > 0)) {
                throw new UserInputException(name + ": portfolio value fell to zero or below in the week after row "
                        + t + " (short positions lost everything)");
            }
            equity[t + 1] = invested * growth;
            for (int i = 0; i < n; i++) {
                before[i] = grown[i] / growth;
            }
        }
        return new Result(name, times, equity, w, turnover, costs, borrow, financing, capital);
    }
}
