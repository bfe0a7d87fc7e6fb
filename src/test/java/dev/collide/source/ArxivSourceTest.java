package dev.collide.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArxivSourceTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();
    static final String QUERY = "/api/query?search_query=au%3A%22DeepSeek-AI%22&sortBy=submittedDate"
            + "&sortOrder=descending&start=0&max_results=25";

    private final ArxivSource source = new ArxivSource(
            new ConditionalFetcher(SourceTestSupport.HTTP, SourceTestSupport.CLOCK), SourceTestSupport.LABS);

    private SourceConfig config() {
        return SourceTestSupport.config("arxiv-deepseek", SourceKind.ARXIV, WIREMOCK.getRuntimeInfo()
                .getHttpBaseUrl(), Map.of("query", "au:\"DeepSeek-AI\""));
    }

    private static void answer(String body) {
        stubFor(get(urlEqualTo(QUERY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=UTF-8").withBody(body)));
    }

    @Test
    void poll_queryReply_keysPapersByIdWithoutVersionAndNamesAuthors() {
        answer(SourceTestSupport.text("arxiv-query-deepseek.xml"));

        var items = (PollResult.Items) source.poll(config(), SourceState.NEW);

        assertThat(items.articles()).extracting(Article::guid).containsExactly("2512.02556", "nucl-ex/0408020");
        Article paper = items.articles().get(0);
        assertThat(paper.title()).isEqualTo("DeepSeek-V3.2: Pushing the Frontier of Open Large Language Models");
        assertThat(paper.text()).isEqualTo("arXiv 2512.02556. Authors: DeepSeek-AI, A. Liu (DeepSeek-AI). We introduce"
                + " DeepSeek-V3.2, a model that harmonizes high computational efficiency with superior reasoning.");
        assertThat(paper.publishedAt()).contains(Instant.parse("2025-12-02T17:45:51Z"));
        assertThat(paper.kind()).isEqualTo(ArticleKind.NEWS);
        assertThat(paper.lab()).contains("deepseek");
        assertThat(paper.link()).contains(URI.create("https://arxiv.org/abs/2512.02556"));
        assertThat(paper.tags()).containsExactly("arxiv:2512.02556", "category:cs.CL");
        assertThat(items.articles().get(1).lab()).isEmpty();
    }

    @Test
    void poll_rateExceededBody_isRetryableFailure() {
        answer("Rate exceeded.");

        PollResult result = source.poll(config(), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source arxiv-deepseek: arXiv answered 'Rate exceeded.';"
                + " keep at least 3 s between calls and raise `every:`", true, Optional.empty()));
    }

    @Test
    void poll_errorEntry_reportsTheQueryProblem() {
        answer(SourceTestSupport.text("arxiv-query-error.xml"));

        PollResult result = source.poll(config(), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source arxiv-deepseek: arXiv rejected the query:"
                + " incorrect id format for 1234; check `query:`", false, Optional.empty()));
    }
}
