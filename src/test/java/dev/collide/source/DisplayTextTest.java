package dev.collide.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {
    @Test
    void line_escapeSequencesC1AndBidi_removed() {
        String hostile = "Model\u001b[2J X \u009b31mnew\u0007\u007f \u202egnp.exe\u202c \u2066iso\u2069";

        assertThat(DisplayText.line(hostile)).isEqualTo("Model[2J X 31mnew gnp.exe iso");
    }

    @Test
    void line_breaksAndIndentation_becomeOneSpace() {
        assertThat(DisplayText.line("First part\r\n      second\u2028third\u0085fourth\tfifth\n"))
                .isEqualTo("First part second third fourth fifth");
    }

    @Test
    void line_rightToLeftMarksAndOrdinaryText_kept() {
        String text = "\u05e9\u05dc\u05d5\u05dd\u200f (v2) \u4e2d\u6587 caf\u00e9 \u2014 \ud83d\ude80";

        assertThat(DisplayText.line(text)).isSameAs(text);
    }

    @Test
    void text_keepsLineFeedsAndTabs_normalisesOtherBreaks() {
        assertThat(DisplayText.text("a\r\nb\rc\u2029d\u000be\tf\u001b[0m"))
                .isEqualTo("a\nb\nc\nd\ne\tf[0m");
    }

    @Test
    void identifier_controlCharacters_shownAsCodePoints() {
        assertThat(DisplayText.identifier("ctl-1\u001b\u202e")).isEqualTo("ctl-1U+001BU+202E");
    }
}
