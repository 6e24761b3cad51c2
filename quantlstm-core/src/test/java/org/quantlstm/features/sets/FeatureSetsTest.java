package org.quantlstm.features.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.features.FeatureMatrix;
import org.quantlstm.features.FeatureSet;

class FeatureSetsTest {
    static final BundledSource SOURCE = new BundledSource();

    @Test
    void registryHasTheFourSetsWithTheirWidths() {
        assertThat(FeatureSets.all()).extracting(FeatureSet::name)
                .containsExactly("spy-analyser-31", "price-rsi", "close-only", "cross-sectional");
        assertThat(FeatureSets.byName("SPY-Analyser-31").columns()).hasSize(31).doesNotHaveDuplicates();
        assertThat(FeatureSets.byName("price-rsi").columns()).containsExactly("close", "rsi_14");
        assertThat(FeatureSets.byName("close-only").columns()).containsExactly("adj_close");
        assertThat(FeatureSets.byName("cross-sectional").columns()).contains("sma100_gap", "rsi14", "beta_60");
        assertThatThrownBy(() -> FeatureSets.byName("nope")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("spy-analyser-31");
    }

    @Test
    void spyAnalyserOnAdjustedSpy() {
        BarSeries spy = SOURCE.load(Symbol.of("SPY"));
        FeatureMatrix m = new SpyAnalyser31().compute(spy);
        assertThat(m.names()).isEqualTo(new SpyAnalyser31().columns());
        assertThat(m.rows()).isEqualTo(spy.size());
        assertThat(m.firstCompleteRow()).isEqualTo(33);
        int t = 5000;
        assertThat(m.column("close")[t]).isEqualTo(spy.adjClose(t));
        assertThat(m.column("open")[t]).isCloseTo(spy.open(t) * spy.adjClose(t) / spy.close(t), within(1e-9));
        assertThat(m.column("lag_3")[t]).isEqualTo(spy.adjClose(t - 3));
        assertThat(m.column("return_1")[t]).isCloseTo(spy.adjClose(t) / spy.adjClose(t - 1) - 1, within(1e-15));
        assertThat(m.column("volume")[t]).isEqualTo(spy.volume(t));
        assertThat(m.column("bb_middle")[t]).isBetween(m.column("bb_lower")[t], m.column("bb_upper")[t]);
        for (int r = m.firstCompleteRow(); r < m.rows(); r++) {
            assertThat(m.isComplete(r)).as("row %d", r).isTrue();
        }
    }

    @Test
    void smallSetsAndCrossSectional() {
        BarSeries spy = SOURCE.load(Symbol.of("SPY"));
        assertThat(new PriceRsi().compute(spy).firstCompleteRow()).isEqualTo(14);
        FeatureMatrix c = new CloseOnly().compute(spy);
        assertThat(c.firstCompleteRow()).isZero();
        assertThat(c.column(0)[100]).isEqualTo(spy.adjClose(100));
        BarSeries msft = SOURCE.load(Symbol.of("MSFT")).last(2000);
        FeatureMatrix x = new CrossSectional().compute(msft, spy);
        assertThat(x.names()).isEqualTo(new CrossSectional().columns());
        assertThat(x.firstCompleteRow()).isEqualTo(99);
        // a stock against itself: no excess return, beta 1, relative volatility 1
        FeatureMatrix self = new CrossSectional().compute(spy, spy);
        int t = 4000;
        assertThat(self.column("excess_ret_20")[t]).isZero();
        assertThat(self.column("rel_strength_60")[t]).isCloseTo(0, within(1e-15));
        assertThat(self.column("beta_60")[t]).isCloseTo(1, within(1e-9));
        assertThat(self.column("rel_volatility_20")[t]).isEqualTo(1);
        assertThatThrownBy(() -> new CrossSectional().compute(msft)).isInstanceOf(UserInputException.class);
    }
}
