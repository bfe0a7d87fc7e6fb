package dev.collide.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubReleasesSourceTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();

    private final GitHubReleasesSource source = new GitHubReleasesSource(
            new ConditionalFetcher(SourceTestSupport.HTTP, SourceTestSupport.CLOCK), new FeedParser(),
            SourceTestSupport.LABS);

    private SourceConfig config(String repo) {
        return SourceTestSupport.config("gh-rdpmaid", SourceKind.GITHUB_RELEASES,
                WIREMOCK.getRuntimeInfo().getHttpBaseUrl(), Map.of("repo", repo));
    }

    @Test
    void poll_releasesAtom_givesHubRecordsDatedByUpdatedWithOffset() {
        stubFor(get("/nikitazu/NZ.RdpMaid/releases.atom").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8")
                .withBody(SourceTestSupport.text("github-releases-3-entries.atom"))));

        var items = (PollResult.Items) source.poll(config("nikitazu/NZ.RdpMaid"), SourceState.NEW);

        assertThat(items.articles()).extracting(Article::guid).containsExactly(
                "tag:github.com,2008:Repository/743240146/0.7.3", "tag:github.com,2008:Repository/743240146/0.7.2",
                "tag:github.com,2008:Repository/743240146/0.7.1");
        Article latest = items.articles().get(0);
        assertThat(latest.publishedAt()).contains(Instant.parse("2024-02-16T17:11:19Z"));
        assertThat(latest.kind()).isEqualTo(ArticleKind.HUB_RECORD);
        assertThat(latest.title()).isEqualTo("0.7.3");
        assertThat(latest.text())
                .startsWith("nikitazu/NZ.RdpMaid published the release 0.7.3 on GitHub. Добавлено");
        assertThat(latest.link()).contains(URI.create("https://github.com/nikitazu/NZ.RdpMaid/releases/tag/0.7.3"));
        assertThat(latest.tags()).isEqualTo(List.of("github:nikitazu/NZ.RdpMaid"));
        assertThat(latest.lab()).isEmpty();
    }

    @Test
    void poll_labOrg_setsTheLabFromHubOrgs() {
        stubFor(get("/QwenLM/Qwen3/releases.atom").willReturn(aResponse().withStatus(200)
                .withBody(SourceTestSupport.text("github-releases-3-entries.atom"))));

        var items = (PollResult.Items) source.poll(config("QwenLM/Qwen3"), SourceState.NEW);

        assertThat(items.articles()).extracting(a -> a.lab().orElse("")).containsOnly("qwen");
    }

    @Test
    void poll_404_saysTheRepoMovedAndDoesNotRetry() {
        stubFor(get("/QwenLM/Qwen4/releases.atom").willReturn(notFound()));

        PollResult result = source.poll(config("QwenLM/Qwen4"), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source gh-rdpmaid: repository 'QwenLM/Qwen4' not found"
                + " (HTTP 404 from " + WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + "/QwenLM/Qwen4/releases.atom);"
                + " check `repo:` (renamed, moved or private?)", false, Optional.empty()));
    }

    @Test
    void feedUrl_noUrlOverride_isGitHub() {
        var config = SourceTestSupport.config("gh", SourceKind.GITHUB_RELEASES, "default:github-releases",
                Map.of("repo", "deepseek-ai/DeepSeek-V3"));

        assertThat(GitHubReleasesSource.feedUrl(config, "deepseek-ai/DeepSeek-V3"))
                .isEqualTo(URI.create("https://github.com/deepseek-ai/DeepSeek-V3/releases.atom"));
    }
}
