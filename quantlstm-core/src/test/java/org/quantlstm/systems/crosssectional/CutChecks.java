package org.quantlstm.systems.crosssectional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.quantlstm.backtest.Fill;

/**
 * The causality checks shared by the cross-sectional truncation tests: a run on prices changed after a cut must
 * agree with the original run up to the cut, and must differ after it (else the test proves nothing).
 */
final class CutChecks {
    private CutChecks() {
    }

    static void tradesAndLaterPricesReallyChanged(CrossSectionalPipeline.Result original,
                                                  CrossSectionalPipeline.Result changed, int stocks) {
        assertThat(original.backtest().portfolio().fills()).isNotEmpty();
        assertThat(original.times()).containsExactly(changed.times());
        int last = original.times().length - 2;
        boolean differs = false;
        for (int i = 0; i < stocks; i++) {
            differs |= original.scores()[i][last] != changed.scores()[i][last];
        }
        assertThat(differs).as("scores after the cut must change, else the test proves nothing").isTrue();
    }

    static void scoresUpToTheCutAreUnchanged(CrossSectionalPipeline.Result original,
                                             CrossSectionalPipeline.Result changed, int cut, List<String> tickers) {
        for (int i = 0; i < tickers.size(); i++) {
            assertThat(Arrays.copyOf(changed.predicted()[i], cut + 1)).as(tickers.get(i))
                    .containsExactly(Arrays.copyOf(original.predicted()[i], cut + 1));
            assertThat(Arrays.copyOf(changed.scores()[i], cut + 1)).as(tickers.get(i))
                    .containsExactly(Arrays.copyOf(original.scores()[i], cut + 1));
        }
    }

    static void decisionsFillsAndEquityUpToTheCutAreUnchanged(CrossSectionalPipeline.Result original,
                                                              CrossSectionalPipeline.Result changed, int cut) {
        int bar = cut - original.testStart(); // decisions at this close are filled on the next (changed) bar
        double[][] a = original.backtest().plan().targets(), b = changed.backtest().plan().targets();
        for (int i = 0; i < a.length; i++) {
            assertThat(Arrays.copyOf(b[i], bar + 1)).containsExactly(Arrays.copyOf(a[i], bar + 1));
        }
        assertThat(changed.backtest().plan().decisions().stream().filter(d -> d.bar() <= bar).toList())
                .isEqualTo(original.backtest().plan().decisions().stream().filter(d -> d.bar() <= bar).toList());
        List<Fill> fa = original.backtest().portfolio().fills().stream().filter(f -> f.bar() <= bar).toList();
        List<Fill> fb = changed.backtest().portfolio().fills().stream().filter(f -> f.bar() <= bar).toList();
        assertThat(fb).isEqualTo(fa);
        assertThat(Arrays.copyOf(changed.strategy().equity(), bar + 1))
                .containsExactly(Arrays.copyOf(original.strategy().equity(), bar + 1));
    }
}
