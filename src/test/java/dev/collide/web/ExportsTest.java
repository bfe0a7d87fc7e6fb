package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.collide.store.CollisionCsv;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Atom, iCalendar and CSV over HTTP: each parses as its format says. */
class ExportsTest extends ArchiveServerHarness {
    @Test
    void atom_parsesWithRome_oneEntryPerCollision() throws Exception {
        var response = http.get("/collisions.atom");
        String collisionId = fixture.collision().id();

        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));

        assertThat(response.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Collide: AI release collisions");
        assertThat(feed.getEntries()).hasSize(1);
        var entry = feed.getEntries().get(0);
        assertThat(entry.getUri()).isEqualTo("urn:collide:collision:" + collisionId);
        assertThat(entry.getLink()).isEqualTo("http://127.0.0.1:" + server.port() + "/collisions/" + collisionId);
        assertThat(entry.getTitle()).isIn("Collision: deepseek DeepSeek V4 and moonshot Kimi K2.6",
                "Collision: moonshot Kimi K2.6 and deepseek DeepSeek V4");
        assertThat(entry.getUpdatedDate().toInstant()).isEqualTo(ArchiveFixture.NOW);
    }

    @Test
    void calendar_crlfLinesOfAtMost75Octets_withEventsAndCollision() throws Exception {
        var response = http.get("/calendar.ics");
        String body = response.body();

        assertThat(response.headers().firstValue("Content-Type")).contains("text/calendar; charset=utf-8");
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(Arrays.stream(body.split("\r\n")).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).max()
                .orElseThrow()).isLessThanOrEqualTo(75);
        String unfolded = body.replace("\r\n ", "");
        String eventId = fixture.event("qwen").id();
        assertThat(unfolded).contains("UID:event-" + eventId + "@collide\r\nDTSTAMP:20260425T100000Z\r\n"
                + "DTSTART;VALUE=DATE:20260302\r\nDTEND;VALUE=DATE:20260303\r\nSUMMARY:qwen releases Qwen 3.5\r\n");
        assertThat(unfolded).contains("UID:collision-" + fixture.collision().id() + "@collide\r\n"
                + "DTSTAMP:20260425T100000Z\r\nDTSTART;VALUE=DATE:20260420\r\nDTEND;VALUE=DATE:20260425\r\n");
        assertThat(body.split("BEGIN:VEVENT", -1)).hasSize(5);
    }

    @Test
    void csv_headerAndOneRowPerCollision() throws Exception {
        var response = http.get("/api/collisions.csv");
        var c = fixture.collision();

        assertThat(response.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8; header=present");
        assertThat(response.body()).isEqualTo(CollisionCsv.HEADER + "\r\n" + c.id() + "," + c.a().lab() + ","
                + c.a().model() + "," + c.a().date().orElseThrow() + "," + c.b().lab() + "," + c.b().model() + ","
                + c.b().date().orElseThrow() + ",4,WITHIN_WINDOW,false,false,ACTIVE,2026-04-25T10:00:00Z,"
                + "2026-04-25T10:00:00Z\r\n");
    }
}
