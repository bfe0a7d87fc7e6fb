package dev.collide.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A credential (a Hugging Face or GitHub token in {@code Authorization}) goes only to the origin it was configured
 * for: not to another host on a redirect hop, nor to a {@code Link: rel="next"} page on another host (issue 17).
 * Same rule as OkHttp's own redirect handling: scheme, host and port must all match.
 */
public final class CredentialScope {
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");

    private CredentialScope() {
    }

    /** Whether two http(s) URLs share scheme, host (case-insensitive) and effective port. */
    public static boolean sameOrigin(URI a, URI b) {
        String schemeA = lower(a.getScheme());
        String schemeB = lower(b.getScheme());
        return schemeA.equals(schemeB) && lower(a.getHost()).equals(lower(b.getHost()))
                && port(a, schemeA) == port(b, schemeB);
    }

    /** {@code headers} for a request to {@code target}, without credentials unless it is {@code configured}'s origin. */
    public static Map<String, String> forTarget(Map<String, String> headers, URI configured, URI target) {
        if (sameOrigin(configured, target)) {
            return headers;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!isCredential(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    static boolean isCredential(String headerName) {
        return CREDENTIALS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    private static int port(URI url, String scheme) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
