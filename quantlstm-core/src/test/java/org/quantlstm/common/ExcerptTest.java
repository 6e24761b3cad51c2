package org.quantlstm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void escapesTerminalControlAndBidiCharacters() {
        assertThat(Excerpt.of("a\u001b[31mb\u0007c\u0000d\r\ne")).isEqualTo("a\\u001b[31mb\\u0007c\\u0000d\\u000d\\u000ae");
        assertThat(Excerpt.of("x\u202ey\u009bz")).isEqualTo("x\\u202ey\\u009bz");
        assertThat(Excerpt.of("Köln 東京")).isEqualTo("Köln 東京");
    }

    @Test
    void cutsLongTextAndSaysHowMuchWasLeftOut() {
        assertThat(Excerpt.of("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx…(40 more chars)");
        assertThat(Excerpt.line("y".repeat(5_000_000), 100)).hasSizeLessThan(130);
    }

    @Test
    void unpairedSurrogatesAreEscaped() {
        assertThat(Excerpt.of("a\ud800b")).isEqualTo("a\\ud800b");
        assertThat(Excerpt.of("😀")).isEqualTo("😀");
    }

    @Test
    void symbolsAreCheckedAsAsciiBeforeAnyCaseChange() {
        // U+017F LATIN SMALL LETTER LONG S upper-cases to 'S'; U+212A KELVIN SIGN lower-cases to 'k'
        assertThatThrownBy(() -> Symbol.of("\u017Fpy")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("invalid symbol");
        assertThatThrownBy(() -> Symbol.of("\u212AO")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> Symbol.of("\u0131BM")).isInstanceOf(UserInputException.class); // dotless i
        assertThat(Symbol.of("spy").value()).isEqualTo("SPY");
    }

    @Test
    void overrideKeysMustBeDottedNames() {
        YamlLimits.checkOverrides(Map.of("model.lookback", "30", "data.period_days", "1"));
        for (String bad : new String[] {".", "", "a..b", ".a", "a.", "a b", "a/b", "x".repeat(70)}) {
            assertThatThrownBy(() -> YamlLimits.checkOverrides(Map.of(bad, "1"))).isInstanceOf(UserInputException.class);
        }
    }

    @Test
    void yamlLimitsRefuseDuplicatesDepthAndAliasBombs() {
        var m = YamlLimits.mapper();
        assertThatThrownBy(() -> YamlLimits.readTree(m, "a: 1\nb: 2\na: 3\n", "x.yaml"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("x.yaml").hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> YamlLimits.readTree(m, "a: " + "[".repeat(20_000) + "]".repeat(20_000), "d.yaml"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("d.yaml");
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            bomb.append("]\n");
        }
        // Jackson reads aliases as references without expanding them: a "billion laughs" stays small
        assertThat(YamlLimits.readTree(m, bomb.toString(), "b.yaml").toString()).hasSizeLessThan(10_000);
        assertThat(YamlLimits.readTree(m, "name: x\nmodel: {lookback: 30}\n", "ok.yaml").at("/model/lookback").asInt())
                .isEqualTo(30);
    }
}
