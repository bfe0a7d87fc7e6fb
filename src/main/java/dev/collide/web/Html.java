package dev.collide.web;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Escaping for text that came from feeds: everything written into HTML or SVG goes through here. */
final class Html {
    private Html() {
    }

    /** Escapes for element content and double- or single-quoted attribute values alike. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters are not allowed in HTML text; drop them rather than pass them on
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    /** An href for a feed-supplied link: only absolute http(s) URLs, escaped; anything else (javascript:) none. */
    static Optional<String> safeHref(Optional<URI> link) {
        return link.filter(u -> u.getScheme() != null && u.getHost() != null)
                .filter(u -> {
                    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
                    return scheme.equals("http") || scheme.equals("https");
                })
                .map(u -> escape(u.toASCIIString()));
    }
}
