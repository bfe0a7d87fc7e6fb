package dev.collide.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FullTextSourceTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();

    private final ConditionalFetcher fetcher = new ConditionalFetcher(SourceTestSupport.HTTP, SourceTestSupport.CLOCK);
    private final Set<String> known = new HashSet<>();
    private final FullTextSource source = new FullTextSource(new FeedSource(fetcher, new FeedParser()), fetcher,
            (sourceId, guid) -> known.contains(guid));

    private SourceConfig config(Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("fullText", "true");
        return SourceTestSupport.config("moonshot-blog", SourceKind.FEED,
                WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/feed.xml", all);
    }

    /** A feed whose one item links to a page on WireMock, i.e. on a loopback address. */
    private void feedAndPage() {
        String link = WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/blog/kimi-k2-thinking";
        stubFor(get("/feed.xml").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml")
                .withBody("<rss version=\"2.0\"><channel><title>Moonshot</title><item><title>Kimi K2 Thinking</title>"
                        + "<link>" + link + "</link><guid>" + link + "</guid><description>Short excerpt.</description>"
                        + "<pubDate>Tue, 04 Nov 2025 08:30:00 +0000</pubDate></item></channel></rss>")));
        stubFor(get("/blog/kimi-k2-thinking").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody(SourceTestSupport.text("article-page-with-boilerplate.html"))));
    }

    @Test
    void poll_linkToLoopbackWithoutAllowPrivate_refusesAndKeepsFeedText() {
        feedAndPage();

        var items = (PollResult.Items) source.poll(config(Map.of()), SourceState.NEW);

        assertThat(items.articles().get(0).text()).isEqualTo("Short excerpt.");
        verify(0, getRequestedFor(urlEqualTo("/blog/kimi-k2-thinking")));
    }

    @Test
    void poll_allowPrivate_replacesExcerptWithMainTextWithoutBoilerplate() {
        feedAndPage();

        var items = (PollResult.Items) source.poll(config(Map.of("allowPrivate", "true")), SourceState.NEW);

        assertThat(items.articles().get(0).text()).isEqualTo("Introducing Kimi K2 Thinking Today we release Kimi K2"
                + " Thinking, our open thinking agent model.");
    }

    @Test
    void poll_itemAlreadyStored_isNotFetchedAgain() {
        feedAndPage();
        known.add(WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/blog/kimi-k2-thinking");

        source.poll(config(Map.of("allowPrivate", "true")), SourceState.NEW);

        verify(0, getRequestedFor(urlEqualTo("/blog/kimi-k2-thinking")));
    }
}
