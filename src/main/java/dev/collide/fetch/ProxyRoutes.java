package dev.collide.fetch;

import dev.collide.config.ProxyConfig;
import dev.collide.config.ProxyServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Dns;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Picks the proxy for each request from {@link ProxyConfig} (a source's own {@code proxy:}, then NO_PROXY, then the
 * proxy for the URL's scheme) and answers a proxy's 407 with Basic credentials once. OkHttp asks it through
 * {@link ProxySelector} and {@link Authenticator}; {@link ConditionalFetcher} asks {@link #proxyFor} to guard and
 * describe. Thread-safe (immutable).
 */
final class ProxyRoutes extends ProxySelector implements Authenticator {
    private final ProxyConfig config;
    private final Set<String> proxyHosts;

    ProxyRoutes(ProxyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.proxyHosts = config.servers().stream().map(ProxyServer::host).collect(Collectors.toUnmodifiableSet());
    }

    boolean isDirect() {
        return config.isDirect();
    }

    /** The proxy a request to {@code url} goes through; empty for a direct connection. */
    Optional<ProxyServer> proxyFor(URI url) {
        Optional<ProxyServer> own = config.bySourceOrigin().get(ProxyConfig.originOf(url));
        if (own != null) {
            return own;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        Optional<ProxyServer> server = scheme.equals("https") ? config.forHttps() : config.forHttp();
        if (server.isEmpty() || url.getHost() == null) {
            return Optional.empty();
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return config.noProxy().matches(url.getHost(), port) ? Optional.empty() : server;
    }

    @Override
    public List<Proxy> select(URI uri) {
        return List.of(proxyFor(uri).map(p -> new Proxy(Proxy.Type.HTTP,
                InetSocketAddress.createUnresolved(p.host(), p.port()))).orElse(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // nothing to learn: there is one proxy per request, and the failure is reported by the fetcher
    }

    /**
     * A 407 (or OkHttp's preemptive call before a CONNECT): Basic credentials of the proxy that asked, once. Null,
     * which gives up, when that proxy has none, when they were already refused, or when it wants another scheme.
     */
    @Override
    public Request authenticate(Route route, Response response) {
        if (response.request().header("Proxy-Authorization") != null) {
            return null;
        }
        Optional<ProxyServer> server = serverAt(route == null ? null : route.proxy());
        if (server.isEmpty() || server.get().user().isEmpty()) {
            return null;
        }
        boolean basicOffered = response.challenges().isEmpty() || response.challenges().stream()
                .map(Challenge::scheme).anyMatch(s -> s.equalsIgnoreCase("Basic")
                        || s.equalsIgnoreCase("OkHttp-Preemptive"));
        if (!basicOffered) {
            return null;
        }
        String password = server.get().password().map(s -> s.reveal()).orElse("");
        return response.request().newBuilder()
                .header("Proxy-Authorization", Credentials.basic(server.get().user().get(), password)).build();
    }

    private Optional<ProxyServer> serverAt(Proxy proxy) {
        if (proxy == null || !(proxy.address() instanceof InetSocketAddress address)) {
            return Optional.empty();
        }
        return config.servers().stream().filter(s -> s.host().equalsIgnoreCase(address.getHostString())
                && s.port() == address.getPort()).findFirst();
    }

    /**
     * For the client that fetches feed-supplied links: OkHttp resolves the proxy's host, not the target's, and a
     * proxy inside our network is the normal case, so proxy hosts skip the address guard here. The target is
     * checked by {@link ConditionalFetcher} before the request is sent (see {@link #checkTarget}).
     */
    Dns exemptingProxies(Dns guarded, Dns plain) {
        return hostname -> proxyHosts.contains(hostname.toLowerCase(Locale.ROOT)) ? plain.lookup(hostname)
                : guarded.lookup(hostname);
    }

    /**
     * The address guard for a target that the proxy, not OkHttp, will resolve (or whose host is a proxy host,
     * which the client's Dns lets through): resolves it here and refuses internal addresses, so a proxy is no way
     * around the guard. Throws {@link AddressPolicy.RefusedAddressException} or {@link UnknownHostException}.
     */
    void checkTarget(URI url, AddressPolicy guard) throws UnknownHostException {
        String host = url.getHost();
        if (proxyFor(url).isPresent() || proxyHosts.contains(host.toLowerCase(Locale.ROOT))) {
            guard.lookup(host);
        }
    }

    /**
     * Turns a proxy's own failure into the reason for the result, naming the proxy and the setting it came from;
     * empty when the failure is not the proxy's (or the request went direct).
     */
    Optional<String> proxyFailure(URI url, IOException e) {
        Optional<ProxyServer> proxy = proxyFor(url);
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        ProxyServer p = proxy.get();
        String which = "proxy " + p.address() + " (from " + p.origin() + ")";
        String message = Objects.requireNonNullElse(e.getMessage(), "");
        if (e instanceof ConnectException) {
            return Optional.of(which + " refused the connection while fetching " + url + "; check that the proxy"
                    + " runs and the address is right, or set \"proxy: none\" for sources it must not serve");
        }
        if (e instanceof UnknownHostException && !(e instanceof AddressPolicy.RefusedAddressException)
                && message.contains(p.host())) {
            return Optional.of("unknown proxy host " + p.host() + " (from " + p.origin() + ") while fetching " + url
                    + "; check the proxy address");
        }
        if (message.startsWith("Failed to authenticate with proxy")) {
            return Optional.of(authenticationRequired(p, url, p.user().isPresent()));
        }
        if (message.startsWith("Unexpected response code for CONNECT: ")) {
            return Optional.of(which + " refused to open a tunnel to " + url.getHost() + " (HTTP "
                    + message.substring("Unexpected response code for CONNECT: ".length()).strip()
                    + " to CONNECT) while fetching " + url + "; the proxy may block that site");
        }
        return Optional.empty();
    }

    /** A 407 that reached the fetcher: the proxy wants credentials we do not have, or refused ours. */
    Optional<String> proxyFailure(URI url, int code, boolean sentCredentials) {
        if (code != 407) {
            return Optional.empty();
        }
        return proxyFor(url).map(p -> authenticationRequired(p, url, sentCredentials));
    }

    private static String authenticationRequired(ProxyServer p, URI url, boolean sentCredentials) {
        String which = "proxy " + p.address() + " (from " + p.origin() + ")";
        return sentCredentials
                ? which + " rejected the credentials (407) while fetching " + url + "; check the proxy user and"
                        + " the password in " + p.password().map(s -> s.envName()).orElse("the proxy password")
                : which + " requires authentication (407) while fetching " + url + "; set http.proxyUser and"
                        + " http.proxyPassword: ${SOME_ENV_VAR}, or user:password@ in the proxy variable";
    }

    /** A failure of the proxy itself; its message is the reason to report, already naming proxy and setting. */
    static final class ProxyFailureException extends IOException {
        private static final long serialVersionUID = 1L;

        ProxyFailureException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
