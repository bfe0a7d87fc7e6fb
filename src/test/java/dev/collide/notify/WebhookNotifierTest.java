package dev.collide.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.collide.config.NotifyConfig;
import dev.collide.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@WireMockTest
class WebhookNotifierTest {
    private static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String KEY = "s3cret-key";

    private static OutboxDelivery delivery(TestArchive archive, WireMockRuntimeInfo wm) {
        var webhook = new WebhookNotifier(new NotifyConfig.Webhook(new Secret("COLLIDE_WEBHOOK_URL",
                wm.getHttpBaseUrl() + "/bot"), new Secret("COLLIDE_WEBHOOK_SECRET", KEY)), Duration.ofSeconds(5),
                CLOCK);
        return new OutboxDelivery(new JdbcOutbox(archive.db.dataSource()), new AlertRenderer(archive.reader,
                URI.create("http://127.0.0.1:8080")), List.of(webhook), CLOCK);
    }

    @Test
    void deliverDue_collision_postsJsonSignedWithHmacOverTimestampAndBody(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/bot").willReturn(ok()));
        try (var archive = new TestArchive(List.of("webhook"), Set.of())) {
            archive.deepSeekAndKimi(NOW);

            DeliveryReport report = delivery(archive, wm).deliverDue();

            assertThat(report).isEqualTo(new DeliveryReport(1, 0, 0));
            LoggedRequest request = wm.getWireMock().find(postRequestedFor(urlEqualTo("/bot"))).get(0);
            String body = request.getBodyAsString();
            // recompute independently of WebhookSignature, as a receiver would
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal(("1777111200." + body).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.getHeader("X-Collide-Timestamp")).isEqualTo("1777111200");
            assertThat(request.getHeader("X-Collide-Signature")).isEqualTo(expected);
            assertThat(request.getHeader("X-Collide-Delivery")).startsWith("history-");
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            JsonNode json = new ObjectMapper().readTree(body);
            assertThat(json.get("kind").asText()).isEqualTo("collision");
            assertThat(json.get("change").asText()).isEqualTo("CREATED");
            assertThat(json.at("/collision/a/model").asText()).isEqualTo("DeepSeek V4");
            assertThat(json.at("/collision/b/date").asText()).isEqualTo("2026-04-25");
            assertThat(json.at("/collision/gapDays").asInt()).isEqualTo(1);
            assertThat(json.at("/collision/tier").asText()).isEqualTo("WITHIN_72H");
            assertThat(json.at("/links/0/url").asText()).isEqualTo("https://wire.example/deepseek-v4");
            assertThat(WebhookSignature.verify(KEY, 1777111200L, body, expected)).isTrue();
            assertThat(WebhookSignature.verify("wrong", 1777111200L, body, expected)).isFalse();
        }
    }

    @Test
    void deliverDue_410Gone_failsForGood(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/bot").willReturn(status(410)));
        try (var archive = new TestArchive(List.of("webhook"), Set.of())) {
            archive.deepSeekAndKimi(NOW);

            delivery(archive, wm).deliverDue();

            OutboxEntry row = new JdbcOutbox(archive.db.dataSource()).list(Optional.empty(), 1).get(0);
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.lastError()).contains("webhook (localhost) for alert " + row.id() + ": answered 410; check"
                    + " the receiver and COLLIDE_WEBHOOK_URL, then run 'collide outbox --retry-failed'");
        }
    }
}
