package org.quantlstm.backtest;

import java.util.List;
import org.quantlstm.signal.PositionSizer;

/**
 * Per-configuration outcome of {@link VectorizedBacktester#sweep}: index i belongs to {@code sizers.get(i)}.
 * Sharpe is annualised with rf = 0 and ddof = 1; max drawdown is ≤ 0 (−0.2 = −20 %).
 */
public record SweepResult(List<PositionSizer> sizers, double[] finalEquity, double[] sharpe, double[] maxDrawdown,
                          int[] fills, long barEvaluations) {
    public SweepResult {
        sizers = List.copyOf(sizers);
    }

    /** Index of the highest Sharpe (NaN ranks last); −1 if empty. */
    public int best() {
        int b = -1;
        for (int i = 0; i < sharpe.length; i++) {
            if (!Double.isNaN(sharpe[i]) && (b < 0 || sharpe[i] > sharpe[b])) {
                b = i;
            }
        }
        return b;
    }
}
