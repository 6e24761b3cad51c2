package org.quantlstm.systems.crosssectional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.backtest.PortfolioResult;
import org.quantlstm.common.UserInputException;

class CrossSectionalBaselinesTest {

    @Test
    void absoluteScoreIsTwiceTheProbabilityOfBeatingMinusOne() {
        double nan = Double.NaN;
        double[][] pred = {{nan, 0.5, 0, -1.0}, {nan, nan, 1.5, 0.25}};
        double[][] s = CrossSectionalBaselines.absoluteScores(pred, 1, 4, 0.5);
        // Φ(1) = 0.841345 (tables): 2·0.841345 − 1 = 0.682689
        assertThat(s[0][1]).isCloseTo(0.682689, within(1e-6));
        assertThat(s[0][2]).isEqualTo(0.0);
        // Φ(−2) = 0.022750: 2·0.022750 − 1 = −0.954500
        assertThat(s[0][3]).isCloseTo(-0.954500, within(1e-6));
        // Φ(3) = 0.998650
        assertThat(s[1][2]).isCloseTo(0.997300, within(1e-6));
        assertThat(s[0][0]).isNaN(); // before the first scored date
        assertThat(s[1][1]).isNaN(); // no forecast
    }

    @Test
    void unlikeTheZScoreTheAbsoluteScoreCanPutEveryNameBelowTheEntryThreshold() {
        // a weak model: forecasts close to 0 against a unit residual scale
        double[][] pred = {{0.01}, {0.05}, {-0.02}, {0.03}};
        double[][] abs = CrossSectionalBaselines.absoluteScores(pred, 0, 1, 1.0);
        double[][] z = CrossSectionalPipeline.zScores(pred, 0, 1);
        long absAbove = java.util.Arrays.stream(abs).filter(r -> r[0] > 0.2).count();
        long zAbove = java.util.Arrays.stream(z).filter(r -> r[0] > 0.2).count();
        assertThat(absAbove).isZero();
        assertThat(zAbove).isEqualTo(2);
    }

    @Test
    void residualScaleIsTheRootMeanSquaredError() {
        assertThat(CrossSectionalBaselines.residualScale(new double[] {1, 2, 3}, new float[] {1, 4, Float.NaN}))
                .isCloseTo(Math.sqrt(2), within(1e-12)); // errors 0, 2 → √(4/2)
    }

    @Test
    void scoreKeyIsStrict() {
        assertThat(CrossSectionalBaselines.Score.parse("zscore")).isEqualTo(CrossSectionalBaselines.Score.ZSCORE);
        assertThatThrownBy(() -> CrossSectionalBaselines.Score.parse("rank")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("use absolute or zscore");
    }

    @Test
    void forecastLinePoolsStockDates() {
        double[][] f = {{0, 1, 2}, {0, 1, 0}, {0, 0, 1}};
        double[][] y = {{9, 1, 1}, {9, 2, 0}, {9, 0, 2}};
        CrossSectionalBaselines.ForecastLine l = CrossSectionalBaselines.forecastLine("x", f, y, 1, 3);
        // errors on dates 1..2: 0, −1, 0, 1, 0, −1 → RMSE √(3/6)
        assertThat(l.n()).isEqualTo(6);
        assertThat(l.rmse()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        // date 1: corr((1,1,0),(1,2,0)) = 0.866025; date 2: corr((2,0,1),(1,0,2)) = 0.5
        assertThat(l.meanDailyIc()).isCloseTo((Math.sqrt(3) / 2 + 0.5) / 2, within(1e-9));
        assertThat(CrossSectionalBaselines.forecastLine("p", CrossSectionalBaselines.constant(f, 1, 0), y, 1, 3)
                .meanDailyIc()).isNaN();
    }

    @Test
    void aBookThatNeverTradesIsNamed() {
        PortfolioResult flat = new PortfolioResult(List.of("A", "B"), new long[] {1, 2, 3}, new double[] {1, 1, 1},
                new double[][] {{0, 0, 0}, {0, 0, 0}}, new double[3], new double[3], new double[3], new double[3], new double[3], List.of(), List.of(), 1);
        assertThat(CrossSectionalBaselines.constantLine("LSTM", flat, List.of("A", "B")))
                .isEqualTo("LSTM: flat on 3/3 test days: it never trades (all cash)");
        PortfolioResult held = new PortfolioResult(List.of("A", "B"), new long[] {1, 2, 3}, new double[] {1, 1, 1},
                new double[][] {{0.2, 0.3, 0.25}, {0, 0, 0}}, new double[3], new double[3], new double[3], new double[3], new double[3], List.of(), List.of(), 1);
        assertThat(CrossSectionalBaselines.constantLine("LSTM", held, List.of("A", "B")))
                .contains("holds the same names on 3/3 test days (A long)");
        PortfolioResult trades = new PortfolioResult(List.of("A", "B"), new long[] {1, 2, 3}, new double[] {1, 1, 1},
                new double[][] {{0.2, 0, 0}, {0, 0, 0}}, new double[3], new double[3], new double[3], new double[3], new double[3], List.of(), List.of(), 1);
        assertThat(CrossSectionalBaselines.constantLine("LSTM", trades, List.of("A", "B"))).isNull();
    }
}
