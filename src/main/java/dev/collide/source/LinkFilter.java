package dev.collide.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.parser.Parser;

/**
 * Keeps a link from feed content only when it is an absolute http(s) URL, after the clean-ups a browser would do:
 * character references decoded, surrounding space trimmed, tabs and newlines inside dropped (browsers ignore them,
 * so "java&#9;script:" is still javascript:), scheme compared case-insensitively. Relative links are resolved
 * against the given base first.
 */
final class LinkFilter {
    Optional<URI> safeLink(String raw, Optional<URI> base) {
        if (raw == null) {
            return Optional.empty();
        }
        String cleaned = Parser.unescapeEntities(raw, true).strip().replaceAll("[\\t\\n\\r\\x00-\\x1f\\x7f]", "");
        if (cleaned.isEmpty() || cleaned.length() > 4096) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(cleaned.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null) {
            if (base.isEmpty()) {
                return Optional.empty();
            }
            try {
                uri = base.get().resolve(uri);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return httpOnly(uri);
    }

    private static Optional<URI> httpOnly(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("http") && !lower.equals("https")) {
            return Optional.empty();
        }
        if (lower.equals(scheme)) {
            return Optional.of(uri);
        }
        try {
            return Optional.of(new URI(lower + uri.toString().substring(scheme.length())));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
