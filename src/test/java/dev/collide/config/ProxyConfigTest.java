package dev.collide.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collide.source.SourceTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http.proxy, the proxy environment variables and a source's proxy:, as the loader reads them (issue #16). */
class ProxyConfigTest {
    private static final String LABS = """
            labs:
              - id: deepseek
                name: DeepSeek
            """;
    private static final String FEEDS = """
            sources:
              - id: hf-blog
                url: https://huggingface.co/blog/feed.xml
            """;

    @TempDir
    Path dir;

    private CollideConfig load(Map<String, String> env, String collide, String feeds) throws Exception {
        Files.writeString(dir.resolve("collide.yml"), collide);
        Files.writeString(dir.resolve("labs.yml"), LABS);
        Files.writeString(dir.resolve("feeds.yml"), feeds);
        return new ConfigLoader(env::get).withKinds(SourceTypes.BUILT_IN.all()).load(dir, dir.resolve("feeds.yml"));
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void load_httpsProxyVariableWithCredentials_readsServerAndSecret() throws Exception {
        ProxyConfig proxy = load(Map.of("HTTPS_PROXY", "http://collide:p%40ss@proxy.corp:3128/"), "", FEEDS)
                .http().proxy();

        ProxyServer server = proxy.forHttps().orElseThrow();
        assertThat(server.address()).isEqualTo("proxy.corp:3128");
        assertThat(server.user()).contains("collide");
        assertThat(server.password().orElseThrow().reveal()).isEqualTo("p@ss");
        assertThat(server.toString()).doesNotContain("p@ss");
        assertThat(proxy.forHttp()).isEmpty();
    }

    @Test
    void load_lowerCaseVariablesWithoutScheme_read() throws Exception {
        ProxyConfig proxy = load(Map.of("http_proxy", "squid:8080", "no_proxy", ".internal, 10.0.0.0/8"), "", FEEDS)
                .http().proxy();

        assertThat(proxy.forHttp().orElseThrow().address()).isEqualTo("squid:8080");
        assertThat(proxy.noProxy().matches("git.internal", 80)).isTrue();
        assertThat(proxy.noProxy().matches("10.20.30.40", 80)).isTrue();
        assertThat(proxy.noProxy().matches("example.org", 80)).isFalse();
    }

    @Test
    void load_upperCaseVariableWinsOverLowerCase() throws Exception {
        ProxyConfig proxy = load(Map.of("HTTP_PROXY", "http://upper:1", "http_proxy", "http://lower:2"), "", FEEDS)
                .http().proxy();

        assertThat(proxy.forHttp().orElseThrow().address()).isEqualTo("upper:1");
    }

    @Test
    void load_httpProxyKey_winsOverEnvironmentForBothSchemes() throws Exception {
        ProxyConfig proxy = load(Map.of("HTTPS_PROXY", "http://env:1", "PROXY_PASSWORD", "pw"), """
                http:
                  proxy: http://proxy.corp:3128
                  proxyUser: collide
                  proxyPassword: ${PROXY_PASSWORD}
                  noProxy: [localhost, "*.corp"]
                """, FEEDS).http().proxy();

        assertThat(proxy.forHttps().orElseThrow().address()).isEqualTo("proxy.corp:3128");
        assertThat(proxy.forHttp().orElseThrow().password().orElseThrow().envName()).isEqualTo("PROXY_PASSWORD");
        assertThat(proxy.noProxy().matches("wiki.corp", 443)).isTrue();
    }

    @Test
    void load_httpProxyNone_ignoresEnvironment() throws Exception {
        ProxyConfig proxy = load(Map.of("HTTPS_PROXY", "http://env:1"), "http:\n  proxy: none\n", FEEDS).http()
                .proxy();

        assertThat(proxy).isEqualTo(ProxyConfig.DIRECT);
    }

    @Test
    void load_credentialsInHttpProxy_refusedWithLineAndWithoutThePassword() {
        assertThatThrownBy(() -> load(Map.of(), "http:\n  proxy: http://collide:hunter2@proxy.corp:3128\n", FEEDS))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file("collide.yml") + " line 2: http.proxy 'http://***@proxy.corp:3128' carries"
                        + " credentials, which must not be written in a file; write proxyUser: NAME and"
                        + " proxyPassword: ${SOME_ENV_VAR}");
    }

    @Test
    void load_proxyPasswordWrittenInFile_refused() {
        assertThatThrownBy(() -> load(Map.of(), """
                http:
                  proxy: http://proxy.corp:3128
                  proxyUser: collide
                  proxyPassword: hunter2
                """, FEEDS)).isInstanceOf(ConfigException.class).hasMessageStartingWith(file("collide.yml")
                + " line 4: 'proxyPassword' is a secret and must not be written in a file");
    }

