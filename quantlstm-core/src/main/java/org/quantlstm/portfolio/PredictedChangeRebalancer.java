package org.quantlstm.portfolio;

import java.util.Objects;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.PredictedChangeSizing;
import org.quantlstm.signal.Sizing;
import org.quantlstm.signal.SizingContext;

/**
 * The weekly-12 rebalancing rule of Liu, "Portfolio Management Strategy Based on LSTM" (seed file 002).
 *
 * <p>The paper's rule, §3: <i>"The strategy proposed in this paper involves trading on a weekly basis, with the
 * fundamental rule being to buy stronger performers and sell weaker ones. The proportion of each stock bought or sold
 * was determined by the magnitude of its predicted price change. If any stocks were forecasted to decrease in value,
 * those predicted to decline were sold, while those predicted to increase were purchased. Otherwise, if all stocks
 * were forecasted to increase in value, the amounts bought and sold were determined by a normalized position
 * adjustment factor, calculated as follows: Adjustment Factor = (R_i − E(R_i)) / σ(R_i) … it allows for short
 * selling, assumes an initial capital amount of $10 million … The strategy also imposes a constraint on the
 * proportion of a single stock, limiting it to no more than one-third of the entire portfolio."</i>
 *
 * <p>Implemented as follows; the paper does not pin down the points marked <b>[interpretation]</b>.
 * <ol>
 *   <li>Start from the drifted weights {@link RebalanceContext#driftedWeights()} (last week's weights moved with the
 *       prices) and the predicted changes {@code R̂_i = P̂_i,t+1 / P_i,t − 1}.</li>
 *   <li>Signal s: if some stocks are predicted up and some down, {@code s_i = R̂_i} (sell the decliners, buy the
 *       risers, in proportion to the predicted change). Otherwise the z-score {@code s_i = (R̂_i − mean R̂)/std R̂}
 *       across the stocks (std with ddof = 1). <b>[interpretation]</b> the paper names only "all predicted up"; the
 *       z-score is also used when all are predicted down and when predictions are zero on one side (no stock to
 *       sell, or none to buy), because then the raw signal cannot fund its own trades. If every prediction is equal
 *       the z-score is undefined and nothing is traded.</li>
 *   <li>Trades: <b>[interpretation]</b> the paper gives no trade size. Buys total τ of portfolio value, split over
 *       the stocks with {@code s_i > 0} in proportion to {@code s_i}; sells total τ, split over {@code s_i < 0} in
 *       proportion to {@code |s_i|}: {@code Δ_i = τ·s_i / Σ_{s_j>0} s_j} or {@code τ·s_i / Σ_{s_j<0} |s_j|}. Sells
 *       fund buys, so the portfolio stays fully invested (Σw = 1, no cash) — for z-scores Σs = 0 and this is simply
 *       {@code Δ = 2τ·s/Σ|s|}. τ is {@link #tradeFraction()} (default 0.5). Because the trades are normalised,
 *       the scale of the signal cancels: ddof = 0 or 1 in the z-score gives the same weights.</li>
 *   <li>Shorts: a sell larger than the holding leaves a negative weight (a short), as the paper allows; with
 *       {@code allowShort = false} weights are floored at 0 instead.</li>
 *   <li>Cap: <b>[interpretation]</b> "no more than one-third of the portfolio" is read as {@code |w_i| ≤ 1/3} of
 *       portfolio value (shorts included). Weights are projected onto {@code {−cap ≤ w ≤ cap, Σw = 1}}
 *       ({@link Bounds#project}): the excess of a capped stock is spread equally over the others.</li>
 * </ol>
 * Costs are the backtester's business (the paper assumes none); this rule only sets weights.
 *
 * <p>Step 3's per-stock trade is the {@link org.quantlstm.signal.Sizing} {@link PredictedChangeSizing}: this class
 * does the cross-sectional parts (the signal of step 2, the sums of its positive and negative values, and the cap
 * projection of steps 4–5) and asks the sizing rule for each stock's new weight, from a
 * {@link SizingContext} carrying the drifted weight as the position, the signal as the score and the two sums.
 * {@link #withSizing} swaps in another rule (a lambda reading any context field) for research.
 */
public final class PredictedChangeRebalancer implements Rebalancer {
    /** The paper's cap: one third of the portfolio. */
    public static final double PAPER_CAP = 1.0 / 3.0;
    /** Default τ: half the portfolio bought and half sold each week (our choice; the paper gives none). */
    public static final double DEFAULT_TRADE_FRACTION = 0.5;

