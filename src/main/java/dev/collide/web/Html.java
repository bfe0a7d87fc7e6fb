package dev.collide.web;

import dev.collide.notify.HtmlOutput;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Escaping for the SVG timeline, written by hand (the pages are templates that escape by default). */
final class Html {
    private Html() {
    }

    /** Escapes for element content and double- or single-quoted attribute values alike. */
    static String escape(String s) {
        return HtmlOutput.escape(s);
    }

    /**
     * An href for a feed-supplied link: only absolute http(s) URLs, unescaped (the template escapes it); anything else
     * (javascript:) none.
     */
    static Optional<String> safeHref(Optional<URI> link) {
        return link.filter(u -> u.getScheme() != null && u.getHost() != null)
                .filter(u -> {
                    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
                    return scheme.equals("http") || scheme.equals("https");
                })
                .map(URI::toASCIIString);
    }
}
