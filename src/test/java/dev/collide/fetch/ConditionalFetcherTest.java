package dev.collide.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.config.HttpConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.GZIPOutputStream;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionalFetcherTest {
    // gzip off: Jetty would otherwise gzip replies itself and rewrite ETags ("v1" -> "v1--gzip")
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
            .configureStaticDsl(true)
            .build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T12:00:00Z"), ZoneOffset.UTC);
    static final HttpConfig CONFIG = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 64 * 1024, "CollideTest/1.0", 2, Duration.ofMillis(10), 2, 5);
    static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    private final WireMockRuntimeInfo wm = WIREMOCK.getRuntimeInfo();
    private final List<Duration> sleeps = new ArrayList<>();
    private final ConditionalFetcher fetcher = new ConditionalFetcher(CONFIG, CLOCK, sleeps::add);

    private static URI url(WireMockRuntimeInfo wm, String path) {
        return URI.create(wm.getHttpBaseUrl() + path);
    }

    private static FetchResult.Failed failed(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        return (FetchResult.Failed) result;
    }

    private static FetchResult.Fetched fetched(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return (FetchResult.Fetched) result;
    }

    @Test
    void fetch_200_returnsBodyValidatorsAndUserAgent() {
        stubFor(get("/feed.xml").willReturn(ok(FEED).withHeader("ETag", "\"v1\"")
                .withHeader("Last-Modified", "Tue, 04 Mar 2025 10:00:00 GMT")
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")));

        var result = fetched(fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE));

        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(result.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(result.finalUrl()).isEqualTo(url(wm, "/feed.xml"));
        assertThat(result.validators()).isEqualTo(Validators.of("\"v1\"", "Tue, 04 Mar 2025 10:00:00 GMT",
                ResponseReader.bodyHash(FEED.getBytes(StandardCharsets.UTF_8))));
        assertThat(result.freshFor()).isEmpty();
        verify(getRequestedFor(urlEqualTo("/feed.xml")).withHeader("User-Agent", equalTo("CollideTest/1.0"))
                .withHeader("If-None-Match", absent()));
    }

    @Test
    void fetch_realAtomBody_returnedByteForByte() {
        byte[] atom = fixture("github-releases.atom");
        stubFor(get("/releases.atom").willReturn(ok().withBody(atom)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8")));

        var result = fetched(fetcher.fetch(url(wm, "/releases.atom"), Validators.NONE));

        assertThat(result.body()).isEqualTo(atom);
        assertThat(result.validators().bodyHash()).contains(ResponseReader.bodyHash(atom));
    }

    @Test
    void fetch_storedEtagAnd304_returnsNotModifiedWithOldValidators() {
        stubFor(get("/feed.xml").withHeader("If-None-Match", equalTo("\"v7\"")).willReturn(status(304)));
        var previous = Validators.of("\"v7\"", null, "abc");

        var result = fetcher.fetch(url(wm, "/feed.xml"), previous);

        assertThat(result).isEqualTo(new FetchResult.NotModified(previous));
    }

    @Test
    void fetch_storedLastModifiedAnd304_returnsNotModified() {
        stubFor(get("/feed.xml").withHeader("If-Modified-Since", equalTo("Tue, 04 Mar 2025 10:00:00 GMT"))
                .willReturn(status(304)));
        var previous = Validators.of(null, "Tue, 04 Mar 2025 10:00:00 GMT", null);

        var result = fetcher.fetch(url(wm, "/feed.xml"), previous);

        assertThat(result).isEqualTo(new FetchResult.NotModified(previous));
    }

    @Test
    void fetch_sameBodyHashWithoutValidators_returnsNotModified() {
        stubFor(get("/feed.xml").willReturn(ok(FEED)));
        var previous = Validators.of(null, null, ResponseReader.bodyHash(FEED.getBytes(StandardCharsets.UTF_8)));

        var result = fetcher.fetch(url(wm, "/feed.xml"), previous);

        assertThat(result).isEqualTo(new FetchResult.NotModified(previous));
    }

    @Test
    void fetch_cacheControlMaxAge_givesFreshFor() {
        stubFor(get("/feed.xml").willReturn(ok(FEED).withHeader("Cache-Control", "public, max-age=600")));

        var result = fetched(fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE));

        assertThat(result.freshFor()).contains(Duration.ofMinutes(10));
    }

    @Test
    void fetch_expiresAfterDate_givesFreshFor() {
        stubFor(get("/feed.xml").willReturn(ok(FEED).withHeader("Date", "Tue, 04 Mar 2025 10:00:00 GMT")
                .withHeader("Expires", "Tue, 04 Mar 2025 11:30:00 GMT")));

        var result = fetched(fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE));

        assertThat(result.freshFor()).contains(Duration.ofMinutes(90));
    }

    @Test
    void fetch_extraHeaders_areSent() {
        stubFor(get("/api").willReturn(ok("{}")));

        fetcher.fetch(url(wm, "/api"), Validators.NONE, Map.of("Authorization", "Bearer hf_test"));

        verify(getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo("Bearer hf_test")));
    }

    @Test
    void fetch_headerValueWithNewline_failsWithoutQuotingTheValue() {
        var result = failed(fetcher.fetch(url(wm, "/api"), Validators.NONE, Map.of("X-Api-Key", "secret\nvalue")));

        assertThat(result.reason()).doesNotContain("secret").contains("[X-Api-Key]");
        assertThat(result.retryable()).isFalse();
    }

    @Test
    void fetch_500Then200_retriesToSuccess() {
        stubFor(get("/feed.xml").inScenario("flaky").whenScenarioStateIs(STARTED).willReturn(status(500))
                .willSetStateTo("up"));
        stubFor(get("/feed.xml").inScenario("flaky").whenScenarioStateIs("up").willReturn(ok(FEED)));

        var result = fetched(fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE));

        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10));
    }

    @Test
    void fetch_500Forever_failsRetryableAfterBackoff() {
        stubFor(get("/feed.xml").willReturn(status(500)));

        var result = failed(fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE));

        assertThat(result).isEqualTo(FetchResult.Failed.status(500, "HTTP 500 from " + url(wm, "/feed.xml")
                + ": server error; will retry later", true));
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        verify(3, getRequestedFor(urlEqualTo("/feed.xml")));
    }

    @Test
    void fetch_429WithRetryAfterSeconds_isRateLimited() {
        stubFor(get("/feed.xml").willReturn(status(429).withHeader("Retry-After", "120")));

        var result = fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.RateLimited(Duration.ofSeconds(120)));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void fetch_403WithRetryAfter_isGitHubsSecondaryLimit_notAnAccessError() {
        stubFor(get("/feed.xml").willReturn(status(403).withHeader("Retry-After", "90")));

        var result = fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.RateLimited(Duration.ofSeconds(90)));
    }

    @Test
    void fetch_503WithRetryAfterDate_isRateLimitedUntilThatDate() {
        stubFor(get("/feed.xml").willReturn(status(503).withHeader("Retry-After", "Tue, 04 Mar 2025 12:05:00 GMT")));

        var result = fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.RateLimited(Duration.ofMinutes(5)));
    }

    @Test
    void fetch_429WithoutRetryAfter_usesDefault() {
        stubFor(get("/feed.xml").willReturn(status(429)));

        var result = fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.RateLimited(ConditionalFetcher.DEFAULT_RETRY_AFTER));
    }

    @Test
    void fetch_404_failsNonRetryableWithAdvice() {
        stubFor(get("/gone.xml").willReturn(status(404)));

        var result = fetcher.fetch(url(wm, "/gone.xml"), Validators.NONE);

        assertThat(result).isEqualTo(FetchResult.Failed.status(404, "HTTP 404 from " + url(wm, "/gone.xml")
                + ": feed moved or removed; check the url", false));
    }

    @Test
    void fetch_403_failsNonRetryableMentioningCredentials() {
        stubFor(get("/private.xml").willReturn(status(403)));

        var result = failed(fetcher.fetch(url(wm, "/private.xml"), Validators.NONE));

        assertThat(result.retryable()).isFalse();
        assertThat(result.reason()).isEqualTo("HTTP 403 from " + url(wm, "/private.xml")
                + ": the server needs credentials or blocks us; check the url and any token");
    }

    @Test
    void fetch_410_carriesTheStatusAsAValue() {
        stubFor(get("/gone.xml").willReturn(status(410)));

        var result = failed(fetcher.fetch(url(wm, "/gone.xml"), Validators.NONE));

        assertThat(result.httpStatus()).isEqualTo(OptionalInt.of(410));
    }

    @Test
    void failed_reasonThatLooksLikeAStatus_hasNoStatusUnlessGivenOne() {
        var failure = new FetchResult.Failed("HTTP 404 from a proxy's error page", false);

        assertThat(failure.httpStatus()).isEmpty();
    }

    @Test
    void fetch_bodyOverCap_failsWithSize() {
        stubFor(get("/big.xml").willReturn(ok("x".repeat(64 * 1024 + 1))));

        var result = fetcher.fetch(url(wm, "/big.xml"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed("body larger than 65536 bytes; raise http.maxBodyBytes "
                + "if the feed really is this big from " + url(wm, "/big.xml"), false));
    }

    @Test
    void fetch_gzipBomb_stopsAtCapOfDecompressedBytes() throws IOException {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
        stubFor(get("/bomb.xml").willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")
                .withBody(bomb)));

        var result = failed(fetcher.fetch(url(wm, "/bomb.xml"), Validators.NONE));

        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(result.reason()).startsWith("body larger than 65536 bytes");
        assertThat(result.retryable()).isFalse();
    }

    @Test
    void fetch_gzipBody_isDecompressedTransparently() throws IOException {
        byte[] atom = fixture("github-releases.atom");
        stubFor(get("/gz.atom").willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")
                .withBody(gzip(atom))));

        var result = fetched(fetcher.fetch(url(wm, "/gz.atom"), Validators.NONE));

        assertThat(result.body()).isEqualTo(atom);
    }

    @Test
    void fetch_tricklingServer_cutOffByCallTimeout() {
        var shortCall = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(500),
                64 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(10), 2, 5);
        stubFor(get("/slow.xml").willReturn(ok("x".repeat(40)).withChunkedDribbleDelay(40, 4000)));

        var result = failed(new ConditionalFetcher(shortCall, CLOCK, sleeps::add)
                .fetch(url(wm, "/slow.xml"), Validators.NONE));

        assertThat(result.reason()).startsWith("timed out fetching " + url(wm, "/slow.xml"));
        assertThat(result.retryable()).isTrue();
    }

    @Test
    void fetch_fiveRedirects_followedToFinalUrl() {
        for (int i = 0; i < 5; i++) {
            stubFor(get("/r" + i).willReturn(temporaryRedirect("/r" + (i + 1))));
        }
        stubFor(get("/r5").willReturn(ok(FEED)));

        var result = fetched(fetcher.fetch(url(wm, "/r0"), Validators.NONE));

        assertThat(result.finalUrl()).isEqualTo(url(wm, "/r5"));
    }

    @Test
    void fetch_sixRedirects_refused() {
        for (int i = 0; i < 6; i++) {
            stubFor(get("/r" + i).willReturn(temporaryRedirect("/r" + (i + 1))));
        }
        stubFor(get("/r6").willReturn(ok(FEED)));

        var result = fetcher.fetch(url(wm, "/r0"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed("more than 5 redirects starting at " + url(wm, "/r0")
                + "; use the final url in the source", false));
    }

    @Test
    void fetch_redirectLoop_refused() {
        stubFor(get("/a").willReturn(temporaryRedirect("/b")));
        stubFor(get("/b").willReturn(temporaryRedirect("/a")));

        var result = fetcher.fetch(url(wm, "/a"), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed("redirect loop: " + url(wm, "/b") + " leads back to "
                + url(wm, "/a") + "; check the url", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/feed.xml", "jar:file:/x.jar!/a"})
    void fetch_redirectToOtherScheme_refused(String location) {
        stubFor(get("/feed.xml").willReturn(temporaryRedirect(location)));

        var result = failed(fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE));

        String scheme = location.substring(0, location.indexOf(':'));
        assertThat(result.reason()).isEqualTo("redirect from " + url(wm, "/feed.xml") + " to " + scheme
                + ": refused; only http and https redirects are followed");
        assertThat(result.retryable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE",
            "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void fetch_brokenConnection_failsRetryableAfterRetries(Fault fault) {
        stubFor(get("/feed.xml").willReturn(aResponse().withFault(fault)));

        var result = failed(fetcher.fetch(url(wm, "/feed.xml"), Validators.NONE));

        assertThat(result.reason()).startsWith("I/O error fetching " + url(wm, "/feed.xml") + ": ");
        assertThat(result.retryable()).isTrue();
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void fetch_fileUrl_readsFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feed.xml");
        Files.writeString(file, FEED);

        var result = fetched(fetcher.fetch(file.toUri(), Validators.NONE));

        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(result.validators()).isEqualTo(Validators.of(null, null, ResponseReader.bodyHash(FEED.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void fetch_missingFile_failsNonRetryable(@TempDir Path dir) {
        Path file = dir.resolve("absent.xml");

        var result = fetcher.fetch(file.toUri(), Validators.NONE);

        assertThat(result).isEqualTo(new FetchResult.Failed("file not found: " + file + "; check the url", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:1/x", "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data",
            "http://[::1]:1/x", "http://0.0.0.0/x", "http://192.168.0.1/x", "http://[fd00::1]/x",
            "http://[::ffff:127.0.0.1]/x"})
    void fetchUntrusted_internalAddressLiteral_refused(String url) {
        var result = failed(fetcher.fetchUntrusted(URI.create(url), false));

        assertThat(result.reason()).startsWith("refused " + url + ": ")
                .endsWith(" is an internal address; links from feed content may only point to public hosts");
        assertThat(result.retryable()).isFalse();
    }

    @Test
    void fetchUntrusted_hostnameResolvingToLoopback_refused() {
        stubFor(get("/x").willReturn(ok(FEED)));

        var result = failed(fetcher.fetchUntrusted(URI.create("http://localhost:" + wm.getHttpPort() + "/x"), false));

        assertThat(result.reason()).startsWith("host localhost resolves to internal address ");
        verify(0, getRequestedFor(urlEqualTo("/x")));
    }

    /** A fetcher for which loopback (WireMock) is public, 10/8 and 169.254/16 internal; metadata.test is 10.0.0.7. */
    private ConditionalFetcher loopbackIsPublic() {
        Dns dns = host -> host.equals("metadata.test")
                ? List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}))
                : Dns.SYSTEM.lookup(host);
        return new ConditionalFetcher(CONFIG, CLOCK, sleeps::add, dns,
                address -> !address.isLoopbackAddress() && AddressPolicy.isInternal(address));
    }

    @Test
    void fetchUntrusted_redirectToInternalLiteral_refusedAtThatHop() {
        stubFor(get("/hop").willReturn(temporaryRedirect("http://169.254.169.254/latest/meta-data")));

        var result = loopbackIsPublic().fetchUntrusted(url(wm, "/hop"), false);

        assertThat(result).isEqualTo(new FetchResult.Failed("refused http://169.254.169.254/latest/meta-data: "
                + "169.254.169.254 is an internal address; links from feed content may only point to public hosts",
                false));
    }

    @Test
    void fetchUntrusted_redirectToHostResolvingInternal_refusedAtThatHop() {
        stubFor(get("/hop").willReturn(temporaryRedirect("http://metadata.test/latest")));

        var result = loopbackIsPublic().fetchUntrusted(url(wm, "/hop"), false);

        assertThat(result).isEqualTo(new FetchResult.Failed("host metadata.test resolves to internal address "
                + "10.0.0.7; links from feed content may only point to public hosts", false));
    }

    @Test
    void fetchUntrusted_publicHostUnderPolicy_fetched() {
        stubFor(get("/article").willReturn(ok("<html></html>")));

        var result = fetched(loopbackIsPublic().fetchUntrusted(url(wm, "/article"), false));

        assertThat(result.finalUrl()).isEqualTo(url(wm, "/article"));
    }

    @Test
    void fetchUntrusted_allowPrivate_letsWireMockThrough() {
        stubFor(get("/article").willReturn(ok("<html></html>")));

        var result = fetched(fetcher.fetchUntrusted(url(wm, "/article"), true));

        assertThat(result.finalUrl()).isEqualTo(url(wm, "/article"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "ftp://example.org/"})
    void fetchUntrusted_nonHttpScheme_refused(String url) {
        var result = fetcher.fetchUntrusted(URI.create(url), true);

        assertThat(result).isEqualTo(new FetchResult.Failed("refused " + url
                + ": only http and https URLs are fetched", false));
    }

    private static byte[] fixture(String name) {
        try (var in = ConditionalFetcherTest.class.getResourceAsStream("/fetch/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

}
