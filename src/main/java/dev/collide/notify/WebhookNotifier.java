package dev.collide.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collide.config.NotifyConfig;
import dev.collide.store.CollisionView;
import dev.collide.store.EventView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

    /**
     * The body: {@code collision} is the API's collision shape plus {@code detail} (the history line of this
     * change), {@code event} the API's event shape; the other key is left out.
     */
    record Body(String delivery, String change, String archiveUrl, String kind,
                @JsonInclude(JsonInclude.Include.NON_NULL) CollisionChange collision,
                @JsonInclude(JsonInclude.Include.NON_NULL) EventView event, List<LinkView> links) {
    }

    record CollisionChange(@JsonUnwrapped CollisionView collision, String detail) {
    }

    record LinkView(String title, String url, String source) {
    }

    static String body(Alert alert) {
        List<LinkView> links = alert.links().stream()
                .map(l -> new LinkView(l.title(), l.url().toString(), l.sourceId())).toList();
        Body body;
        if (alert instanceof Alert.CollisionAlert c) {
            body = new Body(c.dedupKey(), c.change(), c.archiveLink().toString(), "collision",
                    new CollisionChange(CollisionView.of(c.collision()), c.detail()), null, links);
        } else {
            Alert.EventAlert e = (Alert.EventAlert) alert;
            body = new Body(e.dedupKey(), e.change(), e.archiveLink().toString(), "event", null,
                    EventView.of(e.event()), links);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the webhook body of alert " + alert.outboxId(), e);
        }
    }
}
