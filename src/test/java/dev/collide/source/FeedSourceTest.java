package dev.collide.source;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.HttpConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.Validators;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedSourceTest {
    // gzip off: Jetty would otherwise gzip replies itself and rewrite ETags ("q1" -> "q1--gzip")
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T12:00:00Z"), ZoneOffset.UTC);
    static final HttpConfig CONFIG = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1024 * 1024, "CollideTest/1.0", 1, Duration.ofMillis(1), 2, 5);

    private final WireMockRuntimeInfo wm = WIREMOCK.getRuntimeInfo();
    private final FeedSource source = new FeedSource(new ConditionalFetcher(CONFIG, CLOCK), new FeedParser());

    private SourceConfig config(String path, Optional<String> lab) {
        return new SourceConfig("qwen-blog", SourceKind.FEED, URI.create(wm.getHttpBaseUrl() + path),
                Duration.ofMinutes(30), true, lab, Map.of(), 1);
    }

    @Test
    void poll_labFeed_returnsLabPostsWithValidators() {
        stubFor(get("/index.xml").willReturn(ok().withHeader("ETag", "\"q1\"")
                .withBody(FeedParserTest.fixture("qwen-blog-3-items.rss.xml"))));

        PollResult result = source.poll(config("/index.xml", Optional.of("qwen")), SourceState.NEW);

        assertThat(result).isInstanceOf(PollResult.Items.class);
        var items = (PollResult.Items) result;
        assertThat(items.articles()).hasSize(3);
        Article first = items.articles().get(0);
        assertThat(first.sourceId()).isEqualTo("qwen-blog");
        assertThat(first.kind()).isEqualTo(ArticleKind.LAB_POST);
        assertThat(first.lab()).contains("qwen");
        assertThat(items.validators().etag()).contains("\"q1\"");
        assertThat(items.validators().bodyHash()).isPresent();
        assertThat(items.notBefore()).isEmpty();
    }

    @Test
    void poll_storedEtagAnd304_returnsUnchanged() {
        stubFor(get("/index.xml").withHeader("If-None-Match", equalTo("\"q1\"")).willReturn(status(304)));
        var state = new SourceState(Validators.of("\"q1\"", null, "h"), Optional.empty(), 0);

        PollResult result = source.poll(config("/index.xml", Optional.empty()), state);

        assertThat(result).isEqualTo(new PollResult.Unchanged(state.validators(), Optional.empty()));
    }

    @Test
    void poll_secondPollWithStoredEtag_isUnchanged() {
        stubFor(get("/index.xml").withHeader("If-None-Match", absent()).willReturn(ok().withHeader("ETag", "\"q2\"")
                .withBody(FeedParserTest.fixture("qwen-blog-3-items.rss.xml"))));
        stubFor(get("/index.xml").withHeader("If-None-Match", equalTo("\"q2\"")).willReturn(status(304)));
        var first = (PollResult.Items) source.poll(config("/index.xml", Optional.empty()), SourceState.NEW);
        var stored = new SourceState(first.validators(), Optional.of(CLOCK.instant()), 0);

        PollResult second = source.poll(config("/index.xml", Optional.empty()), stored);

        assertThat(second).isEqualTo(new PollResult.Unchanged(first.validators(), Optional.empty()));
    }

    @Test
    void poll_serverWithoutValidatorsSameBytes_isUnchangedByBodyHash() {
        stubFor(get("/plain.xml").willReturn(ok().withBody(FeedParserTest.fixture("deepseek-news-2-entries.atom"))));
        var first = (PollResult.Items) source.poll(config("/plain.xml", Optional.empty()), SourceState.NEW);
        var stored = new SourceState(first.validators(), Optional.of(CLOCK.instant()), 0);

        PollResult second = source.poll(config("/plain.xml", Optional.empty()), stored);

        assertThat(first.validators().etag()).isEmpty();
        assertThat(second).isInstanceOf(PollResult.Unchanged.class);
    }

    @Test
    void poll_ttlLongerThanMaxAge_notBeforeIsTtl() {
        stubFor(get("/rel.xml").willReturn(ok().withHeader("Cache-Control", "max-age=300")
                .withBody(FeedParserTest.fixture("rss-ttl-relative-links.xml"))));

        PollResult result = source.poll(config("/rel.xml", Optional.empty()), SourceState.NEW);

        var items = (PollResult.Items) result;
        assertThat(items.notBefore()).contains(Duration.ofMinutes(90));
        assertThat(items.articles().get(0).kind()).isEqualTo(ArticleKind.NEWS);
        assertThat(items.articles().get(0).link())
                .contains(URI.create(wm.getHttpBaseUrl() + "/posts/one.html"));
    }

    @Test
    void poll_jsonFeedWithAttachmentsAndAuthors_returnsLabPostsWithLinksFromServedUrl() {
        stubFor(get("/feed.json").willReturn(ok().withHeader("Content-Type", "application/feed+json")
                .withHeader("ETag", "\"j1\"").withBody(FeedParserTest.fixture("jsonfeed-11-podcast-blog.json"))));

        PollResult result = source.poll(config("/feed.json", Optional.of("qwen")), SourceState.NEW);

        var items = (PollResult.Items) result;
        assertThat(items.articles()).extracting(Article::guid).containsExactly(
                "https://qwen.example.org/blog/qwen3-coder/", "20250421", "note-17");
        assertThat(items.articles().get(0).kind()).isEqualTo(ArticleKind.LAB_POST);
        // the relative url resolves against where the document was served, as for RSS
        assertThat(items.articles().get(0).link()).contains(URI.create(wm.getHttpBaseUrl() + "/blog/qwen3-coder/"));
        assertThat(items.validators().etag()).contains("\"j1\"");
    }

    @Test
    void poll_truncatedJsonFeed_failsRetryablyWithPosition() {
        stubFor(get("/cut.json").willReturn(ok().withHeader("Content-Type", "application/feed+json")
                .withBody(FeedParserTest.fixture("jsonfeed-truncated.json"))));

        PollResult result = source.poll(config("/cut.json", Optional.empty()), SourceState.NEW);

        var failed = (PollResult.Failed) result;
        assertThat(failed.reason()).startsWith("source qwen-blog: not valid JSON at line 5, column ")
                .endsWith(" (" + wm.getHttpBaseUrl() + "/cut.json)").doesNotContain("\n");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void poll_malformedFeed_failsWithOneLineReason() {
        stubFor(get("/broken.xml").willReturn(ok("<rss version=\"2.0\"><channel><title>x</title>")));

        PollResult result = source.poll(config("/broken.xml", Optional.empty()), SourceState.NEW);

        assertThat(result).isInstanceOf(PollResult.Failed.class);
        var failed = (PollResult.Failed) result;
        assertThat(failed.reason()).startsWith("source qwen-blog: not well-formed XML at line 1: ")
                .endsWith(" (" + wm.getHttpBaseUrl() + "/broken.xml)")
                .doesNotContain("\n");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.retryAfter()).isEmpty();
    }

    @Test
    void poll_429WithRetryAfter_failsRetryableWithRetryAfter() {
        stubFor(get("/index.xml").willReturn(status(429).withHeader("Retry-After", "120")));

        PollResult result = source.poll(config("/index.xml", Optional.empty()), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source qwen-blog: rate limited by localhost; retry after "
                + "120 s", true, Optional.of(Duration.ofSeconds(120))));
    }

    @Test
    void poll_404_failsNonRetryable() {
        stubFor(get("/gone.xml").willReturn(status(404)));

        PollResult result = source.poll(config("/gone.xml", Optional.empty()), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source qwen-blog: HTTP 404 from " + wm.getHttpBaseUrl()
                + "/gone.xml: feed moved or removed; check the url", false, Optional.empty()));
    }
}
