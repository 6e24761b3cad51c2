package org.quantlstm.report;

import java.util.List;
import org.quantlstm.backtest.Trade;

/**
 * One static method per tear-sheet metric, each with its convention. {@code r} are simple period returns
 * (length n), {@code N} periods per year, {@code rf} per-period risk-free returns (length n; see
 * {@link RiskFree}). Results are fractions (0.1 = 10 %); NaN where undefined (e.g. zero variance).
 */
public final class Metrics {
    private Metrics() {
    }

    /** Total compounded return: Π(1+r) − 1 (= final/initial equity − 1). */
    public static double totalReturn(double[] r) {
        double g = 1;
        for (double v : r) {
            g *= 1 + v;
        }
        return g - 1;
    }

    /** CAGR = (1+R)^(N/n) − 1, with R the total return over n periods (DESIGN.md). */
    public static double cagr(double totalReturn, int periods, int periodsPerYear) {
        return periods == 0 ? Double.NaN : Math.pow(1 + totalReturn, (double) periodsPerYear / periods) - 1;
    }

    /** Annualised volatility: std(r, ddof = 1)·√N. */
    public static double volatility(double[] r, int periodsPerYear) {
        return Stats.std(r) * Math.sqrt(periodsPerYear);
    }

    /** Sharpe = mean(r − rf)/std(r − rf, ddof = 1)·√N (quantstats: std of the excess returns). */
    public static double sharpe(double[] r, double[] rf, int periodsPerYear) {
        return perPeriodSharpe(r, rf) * Math.sqrt(periodsPerYear);
    }

    /** Non-annualised Sharpe mean(x)/std(x, ddof = 1), x = r − rf: the SR of the PSR/DSR formulas. */
    public static double perPeriodSharpe(double[] r, double[] rf) {
        double[] x = Stats.minus(r, rf);
        double s = Stats.std(x);
        return s > 0 ? Stats.mean(x) / s : Double.NaN;
    }

    /**
     * Sortino = mean(x)/√(Σ_{x&lt;0} x²/n)·√N with x = r − rf and n all periods (quantstats: downside deviation
     * about 0, divided by the full count, not the count of negative periods).
     */
    public static double sortino(double[] r, double[] rf, int periodsPerYear) {
        double[] x = Stats.minus(r, rf);
        double ss = 0;
        for (double v : x) {
            if (v < 0) {
                ss += v * v;
            }
        }
        double dd = Math.sqrt(ss / x.length);
        return dd > 0 ? Stats.mean(x) / dd * Math.sqrt(periodsPerYear) : Double.NaN;
    }

    /** Calmar = CAGR/|max drawdown|; NaN when there was no drawdown. */
    public static double calmar(double cagr, double maxDrawdown) {
        return maxDrawdown < 0 ? cagr / Math.abs(maxDrawdown) : Double.NaN;
    }

    /**
     * Exposure: the mean absolute weight |position| (fraction of equity) held at the closes of bars 1..n−1; a book that
     * holds 0.1 % of equity every day has exposure 0.001, not 100 % (that is {@link #timeInvested}).
     */
    public static double exposure(double[] position) {
        if (position.length < 2) {
            return 0;
        }
        double s = 0;
        for (int t = 1; t < position.length; t++) {
            s += Math.abs(position[t]);
        }
        return s / (position.length - 1);
    }

    /** Time invested: the fraction of bars 1..n−1 at whose close a position was held (|position| &gt; 1e-12). */
    public static double timeInvested(double[] position) {
        if (position.length < 2) {
            return 0;
        }
        int k = 0;
        for (int t = 1; t < position.length; t++) {
            if (Math.abs(position[t]) > 1e-12) {
                k++;
            }
        }
        return (double) k / (position.length - 1);
    }

    /**
     * Annualised two-way turnover: mean over periods of traded notional / equity at that bar's close, × N
     * (buying 100 % and selling it later counts 2.0).
     */
    public static double turnover(double[] traded, double[] equity, int periodsPerYear) {
        if (equity.length < 2) {
            return 0;
        }
        double s = 0;
        for (int t = 0; t < equity.length; t++) {
            s += traded[t] / equity[t];
        }
        return s / (equity.length - 1) * periodsPerYear;
    }

    /** Beta vs a benchmark's returns: cov(r, b)/var(b) (ddof cancels). */
    public static double beta(double[] r, double[] b) {
        double mr = Stats.mean(r), mb = Stats.mean(b), cov = 0, var = 0;
        for (int i = 0; i < r.length; i++) {
            cov += (r[i] - mr) * (b[i] - mb);
            var += (b[i] - mb) * (b[i] - mb);
        }
        return var > 0 ? cov / var : Double.NaN;
    }

    /** Annualised alpha (quantstats greeks): (mean(r) − β·mean(b))·N, no risk-free adjustment. */
    public static double alpha(double[] r, double[] b, int periodsPerYear) {
        return (Stats.mean(r) - beta(r, b) * Stats.mean(b)) * periodsPerYear;
    }

    /**
     * Annualised Jensen's alpha, in excess of the risk-free rate: (mean(r − rf) − β·mean(b − rf))·N with β = cov(r, b)
     * / var(b). A book that holds cash earning the bill rate has alpha ≈ 0 here, where {@link #alpha} would credit it
     * with the bill rate (β ≈ 0).
     */
    public static double alphaExcess(double[] r, double[] b, double[] rf, int periodsPerYear) {
        return (Stats.mean(Stats.minus(r, rf)) - beta(r, b) * Stats.mean(Stats.minus(b, rf))) * periodsPerYear;
    }

    /** Win rate, average win/loss and profit factor of a set of outcomes (periods or trades). */
    public record WinLoss(double winRate, double avgWin, double avgLoss, double profitFactor, int count) {
    }

    /**
     * Per period (quantstats): win rate = #(r&gt;0)/#(r≠0) (flat periods are not counted); avg win = mean of
     * r&gt;0; avg loss = mean of r&lt;0 (negative); profit factor = Σ r&gt;0 / |Σ r&lt;0|.
     */
    public static WinLoss perPeriod(double[] r) {
        int wins = 0, losses = 0;
        double sw = 0, sl = 0;
        for (double v : r) {
            if (v > 0) {
                wins++;
                sw += v;
            } else if (v < 0) {
                losses++;
                sl += v;
            }
        }
        return new WinLoss(wins + losses == 0 ? Double.NaN : (double) wins / (wins + losses),
                wins == 0 ? Double.NaN : sw / wins, losses == 0 ? Double.NaN : sl / losses,
                sl < 0 ? sw / -sl : Double.NaN, r.length);
    }

    /**
     * Per trade (from the trade log, open trade included, marked at the last close): win rate = #(pnl&gt;0) /
     * #trades; avg win / avg loss = mean trade return (pnl / cost basis) of winners / losers; profit factor =
     * Σ winning pnl / |Σ losing pnl|.
     */
    public static WinLoss perTrade(List<Trade> trades) {
        int wins = 0, losses = 0;
        double rw = 0, rl = 0, pw = 0, pl = 0;
        for (Trade t : trades) {
            if (t.pnl() > 0) {
                wins++;
                rw += t.returnPct();
                pw += t.pnl();
            } else if (t.pnl() < 0) {
                losses++;
                rl += t.returnPct();
                pl += t.pnl();
            }
        }
        return new WinLoss(trades.isEmpty() ? Double.NaN : (double) wins / trades.size(),
                wins == 0 ? Double.NaN : rw / wins, losses == 0 ? Double.NaN : rl / losses,
                pl < 0 ? pw / -pl : Double.NaN, trades.size());
    }
}
