package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one CSV writer of the API and the CLI (issue 14 item 9): OWASP's formula characters, RFC 4180 quoting. */
class CsvTest {
    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\tDeepSeek", "\rKimi"})
    void cell_formulaStart_getsALeadingQuote(String text) {
        String cell = Csv.cell(text);

        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(unquoted).isEqualTo("'" + text);
    }

    @Test
    void cell_formulaCharacterInside_unchanged() {
        assertThat(Csv.cell("GLM-5 = Z.ai's @ best")).isEqualTo("GLM-5 = Z.ai's @ best");
    }

    @Test
    void line_commaQuoteAndNewline_quotedAndCrlfTerminated() {
        assertThat(Csv.line(List.of("a,b", "say \"hi\"", "two\nlines", "=1")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1\r\n");
    }

    @Test
    void line_carriageReturnFirst_neutralisedThenQuoted() {
        assertThat(Csv.line(List.of("\r=cmd"))).isEqualTo("\"'\r=cmd\"\r\n");
    }
}
