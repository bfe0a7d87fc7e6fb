package dev.collide.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.HttpConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 item 12: a 200 whose body hashes like the last one is "not modified", and the validators it came with
 * are the ones kept, so the next poll sends the server's new ETag, not the stale one.
 */
class BodyHashMatchTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .build();

    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final String FEED_HASH = ResponseReader.bodyHash(FEED.getBytes(StandardCharsets.UTF_8));
    private static final String LAST_MODIFIED = "Wed, 05 Mar 2025 10:00:00 GMT";

    private final ConditionalFetcher fetcher = new ConditionalFetcher(new HttpConfig(Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024, "CollideTest/1.0", 2, Duration.ofMillis(10), 2,
            5), Clock.fixed(Instant.parse("2025-03-05T12:00:00Z"), ZoneOffset.UTC), d -> { });

    private URI url() {
        return URI.create(WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/feed.xml");
    }

    @Test
    void fetch_sameBodyUnderANewEtag_isNotModifiedAndKeepsTheNewValidators() {
        WIREMOCK.stubFor(get("/feed.xml").willReturn(ok(FEED).withHeader("ETag", "\"v2\"")
                .withHeader("Last-Modified", LAST_MODIFIED)));
        var previous = Validators.of("\"v1\"", null, FEED_HASH);

        var result = fetcher.fetch(url(), previous);

        assertThat(result).isEqualTo(new FetchResult.NotModified(Validators.of("\"v2\"", LAST_MODIFIED,
                FEED_HASH)));
    }

    @Test
    void fetch_afterABodyHashMatch_sendsTheNewEtag() {
        WIREMOCK.stubFor(get("/feed.xml").willReturn(ok(FEED).withHeader("ETag", "\"v2\"")));
        var first = fetcher.fetch(url(), Validators.of("\"v1\"", null, FEED_HASH));
        assertThat(first).isInstanceOf(FetchResult.NotModified.class);

        fetcher.fetch(url(), ((FetchResult.NotModified) first).validators());

        WIREMOCK.verify(1, getRequestedFor(urlEqualTo("/feed.xml")).withHeader("If-None-Match", equalTo("\"v2\"")));
    }

    @Test
    void fetch_aBodyOneByteApart_isFetched() {
        String changed = FEED.replace("<title>t</title>", "<title>u</title>");
        WIREMOCK.stubFor(get("/feed.xml").willReturn(ok(changed)));

        var result = fetcher.fetch(url(), Validators.of(null, null, FEED_HASH));

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void fetch_aHashKeptByAnOlderVersion_readsTheBodyOnce() {
        // before issue 18's change the kept hash was the body's SHA-256 in hex: it never equals the new form
        WIREMOCK.stubFor(get("/feed.xml").willReturn(ok(FEED)));
        String olderSha256 = "0".repeat(64);

        var first = fetcher.fetch(url(), Validators.of(null, null, olderSha256));
        var second = fetcher.fetch(url(), ((FetchResult.Fetched) first).validators());

        assertThat(second).isEqualTo(new FetchResult.NotModified(Validators.of(null, null, FEED_HASH)));
    }

    @Test
    void bodyHash_equalForEqualBytesOnly() {
        // the same length and the same bytes in another order: a byte sum would not tell them apart
        byte[] a = "ab".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] b = "ba".repeat(500).getBytes(StandardCharsets.UTF_8);

        assertThat(ResponseReader.bodyHash(a)).isNotEqualTo(ResponseReader.bodyHash(b))
                .isEqualTo(ResponseReader.bodyHash(a.clone())).matches("crc64:[0-9a-f]{16}:1000");
    }
}