    private final double tradeFraction;
    private final double maxWeight;
    private final boolean allowShort;
    private final Sizing sizing;

    public PredictedChangeRebalancer(double tradeFraction, double maxWeight, boolean allowShort) {
        this(tradeFraction, maxWeight, allowShort, null);
    }

    private PredictedChangeRebalancer(double tradeFraction, double maxWeight, boolean allowShort, Sizing sizing) {
        if (!(tradeFraction >= 0 && tradeFraction <= 1)) {
            throw new UserInputException("trade fraction must be in [0, 1], got " + tradeFraction);
        }
        if (!(maxWeight > 0 && maxWeight <= 1)) {
            throw new UserInputException("maximum weight per stock must be in (0, 1], got " + maxWeight);
        }
        this.tradeFraction = tradeFraction;
        this.maxWeight = maxWeight;
        this.allowShort = allowShort;
        this.sizing = sizing == null ? new PredictedChangeSizing(tradeFraction) : sizing;
    }

    /**
     * The same caps and short rule with another per-stock sizing rule in place of {@link PredictedChangeSizing}
     * (its context: position = drifted weight, score = the step-2 signal, the sums of the positive and negative
     * signals, rank 0, candidates = the number of stocks).
     */
    public PredictedChangeRebalancer withSizing(Sizing rule) {
        Objects.requireNonNull(rule, "rule");
        return new PredictedChangeRebalancer(tradeFraction, maxWeight, allowShort, rule);
    }

    /** The per-stock sizing rule (by default {@link PredictedChangeSizing} with this τ). */
    public Sizing sizing() {
        return sizing;
    }

    /** The paper's settings: τ = 0.5, cap 1/3, shorts allowed. */
    public static PredictedChangeRebalancer paper() {
        return new PredictedChangeRebalancer(DEFAULT_TRADE_FRACTION, PAPER_CAP, true);
    }

    public double tradeFraction() {
        return tradeFraction;
    }

    public double maxWeight() {
        return maxWeight;
    }

    public boolean allowShort() {
        return allowShort;
    }

    /** The signal of step 2: raw predicted changes when both signs occur, else their cross-sectional z-scores. */
    public static double[] signal(double[] predictedChanges) {
        boolean up = false;
        boolean down = false;
        for (double r : predictedChanges) {
            up |= r > 0;
            down |= r < 0;
        }
        if (up && down) {
            return predictedChanges.clone();
        }
        int n = predictedChanges.length;
        double mean = 0;
        for (double r : predictedChanges) {
            mean += r;
        }
        mean /= n;
        double var = 0;
        for (double r : predictedChanges) {
            var += (r - mean) * (r - mean);
        }
        double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
        double[] z = new double[n];
        if (sd > 0) {
            for (int i = 0; i < n; i++) {
                z[i] = (predictedChanges[i] - mean) / sd;
            }
        }
        return z;
    }

    /** Step 3: trades Δ (fractions of portfolio value), buys and sells each totalling τ; see {@link PredictedChangeSizing}. */
    public static double[] trades(double[] signal, double tradeFraction) {
        PredictedChangeSizing rule = new PredictedChangeSizing(tradeFraction);
        double[] sums = sums(signal);
        double[] d = new double[signal.length];
        for (int i = 0; i < signal.length; i++) {
            d[i] = rule.trade(signal[i], sums[0], sums[1]);
        }
        return d;
    }

    /** Σ of the positive signals and Σ of the absolute negative ones. */
    private static double[] sums(double[] signal) {
        double pos = 0;
        double neg = 0;
        for (double s : signal) {
            if (s > 0) {
                pos += s;
            } else {
                neg -= s;
            }
        }
        return new double[] {pos, neg};
    }

    @Override
    public double[] rebalance(RebalanceContext context) {
        int n = context.size();
        if (n * maxWeight < 1 - 1e-12) {
            throw new UserInputException("a cap of " + maxWeight + " per stock cannot hold a fully invested portfolio of "
                    + n + " stocks");
        }
        double[] w = context.driftedWeights();
        double[] s = signal(context.predictedChanges());
        double[] sums = sums(s);
        for (int i = 0; i < n; i++) {
            w[i] = sizing.size(SizingContext.ranked(w[i], s[i], 0, n).withScoreSums(sums[0], sums[1]));
        }
        Bounds caps = allowShort ? Bounds.longShort(n, maxWeight) : Bounds.longOnly(n, maxWeight);
        return caps.project(w);
    }
}
