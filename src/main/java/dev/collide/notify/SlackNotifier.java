package dev.collide.notify;

import dev.collide.config.NotifyConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Posts alerts to a Slack incoming webhook (https://api.slack.com/messaging/webhooks). Slack answers 200 "ok" on
 * success; 403 invalid_token / action_prohibited, 404 no_service and 410 channel_is_archived mean the webhook is
 * dead, and the alert fails for good with that reason.
 */
public final class SlackNotifier implements Notifier {
    private final NotifyConfig.Slack config;
    private final JsonPoster poster;

    public SlackNotifier(NotifyConfig.Slack config, Duration timeout, Clock clock) {
        this.config = config;
        this.poster = new JsonPoster(timeout, clock);
    }

    @Override
    public String channel() {
        return "slack";
    }

    @Override
    public void send(Alert alert) throws NotifyException {
        String host = URI.create(config.webhookUrl().reveal()).getHost();
        poster.post(config.webhookUrl().reveal(), SlackMessage.json(alert), Map.of(),
                "Slack (" + host + ") for alert " + alert.outboxId(),
                "the webhook was probably revoked or mistyped; put a new one in "
                        + config.webhookUrl().envName() + ", restart, then run 'collide outbox --retry-failed'");
    }
}
