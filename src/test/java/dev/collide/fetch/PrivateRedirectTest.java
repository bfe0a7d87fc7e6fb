package dev.collide.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 item 7: a configured source's redirect to a private, loopback or link-local address is refused, unless the
 * configured URL is itself internal or the source sets {@code allowPrivate}. Here 127.0.0.1 (WireMock, reached as
 * feeds.test) stands for the public internet and every other internal address is internal; intranet.test is
 * 127.0.0.2, which the same WireMock answers on.
 */
class PrivateRedirectTest {
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private final ConditionalFetcher fetcher = new ConditionalFetcher(ConditionalFetcherTest.CONFIG,
            ConditionalFetcherTest.CLOCK, duration -> { }, PrivateRedirectTest::resolve,
            address -> !address.getHostAddress().equals("127.0.0.1") && AddressPolicy.isInternal(address));

    private static List<InetAddress> resolve(String host) throws java.net.UnknownHostException {
        return switch (host) {
            case "feeds.test" -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            case "intranet.test" -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2}));
            default -> Dns.SYSTEM.lookup(host);
        };
    }

    private static URI feed() {
        return URI.create("http://feeds.test:" + WIREMOCK.getPort() + "/feed");
    }

    private static String refusal() {
        return "redirect from " + feed() + " to a private, loopback or link-local address refused; if the source is"
                + " meant to reach it, set `allowPrivate: true` on the source";
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5/admin", "http://169.254.169.254/latest/meta-data",
            "http://[64:ff9b::a9fe:a9fe]/latest/meta-data", "http://[2002:a9fe:a9fe::1]/latest/meta-data",
            "http://[64:ff9b::a00:5]/admin", "http://[2002:c0a8:1::]/admin", "http://[::ffff:10.0.0.5]/admin"})
    void fetch_configuredUrlRedirectsToInternalLiteral_refusedWithoutNamingIt(String target) {
        WIREMOCK.stubFor(get("/feed").willReturn(temporaryRedirect(target)));

        FetchResult result = fetcher.fetch(feed(), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed(refusal(), false));
    }

    @Test
    void fetch_configuredUrlRedirectsToHostResolvingInternal_refusedBeforeAnyRequest() {
        WIREMOCK.stubFor(get("/feed").willReturn(temporaryRedirect("http://intranet.test:" + WIREMOCK.getPort()
                + "/secret")));
        WIREMOCK.stubFor(get("/secret").willReturn(ok("internal")));

        FetchResult result = fetcher.fetch(feed(), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed(refusal(), false));
        assertThat(((FetchResult.Failed) result).reason()).doesNotContain("intranet", "secret", "127.0.0.2");
        WIREMOCK.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void fetch_allowPrivate_followsTheRedirect() {
        WIREMOCK.stubFor(get("/feed").willReturn(temporaryRedirect("http://127.0.0.2:" + WIREMOCK.getPort()
                + "/inside")));
        WIREMOCK.stubFor(get("/inside").willReturn(ok("<rss/>")));

        FetchResult result = fetcher.fetch(feed(), Validators.NONE, Map.of(), true);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void fetch_configuredUrlItselfInternal_followsARedirectToAnotherInternalAddress() {
        WIREMOCK.stubFor(get("/feed").willReturn(temporaryRedirect("http://127.0.0.2:" + WIREMOCK.getPort()
                + "/inside")));
        WIREMOCK.stubFor(get("/inside").willReturn(ok("<rss/>")));

        FetchResult result = fetcher.fetch(URI.create("http://127.0.0.3:" + WIREMOCK.getPort() + "/feed"),
                Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void fetch_redirectToPublicHost_followed() {
        WIREMOCK.stubFor(get("/feed").willReturn(temporaryRedirect("http://feeds.test:" + WIREMOCK.getPort()
                + "/moved")));
        WIREMOCK.stubFor(get("/moved").willReturn(ok("<rss/>")));

        assertThat(fetcher.fetch(feed(), Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::c0a8:101", "2002:7f00:1::",
            "2002:a00:1:1::1", "2002:a9fe:a9fe::"})
    void isInternal_nat64And6to4FormsOfInternalAddresses_true(String literal) throws Exception {
        assertThat(AddressPolicy.isInternal(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b::808:808", "2002:808:808::", "2606:4700::1111"})
    void isInternal_nat64And6to4FormsOfPublicAddresses_false(String literal) throws Exception {
        assertThat(AddressPolicy.isInternal(InetAddress.getByName(literal))).isFalse();
    }
}
