package dev.collide.source;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.HttpConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.fetch.ConditionalFetcher;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 item 6: a hub token goes to the host it was configured for only. The listing lives on one WireMock server
 * (reached as 127.0.0.1), the other (reached as localhost) stands for a foreign host.
 */
class TokenScopeTest {
    @RegisterExtension
    static final WireMockExtension HUB = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)).build();
    @RegisterExtension
    static final WireMockExtension ELSEWHERE = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private static final String PAGE_1 = "/api/models?author=moonshotai&sort=createdAt&limit=50";
    private static final String TOKEN = "Bearer hf_secret";

    // generous timeouts: on a loaded machine a 2 s read timeout made the second page fail now and then
    private static final HttpConfig HTTP = new HttpConfig(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(40), 1024 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);

    private final HuggingFaceSource source = new HuggingFaceSource(
            new ConditionalFetcher(HTTP, SourceTestSupport.CLOCK), SourceTestSupport.LABS,
            Map.of("HF_TOKEN", "hf_secret")::get);

    private static SourceConfig config(int pages) {
        return SourceTestSupport.config("hf-moonshotai", SourceKind.HUGGINGFACE,
                "http://127.0.0.1:" + HUB.getPort(), Map.of("org", "moonshotai", "tokenEnv", "HF_TOKEN",
                        "pages", String.valueOf(pages)));
    }

    private static String listing() {
        return SourceTestSupport.text("hf-models-moonshotai-page-1.json");
    }

    @Test
    void poll_listingRedirectsToAnotherHost_sendsNoTokenThere() {
        HUB.stubFor(get(urlEqualTo(PAGE_1)).willReturn(temporaryRedirect("http://localhost:" + ELSEWHERE.getPort()
                + "/mirror/models")));
        ELSEWHERE.stubFor(get(urlPathEqualTo("/mirror/models")).willReturn(okJson(listing())));

        PollResult result = source.poll(config(1), SourceState.NEW);

        assertThat(result).isInstanceOf(PollResult.Items.class);
        HUB.verify(1, getRequestedFor(urlEqualTo(PAGE_1)).withHeader("Authorization", equalTo(TOKEN)));
        ELSEWHERE.verify(1, getRequestedFor(urlPathEqualTo("/mirror/models")).withHeader("Authorization", absent()));
    }

    @Test
    void poll_linkNextOnAnotherHost_sendsNoTokenThere() {
        HUB.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(listing()).withHeader("Link",
                "<http://localhost:" + ELSEWHERE.getPort() + "/api/models?cursor=2>; rel=\"next\"")));
        ELSEWHERE.stubFor(get(urlPathEqualTo("/api/models")).willReturn(okJson(listing())));

        source.poll(config(2), SourceState.NEW);

        ELSEWHERE.verify(1, getRequestedFor(urlPathEqualTo("/api/models")).withHeader("Authorization", absent()));
    }

    @Test
    void poll_linkNextOnTheSameHost_keepsTheToken() {
        HUB.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(listing()).withHeader("Link",
                "</api/models?cursor=2>; rel=\"next\"")));
        HUB.stubFor(get(urlEqualTo("/api/models?cursor=2")).willReturn(okJson("[]")));

        source.poll(config(2), SourceState.NEW);

        HUB.verify(1, getRequestedFor(urlEqualTo("/api/models?cursor=2")).withHeader("Authorization",
                equalTo(TOKEN)));
    }
}
