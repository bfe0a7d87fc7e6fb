package dev.collide.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.fetch.ClosingServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 2: the Slack and webhook poster against a server that closes after every response without saying so:
 * every message arrives, and none arrives twice.
 */
class JsonPosterStaleConnectionTest {
    @Test
    void post_serverClosesAfterEveryResponse_1000PostsEachReceivedOnce() throws Exception {
        try (var server = new ClosingServer("ok")) {
            var poster = new JsonPoster(Duration.ofSeconds(20), Clock.systemUTC());
            List<String> failures = new ArrayList<>();

            for (int i = 0; i < 1000; i++) {
                try {
                    poster.post(server.url("/hook"), "{\"n\":" + i + "}", Map.of(), "test hook " + i, "fix it");
                } catch (NotifyException e) {
                    failures.add(e.getMessage());
                }
            }

            assertThat(failures).isEmpty();
            assertThat(server.requests()).isEqualTo(1000);
        }
    }
}
