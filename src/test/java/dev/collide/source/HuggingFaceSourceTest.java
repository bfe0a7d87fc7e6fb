package dev.collide.source;

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
import dev.collide.config.HttpConfig;
import dev.collide.config.Lab;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HuggingFaceSourceTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-05T12:00:00Z"), ZoneOffset.UTC);
    static final HttpConfig HTTP = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1024 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);
    static final List<Lab> LABS = List.of(
            new Lab("moonshot", "Moonshot AI", List.of("Moonshot AI"), List.of("Kimi"), List.of(),
                    List.of("moonshotai")),
            new Lab("minimax", "MiniMax", List.of("MiniMax"), List.of("MiniMax"), List.of(), List.of("MiniMaxAI")));
    static final String PAGE_1 = "/api/models?author=moonshotai&sort=createdAt&limit=50";

    private final Map<String, String> env = new HashMap<>();
    private final HuggingFaceSource source = new HuggingFaceSource(new ConditionalFetcher(HTTP, CLOCK),
            new LabDirectory(LABS), env::get);

    private SourceConfig config(String org, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(extra);
        params.put("org", org);
        return SourceConfigs.typed(new SourceConfig("hf-" + org.toLowerCase(), SourceKind.HUGGINGFACE,
                URI.create(WIREMOCK.getRuntimeInfo().getHttpBaseUrl()), Duration.ofMinutes(30), true,
                Optional.empty(), params, 1));
    }

    private static String fixture(String name) {
        return new String(FeedParserTest.fixture(name), StandardCharsets.UTF_8);
    }

    @Test
    void poll_orgListing_turnsEachRepoIntoDatedHubRecord() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(fixture("hf-models-moonshotai-page-1.json"))));

        var items = (PollResult.Items) source.poll(config("moonshotai", Map.of()), SourceState.NEW);

        assertThat(items.articles()).hasSize(1);
        Article kimi = items.articles().get(0);
        assertThat(kimi.guid()).isEqualTo("moonshotai/Kimi-K2-Thinking");
        assertThat(kimi.title()).isEqualTo("Kimi-K2-Thinking");
        assertThat(kimi.text()).isEqualTo("moonshotai released Kimi-K2-Thinking on Hugging Face (text-generation).");
        assertThat(kimi.publishedAt()).contains(Instant.parse("2025-11-04T08:25:31Z"));
        assertThat(kimi.kind()).isEqualTo(ArticleKind.HUB_RECORD);
        assertThat(kimi.lab()).contains("moonshot");
        assertThat(kimi.link()).contains(URI.create(WIREMOCK.getRuntimeInfo().getHttpBaseUrl()
                + "/moonshotai/Kimi-K2-Thinking"));
        assertThat(kimi.tags()).contains("text-generation", "license:other", "region:us").hasSize(11);
    }

    @Test
    void poll_rowsOfTwoOrgs_eachGetsTheLabOfItsOwner() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(fixture("hf-models-two-orgs.json"))));

        var items = (PollResult.Items) source.poll(config("moonshotai", Map.of()), SourceState.NEW);

        assertThat(items.articles()).extracting(a -> a.lab().orElse("")).containsExactly("moonshot", "minimax");
    }

    @Test
    void poll_pagesTwo_followsLinkNextAndDropsTheUnknownDateFloor() {
        String page2 = "/api/models?author=moonshotai&sort=createdAt&limit=50&cursor=eyJwIjoyfQ";
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(fixture("hf-models-moonshotai-page-1.json"))
                .withHeader("Link", "<" + WIREMOCK.getRuntimeInfo().getHttpBaseUrl() + page2 + ">; rel=\"next\"")));
        stubFor(get(urlEqualTo(page2)).willReturn(okJson(fixture("hf-models-moonshotai-page-2.json"))));

        var items = (PollResult.Items) source.poll(config("moonshotai", Map.of("pages", "3")), SourceState.NEW);

        assertThat(items.articles()).extracting(Article::guid).containsExactly("moonshotai/Kimi-K2-Thinking",
                "moonshotai/Kimi-K2-Instruct", "moonshotai/legacy-tokenizer");
        assertThat(items.articles().get(1).publishedAt()).contains(Instant.parse("2025-07-11T02:19:47Z"));
        assertThat(items.articles().get(2).publishedAt()).isEmpty();
        assertThat(items.articles().get(2).text()).isEqualTo("moonshotai released legacy-tokenizer on Hugging Face.");
    }

    @Test
    void poll_defaultOnePage_doesNotFollowNext() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(fixture("hf-models-moonshotai-page-1.json"))
                .withHeader("Link", "</api/models?cursor=x>; rel=\"next\"")));

        var items = (PollResult.Items) source.poll(config("moonshotai", Map.of()), SourceState.NEW);

        assertThat(items.articles()).hasSize(1);
        verify(0, getRequestedFor(urlEqualTo("/api/models?cursor=x")));
    }

    @Test
    void poll_tokenConfigured_sendsBearerFromTheEnvironment() {
        env.put("HF_TOKEN", "hf_secret");
        stubFor(get(urlEqualTo(PAGE_1)).withHeader("Authorization", equalTo("Bearer hf_secret"))
                .willReturn(okJson(fixture("hf-models-moonshotai-page-1.json"))));

        PollResult result = source.poll(config("moonshotai", Map.of("tokenEnv", "HF_TOKEN")), SourceState.NEW);

        assertThat(result).isInstanceOf(PollResult.Items.class);
    }

    @Test
    void poll_429WithRetryAfter_isRateLimitedForThatLong() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(status(429).withHeader("Retry-After", "120")));

        PollResult result = source.poll(config("moonshotai", Map.of()), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source hf-moonshotai: rate limited by localhost;"
                + " retry after 120 s; a token (token: ${HF_TOKEN}) raises the Hub's limit", true,
                Optional.of(Duration.ofSeconds(120))));
    }

    @Test
    void poll_429WithOnlyRateLimitHeader_waitsUntilTheWindowResets() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(status(429).withHeader("RateLimit", "\"api\";r=0;t=217")));

        var failed = (PollResult.Failed) source.poll(config("moonshotai", Map.of()), SourceState.NEW);

        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(217));
    }

    @Test
    void poll_404_reportsRenamedOrPrivateOrgAndDoesNotRetry() {
        stubFor(get(urlEqualTo("/api/models?author=moonshot-ai&sort=createdAt&limit=50")).willReturn(notFound()));

        PollResult result = source.poll(config("moonshot-ai", Map.of()), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source hf-moonshot-ai: organisation 'moonshot-ai' not"
                + " found or private (HTTP 404); check `org:`", false, Optional.empty()));
    }

    @Test
    void poll_emptyListing_reportsRenamedOrg() {
        stubFor(get(urlEqualTo("/api/models?author=THUDM&sort=createdAt&limit=50")).willReturn(okJson("[]")));

        PollResult result = source.poll(config("THUDM", Map.of()), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source hf-thudm: organisation 'THUDM' lists no public"
                + " models; check `org:` (renamed, misspelt or private?) at https://huggingface.co/THUDM", true,
                Optional.empty()));
    }

    @Test
    void poll_truncatedJson_failsRetryably() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(fixture("hf-models-truncated.json"))));

        PollResult result = source.poll(config("moonshotai", Map.of()), SourceState.NEW);

        assertThat(result).isEqualTo(new PollResult.Failed("source hf-moonshotai: the Hub answered page 1 of models"
                + " for org 'moonshotai' with broken or truncated JSON (" + WIREMOCK.getRuntimeInfo().getHttpBaseUrl()
                + PAGE_1 + "); nothing was stored from this poll, it will be retried", true, Optional.empty()));
    }

    @Test
    void poll_sameBodyAgain_isUnchanged() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(fixture("hf-models-moonshotai-page-1.json"))));
        var first = (PollResult.Items) source.poll(config("moonshotai", Map.of()), SourceState.NEW);

        PollResult second = source.poll(config("moonshotai", Map.of()),
                new SourceState(first.validators(), Optional.empty(), 0));

        assertThat(second).isInstanceOf(PollResult.Unchanged.class);
    }

    @Test
    void poll_includeDatasets_listsBothWithTypedGuids() {
        stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(fixture("hf-models-moonshotai-page-1.json"))));
        stubFor(get(urlEqualTo("/api/datasets?author=moonshotai&sort=createdAt&limit=50")).willReturn(okJson(
                "[{\"id\":\"moonshotai/Kimi-Eval\",\"createdAt\":\"2025-11-01T00:00:00.000Z\",\"tags\":[]}]")));

        var items = (PollResult.Items) source.poll(config("moonshotai", Map.of("include", "models, datasets")),
                SourceState.NEW);

        assertThat(items.articles()).extracting(Article::guid).containsExactly("moonshotai/Kimi-K2-Thinking",
                "datasets/moonshotai/Kimi-Eval");
        assertThat(items.articles().get(1).text()).isEqualTo("moonshotai released the dataset Kimi-Eval on"
                + " Hugging Face.");
    }
}
