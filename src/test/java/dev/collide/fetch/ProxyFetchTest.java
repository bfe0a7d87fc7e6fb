package dev.collide.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.HttpConfig;
import dev.collide.config.NoProxy;
import dev.collide.config.ProxyConfig;
import dev.collide.config.ProxyServer;
import dev.collide.config.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A second WireMock as the forward proxy (issue #16): it forwards what it has no stub for to the origin. */
class ProxyFetchTest {
    @RegisterExtension
    static final WireMockExtension ORIGIN = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)).build();
    @RegisterExtension
    static final WireMockExtension PROXY = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)
                    .enableBrowserProxying(true)).build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T12:00:00Z"), ZoneOffset.UTC);
    static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    private ProxyServer proxy(Optional<String> user, Optional<Secret> password) {
        return new ProxyServer("localhost", PROXY.getPort(), user, password, "http.proxy in collide.yml");
    }

    private ConditionalFetcher fetcher(ProxyConfig proxies) {
        var http = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024,
                "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5, proxies);
        return new ConditionalFetcher(http, CLOCK);
    }

    private ProxyConfig everythingThrough(ProxyServer server, NoProxy noProxy) {
        return new ProxyConfig(Optional.of(server), Optional.of(server), noProxy, Map.of());
    }

    /** 127.0.0.1 rather than localhost: "localhost" is the host the NO_PROXY tests exempt. */
    private URI target(String path) {
        return URI.create("http://127.0.0.1:" + ORIGIN.getPort() + path);
    }

    private static NoProxy noProxy(String list) {
        return NoProxy.parse(list);
    }

    @Test
    void fetch_proxyConfigured_requestGoesThroughProxyToOrigin() {
        ORIGIN.stubFor(get("/feed.xml").willReturn(ok(FEED)));

        FetchResult result = fetcher(everythingThrough(proxy(Optional.empty(), Optional.empty()), NoProxy.NONE))
                .fetch(target("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(new String(((FetchResult.Fetched) result).body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        PROXY.verify(1, getRequestedFor(urlEqualTo("/feed.xml")));
        assertThat(PROXY.getAllServeEvents().get(0).getRequest().getAbsoluteUrl())
                .isEqualTo(target("/feed.xml").toString());
        ORIGIN.verify(1, getRequestedFor(urlEqualTo("/feed.xml")));
    }

    @Test
    void fetch_hostInNoProxy_goesDirect() {
        ORIGIN.stubFor(get("/feed.xml").willReturn(ok(FEED)));

        FetchResult result = fetcher(everythingThrough(proxy(Optional.empty(), Optional.empty()),
                noProxy("example.org, localhost")))
                .fetch(URI.create("http://localhost:" + ORIGIN.getPort() + "/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        PROXY.verify(0, anyRequestedFor(anyUrl()));
        ORIGIN.verify(1, getRequestedFor(urlEqualTo("/feed.xml")));
    }

    @Test
    void fetch_noProxyForAnotherPort_stillProxied() {
        ORIGIN.stubFor(get("/feed.xml").willReturn(ok(FEED)));

        fetcher(everythingThrough(proxy(Optional.empty(), Optional.empty()), noProxy("127.0.0.1:1")))
                .fetch(target("/feed.xml"), Validators.NONE);

        PROXY.verify(1, getRequestedFor(urlEqualTo("/feed.xml")));
    }

    @Test
    void fetch_sourceWithProxyNone_goesDirectDespiteGlobalProxy() {
        ORIGIN.stubFor(get("/feed.xml").willReturn(ok(FEED)));
        var server = proxy(Optional.empty(), Optional.empty());
        var proxies = new ProxyConfig(Optional.of(server), Optional.of(server), NoProxy.NONE,
                Map.of(ProxyConfig.originOf(target("/")), Optional.empty()));

        FetchResult result = fetcher(proxies).fetch(target("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        PROXY.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void fetch_sourceWithOwnProxy_proxiedWithoutGlobalProxy() {
        ORIGIN.stubFor(get("/feed.xml").willReturn(ok(FEED)));
        var proxies = new ProxyConfig(Optional.empty(), Optional.empty(), NoProxy.NONE,
                Map.of(ProxyConfig.originOf(target("/")), Optional.of(proxy(Optional.empty(), Optional.empty()))));

        fetcher(proxies).fetch(target("/feed.xml"), Validators.NONE);

        PROXY.verify(1, getRequestedFor(urlEqualTo("/feed.xml")));
    }

    @Test
    void fetch_proxyAnswers407WithoutCredentials_reportedAsTheProxys() {
        PROXY.stubFor(any(anyUrl()).willReturn(status(407).withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));

        FetchResult result = fetcher(everythingThrough(proxy(Optional.empty(), Optional.empty()), NoProxy.NONE))
                .fetch(target("/feed.xml"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed("proxy localhost:" + PROXY.getPort() + " (from http.proxy"
                + " in collide.yml) requires authentication (407) while fetching " + target("/feed.xml") + "; set"
                + " http.proxyUser and http.proxyPassword: ${SOME_ENV_VAR}, or user:password@ in the proxy variable",
                true));
        ORIGIN.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void fetch_proxyWants407Credentials_sendsBasicOnceAndGetsThrough() {
        ORIGIN.stubFor(get("/feed.xml").willReturn(ok(FEED)));
        PROXY.stubFor(any(anyUrl()).atPriority(1).withHeader("Proxy-Authorization", absent())
                .willReturn(status(407).withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
        var server = proxy(Optional.of("collide"), Optional.of(new Secret("PROXY_PASSWORD", "s3cr:t")));

        FetchResult result = fetcher(everythingThrough(server, NoProxy.NONE)).fetch(target("/feed.xml"),
                Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        String basic = "Basic " + Base64.getEncoder().encodeToString("collide:s3cr:t".getBytes(StandardCharsets.UTF_8));
        PROXY.verify(1, getRequestedFor(urlEqualTo("/feed.xml")).withHeader("Proxy-Authorization", equalTo(basic)));
    }

    @Test
    void fetch_proxyRefusesCredentials_reportedAsRejectedNamingTheVariable() {
        PROXY.stubFor(any(anyUrl()).willReturn(status(407).withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
        var server = proxy(Optional.of("collide"), Optional.of(new Secret("PROXY_PASSWORD", "wrong")));

        FetchResult result = fetcher(everythingThrough(server, NoProxy.NONE)).fetch(target("/feed.xml"),
                Validators.NONE);

        assertThat(((FetchResult.Failed) result).reason()).isEqualTo("proxy localhost:" + PROXY.getPort()
                + " (from http.proxy in collide.yml) rejected the credentials (407) while fetching "
                + target("/feed.xml") + "; check the proxy user and the password in PROXY_PASSWORD");
        PROXY.verify(2, getRequestedFor(urlEqualTo("/feed.xml")));
    }

    @Test
    void fetch_nothingListensAtProxy_reportedAsProxyRefusedNotFeed() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var server = new ProxyServer("127.0.0.1", closed, Optional.empty(), Optional.empty(), "HTTPS_PROXY");

        FetchResult result = fetcher(everythingThrough(server, NoProxy.NONE)).fetch(target("/feed.xml"),
                Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed("proxy 127.0.0.1:" + closed + " (from HTTPS_PROXY)"
                + " refused the connection while fetching " + target("/feed.xml") + "; check that the proxy runs and"
                + " the address is right, or set \"proxy: none\" for sources it must not serve", true));
    }

    @Test
    void fetch_proxyHostUnknown_reportedAsUnknownProxyNotUnknownFeedHost() {
        var server = new ProxyServer("no-such-proxy.invalid", 3128, Optional.empty(), Optional.empty(),
                "HTTPS_PROXY");

        FetchResult result = fetcher(everythingThrough(server, NoProxy.NONE)).fetch(target("/feed.xml"),
                Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed("unknown proxy host no-such-proxy.invalid (from"
                + " HTTPS_PROXY) while fetching " + target("/feed.xml") + "; check the proxy address", true));
    }

    @Test
    void fetchUntrusted_internalTargetThroughProxy_refusedBeforeSending() {
        var untrusting = new ConditionalFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 64 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5,
                everythingThrough(proxy(Optional.empty(), Optional.empty()), NoProxy.NONE)), CLOCK, d -> { },
                Dns.SYSTEM, AddressPolicy::isInternal);

        FetchResult result = untrusting.fetchUntrusted(URI.create("http://localhost:" + ORIGIN.getPort() + "/admin"),
                false);

        assertThat(((FetchResult.Failed) result).reason()).startsWith("host localhost resolves to internal address ")
                .endsWith("; links from feed content may only point to public hosts");
        PROXY.verify(0, anyRequestedFor(anyUrl()));
        ORIGIN.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void fetchUntrusted_publicTargetThroughProxyOnInternalAddress_fetched() {
        ORIGIN.stubFor(get("/post.html").willReturn(ok("<p>post</p>")));
        // 127.0.0.1 plays an internal address (the proxy's, as on a corporate network), 127.0.0.2 a public one
        var untrusting = new ConditionalFetcher(new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 64 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5,
                everythingThrough(proxy(Optional.empty(), Optional.empty()), NoProxy.NONE)), CLOCK, d -> { },
                Dns.SYSTEM, address -> !address.getHostAddress().equals("127.0.0.2"));

        FetchResult result = untrusting.fetchUntrusted(URI.create("http://127.0.0.2:" + ORIGIN.getPort()
                + "/post.html"), false);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        PROXY.verify(1, getRequestedFor(urlEqualTo("/post.html")));
    }

    /**
     * An https URL goes through a CONNECT tunnel, which WireMock cannot answer; this one-shot fake proxy replies to
     * the CONNECT with {@code statusLine} and counts the requests it read.
     */
    private static final class CannedConnectProxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final List<String> requestLines = new CopyOnWriteArrayList<>();
        private final Thread thread;

        CannedConnectProxy(String statusLine) throws IOException {
            thread = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        try (var client = socket.accept()) {
                            var in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                                    StandardCharsets.ISO_8859_1));
                            String first = in.readLine();
                            requestLines.add(first);
                            for (String line = first; line != null && !line.isEmpty(); line = in.readLine()) {
                                // headers up to the blank line
                            }
                            client.getOutputStream().write((statusLine + "\r\nProxy-Authenticate: Basic realm=\"corp\""
                                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            client.getOutputStream().flush();
                        }
                    }
                } catch (IOException e) {
                    // socket closed by close(): the test is over
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void fetch_httpsThroughProxyAnswering407ToConnect_reportedAsTheProxys() throws IOException {
        try (var fake = new CannedConnectProxy("HTTP/1.1 407 Proxy Authentication Required")) {
            var server = new ProxyServer("127.0.0.1", fake.port(), Optional.empty(), Optional.empty(), "HTTPS_PROXY");

            FetchResult result = fetcher(everythingThrough(server, NoProxy.NONE))
                    .fetch(URI.create("https://feeds.example/feed.json"), Validators.NONE);

            assertThat(result).isEqualTo(new FetchResult.Failed("proxy 127.0.0.1:" + fake.port() + " (from"
                    + " HTTPS_PROXY) requires authentication (407) while fetching https://feeds.example/feed.json;"
                    + " set http.proxyUser and http.proxyPassword: ${SOME_ENV_VAR}, or user:password@ in the proxy"
                    + " variable", true));
            assertThat(fake.requestLines).containsExactly("CONNECT feeds.example:443 HTTP/1.1");
        }
    }

    @Test
    void fetch_httpsThroughProxyRefusingTheTunnel_reportedAsTheProxys() throws IOException {
        try (var fake = new CannedConnectProxy("HTTP/1.1 403 Forbidden")) {
            var server = new ProxyServer("127.0.0.1", fake.port(), Optional.empty(), Optional.empty(), "HTTPS_PROXY");

            FetchResult result = fetcher(everythingThrough(server, NoProxy.NONE))
                    .fetch(URI.create("https://feeds.example/feed.json"), Validators.NONE);

            assertThat(((FetchResult.Failed) result).reason()).isEqualTo("proxy 127.0.0.1:" + fake.port()
                    + " (from HTTPS_PROXY) refused to open a tunnel to feeds.example (HTTP 403 to CONNECT) while"
                    + " fetching https://feeds.example/feed.json; the proxy may block that site");
        }
    }
}
