package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ICalendarTest {
    @Test
    void text_escapesBackslashSemicolonCommaAndNewlines() {
        assertThat(ICalendar.text("a\\b; c, d\ne\r\nf\u0007")).isEqualTo("a\\\\b\\; c\\, d\\ne\\nf");
    }

    @Test
    void line_longAscii_foldsAt75OctetsWithLeadingSpace() {
        var out = new StringBuilder();

        ICalendar.line(out, "SUMMARY:" + "x".repeat(100));

        assertThat(out.toString()).isEqualTo("SUMMARY:" + "x".repeat(67) + "\r\n " + "x".repeat(33) + "\r\n");
    }

    @Test
    void line_multibyte_neverSplitsACharacter() {
        var out = new StringBuilder();

        ICalendar.line(out, "SUMMARY:" + "月".repeat(40)); // 8 + 120 octets

        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("SUMMARY:" + "月".repeat(22)); // 8 + 66 = 74 octets; one more would be 77
        assertThat(lines[0].getBytes(StandardCharsets.UTF_8)).hasSize(74);
        assertThat(lines[1]).isEqualTo(" " + "月".repeat(18));
    }

    @Test
    void line_exactly75Octets_isNotFolded() {
        var out = new StringBuilder();

        ICalendar.line(out, "X".repeat(75));

        assertThat(out.toString()).isEqualTo("X".repeat(75) + "\r\n");
    }
}
