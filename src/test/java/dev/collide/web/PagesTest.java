package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTML pages over HTTP: timeline marks, links, and escaping of feed-supplied text. */
class PagesTest extends ArchiveServerHarness {
    @Test
    void index_timelineHasOneMarkPerReleaseAndACollisionBand() throws Exception {
        String body = http.get("/").body();

        assertThat(body.split("class=\"release\"", -1)).hasSize(4);
        assertThat(body.split("class=\"collision\"", -1)).hasSize(2);
        assertThat(body).contains("<a href=\"/collisions/" + fixture.collision().id() + "\" class=\"collision\"");
        assertThat(body).contains("<a href=\"/events/" + fixture.event("qwen").id() + "\" class=\"release\"");
        assertThat(body).contains("<text class=\"lane-label\" x=\"8\" y=\"52\">DeepSeek</text>");
        // tooltips name labs as the lanes do
        assertThat(body).contains("<title>DeepSeek V4 (2026-04-24)</title>")
                .contains("<title>Moonshot AI Kimi K2.6 (2026-04-20) and DeepSeek V4 (2026-04-24), within the window,"
                        + " 4 days apart</title>");
    }

    @Test
    void index_labFilter_onlyThatLabsReleases() throws Exception {
        String body = http.get("/?lab=qwen&since=&until=").body();

        assertThat(body.split("class=\"release\"", -1)).hasSize(2);
        assertThat(body).contains("<option value=\"qwen\" selected>Qwen</option>");
        assertThat(body).contains("No collisions match these filters.");
    }

    @Test
    void index_tierFilter_keepsTheReleasesAndDropsOtherTiersBands() throws Exception {
        String sameDay = http.get("/?tier=SAME_DAY").body();
        String window = http.get("/?tier=WITHIN_WINDOW").body();

        assertThat(sameDay.split("class=\"release\"", -1)).hasSize(4);
        assertThat(sameDay).doesNotContain("class=\"collision\"");
        assertThat(window.split("class=\"collision\"", -1)).hasSize(2);
        assertThat(window).contains("<option value=\"WITHIN_WINDOW\" selected>within the window</option>")
                .contains("<option value=\"SAME_DAY\">same day</option>");
        // the collisions table names labs by their names, once: "DeepSeek V4", not "deepseek DeepSeek V4"
        assertThat(window).contains(">Moonshot AI Kimi K2.6 (2026-04-20) and DeepSeek V4 (2026-04-24)</a>");
    }

    @Test
    void index_search_narrowsToTheModel_andDrawsTheCollisionPartnerHollow() throws Exception {
        String body = http.get("/?q=kimi").body();

        assertThat(body.split("class=\"release\"", -1)).hasSize(2);
        assertThat(body).contains("class=\"release partner\" data-event-id=\"" + fixture.event("deepseek").id());
        assertThat(body.split("class=\"collision\"", -1)).hasSize(2);
        assertThat(body).doesNotContain("Qwen 3.5");
        assertThat(body).contains("<input type=\"search\" name=\"q\" value=\"kimi\"");
    }

    @Test
    void index_badDate_is400Page() throws Exception {
        var response = http.get("/?since=soon");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("since &#39;soon&#39; is not a date; write YYYY-MM-DD, e.g. 2026-04-24");
    }

    @Test
    void eventPage_hostileTitle_escapedAndJavascriptLinkDropped() throws Exception {
        String body = http.get("/events/" + fixture.event("deepseek").id()).body();

        assertThat(body).contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; DeepSeek V4 &amp; friends</td>");
        assertThat(body).doesNotContain("<script").doesNotContain("javascript:");
        assertThat(body).contains("<a class=\"article\" rel=\"noopener noreferrer nofollow\""
                + " href=\"https://wire.example/deepseek-v4\">DeepSeek releases V4 weights</a>");
    }

    @Test
    void eventPage_saysWhichEvidenceSetTheDateAndWhy() throws Exception {
        String body = http.get("/events/" + fixture.event("deepseek").id()).body();

        assertThat(body).contains("<h2>Why this date</h2>");
        assertThat(body).contains("dated 2026-04-24, set by news story &quot;DeepSeek releases V4 weights&quot; (wire, mention ")
                .contains("states 2026-04-24 (day); rule: all dated evidence agrees");
    }

    @Test
    void collisionPage_linksBothEventsAndTheirArticles() throws Exception {
        var c = fixture.collision();

        String body = http.get("/collisions/" + c.id()).body();

        assertThat(body).contains("<a href=\"/events/" + c.a().id() + "\">", "<a href=\"/events/" + c.b().id() + "\">");
        assertThat(body).contains("href=\"https://wire.example/kimi-k2-6\"");
        assertThat(body).contains("<p id=\"summary\">").contains("within the window, 4 days apart</p>");
        // labs by their names, and once: not "moonshot Kimi K2.6" or "deepseek DeepSeek V4"
        assertThat(body).contains("<title>Collision: Moonshot AI Kimi K2.6 and DeepSeek V4</title>")
                .contains("Moonshot AI Kimi K2.6 (2026-04-20) and DeepSeek V4 (2026-04-24), within the window")
                .contains(">DeepSeek V4 (2026-04-24)</a></h2>"); // the history keeps the text it was written with
    }

    @Test
    void html_escape_everySpecialCharacter() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&</a>\u0000"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void unknownEventPage_is404Html() throws Exception {
        var response = http.get("/events/%3Cscript%3E");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no release event with id &#39;&lt;script&gt;&#39;");
    }
}
