package dev.collide.source;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.ConfigLoader;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.extract.DictionaryExtractor;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.fetch.Validators;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitHubOrgSourceTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();

    static final String LISTING = "/orgs/deepseek-ai/repos?type=public&sort=created&direction=desc&per_page=30";

    private final Map<String, String> env = new HashMap<>();
    private final GitHubOrgSource source = new GitHubOrgSource(
            new ConditionalFetcher(SourceTestSupport.HTTP, SourceTestSupport.CLOCK), SourceTestSupport.LABS, env::get);

    private SourceConfig config(Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        params.put("org", "deepseek-ai");
        return SourceTestSupport.config("gh-deepseek", SourceKind.GITHUB_ORG,
                WIREMOCK.getRuntimeInfo().getHttpBaseUrl(), params);
    }

    @Test
    void poll_orgListing_givesOneDatedHubRecordPerOwnRepository_skippingForks() {
        stubFor(get(urlEqualTo(LISTING)).willReturn(okJson(SourceTestSupport.text(
                "github-org-repos-deepseek-ai.json")).withHeader("ETag", "W/\"abc\"")));

        var items = (PollResult.Items) source.poll(config(Map.of()), SourceState.NEW);

        assertThat(items.articles()).extracting(Article::title)
                .containsExactly("DeepSeek-V3.2-Exp", "DeepSeek-Prover-V2", "DeepSeek-R1");
        Article exp = items.articles().get(0);
        assertThat(exp.guid()).isEqualTo("github-repo:1063234567");
        assertThat(exp.publishedAt()).contains(Instant.parse("2025-09-29T09:12:41Z"));
        assertThat(exp.kind()).isEqualTo(ArticleKind.HUB_RECORD);
        assertThat(exp.lab()).contains("deepseek");
        assertThat(exp.link()).contains(URI.create("https://github.com/deepseek-ai/DeepSeek-V3.2-Exp"));
        assertThat(exp.text()).isEqualTo("deepseek-ai published the repository DeepSeek-V3.2-Exp on GitHub."
                + " DeepSeek-V3.2-Exp: boosting long-context efficiency with DeepSeek Sparse Attention");
        assertThat(exp.tags()).containsExactly("github:deepseek-ai/DeepSeek-V3.2-Exp", "llm", "sparse-attention");
        assertThat(items.articles().get(1).text()).isEqualTo("deepseek-ai published the repository"
                + " DeepSeek-Prover-V2 on GitHub.");
        assertThat(items.articles().get(2).link()).as("javascript: link dropped").isEmpty();
        assertThat(items.validators().etag()).contains("W/\"abc\"");
        verify(getRequestedFor(urlEqualTo(LISTING)).withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void poll_repositoryRecord_isReadAsAReleaseOfTheNamedModel() throws Exception {
        stubFor(get(urlEqualTo(LISTING)).willReturn(okJson(SourceTestSupport.text(
                "github-org-repos-deepseek-ai.json"))));
        var items = (PollResult.Items) source.poll(config(Map.of()), SourceState.NEW);
        Article prover = items.articles().get(1);

        var mentions = new DictionaryExtractor(ConfigLoader.fromEnvironment().loadLabs(Path.of("config")))
                .extract(prover).mentions();

        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.lab()).isEqualTo("deepseek");
            assertThat(m.model()).isEqualTo("DeepSeek-Prover-V2");
            assertThat(m.release()).isTrue();
            assertThat(m.date().date()).isEqualTo(LocalDate.of(2025, 4, 30));
        });
    }

    @Test
    void poll_unchanged_isA304WithTheStoredEtag() {
        stubFor(get(urlEqualTo(LISTING)).withHeader("If-None-Match", equalTo("W/\"abc\""))
                .willReturn(status(304)));
        var state = new SourceState(Validators.of("W/\"abc\"", null, null), Optional.empty(), 0);

        assertThat(source.poll(config(Map.of()), state)).isInstanceOf(PollResult.Unchanged.class);
    }

    @Test
    void poll_rateLimited403_waitsUntilTheResetAndSuggestsAToken() {
        long reset = SourceTestSupport.CLOCK.instant().plus(Duration.ofMinutes(37)).getEpochSecond();
        stubFor(get(urlEqualTo(LISTING)).willReturn(aResponse().withStatus(403)
                .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset))
                .withBody("{\"message\":\"API rate limit exceeded for 203.0.113.9.\"}")));

        var failed = (PollResult.Failed) source.poll(config(Map.of()), SourceState.NEW);

        assertThat(failed.retryAfter()).contains(Duration.ofMinutes(37));
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("rate limited", "token: ${GITHUB_TOKEN}");
    }

    @Test
    void poll_forbiddenWithoutRateLimit_isAnAccessError() {
        stubFor(get(urlEqualTo(LISTING)).willReturn(aResponse().withStatus(403)
                .withHeader("X-RateLimit-Remaining", "4999").withBody("{\"message\":\"Forbidden\"}")));

        var failed = (PollResult.Failed) source.poll(config(Map.of()), SourceState.NEW);

        assertThat(failed.retryAfter()).isEmpty();
        assertThat(failed.reason()).contains("HTTP 403");
    }

    @Test
    void poll_unknownOrg_saysCheckTheOrg() {
        stubFor(get(urlEqualTo(LISTING)).willReturn(notFound().withBody("{\"message\":\"Not Found\"}")));

        var failed = (PollResult.Failed) source.poll(config(Map.of()), SourceState.NEW);

        assertThat(failed.reason()).contains("organisation 'deepseek-ai' not found", "check `org:`");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void poll_truncatedJson_storesNothingAndRetries() {
        String full = SourceTestSupport.text("github-org-repos-deepseek-ai.json");
        stubFor(get(urlEqualTo(LISTING)).willReturn(okJson(full.substring(0, full.length() / 2))));

        var failed = (PollResult.Failed) source.poll(config(Map.of()), SourceState.NEW);

        assertThat(failed.reason()).contains("broken or truncated JSON");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void poll_withToken_sendsItAsBearer_andNeverInTheReport() {
        env.put("GITHUB_TOKEN", "ghp_secret123");
        stubFor(get(urlEqualTo(LISTING)).withHeader("Authorization", equalTo("Bearer ghp_secret123"))
                .willReturn(okJson("[]")));

        var items = (PollResult.Items) source.poll(config(Map.of("tokenEnv", "GITHUB_TOKEN")), SourceState.NEW);

        assertThat(items.articles()).isEmpty();
        assertThat(items.toString()).doesNotContain("ghp_secret123");
    }

    @Test
    void listingUrl_defaultsToTheGitHubApi() {
        var config = new SourceConfig("gh", SourceKind.GITHUB_ORG, URI.create("github-org:deepseek-ai"),
                Duration.ofHours(1), true, Optional.empty(), Map.of("org", "deepseek-ai"), 1);

        assertThat(GitHubOrgSource.listingUrl(config, "deepseek-ai")).isEqualTo(URI.create(
                "https://api.github.com/orgs/deepseek-ai/repos?type=public&sort=created&direction=desc&per_page=30"));
        assertThat(List.of(SourceKind.values())).contains(SourceKind.GITHUB_ORG);
    }
}
