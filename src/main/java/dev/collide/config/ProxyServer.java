package dev.collide.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A forward HTTP proxy (issue #16): {@code host:port}, optional Basic credentials, and {@code origin}, where it was
 * configured ("http.proxy", "HTTPS_PROXY", "source 'x'"), so that a failure can name the setting to fix. The
 * password is a {@link Secret}: it never reaches {@code toString()}.
 */
public record ProxyServer(String host, int port, Optional<String> user, Optional<Secret> password, String origin) {
    public ProxyServer {
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        requireNonNull(origin, "origin");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("proxy from " + origin + " has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy from " + origin + " has port " + port + "; use 1..65535");
        }
    }

    /** {@code host:port}, for messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Reads {@code http://host:port} (the scheme may be left out, as curl allows). {@code credentialsEnv} names the
     * environment variable the value came from: only then may it carry {@code user:password@}, which a file must
     * not. Throws {@link IllegalArgumentException} with a message that says what to write instead.
     */
    static ProxyServer parse(String raw, String origin, Optional<String> credentialsEnv) {
        String value = raw.strip();
        if (!value.contains("://")) {
            value = "http://" + value;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("proxy '" + safe(raw) + "' is not a URL (" + e.getReason()
                    + "); write it as http://host:port");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException("proxy '" + safe(raw) + "': a proxy reached over TLS (https://) is not"
                    + " supported; write http://host:port (https sites stay encrypted through its tunnel)");
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("proxy '" + safe(raw) + "': only HTTP proxies are supported, not "
                    + scheme + "; write http://host:port");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("proxy '" + safe(raw) + "' has no host; write http://host:port");
        }
        if (uri.getPort() < 0) {
            throw new IllegalArgumentException("proxy '" + safe(raw) + "' has no port; write it as e.g. http://"
                    + uri.getHost() + ":3128");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("proxy '" + safe(raw) + "' has a path or query; write only"
                    + " http://host:port");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            if (credentialsEnv.isEmpty()) {
                throw new IllegalArgumentException("proxy '" + safe(raw) + "' carries credentials, which must not be"
                        + " written in a file; write proxyUser: NAME and proxyPassword: ${SOME_ENV_VAR}");
            }
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(new Secret(credentialsEnv.get(), decode(info.substring(colon + 1))));
            }
        }
        return new ProxyServer(host.toLowerCase(Locale.ROOT), uri.getPort(), user, password, origin);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The value without anything between "//" and "@", so a password never reaches a message. */
    private static String safe(String raw) {
        return raw.strip().replaceAll("//[^/@]*@", "//***@");
    }
}
