package dev.collide.web;

import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Release events and collisions as an iCalendar feed (RFC 5545): all-day VEVENTs with stable UIDs. */
final class ICalendar {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private ICalendar() {
    }

    static String render(List<StoredEvent> events, List<StoredCollision> collisions, String baseUrl) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Collide//Release collisions//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text("Collide: AI releases and collisions"));
        for (StoredEvent e : events) {
            if (e.date().isEmpty()) {
                continue; // an undated event has no day to sit on
            }
            vevent(out, "event-" + e.id(), e.updatedAt(), e.date().get(), e.date().get(),
                    e.lab() + " releases " + e.model(), Describe.event(e), baseUrl + "/events/" + e.id());
        }
        for (StoredCollision c : collisions) {
            Optional<LocalDate> first = earliest(c.a().date(), c.b().date());
            if (first.isEmpty()) {
                continue;
            }
            LocalDate last = latest(c.a().date(), c.b().date()).orElseThrow();
            vevent(out, "collision-" + c.id(), c.updatedAt(), first.get(), last, Describe.title(c),
                    Describe.collision(c), baseUrl + "/collisions/" + c.id());
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void vevent(StringBuilder out, String uid, Instant stamp, LocalDate first, LocalDate last,
                               String summary, String description, String url) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid + "@collide");
        line(out, "DTSTAMP:" + STAMP.format(stamp));
        line(out, "DTSTART;VALUE=DATE:" + DATE.format(first));
        // RFC 5545 3.6.1: DTEND of an all-day event is the day after the last day (exclusive)
        line(out, "DTEND;VALUE=DATE:" + DATE.format(last.plusDays(1)));
        line(out, "SUMMARY:" + text(summary));
        line(out, "DESCRIPTION:" + text(description));
        line(out, "URL:" + url);
        line(out, "TRANSP:TRANSPARENT");
        line(out, "END:VEVENT");
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
                        b.append("\\n");
                    }
                }
                default -> {
                    if (ch == '\t' || ch >= 0x20 && ch != 0x7f) {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * RFC 5545 3.1: lines end in CRLF and are folded so that no line exceeds 75 octets (UTF-8), continuation lines
     * starting with one space; a fold never splits a UTF-8 sequence or a surrogate pair.
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    private static Optional<LocalDate> earliest(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
        }
        return a.isPresent() ? a : b;
    }

    private static Optional<LocalDate> latest(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
        }
        return a.isPresent() ? a : b;
    }
}
