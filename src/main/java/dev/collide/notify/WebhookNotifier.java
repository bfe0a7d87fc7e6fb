package dev.collide.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.collide.config.NotifyConfig;
import dev.collide.store.StoredEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * The generic JSON webhook (Discord-style bridges, n8n, bots): one signed POST per alert. Strings are sent as they
 * came from the feeds, JSON-encoded; escaping for display is the receiver's job. {@code X-Collide-Delivery} is the
 * dedup key, stable across retries, so a receiver can drop the rare duplicate (see README, exactly once).
 */
public final class WebhookNotifier implements Notifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotifyConfig.Webhook config;
    private final JsonPoster poster;
    private final Clock clock;

    public WebhookNotifier(NotifyConfig.Webhook config, Duration timeout, Clock clock) {
        this.config = config;
        this.poster = new JsonPoster(timeout, clock);
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "webhook";
    }

    @Override
    public void send(Alert alert) throws NotifyException {
        String body = body(alert);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = Map.of(
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.secret().reveal(), timestamp, body),
                WebhookSignature.DELIVERY_HEADER, alert.dedupKey());
        poster.post(config.url().reveal(), body, headers,
                "webhook (" + URI.create(config.url().reveal()).getHost() + ") for alert " + alert.outboxId(),
                "check the receiver and " + config.url().envName() + ", then run 'collide outbox --retry-failed'");
    }

    static String body(Alert alert) {
        ObjectNode root = JSON.createObjectNode();
        root.put("delivery", alert.dedupKey());
        root.put("change", alert.change());
        root.put("archiveUrl", alert.archiveLink().toString());
        if (alert instanceof Alert.CollisionAlert c) {
            root.put("kind", "collision");
            ObjectNode col = root.putObject("collision");
            col.put("id", c.collision().id());
            col.put("tier", c.collision().tier());
            col.put("rivalry", c.collision().rivalry());
            col.put("status", c.collision().status());
            if (c.collision().gapDays().isPresent()) {
                col.put("gapDays", c.collision().gapDays().get());
            } else {
                col.putNull("gapDays");
            }
            col.put("detail", c.detail());
            event(col.putObject("a"), c.collision().a());
            event(col.putObject("b"), c.collision().b());
        } else if (alert instanceof Alert.EventAlert e) {
            root.put("kind", "event");
            event(root.putObject("event"), e.event());
        }
        ArrayNode links = root.putArray("links");
        alert.links().forEach(l -> links.addObject().put("title", l.title()).put("url", l.url().toString())
                .put("source", l.sourceId()));
        return root.toString();
    }

    private static void event(ObjectNode node, StoredEvent e) {
        node.put("id", e.id());
        node.put("lab", e.lab());
        node.put("model", e.model());
        node.put("date", e.date().map(LocalDate::toString).orElse(null));
        node.put("precision", e.precision().orElse(null));
    }
}
