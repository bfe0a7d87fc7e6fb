package dev.collide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.CollideConfig;
import dev.collide.config.ConfigLoader;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.NotifyConfig;
import dev.collide.config.Secret;
import dev.collide.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@link Collide} assembles for {@code run}: the outbox channels and the daemon around the scheduler. */
class CollideDaemonTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Daemon.Options NO_SERVER = new Daemon.Options(2, false, Duration.ofSeconds(5), "AUTO");

    private static CollideConfig config(NotifyConfig notify, ServerConfig server) throws Exception {
        CollideConfig labsOnly = ConfigLoader.fromEnvironment().loadWithoutSources(Path.of("config"));
        return new CollideConfig(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()), labsOnly.detection(), labsOnly.http(), notify, server,
                labsOnly.labs(), labsOnly.conferences(), List.of());
    }

    private static NotifyConfig slackAndWebhook() {
        var d = NotifyConfig.defaults();
        return new NotifyConfig(List.of(), Optional.of(new NotifyConfig.Slack(new Secret("SLACK_WEBHOOK_URL",
                "https://hooks.slack.test/T1/B1/x"))), Optional.empty(), Optional.of(new NotifyConfig.Webhook(
                new Secret("COLLIDE_WEBHOOK_URL", "https://receiver.test/hook"), new Secret("COLLIDE_WEBHOOK_SECRET",
                "s3cret"))), d.archiveUrl(), d.timeout(), d.lease());
    }

    @Test
    void outboxChannels_slackAndWebhookConfigured_areTheNotifiersOwnNames() throws Exception {
        try (Collide collide = Collide.open(config(slackAndWebhook(), ServerConfig.defaults()), CLOCK)) {
            assertThat(collide.outboxChannels()).containsExactly("slack", "webhook");
        }
    }

    @Test
    void outboxChannels_noChannelConfigured_isEmpty() throws Exception {
        try (Collide collide = Collide.open(config(NotifyConfig.defaults(), ServerConfig.defaults()), CLOCK)) {
            assertThat(collide.outboxChannels()).isEmpty();
        }
    }

    @Test
    void daemon_serverOff_hasNoServer() throws Exception {
        try (Collide collide = Collide.open(config(NotifyConfig.defaults(), ServerConfig.defaults()), CLOCK);
             Daemon daemon = collide.daemon(NO_SERVER)) {
            assertThat(daemon.server()).isEmpty();
        }
    }

    @Test
    void daemon_serverOn_answersOnItsPort() throws Exception {
        var options = new Daemon.Options(2, true, Duration.ofSeconds(5), "AUTO");
        try (Collide collide = Collide.open(config(NotifyConfig.defaults(), new ServerConfig(true, "127.0.0.1", 0)),
                CLOCK);
             Daemon daemon = collide.daemon(options)) {
            int port = daemon.server().orElseThrow().port();

            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/events")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }
}
