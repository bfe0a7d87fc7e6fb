package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API and the server's HTTP behaviour, over real HTTP against a real H2 archive. */
class ArchiveServerTest extends ArchiveServerHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.get(pathAndQuery);
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request);
    }

    static URI uri(String pathAndQuery) {
        return http.uri(pathAndQuery);
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void events_noFilter_newestFirstWithPaging() throws Exception {
        var response = get("/api/events");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode body = json(response);
        assertThat(body.get("items").findValuesAsText("model")).containsExactly("DeepSeek V4", "Kimi K2.6", "Qwen 3.5");
        assertThat(body.get("items").get(0).get("date").asText()).isEqualTo("2026-04-24");
        assertThat(body.get("items").get(0).get("lab").asText()).isEqualTo("deepseek");
        assertThat(body.get("limit").asInt()).isEqualTo(50);
        assertThat(body.get("offset").asInt()).isEqualTo(0);
        assertThat(body.get("nextOffset").isNull()).isTrue();
    }

    @Test
    void events_limitOne_givesNextOffset() throws Exception {
        JsonNode body = json(get("/api/events?limit=1&offset=1"));

        assertThat(body.get("items").findValuesAsText("model")).containsExactly("Kimi K2.6");
        assertThat(body.get("nextOffset").asInt()).isEqualTo(2);
    }

    @Test
    void events_labAndDateRange_filters() throws Exception {
        JsonNode body = json(get("/api/events?lab=moonshot&since=2026-04-01&until=2026-04-30"));

        assertThat(body.get("items").findValuesAsText("model")).containsExactly("Kimi K2.6");
    }

    @Test
    void eventById_known_includesEvidenceWithArticles() throws Exception {
        String id = fixture.event("deepseek").id();

        JsonNode body = json(get("/api/events/" + id));

        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("evidence").findValuesAsText("title"))
                .containsExactlyInAnyOrder("DeepSeek releases V4 weights", ArchiveFixture.HOSTILE_TITLE);
        assertThat(body.get("evidence").findValuesAsText("sentence"))
                .containsOnly("DeepSeek V4 was released on 2026-04-24");
    }

    @Test
    void eventById_unknown_is404WithJsonError() throws Exception {
        var response = get("/api/events/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("no release event with id 'nope'");
    }

    @Test
    void collisions_default_oneWithinWindow() throws Exception {
        JsonNode items = json(get("/api/collisions")).get("items");

        assertThat(items).hasSize(1);
        JsonNode c = items.get(0);
        assertThat(c.get("tier").asText()).isEqualTo("WITHIN_WINDOW");
        assertThat(c.get("gapDays").asInt()).isEqualTo(4);
        assertThat(c.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(java.util.List.of(c.get("a").get("lab").asText(), c.get("b").get("lab").asText()))
                .containsExactlyInAnyOrder("deepseek", "moonshot");
    }

    @Test
    void collisions_otherTier_none() throws Exception {
        assertThat(json(get("/api/collisions?tier=SAME_DAY")).get("items")).isEmpty();
    }

    @Test
    void collisionById_known_bothSidesEvidenceAndHistory() throws Exception {
        String id = fixture.collision().id();

        JsonNode body = json(get("/api/collisions/" + id));

        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("a").get("evidence").size() + body.get("b").get("evidence").size()).isEqualTo(3);
        assertThat(body.get("history").findValuesAsText("change")).containsExactly("CREATED");
    }

    @Test
    void collisionById_unknown_is404() throws Exception {
        assertThat(get("/api/collisions/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void articles_fullText_findsEveryWord() throws Exception {
        JsonNode body = json(get("/api/articles?q=agentic%20coding"));

        assertThat(body.get("items").findValuesAsText("guid")).containsExactly("kimi-1");
    }

    @Test
    void articles_fullTextWithAMissingWord_findsNothing() throws Exception {
        assertThat(json(get("/api/articles?q=agentic%20banana")).get("items")).isEmpty();
    }

    @Test
    void articles_fullTextPunctuationOnly_isEmptyNotAnError() throws Exception {
        var response = get("/api/articles?q=%3C%22*%25%27%3E");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("items")).isEmpty();
    }

    @Test
    void articles_pagedByOffset_newestFirst() throws Exception {
        JsonNode first = json(get("/api/articles?limit=2"));
        JsonNode second = json(get("/api/articles?limit=2&offset=2"));

        assertThat(first.get("items").findValuesAsText("guid")).containsExactly("ds-2", "ds-1");
        assertThat(first.get("nextOffset").asInt()).isEqualTo(2);
        assertThat(second.get("items").findValuesAsText("guid")).containsExactly("kimi-1", "qwen-1");
    }

    @Test
    void articles_labAndDates_matchesMentions() throws Exception {
        JsonNode body = json(get("/api/articles?lab=deepseek&since=2026-04-24&until=2026-04-24"));

        assertThat(body.get("items").findValuesAsText("guid")).containsExactlyInAnyOrder("ds-1", "ds-2");
    }

    @Test
    void labs_configured_withEventCounts() throws Exception {
        JsonNode items = json(get("/api/labs")).get("items");

        assertThat(items.toString()).isEqualTo("[{\"id\":\"deepseek\",\"name\":\"DeepSeek\",\"events\":1},"
                + "{\"id\":\"moonshot\",\"name\":\"Moonshot AI\",\"events\":1},"
                + "{\"id\":\"qwen\",\"name\":\"Qwen\",\"events\":1}]");
    }

    @Test
    void sources_health_withoutValidators() throws Exception {
        JsonNode items = json(get("/api/sources")).get("items");

        assertThat(items.findValuesAsText("sourceId")).containsExactly("digest", "wire");
        assertThat(items.get(0).get("lastStatus").asText()).isEqualTo("failed");
        assertThat(items.get(0).get("lastError").asText()).isEqualTo("HTTP 503 from digest.example");
        assertThat(items.get(1).get("notModifiedCount").asLong()).isEqualTo(4);
        assertThat(items.get(1).has("etag")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/events?since=2026-13-01 | since | since '2026-13-01' is not a date; write YYYY-MM-DD, e.g. 2026-04-24",
        "/api/events?until=yesterday | until | until 'yesterday' is not a date; write YYYY-MM-DD, e.g. 2026-04-24",
        "/api/events?since=2026-05-01&until=2026-04-01 | since | since 2026-05-01 is after until 2026-04-01; swap them",
        "/api/events?limit=0 | limit | limit '0' must be a whole number from 1 to 1000",
        "/api/events?limit=1001 | limit | limit '1001' must be a whole number from 1 to 1000",
        "/api/articles?limit=ten | limit | limit 'ten' must be a whole number from 1 to 1000",
        "/api/articles?offset=-1 | offset | offset '-1' must be a whole number from 0 to 1000000000",
        "/api/collisions?tier=SOMETIMES | tier | tier 'SOMETIMES' is not a tier; use SAME_DAY, WITHIN_72H or WITHIN_WINDOW",
        "/api/collisions?includeRetracted=maybe | includeRetracted | includeRetracted 'maybe' must be true or false",
        "/api/events?lab=Deep%20Seek | lab | lab 'Deep Seek' is not a lab id; lab ids are lower-case letters, digits and '-', as listed by /api/labs",
        "/api/events?lab=openai | lab | lab 'openai' is not a configured lab; known labs: deepseek, moonshot, qwen",
        "/api/events?tier=SAME_DAY | tier | unknown parameter 'tier'; this endpoint takes lab, limit, offset, q, since, until",
        "/api/labs?lab=qwen | lab | unknown parameter 'lab'; this endpoint takes no parameters",
        "/api/events?lab=qwen&lab=deepseek | lab | parameter 'lab' is given twice; give it once",
        "/api/collisions.csv?since=April | since | since 'April' is not a date; write YYYY-MM-DD, e.g. 2026-04-24",
        "/calendar.ics?until=2026-02-30 | until | until '2026-02-30' is not a date; write YYYY-MM-DD, e.g. 2026-04-24",
        "/collisions.atom?tier=x | tier | tier 'x' is not a tier; use SAME_DAY, WITHIN_72H or WITHIN_WINDOW",
        "/metrics?format=json | format | unknown parameter 'format'; this endpoint takes no parameters",
    })
    void badParameter_is400NamingIt(String path, String parameter, String message) throws Exception {
        var response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("error").asText()).isEqualTo(message);
    }

    @Test
    void articles_queryTooLong_is400() throws Exception {
        var response = get("/api/articles?q=" + "a".repeat(201));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("q is 201 characters long; at most 200");
    }

    @Test
    void path_percentNotFollowedByHex_is400WithJsonError() throws Exception {
        String answer = http.raw("/api/events/%ZZ");

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(headers(answer)).contains("content-type: application/json; charset=utf-8",
                "x-content-type-options: nosniff", "content-security-policy: " + ArchiveServer.CSP.toLowerCase());
        JsonNode body = JSON.readTree(body(answer));
        assertThat(body.get("error").asText()).isEqualTo("the request cannot be read (Bad Request); write the path"
                + " and query in URL encoding: '%' followed by two hex digits, e.g. %2F or %C3%A9");
        assertThat(body.get("parameter").isNull()).isTrue();
    }

    @Test
    void query_percentNotFollowedByHex_is400NamingTheParameter() throws Exception {
        String answer = http.raw("/api/events?q=%ZZ");

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(headers(answer)).contains("content-type: application/json; charset=utf-8");
        JsonNode body = JSON.readTree(body(answer));
        assertThat(body.get("error").asText()).isEqualTo("parameter 'q' is not valid URL encoding");
        assertThat(body.get("parameter").asText()).isEqualTo("q");
    }

    /** The header lines of a raw answer, lower case. */
    private static List<String> headers(String answer) {
        return answer.substring(0, answer.indexOf("\r\n\r\n")).lines().skip(1)
                .map(l -> l.toLowerCase(Locale.ROOT)).toList();
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void post_isRefusedWith405() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void head_answersHeadersWithoutBody() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/events"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void everyResponse_carriesSecurityHeaders() throws Exception {
        var response = get("/");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains(ArchiveServer.CSP);
        assertThat(ArchiveServer.CSP).doesNotContain("unsafe-inline").contains("default-src 'none'");
    }

    @Test
    void unknownPath_is404() throws Exception {
        assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/wp-admin").statusCode()).isEqualTo(404);
    }

    @Test
    void metrics_prometheusText_countsFromDatabase() throws Exception {
        var response = get("/metrics");

        assertThat(response.headers().firstValue("Content-Type")).contains(PrometheusMetrics.CONTENT_TYPE);
        assertThat(response.body().lines().filter(l -> !l.startsWith("#"))).containsExactly(
                "collide_fetches_total 15",
                "collide_fetch_not_modified_total 4",
                "collide_source_errors 2",
                "collide_sources_failing 1",
                "collide_articles 4",
                "collide_release_events 3",
                "collide_collisions{status=\"active\"} 1",
                "collide_collisions{status=\"retracted\"} 0",
                "collide_outbox_depth{status=\"pending\"} 1",
                "collide_outbox_depth{status=\"failed\"} 0");
        assertThat(response.body()).contains("# TYPE collide_fetches_total counter\n");
    }
}
