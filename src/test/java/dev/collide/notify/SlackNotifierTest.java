package dev.collide.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.collide.config.NotifyConfig;
import dev.collide.config.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class SlackNotifierTest {
    private static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final URI ARCHIVE = URI.create("http://127.0.0.1:8080");

    private TestArchive archive;
    private JdbcOutbox outbox;

    @BeforeEach
    void open() throws Exception {
        archive = new TestArchive(List.of("slack"), Set.of());
        outbox = new JdbcOutbox(archive.db.dataSource());
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private OutboxDelivery delivery(WireMockRuntimeInfo wm, Clock clock) {
        var slack = new SlackNotifier(new NotifyConfig.Slack(new Secret("SLACK_WEBHOOK_URL",
                wm.getHttpBaseUrl() + "/services/T0/B0/xyz")), Duration.ofSeconds(5), clock);
        return new OutboxDelivery(outbox, new AlertRenderer(archive.reader, ARCHIVE), List.of(slack), clock);
    }

    private OutboxEntry onlyRow() throws Exception {
        return outbox.list(Optional.empty(), 10).get(0);
    }

    @Test
    void deliverDue_newCollision_postsBlockKitMessage(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(ok("ok")));
        archive.deepSeekAndKimi(NOW);
        String id = archive.reader.collisions(dev.collide.store.ArchiveQuery.all(), Optional.empty(), false)
                .get(0).id();

        DeliveryReport report = delivery(wm, CLOCK).deliverDue();

        assertThat(report).isEqualTo(new DeliveryReport(1, 0, 0));
        String expected = """
                {"text":"Release collision: DeepSeek V4 × Kimi K2.6 — deepseek DeepSeek V4 (2026-04-24) and \
                moonshot Kimi K2.6 (2026-04-25), 1 day(s) apart, within 72 hours",
                 "blocks":[
                  {"type":"header","text":{"type":"plain_text","text":"Release collision: DeepSeek V4 × Kimi K2.6"}},
                  {"type":"section","fields":[
                    {"type":"mrkdwn","text":"*deepseek*\\nDeepSeek V4\\n2026-04-24"},
                    {"type":"mrkdwn","text":"*moonshot*\\nKimi K2.6\\n2026-04-25"},
                    {"type":"mrkdwn","text":"*Gap*\\n1 day"},
                    {"type":"mrkdwn","text":"*Tier*\\nwithin 72 hours"}]},
                  {"type":"section","text":{"type":"mrkdwn","text":"*Evidence*\\n\
                • <https://wire.example/deepseek-v4|DeepSeek ships V4> (wire)\\n\
                • <https://wire.example/kimi-k2.6|Moonshot releases Kimi K2.6> (wire)"}},
                  {"type":"context","elements":[{"type":"mrkdwn","text":"<http://127.0.0.1:8080/collisions/%s|Open \
                in the Collide archive> · deepseek DeepSeek V4 (2026-04-24) and moonshot Kimi K2.6 (2026-04-25), \
                within 72 hours, 1 day(s) apart"}]}]}
                """.formatted(id);
        verify(exactly(1), postRequestedFor(urlEqualTo("/services/T0/B0/xyz")).withRequestBody(equalToJson(expected)));
        assertThat(onlyRow().status()).isEqualTo("SENT");
        assertThat(onlyRow().sentAt()).contains(NOW);
    }

    @Test
    void deliverDue_hostileFeedStrings_areEscapedForMrkdwn(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(ok("ok")));
        archive.release("wire", "<!channel> & <https://evil.example|click> <script>", "https://wire.example/x",
                "deepseek", "deepseek-v4", "V4 <!here>", LocalDate.of(2026, 4, 24), NOW);
        archive.release("wire", "Kimi", "https://wire.example/k", "moonshot", "kimi-k2.6", "K2.6 <@U123>",
                LocalDate.of(2026, 4, 24), NOW);
        archive.detect(NOW);

        delivery(wm, CLOCK).deliverDue();

        String body = wm.getWireMock().find(postRequestedFor(urlEqualTo("/services/T0/B0/xyz"))).get(0)
                .getBodyAsString();
        JsonNode json = new ObjectMapper().readTree(body);
        // a same-day tie is ordered by event id, so either side may come first
        assertThat(json.get("text").asText()).matches("Release collision: (V4 &lt;!here&gt; × K2\\.6 &lt;@U123&gt;"
                + "|K2\\.6 &lt;@U123&gt; × V4 &lt;!here&gt;) — .*");
        assertThat(json.at("/blocks/2/text/text").asText()).startsWith("*Evidence*\n").contains(
                "• <https://wire.example/x|&lt;!channel&gt; &amp; &lt;https://evil.example/click&gt; "
                        + "&lt;script&gt;> (wire)", "• <https://wire.example/k|Kimi> (wire)");
        assertThat(body).doesNotContain("<!channel>", "<!here>", "<@U123>", "<script>");
    }

    @Test
    void deliverDue_429WithRetryAfter_reschedulesAtRetryAfter(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(status(429).withHeader("Retry-After", "120")
                .withBody("rate_limited")));
        archive.deepSeekAndKimi(NOW);

        DeliveryReport report = delivery(wm, CLOCK).deliverDue();

        assertThat(report).isEqualTo(new DeliveryReport(0, 1, 0));
        OutboxEntry row = onlyRow();
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.nextAttemptAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(row.lastError()).contains("Slack (localhost) for alert " + row.id()
                + ": rate limited (429) (rate_limited); retrying after 120s");
    }

    @Test
    void deliverDue_500Then200_sendsOnceAfterBackoff(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(status(500)).willSetStateTo("recovered"));
        stubFor(post("/services/T0/B0/xyz").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok("ok")));
        archive.deepSeekAndKimi(NOW);

        DeliveryReport first = delivery(wm, CLOCK).deliverDue();
        DeliveryReport tooEarly = delivery(wm, Clock.offset(CLOCK, Duration.ofSeconds(59))).deliverDue();
        DeliveryReport second = delivery(wm, Clock.offset(CLOCK, Duration.ofMinutes(1))).deliverDue();

        assertThat(first).isEqualTo(new DeliveryReport(0, 1, 0));
        assertThat(tooEarly).isEqualTo(new DeliveryReport(0, 0, 0));
        assertThat(second).isEqualTo(new DeliveryReport(1, 0, 0));
        verify(exactly(2), postRequestedFor(urlEqualTo("/services/T0/B0/xyz")));
        assertThat(onlyRow().status()).isEqualTo("SENT");
        assertThat(onlyRow().attempts()).isEqualTo(2);
    }

    @Test
    void deliverDue_404NoService_failsForGoodAndIsNotRetried(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(status(404).withBody("no_service")));
        archive.deepSeekAndKimi(NOW);

        DeliveryReport report = delivery(wm, CLOCK).deliverDue();
        DeliveryReport dayLater = delivery(wm, Clock.offset(CLOCK, Duration.ofDays(1))).deliverDue();

        assertThat(report).isEqualTo(new DeliveryReport(0, 0, 1));
        assertThat(dayLater).isEqualTo(new DeliveryReport(0, 0, 0));
        verify(exactly(1), postRequestedFor(urlEqualTo("/services/T0/B0/xyz")));
        OutboxEntry row = onlyRow();
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.lastError()).contains("Slack (localhost) for alert " + row.id() + ": answered 404 (no_service);"
                + " the webhook was probably revoked or mistyped; put a new one in SLACK_WEBHOOK_URL, restart, then"
                + " run 'collide outbox --retry-failed'");
    }

    @Test
    void deliverDue_403InvalidToken_failsWithReason(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(status(403).withBody("invalid_token")));
        archive.deepSeekAndKimi(NOW);

        delivery(wm, CLOCK).deliverDue();

        assertThat(onlyRow().status()).isEqualTo("FAILED");
        assertThat(onlyRow().lastError().orElseThrow()).contains("answered 403 (invalid_token)");
    }

    @Test
    void retryFailed_afterFix_deliversFailedRowAgain(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(status(404).withBody("no_service")));
        archive.deepSeekAndKimi(NOW);
        delivery(wm, CLOCK).deliverDue();
        stubFor(post("/services/T0/B0/xyz").willReturn(ok("ok")));
        Instant later = NOW.plus(Duration.ofHours(30));

        int retried = outbox.retryFailed(Optional.empty(), later);
        DeliveryReport report = delivery(wm, Clock.fixed(later, ZoneOffset.UTC)).deliverDue();

        assertThat(retried).isEqualTo(1);
        assertThat(report).isEqualTo(new DeliveryReport(1, 0, 0));
        assertThat(onlyRow().status()).isEqualTo("SENT");
    }

    @Test
    void deliverDue_5xxFor24Hours_givesUp(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(status(503)));
        archive.deepSeekAndKimi(NOW);
        Instant at = NOW;
        DeliveryReport report = null;
        // follow the schedule the outbox sets, attempt by attempt, as the daemon would
        for (int attempt = 0; attempt < 40 && !"FAILED".equals(onlyRow().status()); attempt++) {
            at = onlyRow().nextAttemptAt();
            report = delivery(wm, Clock.fixed(at, ZoneOffset.UTC)).deliverDue();
        }

        assertThat(report).isEqualTo(new DeliveryReport(0, 0, 1));
        OutboxEntry row = onlyRow();
        assertThat(row.status()).isEqualTo("FAILED");
        // 1+2+4+8+16+32 min, then hourly: the 29th attempt's next hour would pass the 24 h deadline
        assertThat(row.attempts()).isEqualTo(29);
        assertThat(row.lastError().orElseThrow()).startsWith("gave up after 29 attempts since " + NOW + ": ");
    }

    @Test
    void deliverDue_retractedCollisionAndWatchedLabEvent_sayWhatChanged(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/services/T0/B0/xyz").willReturn(ok("ok")));
        archive.close();
        archive = new TestArchive(List.of("slack"), Set.of("moonshot"));
        outbox = new JdbcOutbox(archive.db.dataSource());
        archive.deepSeekAndKimi(NOW);
        // the lab's own post dates V4 two weeks later: the collision no longer holds
        archive.release(dev.collide.source.ArticleKind.LAB_POST, "deepseek-news", "DeepSeek V4",
                "https://deepseek.example/v4", "deepseek", "deepseek-v4", "DeepSeek V4", LocalDate.of(2026, 5, 8), NOW);
        archive.detect(NOW.plusSeconds(60));

        DeliveryReport report = delivery(wm, Clock.offset(CLOCK, Duration.ofMinutes(2))).deliverDue();

        assertThat(report).isEqualTo(new DeliveryReport(3, 0, 0));
        List<String> texts = wm.getWireMock().find(postRequestedFor(urlEqualTo("/services/T0/B0/xyz"))).stream()
                .map(r -> r.getBodyAsString()).map(body -> {
                    try {
                        return new ObjectMapper().readTree(body).at("/blocks/0/text/text").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(texts).containsExactlyInAnyOrder("Release collision: DeepSeek V4 × Kimi K2.6",
                "New release from moonshot: Kimi K2.6", "Collision retracted: DeepSeek V4 × Kimi K2.6");
    }
}