    @Test
    void load_httpProxyWithoutPort_refusedWithExample() {
        assertThatThrownBy(() -> load(Map.of(), "http:\n  proxy: http://proxy.corp\n", FEEDS))
                .hasMessage(file("collide.yml") + " line 2: http.proxy 'http://proxy.corp' has no port; write it as"
                        + " e.g. http://proxy.corp:3128");
    }

    @Test
    void load_socksInEnvironment_refusedNamingTheVariable() {
        assertThatThrownBy(() -> load(Map.of("HTTPS_PROXY", "socks5://proxy.corp:1080"), "", FEEDS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment variable HTTPS_PROXY: proxy 'socks5://proxy.corp:1080': only HTTP proxies"
                        + " are supported, not socks5; write http://host:port; or set http.proxy in"
                        + " config/collide.yml, which wins over the environment");
    }

    @Test
    void load_badNoProxyEntry_refusedNamingIt() {
        assertThatThrownBy(() -> load(Map.of("NO_PROXY", "localhost,example.org:http"), "", FEEDS))
                .hasMessage("environment variable NO_PROXY: no-proxy entry 'example.org:http' has port 'http'; write"
                        + " host, host:port, .domain or 10.0.0.0/8");
    }

    @Test
    void load_sourceProxy_keyedByOriginAndInheritsGlobalCredentials() throws Exception {
        CollideConfig config = load(Map.of("PROXY_PASSWORD", "pw"), """
                http:
                  proxy: http://proxy.corp:3128
                  proxyUser: collide
                  proxyPassword: ${PROXY_PASSWORD}
                """, """
                sources:
                  - id: hf-blog
                    url: https://huggingface.co/blog/feed.xml
                    proxy: none
                  - id: intranet
                    url: http://news.corp/feed.xml
                    proxy: proxy.corp:3128
                """);

        Map<String, Optional<ProxyServer>> bySource = config.http().proxy().bySourceOrigin();
        assertThat(bySource.get("https://huggingface.co:443")).isEmpty();
        ProxyServer intranet = bySource.get("http://news.corp:80").orElseThrow();
        assertThat(intranet.user()).contains("collide");
        assertThat(intranet.origin()).isEqualTo("proxy of source 'intranet'");
    }

    @Test
    void load_sourceProxyNotAUrl_refusedWithLine() {
        assertThatThrownBy(() -> load(Map.of(), "", """
                sources:
                  - id: hf-blog
                    url: https://huggingface.co/blog/feed.xml
                    proxy: socks5://tor:9050
                """)).hasMessage(file("feeds.yml") + " line 4: source 'hf-blog': proxy 'socks5://tor:9050': only"
                + " HTTP proxies are supported, not socks5; write http://host:port, or \"proxy: none\" to go direct");
    }

    @Test
    void load_twoSourcesOnOneHostWithDifferentProxies_refused() {
        assertThatThrownBy(() -> load(Map.of(), "", """
                sources:
                  - id: hf-blog
                    url: https://huggingface.co/blog/feed.xml
                    proxy: none
                  - id: hf-papers
                    url: https://huggingface.co/papers/feed.xml
                    proxy: http://proxy.corp:3128
                """)).hasMessage(file("feeds.yml") + " line 7: source 'hf-papers' sets proxy 'http://proxy.corp:3128'"
                + " for https://huggingface.co:443 but source 'hf-blog' (line 4) sets 'none'; a proxy applies to every"
                + " request to that host, so give both the same value");
    }

    @Test
    void noProxy_entries_matchAsCurlDoes() {
        NoProxy rules = NoProxy.parse("example.com, .corp.net *.lan, internal:8080, [::1]:9000, 192.168.0.0/16");

        assertThat(rules.matches("example.com", 443)).isTrue();
        assertThat(rules.matches("www.example.com", 443)).isTrue();
        assertThat(rules.matches("notexample.com", 443)).isFalse();
        assertThat(rules.matches("a.corp.net", 80)).isTrue();
        assertThat(rules.matches("printer.lan", 80)).isTrue();
        assertThat(rules.matches("internal", 8080)).isTrue();
        assertThat(rules.matches("internal", 80)).isFalse();
        assertThat(rules.matches("[::1]", 9000)).isTrue();
        assertThat(rules.matches("192.168.4.5", 80)).isTrue();
        assertThat(rules.matches("192.169.4.5", 80)).isFalse();
        assertThat(NoProxy.parse("*").matches("anything.example", 1)).isTrue();
    }
}
