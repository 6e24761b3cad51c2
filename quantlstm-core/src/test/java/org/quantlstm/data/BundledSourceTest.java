package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.junit.jupiter.api.Test;

class BundledSourceTest {
    private final BundledSource bundled = new BundledSource();

    @Test
    void spyMatchesTheDataReadmeSanityFigures() {
        BarSeries spy = bundled.load(Symbol.of("SPY"));
        assertThat(spy.interval()).isEqualTo(Interval.D1);
        assertThat(spy.size()).isEqualTo(8387);
        assertThat(spy.date(0)).isEqualTo(LocalDate.of(1993, 1, 29));
        assertThat(spy.date(spy.size() - 1)).isEqualTo(LocalDate.of(2026, 5, 26));
        int i = spy.indexAtOrAfter(LocalDate.of(2020, 2, 19).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
        assertThat(spy.close(i)).isEqualTo(338.34);
        assertThat(spy.adjClose(spy.size() - 1)).isCloseTo(spy.close(spy.size() - 1), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void longFormatFilesAreSplitByTicker() {
        assertThat(bundled.knownSymbols()).extracting(Symbol::value)
                .contains("SPY", "QQQ", "^NDX", "AAPL", "TSLA", "SHOP", "XAUUSD", "XAGUSD", "UKOIL", "BTCUSDT", "ZW=F");
        assertThat(bundled.load(Symbol.of("SHOP")).date(0)).isEqualTo(LocalDate.of(2015, 5, 21));
        assertThat(bundled.load(Symbol.of("XAUUSD")).size()).isEqualTo(48250);
        assertThat(bundled.load(Symbol.of("BTCUSDT")).interval()).isEqualTo(Interval.H4);
    }

    @Test
    void aliasesResolve() {
        assertThat(bundled.load(Symbol.of("NDX")).symbol().value()).isEqualTo("^NDX");
        assertThat(bundled.load(Symbol.of("gold")).symbol().value()).isEqualTo("XAUUSD");
    }

    @Test
    void unknownSymbolIsAUserError() {
        assertThatThrownBy(() -> bundled.load(Symbol.of("NOPE"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("NOPE").hasMessageContaining("fetch");
    }
}
