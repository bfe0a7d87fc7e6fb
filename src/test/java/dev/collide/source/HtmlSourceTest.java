package dev.collide.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HtmlSourceTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();

    private final HtmlSource source = new HtmlSource(
            new ConditionalFetcher(SourceTestSupport.HTTP, SourceTestSupport.CLOCK));

    private SourceConfig config(Map<String, String> overrides) {
        Map<String, String> params = new HashMap<>(Map.of("item", "li.news-item", "title", ".news-title",
                "link", "a.news-title", "date", "time", "dateFormat", "MMM d, yyyy", "summary", ".excerpt"));
        params.putAll(overrides);
        return SourceTestSupport.config("deepseek-news-page", SourceKind.HTML,
                WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/news/", params);
    }

    private static void page(String fixture) {
        stubFor(get("/news/").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(SourceTestSupport.text(fixture))));
    }

    @Test
    void poll_selectors_readTitlesAbsoluteLinksAndDates() {
        page("html-news-index.html");

        var items = (PollResult.Items) source.poll(config(Map.of("dateFormat", "yyyy-MM-dd")), SourceState.NEW);

        assertThat(items.articles()).hasSize(2);
        Article first = items.articles().get(0);
        assertThat(first.title()).isEqualTo("DeepSeek-V3.2 Release");
        assertThat(first.link()).contains(URI.create(WIREMOCK.getRuntimeInfo().getHttpBaseUrl()
                + "/news/news251201"));
        assertThat(first.guid()).isEqualTo(WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/news/news251201");
        assertThat(first.publishedAt()).contains(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(first.text()).isEqualTo("Launching DeepSeek-V3.2 and DeepSeek-V3.2-Speciale.");
        assertThat(first.kind()).isEqualTo(ArticleKind.NEWS);
        // the second item's text date does not fit yyyy-MM-dd: kept undated, the poll goes on
        assertThat(items.articles().get(1).publishedAt()).isEmpty();
    }

    @Test
    void poll_textDateWithFormat_parsesEnglishMonth() {
        page("html-news-index.html");

        var items = (PollResult.Items) source.poll(config(Map.of()), SourceState.NEW);

        assertThat(items.articles()).extracting(a -> a.publishedAt().orElseThrow()).containsExactly(
                Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-09-29T00:00:00Z"));
        assertThat(items.articles().get(1).link())
                .contains(URI.create("https://api-docs.deepseek.com/news/news250929"));
    }

    @Test
    void poll_redesignedPage_failsWithLayoutChanged() {
        page("html-news-index-redesigned.html");

        PollResult result = source.poll(config(Map.of()), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source deepseek-news-page: item selector 'li.news-item'"
                + " matches nothing on " + WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/news/; the page layout"
                + " probably changed: check `item:`", true, Optional.empty()));
    }

    @Test
    void poll_noDateParses_failsWithTheFormatToCheck() {
        page("html-news-index-redesigned.html");

        PollResult result = source.poll(config(Map.of("item", "article.card", "title", "h3", "link", "h3 a",
                "date", "span")), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source deepseek-news-page: no date on "
                + WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/news/ parses (first: '2025/12/01'); check `date:`"
                + " and `dateFormat:` (now 'MMM d, yyyy')", false, Optional.empty()));
    }

    /** Issue 17 item 8: the reason quotes the page; its escape sequence and bidi override must not reach the log. */
    @Test
    void poll_datesWithControlCharacters_failsWithACleanReason() {
        page("html-news-index-control-dates.html");

        PollResult result = source.poll(config(Map.of()), SourceState.NEW);

        assertThat(result).isInstanceOf(PollResult.Failed.class);
        assertThat(((PollResult.Failed) result).reason()).isEqualTo("source deepseek-news-page: no date on "
                + WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/news/ parses (first: '[2J2025/12/01'); check"
                + " `date:` and `dateFormat:` (now 'MMM d, yyyy')");
    }

    @Test
    void poll_labSource_givesLabPosts() {
        page("html-news-index.html");
        var base = config(Map.of());
        var config = new SourceConfig(base.id(), base.kind(), base.url(), base.every(), true, Optional.of("deepseek"),
                base.params(), base.settings(), 1);

        var items = (PollResult.Items) source.poll(config, SourceState.NEW);

        assertThat(items.articles()).extracting(Article::kind).containsOnly(ArticleKind.LAB_POST);
    }
}
