package dev.collide.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.HttpConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17 item 2: a server that closes after every response without saying so costs no poll. */
class StaleConnectionTest {
    // no retries of the fetcher's own: what succeeds here succeeds through the stale-connection retry
    private static final HttpConfig NO_RETRIES = new HttpConfig(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(40), 64 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);

    @Test
    void fetch_serverClosesAfterEveryResponse_1000PollsWithoutAFailure() throws Exception {
        try (var server = new ClosingServer("<rss version=\"2.0\"><channel><title>t</title></channel></rss>")) {
            var fetcher = new ConditionalFetcher(NO_RETRIES, ConditionalFetcherTest.CLOCK, duration -> { });
            List<FetchResult> failures = new ArrayList<>();

            for (int i = 0; i < 1000; i++) {
                FetchResult result = fetcher.fetch(URI.create(server.url("/feed.xml")), Validators.NONE);
                if (!(result instanceof FetchResult.Fetched)) {
                    failures.add(result);
                }
            }

            assertThat(failures).isEmpty();
            assertThat(server.requests()).isEqualTo(1000);
            // every poll after the first found its pooled connection closed and was retried once
            assertThat(fetcher.staleConnectionRetries()).isBetween(1L, 999L);
        }
    }
}
