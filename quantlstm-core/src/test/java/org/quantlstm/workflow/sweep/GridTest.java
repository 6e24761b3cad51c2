package org.quantlstm.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

class GridTest {

    @Test
    void parsesValuesRangesAndExperimentSpellings() {
        Grid g = Grid.parse(List.of("sizing=binary,KELLY", "backtest.cost_bps=0:1:0.25", "signal.threshold=0.001,0.0020",
                "fill=next-close", "allow_short=false,true", "tickers=spy,AAPL+msft,all"));
        assertThat(g.keys()).containsExactly("sizing", "cost_bps", "threshold", "fill", "allow_short", "tickers");
        assertThat(g.axis("sizing").labels()).containsExactly("binary", "kelly");
        assertThat(g.axis("cost_bps").labels()).containsExactly("0", "0.25", "0.5", "0.75", "1");
        assertThat(g.axis("cost_bps").values()).containsExactly(0, 0.25, 0.5, 0.75, 1.0);
        assertThat(g.axis("threshold").labels()).containsExactly("0.001", "0.002");
        assertThat(g.axis("tickers").labels()).containsExactly("SPY", "AAPL+MSFT", "ALL");
        assertThat(g.size()).isEqualTo(2L * 5 * 2 * 1 * 2 * 3);
    }

    @Test
    void decimalRangesDoNotDrift() {
        Grid g = Grid.parse(List.of("threshold=0:0.003:0.0001"));
        assertThat(g.axis("threshold").size()).isEqualTo(31);
        assertThat(g.axis("threshold").labels().get(3)).isEqualTo("0.0003");
        assertThat(g.axis("threshold").values()[30]).isEqualTo(0.003);
    }

    @Test
    void cartesianProductInItertoolsOrderLastKeyFastest() {
        Grid g = Grid.parse(List.of("sizing=binary,fixed", "cost_bps=1,2,3", "fill=next-open,next-close"));
        List<String> seen = new ArrayList<>();
        for (long i = 0; i < g.size(); i++) {
            seen.add(String.join("/", g.labels(i)));
        }
        assertThat(seen).containsExactly(
                "binary/1/next-open", "binary/1/next-close", "binary/2/next-open", "binary/2/next-close",
                "binary/3/next-open", "binary/3/next-close",
                "fixed/1/next-open", "fixed/1/next-close", "fixed/2/next-open", "fixed/2/next-close",
                "fixed/3/next-open", "fixed/3/next-close");
    }

    @Test
    void emptyGridIsOneConfiguration() {
        Grid g = Grid.parse(List.of());
        assertThat(g.size()).isEqualTo(1);
        assertThat(g.labels(0)).isEmpty();
    }

    @Test
    void keysThatChangeTheForecastsAreRejectedByName() {
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=5", "model.lookback=30,60", "seed=1,2", "epochs=3")))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--grid model.lookback, seed, epochs: would change the forecasts");
    }

    @Test
    void unknownKeysEmptyValuesAndBadNumbersAreUserErrors() {
        assertThatThrownBy(() -> Grid.parse(List.of("colour=red")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown key colour (known: sizing,");
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=5,,10")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=abc")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=-1")))
                .isInstanceOf(UserInputException.class).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Grid.parse(List.of("stop_loss=1")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> Grid.parse(List.of("sizing=martingale")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown sizing method");
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=5,5.0")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=5", "backtest.cost_bps=6")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("key given twice");
        assertThatThrownBy(() -> Grid.parse(List.of("nokey")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("expected KEY=V1,V2");
        assertThatThrownBy(() -> Grid.parse(List.of("cost_bps=5:1:1")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("STOP >= START");
    }

    @Test
    void gridsOverTenMillionConfigurationsAreRejected() {
        // 1000 x 1000 x 11 = 11 million
        assertThatThrownBy(() -> Grid.parse(List.of("threshold=0:0.999:0.001", "k=0:999:1", "cost_bps=0:10:1")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("more than 10,000,000 configurations");
        assertThat(Grid.parse(List.of("threshold=0:0.999:0.001", "k=0:999:1", "cost_bps=0:9:1")).size())
                .isEqualTo(10_000_000L);
    }
}
