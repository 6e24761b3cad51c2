package org.quantlstm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolTest {
    @Test
    void normalisesCaseAndKeepsProviderCharacters() {
        assertThat(Symbol.of(" spy ").value()).isEqualTo("SPY");
        assertThat(Symbol.of("brk.b").value()).isEqualTo("BRK.B");
        assertThat(Symbol.of("GC=F").value()).isEqualTo("GC=F");
        assertThat(Symbol.of("^ndx").value()).isEqualTo("^NDX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc", "a/b", "a\\b", "x'; drop table bars;--", "bad\u0000sym", "tab\tsym", ".", "..",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"})
    void rejectsUnsafeSymbols(String bad) {
        assertThatThrownBy(() -> Symbol.of(bad)).isInstanceOf(UserInputException.class).hasMessageContaining("invalid symbol");
    }

    @Test
    void intervalsCarryPeriodsPerYear() {
        assertThat(Interval.parse("1d").periodsPerYear()).isEqualTo(252);
        assertThat(Interval.parse("1wk").periodsPerYear()).isEqualTo(52);
        assertThat(Interval.parse("1mo").periodsPerYear()).isEqualTo(12);
        assertThat(Interval.parse("4h").periodsPerYear()).isEqualTo(1560);
        assertThat(Interval.parse("1h").periodsPerYear()).isEqualTo(6240);
        assertThatThrownBy(() -> Interval.parse("3d")).isInstanceOf(UserInputException.class).hasMessageContaining("3d");
    }

    @Test
    void chronologicalSplitCarvesValidationFromEndOfTrain() {
        DataSplit s = DataSplit.chronological(1000, 0.7, 0.1);
        assertThat(s.validEnd()).isEqualTo(700);
        assertThat(s.trainEnd()).isEqualTo(630);
        assertThat(s.testSize()).isEqualTo(300);
    }
}
