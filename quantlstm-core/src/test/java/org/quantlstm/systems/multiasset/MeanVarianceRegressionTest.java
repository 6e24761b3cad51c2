package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.PricePanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.portfolio.Allocation;
import org.quantlstm.portfolio.Bounds;
import org.quantlstm.portfolio.MeanVariance;
import org.quantlstm.portfolio.OptimizerSpec;

/**
 * A case where ojAlgo 55's extended-precision convex solver reported OPTIMAL for a clearly sub-optimal
 * maximum-Sharpe portfolio: six bundled stocks, weekly closes 1999-01-22 .. 2025-07-04, long-only, at most 0.33
 * each. The solver's answer was AAPL/MSFT/NVDA 0.33 + PEP 0.01 (annualised Sharpe 0.860), while the feasible
 * portfolio below reaches 0.975. {@link MeanVariance#maxSharpe} must never return less than a known feasible
 * portfolio.
 */
class MeanVarianceRegressionTest {
    @Test
    void maxSharpeUnderBoundsIsAtLeastAsGoodAsAKnownFeasiblePortfolio() {
        List<Symbol> syms = List.of("AAPL", "MSFT", "NVDA", "JPM", "PEP", "UNH").stream().map(Symbol::of).toList();
        PricePanel p = PricePanel.bundled(syms, Interval.W1, DateRange.all());
        double[][] px = p.prices();
        int n = px.length - 1;
        int m = px[0].length;
        double[] mu = new double[m];
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                r[i][j] = px[i + 1][j] / px[i][j] - 1;
                mu[j] += r[i][j] / n;
            }
        }
        double[][] cov = new double[m][m];
        for (double[] row : r) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    cov[i][j] += (row[i] - mu[i]) * (row[j] - mu[j]) / (n - 1);
                }
            }
        }
        double rf = Math.pow(1.04, 1.0 / 52) - 1;
        Allocation a = new MeanVariance(OptimizerSpec.of(Bounds.longOnly(m, 0.33))).maxSharpe(mu, cov, rf);
        double[] known = {0.33, 0.0, 0.2697, 0.0, 0.0703, 0.33};
        assertThat(sharpe(a.weights(), mu, cov, rf)).isGreaterThanOrEqualTo(sharpe(known, mu, cov, rf) - 1e-9);
        assertThat(sharpe(known, mu, cov, rf) * Math.sqrt(52)).isGreaterThan(0.97);   // the case still bites
        double sum = 0;
        for (double w : a.weights()) {
            assertThat(w).isBetween(-1e-9, 0.33 + 1e-9);
            sum += w;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static double sharpe(double[] w, double[] mu, double[][] cov, double rf) {
        double e = 0;
        double v = 0;
        for (int i = 0; i < w.length; i++) {
            e += w[i] * (mu[i] - rf);
            for (int j = 0; j < w.length; j++) {
                v += w[i] * w[j] * cov[i][j];
            }
        }
        return e / Math.sqrt(v);
    }
}
