package dev.collide.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which requests go through a forward proxy (issue #16). {@code forHttp} / {@code forHttps} serve http and https
 * URLs unless {@code noProxy} matches the host; {@code bySourceOrigin} holds the sources' own {@code proxy:} keyed by
 * {@link #originOf} of their url (an empty value is {@code proxy: none}), and wins over both for any request to that
 * scheme, host and port.
 */
public record ProxyConfig(Optional<ProxyServer> forHttp, Optional<ProxyServer> forHttps, NoProxy noProxy,
                          Map<String, Optional<ProxyServer>> bySourceOrigin) {
    public static final ProxyConfig DIRECT = new ProxyConfig(Optional.empty(), Optional.empty(), NoProxy.NONE,
            Map.of());
    static final Set<String> HTTP_KEYS = Set.of("proxy", "proxyUser", "proxyPassword", "noProxy");

    public ProxyConfig {
        requireNonNull(forHttp, "forHttp");
        requireNonNull(forHttps, "forHttps");
        requireNonNull(noProxy, "noProxy");
        bySourceOrigin = Map.copyOf(bySourceOrigin);
    }

    /** True when no request can go through a proxy. */
    public boolean isDirect() {
        return forHttp.isEmpty() && forHttps.isEmpty() && bySourceOrigin.values().stream().allMatch(Optional::isEmpty);
    }

    /** Every proxy named anywhere, for looking up credentials and telling a proxy's host from a target's. */
    public List<ProxyServer> servers() {
        var all = new LinkedHashMap<String, ProxyServer>();
        forHttp.ifPresent(p -> all.put(p.address(), p));
        forHttps.ifPresent(p -> all.put(p.address(), p));
        bySourceOrigin.values().forEach(v -> v.ifPresent(p -> all.putIfAbsent(p.address(), p)));
        return List.copyOf(all.values());
    }

    /** {@code scheme://host:port} in lower case with the default port written out. */
    public static String originOf(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** The same global settings with the sources' own {@code proxy:} (validated at load, see SourcesReader). */
    public ProxyConfig withSources(List<SourceConfig> sources) {
        var byOrigin = new LinkedHashMap<String, Optional<ProxyServer>>();
        for (SourceConfig source : sources) {
            source.param("proxy").ifPresent(value -> byOrigin.putIfAbsent(originOf(source.url()),
                    sourceProxy(value, source.id(), this)));
        }
        return new ProxyConfig(forHttp, forHttps, noProxy, byOrigin);
    }

    /**
     * A source's {@code proxy:} value: {@code none} is direct; a proxy with the host and port of the global one
     * uses its credentials. Throws {@link IllegalArgumentException} for a value that is not a proxy URL.
     */
    static Optional<ProxyServer> sourceProxy(String value, String sourceId, ProxyConfig global) {
        if (value.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        ProxyServer own = ProxyServer.parse(value, "proxy of source '" + sourceId + "'", Optional.empty());
        for (ProxyServer known : global.servers()) {
            if (known.address().equals(own.address())) {
                return Optional.of(new ProxyServer(own.host(), own.port(), known.user(), known.password(),
                        own.origin()));
            }
        }
        return Optional.of(own);
    }

    /**
     * The global part: {@code http.proxy} (with {@code proxyUser}, {@code proxyPassword: ${ENV}}, {@code noProxy})
     * when the key is there ({@code proxy: none} turns proxies off whatever the environment says); otherwise
     * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, upper case first, then lower case, as Go's net/http reads them.
     */
    static ProxyConfig read(Optional<YamlMap> http, Function<String, String> env) throws ConfigException {
        if (http.isPresent() && http.get().has("proxy")) {
            YamlMap h = http.get();
            String value = h.string("proxy").orElse("none");
            if (value.strip().equalsIgnoreCase("none")) {
                return DIRECT;
            }
            ProxyServer parsed;
            try {
                parsed = ProxyServer.parse(value, "http.proxy in " + h.file(), Optional.empty());
            } catch (IllegalArgumentException e) {
                throw h.error("proxy", "http." + e.getMessage());
            }
            Optional<String> user = h.string("proxyUser");
            Optional<Secret> password = h.secret("proxyPassword", true);
            if (password.isPresent() && user.isEmpty()) {
                throw h.error("proxyPassword", "http.proxyPassword is set but http.proxyUser is not; add"
                        + " \"proxyUser: NAME\"");
            }
            var server = new ProxyServer(parsed.host(), parsed.port(), user, password, parsed.origin());
            NoProxy noProxy;
            try {
                noProxy = NoProxy.parse(String.join(",", h.strings("noProxy")));
            } catch (IllegalArgumentException e) {
                throw h.error("noProxy", "http.noProxy: " + e.getMessage());
            }
            return new ProxyConfig(Optional.of(server), Optional.of(server), noProxy, Map.of());
        }
        if (http.isPresent()) {
            for (String key : List.of("proxyUser", "proxyPassword", "noProxy")) {
                if (http.get().has(key)) {
                    throw http.get().error(key, "http." + key + " is set without http.proxy; add"
                            + " \"proxy: http://host:port\" or remove it");
                }
            }
        }
        Optional<ProxyServer> forHttp = fromEnv(env, "HTTP_PROXY");
        Optional<ProxyServer> forHttps = fromEnv(env, "HTTPS_PROXY");
        Optional<String> noProxyName = name(env, "NO_PROXY");
        NoProxy noProxy = NoProxy.NONE;
        if (noProxyName.isPresent()) {
            try {
                noProxy = NoProxy.parse(env.apply(noProxyName.get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("environment variable " + noProxyName.get() + ": " + e.getMessage());
            }
        }
        return new ProxyConfig(forHttp, forHttps, noProxy, Map.of());
    }

    private static Optional<ProxyServer> fromEnv(Function<String, String> env, String upper) throws ConfigException {
        Optional<String> name = name(env, upper);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProxyServer.parse(env.apply(name.get()), name.get(), name));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment variable " + name.get() + ": " + e.getMessage()
                    + "; or set http.proxy in config/collide.yml, which wins over the environment");
        }
    }

    /** The variable's name in the case that is set and not blank: upper case first. */
    private static Optional<String> name(Function<String, String> env, String upper) {
        for (String candidate : List.of(upper, upper.toLowerCase(Locale.ROOT))) {
            String value = env.apply(candidate);
            if (value != null && !value.isBlank()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
